import { CliError, NotFoundError } from '../../errors';
import type { ScheduledMessage } from '../../letta/types';
import type { Runtime } from '../../runtime';
import type { Command } from '@commander-js/extra-typings';
import { endOutcomes, sayOutcome } from '../../output/outcomes';
import { resumeSeriesWhole } from '../shared/series';
import { defineCommand } from '../command';
import { idsFrom, eachId, otherServer } from '../shared/ids';
import { stateStore, readRecord, readRecordOrNothing, sideBySide, expandGroups, serverOf } from '../shared/state';
import { agentOption, concurrencyOption } from '../options';
import { otherScheduleError, planResume, resumeCron } from './pause-plan';
import { recreateBody } from '../shared/schedule-copy';
import { landingOf, sameSchedule } from '../../sync/same-schedule';
import { unsure } from '../shared/create-schedule';
import * as records from '../../state/records';

type Outcome = { id: string; new_id: string; agent_id: string; cron_expression: string; resumed: true; created: boolean } | { id: string; resumed: false; error: string };

/**
 * Re-create paused schedules: create, read back, and only then let the saved
 * copy go. A schedule made from a local-time phrase gets the UTC cron right
 * for today's offset. Resuming twice creates nothing the second time.
 */
export default defineCommand({
  path: ['recurring', 'resume'],
  description: 'Re-create paused recurring schedules (with the UTC cron right for today when made from a local-time phrase)',
  examples: ['letta-switchboard recurring resume SCHEDULE_ID', 'letta-switchboard recurring paused -q | letta-switchboard recurring resume -'],
  globals: ['output', 'time', 'api', 'dryRun'],
  declare: (command: Command) => command.argument('[ids...]', "ids the schedules had before the pause; '-' reads ids from stdin").addOption(agentOption()).addOption(concurrencyOption()),
  async run(rt, options, args) {
    const ids = await expandGroups(rt, await idsFrom(rt, args, 'recurring resume', { live: false }), { paused: true });
    const api = await rt.api();
    const store = await stateStore(rt);
    const out = rt.out;
    const at = new Date(rt.now()).toISOString();
    // Each id is read, planned and resumed holding the changes lock: a second resume of it waits, then finds it done. Up to --concurrency
    // ids at once (one at a time under --dry-run, so the printed requests keep the ids' order), their record changes written together;
    // ids whose schedules look alike wait for each other, so an earlier attempt's copy is taken by one of them only.
    const concurrency = rt.dryRun ? 1 : options.concurrency;
    const { changing, saving, subjects } = sideBySide(rt, store, await readRecordOrNothing(rt));
    const ending = await eachId<Outcome>(
      out,
      ids,
      (id, error) => ({ id, resumed: false, error }),
      (asked) =>
        changing(async (): Promise<Outcome | undefined> => {
          if (records.isSeriesId(asked)) {
            const paused = (await readRecord(rt, store)).series.find((one) => one.series_id === asked);
            if (paused) await checkAgent(rt, paused.agent_id, asked);
            // Resumed already (this again after one cut short): what that resume left to make is sync's to create, as for any series.
            if (paused?.status === 'active' && typeof paused.resumed_at === 'string') {
              const text = `Series ${asked} was already resumed; nothing created. If that resume was cut short, 'letta-switchboard sync' creates the rest.`;
              sayOutcome(out, { id: asked, text, data: true, acted: false, dryRun: rt.dryRun });
              return { id: asked, new_id: asked, agent_id: paused.agent_id, cron_expression: '', resumed: true, created: false };
            }
            const series = await resumeSeriesWhole(rt, asked);
            const made = `${series.created.length} one-time schedule${series.created.length === 1 ? '' : 's'}`;
            if (series.error) {
              out.note(`Resumed series ${asked}, but created only ${made} before: ${series.error.message}. 'letta-switchboard sync' creates the rest.`);
              throw series.error;
            }
            sayOutcome(out, {
              id: asked,
              text: `${rt.dryRun ? 'Would resume' : 'Resumed'} series ${asked}: ${rt.dryRun ? 'would create' : 'created'} ${made}; runs due while it was paused are skipped`,
              data: true,
              dryRun: rt.dryRun,
            });
            return { id: asked, new_id: asked, agent_id: series.agent_id, cron_expression: '', resumed: true, created: series.created.length > 0 };
          }
          const state = await readRecord(rt, store);
          // A schedule replaced (by sync or an edit) and then paused is resumed by either id.
          const latest = records.currentId(state, asked);
          const id = !records.findPaused(state, asked) && records.findPaused(state, latest) ? latest : asked;
          const saved = records.findPaused(state, id);
          if (!saved) {
            const successor = latest;
            if (successor === id || !resumedOnTheWay(state, id, successor)) {
              // Paused against another server (which handed out the same id this one uses for a schedule of its own): resumed there.
              const elsewhere = records.findPaused(await (await stateStore(rt, { everyServer: true })).readShared(), id);
              const server = elsewhere && records.serverNamed('paused', elsewhere);
              if (server !== undefined && server !== serverOf(rt)) throw otherServer(rt, id, server);
              // Replaced by an edit or a sync, never paused: not "already resumed".
              const replaced = successor === id ? '' : `; it was replaced by ${successor}, which stands`;
              throw new NotFoundError(`No paused schedule '${id}' on this machine${replaced}`, 'List them with: letta-switchboard recurring paused');
            }
            const resumed = records.findIntent(state, successor);
            if (resumed) await checkAgent(rt, resumed.agent_id, id);
            sayOutcome(out, { id: successor, text: `${id} was already resumed, as ${successor}; nothing created.`, data: true, acted: false, dryRun: rt.dryRun });
            const standing = records.findIntent(state, successor);
            return { id, new_id: successor, agent_id: standing?.agent_id ?? '', cron_expression: standing?.utc_crons?.[0] ?? '', resumed: true, created: false };
          }
          const agentId = saved.schedule.agent_id;
          await checkAgent(rt, agentId, id);
          const savedCron = saved.schedule.schedule.cron_expression ?? '';
          const cron = resumeCron(savedCron, saved.intent, rt.now());
          const body = recreateBody(saved.schedule, { type: 'recurring', cron_expression: cron });
          const existing: ScheduledMessage[] = [];
          // A schedule the record already stands for (another resume's copy, taken) is not this attempt's.
          for await (const page of api.schedulePages(agentId)) existing.push(...page.filter((item) => item.id === id || !records.findIntent(state, item.id)));
          const attempted = typeof saved.resume_attempted_at === 'string' ? { at: saved.resume_attempted_at, sent_at: saved.resume_attempt?.sent_at } : undefined;
          // A copy another paused schedule's resume may have made (its answer lost) is that resume's, never taken for one made elsewhere.
          const othersAttempts = state.paused.flatMap((p) => (p.old_id !== id && p.resume_attempt ? [{ ...p.resume_attempt, at: p.resume_attempted_at }] : []));
          const candidates = existing.filter((item) => !othersAttempts.some((attempt) => landingOf(attempt, item)));
          const plan = planResume(id, body, existing, attempted, saved.schedule, { pausedAt: saved.paused_at, candidates });
          if (plan.action === 'id-taken') throw otherScheduleError(id, serverOf(rt), plan.by, saved);
          if (plan.action === 'look-alikes') {
            throw new CliError(
              `${plan.ids.join(', ')} were made on Letta since ${id} was paused, with its timing and messages (by an apply or another machine, most likely): resuming would make one more; nothing created, the saved copy is kept`,
              `Delete those not wanted (letta-switchboard recurring delete ID), then resume ${id} again: it follows the one left.`,
            );
          }

          if (plan.action === 'still-in-letta') {
            // The pause never finished deleting it: the schedule runs as it was, so the copy is not needed.
            if (!rt.dryRun) await saving.update((s) => void records.takePaused(s, id));
            const dropped = rt.dryRun ? 'the saved copy would be dropped' : 'the saved copy is dropped';
            sayOutcome(out, { id, text: `${id} is still on Letta (its pause did not finish deleting it); nothing created, ${dropped}.`, data: true, acted: false, dryRun: rt.dryRun });
            return { id, new_id: id, agent_id: agentId, cron_expression: saved.schedule.schedule.cron_expression ?? '', resumed: true, created: false };
          }

          let newId: string;
          if (plan.action === 'adopt' || plan.action === 'made-elsewhere') {
            newId = plan.id;
          } else {
            if (!rt.dryRun) await saving.update((s) => records.markResumeAttempted(s, id, at, { schedule: body.schedule, messages: body.messages, sent_at: new Date().toISOString() }));
            newId = (await unsure(() => api.createSchedule(agentId, body), agentId, 'recurring')).id;
          }
          if (rt.dryRun) {
            // Nothing was read back: a new schedule's id is the placeholder's, so it is not named.
            const made = plan.action === 'create' ? `(${cron} UTC)` : `as ${newId} (${cron} UTC), creating nothing`;
            sayOutcome(out, { id: newId, text: `Would resume ${id} ${made}`, data: plan.action !== 'create', dryRun: true });
            return { id, new_id: newId, agent_id: agentId, cron_expression: cron, resumed: true, created: plan.action === 'create' };
          }
          // Read back before the saved copy goes: if Letta does not have it as sent, the copy stays.
          const stored = await api.getSchedule(agentId, newId);
          if (!sameSchedule(body, stored)) {
            throw new CliError(`Letta's copy of ${newId} does not match what was sent; the saved copy of ${id} is kept`, `Check it with: letta-switchboard recurring get ${newId}`);
          }
          try {
            await saving.update((s) => records.resumePaused(s, id, newId, cron, at));
          } catch (error) {
            // Letta has the new schedule; only the record is behind. Say which id exists before the error.
            if (!out.json) out.line(newId);
            out.note(
              `Resumed ${id} as ${newId} on Letta, but the record could not be updated; its saved copy is still listed as paused. Running resume ${id} again finds ${newId} and creates nothing.`,
            );
            throw error;
          }
          // The new id is the data (stdout), as a create prints its id.
          const text =
            plan.action === 'made-elsewhere'
              ? `${id} is already on Letta again as ${newId}, with its timing and messages, made since the pause (by an apply or another machine, most likely): resumed as ${newId}, nothing created, so it fires once (${cron} UTC)`
              : `Resumed ${id} as ${newId} (${cron} UTC)`;
          sayOutcome(out, { id: newId, text, data: true });
          return { id, new_id: newId, agent_id: agentId, cron_expression: cron, resumed: true, created: plan.action === 'create' };
        }),
      { concurrency, subjects },
    );
    // Read again only when some failed: what their saved copies are now.
    const notDone = ending.outcomes.every((o) => o.resumed) ? undefined : savedCopiesKept(await readRecordOrNothing(rt));
    endOutcomes(out, { ...ending, asked: ids.length, done: (o) => o.resumed, verb: 'resumed', notDone, ...(rt.dryRun ? { would: 'resume' } : {}) });
  },
});

