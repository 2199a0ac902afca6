import type { Command } from '@commander-js/extra-typings';
import { CliError, DeleteMayHaveLandedError, InterruptedError, NotFoundError, UsageError, WrongKindError } from '../../errors';
import type { ScheduleKind } from '../../letta/types';
import { endOutcomes, endWithNoIds, sayOutcome } from '../../output/outcomes';
import { defineCommand } from '../command';
import { agentOption, concurrencyOption } from '../options';
import { NOUN, findSchedule } from '../shared/schedule';
import { idsFrom, eachId } from '../shared/ids';
import { lookInRecord, readRecordOrNothing, sideBySide, followLineage, recordWriter, deleteUnfinishedCopy } from '../shared/state';
import {
  markDeleted,
  markDeleteUnanswered,
  clearDeleteUnanswered,
  isSetId,
  isSeriesId,
  setMembers,
  findIntent,
  findPaused,
  findSeries,
  currentId,
  takePaused,
  type Intent,
  type State,
} from '../../state/records';
import { formatLocal } from '../../time/zone';
import { limiter } from '../../concurrency';
import { confirmDeletion } from '../shared/confirm-delete';
import { deleteSeries } from '../shared/series';
import { whyNotOnLetta } from '../../not-on-letta';

/** More than this many on a terminal, and the user is asked first. */
const ASK_ABOVE = 5;

type Outcome =
  { id: string; agent_id: string; deleted: true; already_deleted?: true; was_paused?: true; not_on_letta?: string[] } | { id: string; deleted: false; error: string; may_have_been_deleted?: true };

/**
 * What `asked` names, if this tool recorded it deleted (a schedule of this kind, a whole set, a series): its agent and when.
 * A delete run again (a script re-run after a partial failure) then finds it done, not unknown.
 */
function deletedBefore(state: State, asked: string, kind: ScheduleKind): { id: string; agent_id: string; at?: string } | undefined {
  if (isSeriesId(asked)) {
    const series = findSeries(state, asked);
    return series?.status === 'deleted' ? { id: asked, agent_id: series.agent_id, at: series.status_at } : undefined;
  }
  if (isSetId(asked)) {
    const members = state.intents.filter((intent) => intent.set_id === asked);
    return kind === 'recurring' && members.length > 0 && members.every((m) => m.status === 'deleted') ? { id: asked, agent_id: members[0]!.agent_id, at: members[0]!.status_at } : undefined;
  }
  // What stands for the id asked now: the schedule an edit, resume or sync replaced it with.
  const intent = findIntent(state, currentId(state, asked));
  return intent?.status === 'deleted' && intent.kind === kind ? { id: intent.schedule_id, agent_id: intent.agent_id, at: intent.status_at } : undefined;
}

/** A paused schedule deleted: its saved copy (all that is left of it; Letta no longer has it) dropped, its record marked deleted. */
function dropPaused(state: State, id: string, at: string): void {
  takePaused(state, id);
  markDeleted(state, id, at);
}

/** The schedules of a set that are paused, each with its saved copy and no resume of it under way. */
function pausedMembers(state: State, setId: string): Intent[] {
  return state.intents.filter((intent) => {
    const saved = intent.set_id === setId && intent.status === 'paused' ? findPaused(state, intent.schedule_id) : undefined;
    return saved !== undefined && saved.resume_attempt === undefined;
  });
}

