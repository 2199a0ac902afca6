import { madeAt, scheduleKind, type Schedule, type ScheduledMessage } from '../letta/types';
import type { Intent, Series } from '../state/records';
import { sameCron } from '../time/cron-fields';
import { contentParts } from '../letta/message-text';

/**
 * Whether Letta's copy is the schedule that was asked for: same timing and
 * messages. Used to read a re-created schedule back before the saved copy is
 * let go, and to recognise a create whose answer was lost.
 */
export function sameSchedule(sent: { schedule: Schedule; messages: unknown }, stored: Pick<ScheduledMessage, 'schedule' | 'message'>): boolean {
  const timing =
    sent.schedule.type === 'recurring' ? stored.schedule.cron_expression?.trim().replace(/\s+/g, ' ') === sent.schedule.cron_expression : stored.schedule.scheduled_at === sent.schedule.scheduled_at;
  return timing && sameMessages(sent.messages, stored.message?.messages);
}

/**
 * Whether Letta's copy can be the landing of a create sent at `sentAt` whose answer was lost: the same schedule
 * (sameSchedule), made no earlier than the create was sent. A look-alike made before it (by another client, half an
 * hour or a day ago) is someone else's and is never taken for it. Five minutes of slack allow for a clock that is off;
 * a copy or an attempt without its time is judged by sameSchedule alone, as before times were compared.
 */
export function landingOf(sent: { at?: string; sent_at?: string; schedule: Schedule; messages: unknown }, stored: Pick<ScheduledMessage, 'schedule' | 'message'> & { created_at?: unknown }): boolean {
  if (!sameSchedule(sent, stored)) return false;
  // The earlier of the command's clock and the machine's: --now moves the one, a machine's clock may be off.
  const times = [sent.at, sent.sent_at].map((time) => (time === undefined ? NaN : Date.parse(time))).filter((time) => !Number.isNaN(time));
  return times.length === 0 || !(madeAt(stored) < Math.min(...times) - CLOCK_SLACK_MS);
}

const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * The one comparison of messages sent with messages a server keeps: servers
 * fill in defaults (`"type": "message"`, `"name": null`) and may give text as
 * parts, so what counts is what was sent: each message's role and text, and
 * any other field the sender set that the server reports differently.
 */
export function sameMessages(sent: unknown, stored: unknown): boolean {
  if (!Array.isArray(sent) || !Array.isArray(stored) || sent.length !== stored.length) return false;
  return sent.every((message, i) => sameMessage(message as Record<string, unknown>, stored[i] as Record<string, unknown> | undefined));
}

/** What messages alike (sameMessages) share whatever else a server filled in: each one's text, as one string to group copies by. */
export function messagesText(messages: unknown): string {
  return JSON.stringify(Array.isArray(messages) ? messages.map((message) => contentParts((message as { content?: unknown } | null)?.content)) : null);
}

function sameMessage(sent: Record<string, unknown>, stored: Record<string, unknown> | undefined): boolean {
  if (!stored || typeof stored !== 'object') return false;
  if (JSON.stringify(contentParts(sent.content)) !== JSON.stringify(contentParts(stored.content))) return false;
  for (const [field, value] of Object.entries(sent)) {
    if (field === 'content' || value === undefined || value === null) continue;
    const kept = stored[field];
    if (kept !== undefined && kept !== null && JSON.stringify(kept) !== JSON.stringify(value)) return false;
    if (field === 'role' && kept !== value) return false;
  }
  return true;
}

/** Whether Letta's schedule has the timing the record says was sent for it: one of its UTC crons, or one of its instants. */
export function timedAsRecorded(intent: Pick<Intent, 'kind' | 'utc_crons' | 'instants'>, stored: Pick<ScheduledMessage, 'schedule'>): boolean {
  const { cron_expression: cron, scheduled_at: at } = stored.schedule;
  // As cron reads them: spacing, names and equal lists aside ("0  14 * * 1-5" adopted as written).
  if (intent.kind === 'recurring') return cron !== undefined && cron !== null && (intent.utc_crons ?? []).some((sent) => sameCron(sent, cron));
  return typeof at === 'number' && (intent.instants ?? []).some((instant) => Date.parse(instant) === at);
}

/**
 * Whether a server's schedules (`scheduleOf` an id) show a series: one of its members, with the instant recorded for it.
 * With timedAsRecorded, what lets a server claim a record from before servers were told apart (it names none).
 */
export function seriesShown(series: Pick<Series, 'members'>, scheduleOf: (id: string) => Pick<ScheduledMessage, 'schedule'> | undefined): boolean {
  return series.members.some((member) => scheduleOf(member.schedule_id)?.schedule.scheduled_at === Date.parse(member.instant));
}

/**
 * Records from before servers were told apart (they name no server) as one server's schedules (`scheduleOf` an
 * id) show them: `claimed`, shown by id with the cron or instant recorded for it (the first server to show one
 * claims it: two servers hand out the same ids for schedules that have nothing in common), and `disowned`, whose
 * id the server shows with another timing (another schedule's record, none of that server's). The one rule for
 * sync's listings and for a schedule a command was given; records the server does not show are in neither.
 */
export function recordsShown<I extends Pick<Intent, 'schedule_id' | 'kind' | 'utc_crons' | 'instants'>, S extends Pick<Series, 'members'>>(
  unclaimed: { intents: I[]; series: S[] },
  scheduleOf: (id: string) => Pick<ScheduledMessage, 'schedule'> | undefined,
): { claimed: Array<I | S>; disowned: Array<I | S> } {
  const claimed: Array<I | S> = [];
  const disowned: Array<I | S> = [];
  for (const intent of unclaimed.intents) {
    const item = scheduleOf(intent.schedule_id);
    if (item) (timedAsRecorded(intent, item) ? claimed : disowned).push(intent);
  }
  for (const series of unclaimed.series) {
    if (seriesShown(series, scheduleOf)) claimed.push(series);
    else if (series.members.some((member) => scheduleOf(member.schedule_id) !== undefined)) disowned.push(series);
  }
  return { claimed, disowned };
}

/**
 * Whether `live` is the schedule whose copy was saved: the same timing and messages. Letta never gives one
 * id to two schedules, but two servers do, and a copy paused before servers were told apart names neither.
 */
export function isPausedOne(saved: ScheduledMessage, live: ScheduledMessage): boolean {
  return sameSchedule({ schedule: currentSchedule(saved), messages: saved.message?.messages ?? [] }, live);
}

/** The schedule as Letta has it, in the shape a create takes. */
export function currentSchedule(old: Pick<ScheduledMessage, 'schedule'>): Schedule {
  if (scheduleKind(old) === 'recurring') return { type: 'recurring', cron_expression: old.schedule.cron_expression ?? '' };
  return { type: 'one-time', scheduled_at: old.schedule.scheduled_at ?? 0 };
}
