import type { Command } from '@commander-js/extra-typings';
import { AlreadyReported, CliError, NotFoundError, UsageError } from '../../errors';
import type { ScheduleKind } from '../../letta/types';
import { defineCommand } from '../command';
import { agentOption } from '../options';
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
        .option('-y, --yes', `delete more than ${ASK_ABOVE} without asking (a terminal asks; a pipe never does)`),
    async run(rt, options, args) {
      const { idsFrom, eachId } = await import('../shared/ids');
      const ids = await idsFrom(rt, args, `${NOUN[kind]} delete`);
      if (ids.length === 0) return;
      if (ids.length > ASK_ABOVE && !options.yes && !rt.dryRun && rt.io.stdinIsTTY && rt.io.stderrIsTTY) {
        const answer = await rt.prompt(`Delete ${ids.length} ${kind} schedules? [y/N] `);
        if (!/^y(es)?$/i.test(answer.trim())) throw new UsageError('Nothing deleted', 'Pass --yes to delete without asking.');
      }
      const [{ findSchedule }, { whileChanging, readRecordOrNothing, followLineage, recordWriter }, { markDeleted, isSetId, setMembers, findIntent }] = await Promise.all([
        import('../shared/schedule'),
        import('../shared/state'),
        import('../../state/records'),
      ]);
      const api = await rt.api();
      const out = rt.out;
      const records = await recordWriter(rt);
      const at = new Date(rt.now()).toISOString();
      // Each id is looked up, deleted and recorded holding the changes lock, so a sync cannot re-create it meanwhile.
      const { outcomes, stopped } = await eachId<Outcome>(out, ids, (id, error) => ({ id, deleted: false, error }), (asked) => whileChanging(rt, async () => {
        if (kind === 'recurring' && (await import('../../state/records')).isSeriesId(asked)) {
          const { deleteSeries } = await import('../shared/series');
          const { agent_id, deleted } = await deleteSeries(rt, asked);
          if (out.quiet) out.line(asked);
          else if (!out.json) out.success(`Deleted series ${asked} (${deleted.length} one-time schedule${deleted.length === 1 ? '' : 's'})`);
          return { id: asked, agent_id, deleted: true };
        }
        const state = await readRecordOrNothing(rt);
        if (kind === 'recurring' && isSetId(asked)) {
          // A set is deleted whole: every schedule made from its phrase.
          const members = setMembers(state, asked);
          if (members.length === 0) throw new NotFoundError(`No set '${asked}' in the record of intent`, 'List schedules with: letta-switchboard recurring list');
          for (const member of members) {
            const item = await findSchedule(rt, kind, member.schedule_id);
            await api.deleteSchedule(item.agent_id, item.id);
            await records.update((s) => markDeleted(s, item.id, at));
          }
          if (out.quiet) out.line(asked);
          else if (!out.json) out.success(`Deleted set ${asked} (${members.map((m) => m.schedule_id).join(', ')})`);
          return { id: asked, agent_id: members[0]!.agent_id, deleted: true };
        }
        const id = followLineage(rt, state, asked);
        const setId = findIntent(state, id)?.set_id;
        const siblings = setId ? setMembers(state, setId).filter((m) => m.schedule_id !== id && !ids.includes(m.schedule_id)) : [];
        if (setId && siblings.length > 0) {
          const others = siblings.map((m) => m.schedule_id).join(', ');
          const said = `${id} is one of the schedules made from '${findIntent(state, id)!.phrase}' (set ${setId}); ${others} keep${siblings.length === 1 ? 's' : ''} firing`;
          if (rt.io.stdinIsTTY && rt.io.stderrIsTTY && !options.yes && !rt.dryRun) {
            const answer = await rt.prompt(`${said}. Delete only ${id}? [y/N] `);
            if (!/^y(es)?$/i.test(answer.trim())) throw new UsageError(`${id} not deleted`, `Delete the whole set with: letta-switchboard recurring delete ${setId}`);
          } else {
            out.warn(`${said}. Delete the whole set with: letta-switchboard recurring delete ${setId}`);
          }
        }
        const item = await findSchedule(rt, kind, id);
        await api.deleteSchedule(item.agent_id, id);
        // Recorded as deleted with this tool, so sync never reports it as deleted elsewhere.
        await records.update((state) => markDeleted(state, id, at));
        if (out.quiet) out.line(id);
        else if (!out.json) out.success(`Deleted ${kind} schedule ${id}`);
        return { id, agent_id: item.agent_id, deleted: true };
      }));
      if (out.json) out.document(outcomes);
      const failed = outcomes.filter((o) => !o.deleted);
      if (failed.length === 0) return;
      const done = outcomes.filter((o) => o.deleted).map((o) => o.id);
      out.note(`Deleted ${done.length} of ${ids.length}${done.length ? `: ${done.join(', ')}` : ''}.`);
      out.note(`Not deleted: ${failed.map((o) => o.id).join(', ')}.`);
      throw new AlreadyReported(stopped ?? new CliError(`${failed.length} of ${ids.length} not deleted`));
    },
  });
