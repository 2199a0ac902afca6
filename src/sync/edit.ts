import { UsageError } from '../errors';
import type { MessageCreate, Role, Schedule, ScheduledMessage } from '../letta/types';
import { contentText, isTextPart, scheduleKind } from '../letta/types';
import { nextRuns } from '../time/cron';
import { currentSchedule } from './same-schedule';
import { carriedBody, replacementBody, type FullScheduleBody } from './carry';

export interface EditChanges {
  message?: string;
  role?: Role;
  schedule?: Schedule;
}

export interface EditedBody {
  body: FullScheduleBody;
  /** What differs from the old schedule, one short phrase each ("message", "cron 0 14 * * 1-5 → 0 13 * * 1-5"). */
  changed: string[];
}

/** The old schedule's body with the user's changes; every field they did not change is carried as it was. */
export function editedBody(old: ScheduledMessage, changes: EditChanges): EditedBody {
  const carried = carriedBody(old);
  const messages = carried.messages as MessageCreate[];
  const changed: string[] = [];
  let nextMessages = messages;
  if (changes.message !== undefined && changes.message !== contentText(messages[0]?.content)) {
    // The new text takes the place of the first message's text; its other parts (an image) and the other messages are carried.
    const [first, ...others] = messages;
    const parts = Array.isArray(first?.content) ? first.content : [];
    const kept = parts.filter((part) => !isTextPart(part));
    const at = parts.findIndex(isTextPart);
    const content = kept.length === 0 ? changes.message : kept.toSpliced(at < 0 ? 0 : parts.slice(0, at).filter((part) => !isTextPart(part)).length, 0, { type: 'text', text: changes.message });
    nextMessages = [{ role: first?.role ?? 'user', content }, ...others];
    const carriedToo = [
      ...(kept.length > 0 ? [`${kept.length} ${kept.length === 1 ? 'part' : 'parts'} of another kind (${[...new Set(kept.map((part) => String(part.type ?? 'unknown')))].join(', ')})`] : []),
      ...(others.length > 0 ? [`${others.length} other ${others.length === 1 ? 'message' : 'messages'}`] : []),
    ];
    changed.push(carriedToo.length === 0 ? 'message' : `message text (kept: ${carriedToo.join(' and ')})`);
  }
  if (changes.role !== undefined && nextMessages.some((m) => m.role !== changes.role)) {
    nextMessages = nextMessages.map((m) => ({ ...m, role: changes.role! }));
    changed.push(`role → ${changes.role}`);
  }
  const oldSchedule = currentSchedule(old);
  const schedule = changes.schedule ?? oldSchedule;
  const before = describeSchedule(oldSchedule);
  const after = describeSchedule(schedule);
  if (before !== after) changed.push(`${schedule.type === 'recurring' ? 'cron' : 'time'} ${before} → ${after}`);
  return { body: replacementBody({ ...carried, messages: nextMessages }, schedule), changed };
}

function describeSchedule(schedule: Schedule): string {
  return schedule.type === 'recurring' ? schedule.cron_expression : new Date(schedule.scheduled_at).toISOString();
}

/** A change this close to a fire could double it or lose it. */
export const EDIT_GUARD_MS = 60_000;

/** The old schedule's next fire, if it is within the guard window; undefined otherwise. */
export function firesSoon(old: ScheduledMessage, now: number): number | undefined {
  const next = nextFire(old, now);
  return next !== undefined && next >= now && next - now < EDIT_GUARD_MS ? next : undefined;
}

/** The sooner of the server's next run and the schedule's own (its instant, or its cron's next fire): either may be the one that fires. */
function nextFire(old: ScheduledMessage, now: number): number | undefined {
  const listed = typeof old.next_scheduled_time === 'string' ? Date.parse(old.next_scheduled_time) : NaN;
  const own = ownNextFire(old, now);
  const ahead = [listed, own ?? NaN].filter((at) => Number.isFinite(at) && at >= now);
  return ahead.length > 0 ? Math.min(...ahead) : own;
}

function ownNextFire(old: ScheduledMessage, now: number): number | undefined {
  if (scheduleKind(old) === 'one-time') return old.schedule.scheduled_at;
  const cron = old.schedule.cron_expression;
  if (!cron) return undefined;
  try {
    return nextRuns(cron, now, 1)[0];
  } catch {
    return undefined;
  }
}

/** Refuse an edit that would race the old schedule's fire, unless forced. */
export function guardEdit(old: ScheduledMessage, now: number, force: boolean): void {
  const soon = firesSoon(old, now);
  if (soon === undefined || force) return;
  const seconds = Math.max(0, Math.round((soon - now) / 1000));
  throw new UsageError(
    `${old.id} fires in ${seconds} s (${new Date(soon).toISOString()}); changing it now could send that message twice or not at all`,
    'Wait until it has fired, or pass --force to change it anyway.',
  );
}