/** What a resume that failed for some ids says of them: the saved copies still kept, never of an id with none (an unknown id). */
function savedCopiesKept(state: records.State): (ids: string[]) => string | undefined {
  return (ids) => {
    const kept = ids.filter((id) => records.findPaused(state, id) !== undefined);
    if (kept.length === 0) return undefined;
    return kept.length === ids.length ? 'Their saved copies are kept; run resume again.' : `The saved copies of ${kept.join(', ')} are kept; run resume again for them.`;
  };
}

/** With --agent-id given, a paused schedule of another agent is not the one meant: refused before anything is sent. */
async function checkAgent(rt: Runtime, agentId: string, id: string): Promise<void> {
  const { value, source } = rt.settings.agentId;
  if (source !== 'flag' || value === undefined) return;
  const given = await rt.agentId(value);
  if (given !== agentId) throw new NotFoundError(`No paused schedule '${id}' for agent ${value}: it is ${agentId}'s`, 'Leave --agent-id out, or give that agent.');
}

/** Whether a resume made one of the replacements from `id` to `successor` (the record it replaced keeps when it was paused). */
function resumedOnTheWay(state: records.State, id: string, successor: string): boolean {
  const seen = new Set<string>();
  for (let at = records.findIntent(state, id); at && !seen.has(at.schedule_id) && at.schedule_id !== successor; at = at.replaced_by ? records.findIntent(state, at.replaced_by) : undefined) {
    seen.add(at.schedule_id);
    if (at.paused_at !== undefined) return true;
  }
  return false;
}
