import type { Command } from '@commander-js/extra-typings';
import { AlreadyReported, CliError, InterruptedError } from '../../errors';
import type { ScheduledMessage, ScheduleKind } from '../../letta/types';
import { defineCommand } from '../command';
import { agentOption } from '../options';
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
        .option('-y, --yes', `delete more than ${ASK_ABOVE} without asking (a terminal asks; a pipe never does)`),
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
      // The id whose DELETE is on its way: Ctrl-C then cannot tell whether it landed.
      let sending: string | undefined;
      const failed = (id: string, error: string, cause?: CliError): Outcome =>
        cause instanceof InterruptedError && sending === id ? { id, deleted: false, error: 'interrupted while deleting: may have been deleted', may_have_been_deleted: true } : { id, deleted: false, error };
      const deleting = eachId<Outcome>(out, ids, failed, async (id) => {
        if (kind === 'recurring' && (await import('../../state/records')).isSeriesId(id)) {
          const { deleteSeries } = await import('../shared/series');
          const { agent_id, deleted } = await deleteSeries(rt, id);
          if (out.quiet) out.line(id);
          else if (!out.json) out.success(`Deleted series ${id} (${deleted.length} one-time schedule${deleted.length === 1 ? '' : 's'})`);
          return { id, agent_id, deleted: true };
        }
        const item = found.get(id) ?? (await findSchedule(rt, kind, id));
        sending = id;
        await api.deleteSchedule(item.agent_id, id);
        sending = undefined;
        if (out.quiet) out.line(id);
        else if (!out.json) out.success(`Deleted ${kind} schedule ${id}`);
        return { id, agent_id: item.agent_id, deleted: true };
      }, { collectEvery: out.json });
      const { outcomes, stopped, firstError } = await deleting.catch((error: unknown) => {
        if (error instanceof InterruptedError && sending) out.note(`${sending} may have been deleted (interrupted while deleting it). Check with: letta-switchboard ${NOUN[kind]} get ${sending}`);
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
