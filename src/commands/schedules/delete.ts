import type { Command } from '@commander-js/extra-typings';
import { AlreadyReported, CliError, UsageError } from '../../errors';
import type { ScheduleKind } from '../../letta/types';
import { defineCommand } from '../command';
import { agentOption, concurrencyOption } from '../options';
import { NOUN } from '../shared/schedule';

/** More than this many on a terminal, and the user is asked first. */
const ASK_ABOVE = 5;

type Outcome = { id: string; agent_id: string; deleted: true } | { id: string; deleted: false; error: string };

/**
 * `onetime delete` and `recurring delete`: each id checked first (Letta's
 * delete says success for unknown ids), then deleted. One failing id does not
 * stop the rest; the end says exactly which were deleted and which were not.
 */
export default (kind: ScheduleKind) =>
  defineCommand({
    path: [NOUN[kind], 'delete'],
    description: `Delete ${kind} schedules (ids, or - to read them from stdin)`,
    examples: [`letta-switchboard ${NOUN[kind]} delete SCHEDULE_ID`, `letta-switchboard ${NOUN[kind]} list -q | letta-switchboard ${NOUN[kind]} delete -`],
    globals: ['output', 'api', 'dryRun'],
    declare: (command: Command) =>
      command
        .argument('[ids...]', "schedule ids; '-' reads ids from stdin")
        .addOption(agentOption())
        .option('-y, --yes', `delete more than ${ASK_ABOVE} without asking (a terminal asks; a pipe never does)`)
        .addOption(concurrencyOption()),
    async run(rt, options, args) {
      const { idsFrom, eachId } = await import('../shared/ids');
      const ids = await idsFrom(rt, args, `${NOUN[kind]} delete`);
      if (ids.length === 0) return;
      if (ids.length > ASK_ABOVE && !options.yes && !rt.dryRun && rt.io.stdinIsTTY && rt.io.stderrIsTTY) {
        const answer = await rt.prompt(`Delete ${ids.length} ${kind} schedules? [y/N] `);
        if (!/^y(es)?$/i.test(answer.trim())) throw new UsageError('Nothing deleted', 'Pass --yes to delete without asking.');
      }
      const { findSchedule } = await import('../shared/schedule');
      const api = await rt.api();
      const out = rt.out;
      // Ids are deleted a few at a time, but series one after another: each rewrites the record of intent.
      let seriesTurn: Promise<unknown> = Promise.resolve();
      const seriesSizes = new Map<string, number>();
      const act = async (id: string): Promise<Outcome> => {
        if (kind === 'recurring' && (await import('../../state/records')).isSeriesId(id)) {
          const { deleteSeries } = await import('../shared/series');
          const turn = seriesTurn.then(() => deleteSeries(rt, id));
          seriesTurn = turn.catch(() => undefined);
          const { agent_id, deleted } = await turn;
          seriesSizes.set(id, deleted.length);
          return { id, agent_id, deleted: true };
        }
        const item = await findSchedule(rt, kind, id);
        await api.deleteSchedule(item.agent_id, id);
        return { id, agent_id: item.agent_id, deleted: true };
      };
      const said = (outcome: Outcome) => {
        if (!outcome.deleted) return;
        if (out.quiet) return out.line(outcome.id);
        if (out.json) return;
        const size = seriesSizes.get(outcome.id);
        if (size !== undefined) out.success(`Deleted series ${outcome.id} (${size} one-time schedule${size === 1 ? '' : 's'})`);
        else out.success(`Deleted ${kind} schedule ${outcome.id}`);
      };
      const { outcomes, stopped } = await eachId<Outcome>(out, ids, (id, error) => ({ id, deleted: false, error }), act, { concurrency: options.concurrency, said });
      if (out.json) out.document(outcomes);
      const failed = outcomes.filter((o) => !o.deleted);
      if (failed.length === 0) return;
      const done = outcomes.filter((o) => o.deleted).map((o) => o.id);
      out.note(`Deleted ${done.length} of ${ids.length}${done.length ? `: ${done.join(', ')}` : ''}.`);
      out.note(`Not deleted: ${failed.map((o) => o.id).join(', ')}.`);
      throw new AlreadyReported(stopped ?? new CliError(`${failed.length} of ${ids.length} not deleted`));
    },
  });
