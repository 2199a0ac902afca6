import type { ScheduleFacts } from '../health/fires';
import type { Runtime } from '../runtime';
import { flagSameMinute, type Agenda, type Fire } from './fires';

/**
 * agenda --since: each past fire flagged with what its history says happened
 * (ok, late, failed, missed, pending), read a few schedules at a time. Past
 * fires from before a schedule was made, or from after it ended (replaced, paused), are dropped: they were never its. A schedule whose history
 * Letta keeps failing to give (or never answers) has its past fires' outcomes unknown, with why (said on stderr too),
 * and a fire whose run could not be read says so; what could not be read is returned, each with its failure's exit code.
 */
export async function addOutcomes(rt: Runtime, agenda: Agenda, facts: ScheduleFacts[], from: number, concurrency: number): Promise<Unread> {
  const [{ readFireHealth }, { RUNS_PER_SCHEDULE, noHistoryNote, notReadNote }] = await Promise.all([import('../health/read'), import('../status/fire-health')]);
  const now = rt.now();
  const lived = new Map(facts.map((one) => [one.id, { from: one.createdAt ?? -Infinity, to: one.endedAt ?? Infinity }]));
  const itsOwn = (fire: Fire) => {
    const span = lived.get(fire.schedule.id);
    return span === undefined || (fire.at >= span.from && fire.at < span.to);
  };
  // One that ended (replaced) with no fire of its own due in the window has nothing to judge: its history is not asked for.
  const due = new Set(agenda.fires.filter((fire) => fire.at <= now && itsOwn(fire)).map((fire) => fire.schedule.id));
  const toRead = facts.filter((one) => one.endedAt === undefined || due.has(one.id));
  const reading = await readFireHealth(await rt.api(), toRead, { from, now, concurrency, runsPerSchedule: RUNS_PER_SCHEDULE, partial: true });
  const unread = new Map(reading.healths.flatMap((health) => (health.readError === undefined ? [] : [[health.schedule.id, { error: health.readError, exit: health.readExit ?? 1 }] as const])));
  for (const [id, { error }] of unread) rt.out.warn(`${id}: its fires could not be read (${error}); their outcomes are unknown.`);
  const runs = reading.healths.flatMap((health) =>
    health.fires.flatMap((fire) => (fire.run?.readError === undefined ? [] : [{ id: health.schedule.id, runId: fire.sent!.runId!, error: fire.run.readError, exit: fire.run.readExit ?? 1 }])),
  );
  for (const run of runs) rt.out.warn(`${run.id}: the run ${run.runId} behind a send could not be read (${run.error}); how that fire ended is unknown.`);
  if (reading.missingRoute !== undefined) rt.out.note(`Note: ${noHistoryNote(reading.missingRoute)}`);
  for (const id of reading.gone) rt.out.info(`Note: Letta has no history for ${id} (it no longer holds that schedule): its outcome is unknown.`);
  const gone = new Set(reading.gone);
  const runsNotRead = reading.healths.reduce((sum, health) => sum + (health.runsNotRead ?? 0), 0);
  if (runsNotRead > 0) rt.out.info(`Note: ${runsNotRead} past ${runsNotRead === 1 ? 'fire is' : 'fires are'} ${notReadNote}.`);
  const verdicts = new Map<string, (typeof reading.healths)[number]['fires'][number]>();
  for (const health of reading.healths) for (const fire of health.fires) if (fire.due !== undefined) verdicts.set(`${health.schedule.id} ${fire.due}`, fire);
  // A paused schedule's fires still ahead are shown flagged; those due while it was paused were never due.
  agenda.fires = agenda.fires.filter((fire) => itsOwn(fire) || (fire.schedule.pausedSince !== undefined && fire.at > now));
  // A schedule that ended (replaced) before an offset change is not moved by it.
  for (const change of agenda.offsetChanges) {
    const moved = (id: string) => (lived.get(id)?.to ?? Infinity) > change.at;
    change.movedScheduleIds = change.movedScheduleIds.filter(moved);
    change.keptBySyncIds = change.keptBySyncIds.filter(moved);
    change.otherClockIds = change.otherClockIds.filter(moved);
  }
  // A fire left out no longer shares its minute with the others.
  flagSameMinute(agenda.fires);
  for (const fire of agenda.fires) {
    if (fire.at > now) continue;
    const verdict = verdicts.get(`${fire.schedule.id} ${fire.at}`);
    // Said in its row too, not only on stderr: a script reading the rows sees the outcome is not known.
    if (!verdict && gone.has(fire.schedule.id)) fire.flags.push({ type: 'outcome', class: 'unknown', error: 'Letta no longer holds that schedule and has no history for it' });
    if (!verdict) continue;
    const delay = verdict.sent ? Math.round((verdict.sent.sentAt - fire.at) / 1000) : undefined;
    const stopReason = verdict.run?.stopReason ?? (verdict.sent?.status === 'failed' ? 'history: failed' : undefined);
    const error = unread.get(fire.schedule.id)?.error;
    fire.flags.push({
      type: 'outcome',
      class: verdict.class,
      ...(delay === undefined ? {} : { delaySeconds: delay }),
      ...(stopReason ? { stopReason } : {}),
      ...(error === undefined ? {} : { error }),
      ...(verdict.run?.readError === undefined ? {} : { runError: verdict.run.readError }),
    });
  }
  const first = [...unread.values(), ...runs][0];
  return { schedules: [...unread.keys()], runs: runs.map((run) => run.runId), ...(first === undefined ? {} : { exit: first.exit }) };
}

/** What agenda --since could not read: schedules' histories, runs behind sends; the first failure's exit code (1, or 5 for no answer). */
export interface Unread {
  schedules: string[];
  runs: string[];
  exit?: number;
}