/** The other schedules of the set `id` was made in, that are not being deleted with it: they keep firing. */
function keptSiblings(state: State, id: string, ids: string[]): Intent[] {
  const setId = findIntent(state, id)?.set_id;
  return setId ? setMembers(state, setId).filter((m) => m.schedule_id !== id && !ids.includes(m.schedule_id)) : [];
}

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
      const ids = await idsFrom(rt, args, `${NOUN[kind]} delete`);
      if (ids.length === 0) return endWithNoIds(rt.out);
      const api = await rt.api();
      const out = rt.out;
      if (!options.yes && !rt.dryRun && rt.io.stdinIsTTY && rt.io.stderrIsTTY) {
        if (!(await confirmDeletion(rt, kind, ids, ASK_ABOVE, options.concurrency))) return out.info('Nothing deleted.');
      }
      // Each id is looked up again, deleted and recorded holding the changes lock (so a sync cannot re-create it meanwhile),
      // up to --concurrency ids at once, their record changes written together; each id's lookup (among every agent when none is given) and delete take one of --concurrency request slots.
      // A dry run prints its requests in the ids' order, and a set member asked about on a terminal is asked one at a time.
      const known = await readRecordOrNothing(rt);
      const asks = rt.io.stdinIsTTY && rt.io.stderrIsTTY && !options.yes && !rt.dryRun && ids.some((id) => keptSiblings(known, currentId(known, id), ids).length > 0);
      const concurrency = rt.dryRun || asks ? 1 : options.concurrency;
      const requests = limiter(concurrency);
      const { changing, saving: records, subjects } = sideBySide(rt, await recordWriter(rt, 'the record may still list it'), known);
      const at = new Date(rt.now()).toISOString();
      // Ids whose DELETE is on its way: Ctrl-C then cannot tell whether they landed.
      const sending = new Set<string>();
      const failed = (id: string, error: string, cause?: CliError): Outcome =>
        cause instanceof InterruptedError && sending.has(id)
          ? { id, deleted: false, error: 'interrupted while deleting: may have been deleted', may_have_been_deleted: true }
          : { id, deleted: false, error };
      // Each delete is marked begun before it is sent, so a sync after the command is killed (or after an answer lost)
      // records a schedule it finds gone as deleted with this tool, not deleted outside it, and says when one was not.
      // A delete that surely did not land takes its mark back.
      const sendDelete = async (agentId: string, id: string, asked: string) => {
        await records.update((state) => markDeleteUnanswered(state, id, at));
        sending.add(asked);
        let sent = false;
        try {
          await requests.run(() => {
            sent = true;
            return api.deleteSchedule(agentId, id);
          });
        } catch (error) {
          // Stopped while it waited for a request slot, it was never sent.
          const unanswered = error instanceof DeleteMayHaveLandedError || (error instanceof InterruptedError && sent);
          if (!unanswered) await records.update((state) => clearDeleteUnanswered(state, id)).catch(() => undefined);
          throw error;
        }
        sending.delete(asked);
      };
      const sizes = new Map<string, string>();
      const act = (asked: string): Promise<Outcome> =>
        changing(() =>
          deleteOne(asked).catch(async (error: unknown) => {
            // Not on the server: paused (only its saved copy is left to delete), or done already, if this tool deleted it.
            if (!(error instanceof NotFoundError) || error instanceof WrongKindError) throw error;
            const done = (await deletePaused(asked)) ?? (await deletedAlready(asked)) ?? (await goneAlready(asked));
            if (!done) throw error;
            return done;
          }),
        );
      const deletePaused = async (asked: string): Promise<Outcome | undefined> => {
        const paused = kind === 'recurring' ? await lookInRecord(rt, (state) => findPaused(state, currentId(state, asked))) : undefined;
        if (!paused) return undefined;
        const id = paused.old_id;
        if (paused.resume_attempt)
          throw new UsageError(
            `${id} is paused and a resume of it was cut short: its copy may be on Letta`,
            `Finish the resume first (letta-switchboard recurring resume ${id}), then delete what it made.`,
          );
        await records.update((state) => dropPaused(state, id, at));
        sizes.set(asked, `paused schedule ${id} (its copy saved on this machine; Letta no longer had it)`);
        return { id: asked, agent_id: paused.schedule.agent_id, deleted: true, was_paused: true };
      };
      const deletedAlready = async (asked: string): Promise<Outcome | undefined> => {
        const before = await lookInRecord(rt, (state) => deletedBefore(state, asked, kind));
        if (!before) return undefined;
        const when = before.at === undefined || !Number.isFinite(Date.parse(before.at)) ? '' : ` on ${formatLocal(rt.zone(), Date.parse(before.at))}`;
        sizes.set(asked, `${before.id} was already deleted (by letta-switchboard${when}); nothing to do`);
        return { id: asked, agent_id: before.agent_id, deleted: true, already_deleted: true };
      };
      // Recorded as live, yet not on Letta (its delete's answer was lost, or it went elsewhere): what was asked is so. Its
      // agent, as recorded, is asked again, so a key that cannot see that agent marks nothing deleted.
      const goneAlready = async (asked: string): Promise<Outcome | undefined> => {
        const intent = await lookInRecord(rt, (state) => findIntent(state, currentId(state, asked)));
        if (!intent || intent.kind !== kind || (intent.status !== 'active' && intent.status !== 'gone')) return undefined;
        const id = intent.schedule_id;
        if (!(await notOnLetta(intent.agent_id, id))) return undefined;
        await records.update((state) => markDeleted(state, id, at));
        // Paused on another machine, it is held there: that machine's resume makes it again.
        const comesBack = intent.kind === 'recurring' ? ', whose resume would make it again' : '';
        sizes.set(
          asked,
          `${id} was no longer on Letta (${whyNotOnLetta(intent.kind)}${comesBack}, or a delete of it whose answer was lost); ${rt.dryRun ? 'would be recorded' : 'recorded'} as deleted here, nothing to do`,
        );
        return { id: asked, agent_id: intent.agent_id, deleted: true, already_deleted: true };
      };
      const notOnLetta = async (agentId: string, id: string): Promise<boolean> => {
        try {
          await requests.run(() => api.getSchedule(agentId, id));
          return false;
        } catch (error) {
          if (!(error instanceof NotFoundError) || error instanceof WrongKindError) throw error;
        }
        // Letta answers 404 for an agent this key cannot see too: only an agent it sees lacks the schedule.
        try {
          await requests.run(() => api.getAgent(agentId));
          return true;
        } catch (error) {
          if (error instanceof NotFoundError) return false;
          throw error;
        }
      };
      const deleteOne = async (asked: string): Promise<Outcome> => {
        // A series is one-time schedules made from a recurring phrase: either list shows it, either delete takes it whole.
        if (isSeriesId(asked)) {
          const { agent_id, deleted, notOnLetta } = await deleteSeries(rt, asked, requests);
          const schedules = (n: number) => `${n} one-time schedule${n === 1 ? '' : 's'}`;
          // Paused on another machine, its members are held there only: Letta had none of them to delete.
          const why = `${whyNotOnLetta()}, whose resume would make ${notOnLetta.length === 1 ? 'it' : 'them'} again`;
          const recorded = `${rt.dryRun ? 'would be recorded' : 'recorded'} as deleted here`;
          if (notOnLetta.length > 0 && deleted.length === 0) {
            sizes.set(asked, `Series ${asked}: none of its ${schedules(notOnLetta.length)} was on Letta (${why}); nothing deleted there, ${recorded}`);
            return { id: asked, agent_id, deleted: true, already_deleted: true, not_on_letta: notOnLetta };
          }
          const besides = notOnLetta.length === 0 ? '' : `; ${notOnLetta.length} more not on Letta (${why}): ${notOnLetta.join(', ')}`;
          sizes.set(asked, `series ${asked} (${schedules(deleted.length)}${besides})`);
          return { id: asked, agent_id, deleted: true, ...(notOnLetta.length === 0 ? {} : { not_on_letta: notOnLetta }) };
        }
        if (kind === 'recurring' && isSetId(asked)) {
          // A set is deleted whole: every schedule made from its phrase, those paused by dropping their saved copies.
          const { members, paused } = await lookInRecord(rt, (state) => ({ members: setMembers(state, asked), paused: pausedMembers(state, asked) }));
          if (members.length === 0 && paused.length === 0) throw new NotFoundError(`No set '${asked}' in the record of intent`, 'List schedules with: letta-switchboard recurring list');
          const gone: string[] = [];
          for (const member of members) {
            let item: Awaited<ReturnType<typeof findSchedule>>;
            try {
              item = await findSchedule(rt, kind, member.schedule_id, requests);
            } catch (error) {
              // A member no longer on its agent (deleted elsewhere) is as the delete wants it: recorded so, the rest deleted.
              if (!(error instanceof NotFoundError) || error instanceof WrongKindError || !(await notOnLetta(member.agent_id, member.schedule_id))) throw error;
              gone.push(member.schedule_id);
              await records.update((s) => markDeleted(s, member.schedule_id, at));
              continue;
            }
            await sendDelete(item.agent_id, item.id, asked);
            await records.update((s) => markDeleted(s, item.id, at));
          }
          await records.update((state) => {
            for (const member of paused) dropPaused(state, member.schedule_id, at);
          });
          const named = [...members.map((m) => (gone.includes(m.schedule_id) ? `${m.schedule_id} (no longer on Letta)` : m.schedule_id)), ...paused.map((m) => `${m.schedule_id} (paused)`)];
          sizes.set(asked, `set ${asked} (${named.join(', ')})`);
          return { id: asked, agent_id: (members[0] ?? paused[0])!.agent_id, deleted: true };
        }
        const { id, made, siblings } = await lookInRecord(rt, (state) => {
          const id = followLineage(rt, state, asked);
          return { id, made: findIntent(state, id), siblings: keptSiblings(state, id, ids).map((m) => m.schedule_id) };
        });
        const setId = made?.set_id;
        if (setId && siblings.length > 0) {
          const said = `${id} is one of the schedules made from '${made.phrase}' (set ${setId}); ${siblings.join(', ')} keep${siblings.length === 1 ? 's' : ''} firing`;
          if (rt.io.stdinIsTTY && rt.io.stderrIsTTY && !options.yes && !rt.dryRun) {
            const answer = await rt.prompt(`${said}. Delete only ${id}? [y/N] `);
            if (!/^y(es)?$/i.test(answer.trim())) throw new UsageError(`${id} not deleted`, `Delete the whole set with: letta-switchboard recurring delete ${setId}`);
          } else {
            out.warn(`${said}. Delete the whole set with: letta-switchboard recurring delete ${setId}`);
          }
        }
        const item = await findSchedule(rt, kind, id, requests);
        await sendDelete(item.agent_id, id, id);
        // An edit or sync replacing it whose create's answer was lost may have left its copy firing; marked deleted, the
        // record would no longer lead sync to it, so it goes too.
        const copy = await deleteUnfinishedCopy(rt, item.agent_id, made?.attempt, requests);
        if (copy) sizes.set(id, `${kind} schedule ${id} and ${copy}, the copy an unfinished change of it made`);
        // Recorded as deleted with this tool, so sync never reports it as deleted elsewhere.
        await records.update((state) => markDeleted(state, id, at));
        return { id, agent_id: item.agent_id, deleted: true };
      };
      const said = (outcome: Outcome) => {
        if (outcome.deleted && outcome.already_deleted) sayOutcome(out, { id: outcome.id, text: sizes.get(outcome.id)!, acted: false, dryRun: rt.dryRun });
        else if (outcome.deleted)
          sayOutcome(out, { id: outcome.id, text: `${rt.dryRun ? 'Would delete' : 'Deleted'} ${sizes.get(outcome.id) ?? `${kind} schedule ${outcome.id}`}`, dryRun: rt.dryRun });
      };
      const ending = await eachId<Outcome>(out, ids, failed, act, { said, concurrency, subjects }).catch((error: unknown) => {
        // Only Ctrl-C leaves a DELETE unanswered; any other failure is the answer, said as the error.
        if (error instanceof InterruptedError) for (const id of sending) out.note(`${id} may have been deleted (interrupted while deleting it). Check with: letta-switchboard ${NOUN[kind]} get ${id}`);
        throw error;
      });
      endOutcomes(out, {
        ...ending,
        asked: ids.length,
        done: (o) => o.deleted,
        verb: 'deleted',
        ...(rt.dryRun ? { would: 'delete' } : {}),
        unsure: {
          is: (o) => !o.deleted && !!o.may_have_been_deleted,
          say: (maybe) => `May have been deleted (interrupted while deleting): ${maybe.join(', ')}. Check with: letta-switchboard ${NOUN[kind]} get ${maybe[0]}`,
        },
      });
    },
  });
