import type { Command } from '@commander-js/extra-typings';
import { AlreadyReported, CliError, InterruptedError } from '../../errors';
import type { ScheduledMessage, ScheduleKind } from '../../letta/types';
import { defineCommand } from '../command';
import { agentOption, concurrencyOption } from '../options';
import { NOUN } from '../shared/schedule';

/** More than this many on a terminal, and the user is asked first. */
const ASK_ABOVE = 5;

type Outcome = { id: string; agent_id: string; deleted: true } | { id: string; deleted: false; error: string; may_have_been_deleted?: true };

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
      const { findSchedule } = await import('../shared/schedule');
      const api = await rt.api();
      const out = rt.out;
      const found = new Map<string, ScheduledMessage>();
      if (!options.yes && !rt.dryRun && rt.io.stdinIsTTY && rt.io.stderrIsTTY) {
        const { confirmDeletion } = await import('../shared/confirm-delete');
        if (!(await confirmDeletion(rt, kind, ids, ASK_ABOVE, found))) return out.info('Nothing deleted.');
      }
      // Ids whose DELETE is on its way: Ctrl-C then cannot tell whether they landed.
      const sending = new Set<string>();
      const failed = (id: string, error: string, cause?: CliError): Outcome =>
        cause instanceof InterruptedError && sending.has(id) ? { id, deleted: false, error: 'interrupted while deleting: may have been deleted', may_have_been_deleted: true } : { id, deleted: false, error };
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
        const item = found.get(id) ?? (await findSchedule(rt, kind, id));
        sending.add(id);
        await api.deleteSchedule(item.agent_id, id);
        sending.delete(id);
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
      const { outcomes, stopped, firstError } = await eachId<Outcome>(out, ids, failed, act, { concurrency: options.concurrency, said, collectEvery: out.json }).catch((error: unknown) => {
        for (const id of sending) out.note(`${id} may have been deleted (interrupted while deleting it). Check with: letta-switchboard ${NOUN[kind]} get ${id}`);
        throw error;
      });
      // --json: always one array, whatever the number of ids. The exit code, for one id or many: 0 when every id was deleted, else the first failure's.
      if (out.json) out.document(outcomes);
      const notDeleted = outcomes.filter((o) => !o.deleted);
      if (notDeleted.length === 0) return;
      const done = outcomes.filter((o) => o.deleted).map((o) => o.id);
      const maybe = notDeleted.filter((o) => o.may_have_been_deleted).map((o) => o.id);
      if (ids.length > 1 || maybe.length > 0) {
        out.note(`Deleted ${done.length} of ${ids.length}${done.length ? `: ${done.join(', ')}` : ''}.`);
        if (maybe.length > 0) out.note(`May have been deleted (interrupted while deleting): ${maybe.join(', ')}. Check with: letta-switchboard ${NOUN[kind]} get ${maybe[0]}`);
        const not = notDeleted.filter((o) => !o.may_have_been_deleted).map((o) => o.id);
        if (not.length > 0) out.note(`Not deleted: ${not.join(', ')}.`);
      }
      throw new AlreadyReported(stopped ?? firstError ?? new CliError(`${notDeleted.length} of ${ids.length} not deleted`));
    },
  });
