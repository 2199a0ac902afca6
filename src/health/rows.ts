import { localWithWeekday, utcText } from '../agenda/rows';
import { span } from '../output/when';
import { formatLocal } from '../time/zone';
import { needsAttention, runFailed, runUnended, type FireVerdict, type RunOutcome, type ScheduleHealth } from './fires';

export const FIRE_HEADERS = ['DUE', 'DUE UTC', 'SENT UTC', 'DELAY', 'CLASS', 'RUN', 'OUTCOME'];
export const SCHEDULE_HEADERS = ['SCHEDULE', 'AGENT', 'KIND', 'OK', 'LATE', 'FAILED', 'MISSED', 'STUCK', 'WORST', 'NOTE'];

/** "2026-11-22T14:00:12Z": a send to the second. */
function sentUtc(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19)}Z`;
}

/** How a fire ended, in the words of its run (the stop reason), else of the history. */
export function outcomeText(fire: FireVerdict): string {
  if (fire.run?.readError !== undefined) return `run not read: ${fire.run.readError}`;
  if (fire.run) return runWords(fire.run);
  if (fire.sent?.status === 'failed') return 'failed';
  return '';
}

/** A run's stop reason; with its status first when the run failed or was cancelled after a reason that reads as fine ("failed (end_turn)"). */
function runWords(run: RunOutcome): string {
  const reason = run.stopReason ?? undefined;
  if (reason === undefined) return run.status ?? '';
  return runFailed(run) && !runFailed({ stopReason: reason }) && run.status !== undefined ? `${run.status} (${reason})` : reason;
}

/** One fire as text cells, in the order of FIRE_HEADERS. */
export function fireCells(fire: FireVerdict, zone: string): string[] {
  const delay = fire.due !== undefined && fire.sent ? fire.sent.sentAt - fire.due : undefined;
  return [
    fire.due === undefined ? '-' : localWithWeekday(zone, fire.due),
    fire.due === undefined ? '-' : utcText(fire.due),
    fire.sent ? sentUtc(fire.sent.sentAt) : '-',
    delay === undefined ? '-' : `${delay < 0 ? '-' : '+'}${span(delay)}`,
    fire.class,
    fire.sent?.runId ?? '-',
    outcomeText(fire) || '-',
  ];
}

export function fireJson(fire: FireVerdict, zone: string) {
  return {
    due: fire.due === undefined ? null : new Date(fire.due).toISOString(),
    due_local: fire.due === undefined ? null : localWithWeekday(zone, fire.due),
    sent_at: fire.sent ? new Date(fire.sent.sentAt).toISOString() : null,
    delay_seconds: fire.due !== undefined && fire.sent ? Math.round((fire.sent.sentAt - fire.due) / 1000) : null,
    class: fire.class,
    history_id: fire.sent?.id ?? null,
    history_status: fire.sent?.status ?? null,
    run_id: fire.sent?.runId ?? null,
    run_status: fire.run?.status ?? null,
    stop_reason: fire.run?.stopReason ?? null,
    ...(fire.run?.readError === undefined ? {} : { run_error: fire.run.readError }),
  };
}

/** What the worst of a schedule is, said in one short phrase with its time in the user's zone. */
export function worstNote(health: ScheduleHealth, zone: string, now: number): string {
  const newest = (name: FireVerdict['class']) => health.fires.find((fire) => fire.class === name);
  switch (health.worst) {
    case 'stuck': {
      const since = health.stuckSince!;
      return health.schedule.kind === 'one-time'
        ? `still held ${span(now - since)} after its time ${formatLocal(zone, since)}`
        : `next run ${formatLocal(zone, since)} is ${span(now - since)} in the past`;
    }
    case 'missed':
      return `nothing sent for ${formatLocal(zone, newest('missed')!.due!)}`;
    case 'failed': {
      const fire = newest('failed')!;
      const why =
        fire.sent?.status === 'failed'
          ? 'history says failed'
          : runUnended(fire.run)
            ? `its run is still ${fire.run!.status} ${span(now - fire.sent!.sentAt)} after it was sent`
            : `run ${fire.run ? runWords(fire.run) || 'failed' : 'failed'}`;
      return `${formatLocal(zone, fire.due!)}: ${why}`;
    }
    case 'late': {
      const fire = newest('late')!;
      return `${formatLocal(zone, fire.due!)} sent ${span(fire.sent!.sentAt - fire.due!)} late`;
    }
    case 'unknown':
      if (health.readError !== undefined) return readErrorNote(health.readError);
      return health.unreadable === undefined ? 'no history on this server' : `its cron cannot be read (${health.unreadable})`;
    case 'ok': {
      const last = health.fires.find((fire) => fire.sent && fire.due !== undefined);
      if (last) return `last sent ${formatLocal(zone, last.sent!.sentAt)}`;
      // A fire still within its grace time was due all the same.
      const pending = newest('pending');
      if (pending) return `${formatLocal(zone, pending.due!)}: due, nothing sent yet`;
      const unexpected = newest('unexpected');
      return unexpected ? `nothing was due; sent ${formatLocal(zone, unexpected.sent!.sentAt)} all the same` : 'nothing was due';
    }
  }
}

function readErrorNote(error: string): string {
  return `its fires could not be read (${error})`;
}

/** The worst of a schedule in a phrase, and that its fires could not be read when something worse (stuck) hides it, or a run behind one of them. */
export function healthNote(health: ScheduleHealth, zone: string, now: number): string {
  const note = worstNote(health, zone, now);
  const unread = health.fires.filter((fire) => fire.run?.readError !== undefined);
  const runs =
    unread.length === 0
      ? ''
      : `; ${unread.length === 1 ? "1 fire's run" : `${unread.length} fires' runs`} could not be read, how ${unread.length === 1 ? 'it' : 'they'} ended unknown (${unread[0]!.run!.readError})`;
  return `${health.readError === undefined || health.worst === 'unknown' ? note : `${note}; ${readErrorNote(health.readError)}`}${runs}`;
}

export interface HealthRowContext {
  agentName?: string;
  seriesId?: string;
  /** The set it is one of (one phrase, several crons), as `agenda` calls it. */
  setId?: string;
  /** The schedule that stands for this one now (an edit, resume or sync replaced it in the window). */
  replacedBy?: string;
  /** The paused series it is a member of (its pause deleted it from Letta, or was to). */
  pausedSeries?: string;
  /** Unix ms: it is paused since then (saved here, deleted from Letta); its fires before are judged. */
  pausedAt?: number;
  /**
   * Replaced, yet Letta still lists it: its delete failed, and it fires beside the one that replaced it. Or a member of a
   * paused series that Letta still lists: the pause was cut short, and it fires.
   */
  stillOnLetta?: boolean;
}

/** What is said of a replaced schedule before its health note. */
function replacedNote(context: HealthRowContext, zone: string): string {
  if (context.pausedSeries !== undefined && context.stillOnLetta) return `its series ${context.pausedSeries} is paused, yet still on Letta (it fires); `;
  if (context.pausedAt !== undefined && !context.stillOnLetta) return `paused since ${formatLocal(zone, context.pausedAt)}; `;
  if (context.replacedBy === undefined) return '';
  return context.stillOnLetta ? `replaced by ${context.replacedBy}, yet still on Letta (both fire); ` : `replaced by ${context.replacedBy}; `;
}

/** One schedule as text cells, in the order of SCHEDULE_HEADERS. */
export function scheduleCells(health: ScheduleHealth, zone: string, now: number, context: HealthRowContext = {}): string[] {
  const counted = (n: number) => (health.historyKnown ? String(n) : '-');
  const { counts } = health;
  return [
    health.schedule.id,
    context.agentName ?? health.schedule.agentId,
    context.seriesId !== undefined ? 'series' : context.setId !== undefined ? 'set' : health.schedule.kind,
    counted(counts.ok),
    counted(counts.late),
    counted(counts.failed),
    counted(counts.missed),
    health.stuckSince === undefined ? 'no' : 'yes',
    health.worst,
    `${replacedNote(context, zone)}${healthNote(health, zone, now)}`,
  ];
}

export function scheduleJson(health: ScheduleHealth, zone: string, now: number, context: HealthRowContext = {}) {
  const { schedule } = health;
  return {
    schedule_id: schedule.id,
    agent_id: schedule.agentId,
    ...(context.agentName === undefined ? {} : { agent_name: context.agentName }),
    kind: schedule.kind,
    ...(schedule.cron === undefined ? {} : { cron_expression: schedule.cron }),
    ...(schedule.scheduledAt === undefined ? {} : { scheduled_at: schedule.scheduledAt }),
    ...(context.seriesId === undefined ? {} : { series_id: context.seriesId }),
    ...(context.setId === undefined ? {} : { set_id: context.setId }),
    ...(context.replacedBy === undefined ? {} : { replaced_by: context.replacedBy }),
    ...(context.pausedAt === undefined ? {} : { paused_at: new Date(context.pausedAt).toISOString() }),
    ...(context.stillOnLetta ? { still_on_letta: true } : {}),
    from: new Date(health.from).toISOString(),
    next_scheduled_time: typeof schedule.nextScheduledTime === 'number' ? new Date(schedule.nextScheduledTime).toISOString() : null,
    history: health.historyKnown,
    counts: health.counts,
    stuck: health.stuckSince !== undefined,
    stuck_since: health.stuckSince === undefined ? null : new Date(health.stuckSince).toISOString(),
    worst: health.worst,
    note: healthNote(health, zone, now),
    needs_attention: needsAttention(health) || context.stillOnLetta === true,
    ...(health.truncated ? { truncated: true } : {}),
    ...(health.unreadable ? { unreadable: health.unreadable } : {}),
    ...(health.readError === undefined ? {} : { error: health.readError }),
    runs_not_read: health.runsNotRead ?? 0,
    run_errors: health.fires.filter((fire) => fire.run?.readError !== undefined).length,
    fires: health.fires.map((fire) => fireJson(fire, zone)),
  };
}
