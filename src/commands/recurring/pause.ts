import { NotFoundError, UsageError } from '../../errors';
import type { ScheduledMessage } from '../../letta/types';
import type { Command } from '@commander-js/extra-typings';
import { endOutcomes, endWithNoIds, sayOutcome } from '../../output/outcomes';
import { pauseSeriesWhole } from '../shared/series';
import { defineCommand } from '../command';
import { agentOption, concurrencyOption } from '../options';
import { needsConfirmation, otherScheduleError, planPause } from './pause-plan';
import { isPausedOne } from '../../sync/same-schedule';
import { idsFrom, eachId } from '../shared/ids';
import { findSchedule } from '../shared/schedule';
import { stateStore, readRecord, readRecordOrNothing, sideBySide, followLineage, serverOf, expandGroups, deleteUnfinishedCopy } from '../shared/state';
import * as records from '../../state/records';
import { limiter } from '../../concurrency';

type Outcome = { id: string; agent_id: string; paused_at: string; paused: true } | { id: string; paused: false; error: string };

/**
 * Save each recurring schedule whole in the record of intent (written and
 * flushed), then delete it from Letta. A failed delete leaves the saved copy;
 * pausing again finishes the job.
 */
export default defineCommand({
  path: ['recurring', 'pause'],
  description: 'Stop recurring schedules for a while: save each on this machine, then delete it from Letta',
  examples: [
    'letta-switchboard recurring pause SCHEDULE_ID',
    'letta-switchboard recurring list -q --agent-id support-bot | letta-switchboard recurring pause -',
    'letta-switchboard recurring resume SCHEDULE_ID',
  ],
  globals: ['output', 'api', 'dryRun'],
  declare: (command: Command) =>
    command
      .argument('[ids...]', "schedule ids; '-' reads ids from stdin")
      .addOption(agentOption())
      .option('-y, --yes', 'pause more than 5 without asking (a terminal asks; a pipe never does)')
      .addOption(concurrencyOption()),
  async run(rt, options, args) {
    const groups: Array<[string, string[]]> = [];
    for (const given of await idsFrom(rt, args, 'recurring pause')) groups.push([given, await expandGroups(rt, [given])]);
    const ids = groups.flatMap(([, members]) => members);
    if (ids.length === 0) return endWithNoIds(rt.out);
    if (needsConfirmation(ids.length, { interactive: rt.io.stdinIsTTY && rt.io.stderrIsTTY && !rt.dryRun, yes: !!options.yes })) {
      const answer = await rt.prompt(`Pause ${ids.length} recurring schedules? Each is deleted from Letta and kept only on this machine. [y/N] `);
      if (!/^y(es)?$/i.test(answer.trim())) throw new UsageError('Nothing paused', 'Pass --yes to pause without asking.');
    }
    const api = await rt.api();
    const store = await stateStore(rt);
    const out = rt.out;
    const at = new Date(rt.now()).toISOString();
    // Each id is read, saved and deleted holding the changes lock, so a sync or another command cannot re-create or double it meanwhile;
    // up to --concurrency ids at once (one at a time under --dry-run, so the printed requests keep the ids' order), their record changes
    // written together; each id's lookup (among every agent when none is given) and delete take one of --concurrency request slots.
    const concurrency = rt.dryRun ? 1 : options.concurrency;
    const requests = limiter(concurrency);
    const { changing, saving, subjects } = sideBySide(rt, store, await readRecordOrNothing(rt));
    const ending = await eachId<Outcome>(
      out,
      ids,
      (id, error) => ({ id, paused: false, error }),
      (asked) =>
        changing(async (): Promise<Outcome> => {
          if (records.isSeriesId(asked)) {
            const series = await pauseSeriesWhole(rt, asked, requests);
            const count = `${series.members.length} one-time schedule${series.members.length === 1 ? '' : 's'}`;
            const text = rt.dryRun
              ? `${series.already ? `${asked} is already paused (since ${series.paused_at}); would delete again from Letta:` : `Would pause series ${asked}: would delete from Letta, keeping on this machine:`} ${count}`
              : `${series.already ? `${asked} is already paused (since ${series.paused_at}); deleted again from Letta:` : `Paused series ${asked}: deleted from Letta, kept on this machine:`} ${count}`;
            sayOutcome(out, { id: asked, text, dryRun: rt.dryRun });
            return { id: asked, agent_id: series.agent_id, paused_at: series.paused_at, paused: true };
          }
          const state = await readRecord(rt, store);
          const id = followLineage(rt, state, asked);
          let item: ScheduledMessage | undefined;
          let missing: NotFoundError | undefined;
          try {
            item = await findSchedule(rt, 'recurring', id, requests);
          } catch (error) {
            if (!(error instanceof NotFoundError)) throw error;
            missing = error;
          }
          // Read before the lookup: only a pause or resume of this id changes its saved copy, and those wait for this one.
          const saved = records.findPaused(state, id);
          const plan = planPause(item !== undefined, saved !== undefined, !item || !saved || isPausedOne(saved.schedule, item));
          if (plan.action === 'not-found') throw missing!;
          if (plan.action === 'id-taken') throw otherScheduleError(id, serverOf(rt), item!, saved!);
          if (plan.action === 'already-paused') {
            // A pause cut short whose delete was done after all: done.
            if (!rt.dryRun && saved!.deleting) await saving.update((state) => records.markPaused(state, id, at));
            sayOutcome(out, { id, text: `${id} is already paused (since ${saved!.paused_at}).`, acted: false, dryRun: rt.dryRun });
            return { id, agent_id: saved!.schedule.agent_id, paused_at: saved!.paused_at, paused: true };
          }
          const schedule = item!;
          const pausedAt = saved?.paused_at ?? at;
          // The copy is on disk, flushed, before anything is deleted: a failure from here on loses nothing.
          if (!rt.dryRun) await saving.update((state) => records.recordPaused(state, schedule, pausedAt, records.findIntent(state, id) ?? saved?.intent, serverOf(rt)));
          try {
            await requests.run(() => api.deleteSchedule(schedule.agent_id, id));
          } catch (error) {
            // Its copy is saved already: say where it stands, and that pausing it again finishes the pause.
            if (!rt.dryRun)
              out.note(
                `${id} is saved as paused on this machine, but may still be on Letta (its delete did not finish): pause it again to finish (letta-switchboard recurring pause ${id}), or resume it to keep it as it is.`,
              );
            throw error;
          }
          // As a delete does: the copy an edit of it cut off after its create left would go on firing.
          const copy = await deleteUnfinishedCopy(rt, schedule.agent_id, records.findIntent(state, id)?.attempt, requests);
          if (!rt.dryRun) {
            try {
              await saving.update((state) => records.markPaused(state, id, at));
            } catch (error) {
              out.note(`${id} is paused: deleted from Letta, its copy saved in ${store.path}; only marking its record paused failed.`);
              throw error;
            }
          }
          const also =
            copy === undefined ? '' : `; ${rt.dryRun ? 'would delete' : 'deleted'} ${copy} too, the copy an unfinished change of it made (resume brings back ${id} as it was before that change)`;
          sayOutcome(out, { id, text: `${rt.dryRun ? 'Would pause' : 'Paused'} ${id} (${schedule.schedule.cron_expression ?? 'recurring'} UTC)${also}`, dryRun: rt.dryRun });
          return { id, agent_id: schedule.agent_id, paused_at: pausedAt, paused: true };
        }),
      { concurrency, subjects },
    );
    endOutcomes(out, {
      ...ending,
      asked: ids.length,
      done: (o) => o.paused,
      verb: 'paused',
      ...(rt.dryRun ? { would: 'pause' } : {}),
      footer: (done) => [
        `A paused schedule exists only on this machine, in ${store.path}. Resume with: letta-switchboard recurring resume ${resumeIds(groups, done).join(' ')}`,
        'To recreate it elsewhere: letta-switchboard recurring paused --json',
      ],
    });
  },
});

/** The ids to give `resume` for what was paused, in order: a set's id in place of its schedules when all of them were. */
export function resumeIds(groups: ReadonlyArray<readonly [string, readonly string[]]>, done: readonly string[]): string[] {
  const setOf = new Map<string, string>();
  for (const [given, members] of groups) if (records.isSetId(given) && members.every((m) => done.includes(m))) for (const m of members) setOf.set(m, given);
  return [...new Set(done.map((id) => setOf.get(id) ?? id))];
}
