import type { Intent } from '../state/records';
import { patternOfCron } from '../sync/local-rule';
import { describeCron } from '../time/cron';
import { WEEKDAY_NAMES, WEEKDAY_SHORT } from '../time/names';
import { formatClock } from '../time/zone';

/** More clock times than this are said as a cron description, not listed. */
const MOST_TIMES = 4;

/**
 * A recorded local rule as a person reads it: "08:00 on weekdays,
 * Europe/London", "every hour at :30 every day, UTC". Undefined when the
 * intent keeps no clock (an interval, a one-time schedule, a rule in UTC).
 */
export function keptAt(intent: Pick<Intent, 'kind' | 'local_rule' | 'zone' | 'status'>): string | undefined {
  if (intent.kind !== 'recurring' || intent.status !== 'active' || intent.zone === 'UTC') return undefined;
  return cronOnClock(intent.local_rule, intent.zone);
}

/** A 5-field cron read on a zone's clock, as a person reads it: "08:00 on weekdays, Europe/London"; undefined for any other rule. */
export function cronOnClock(cron: string, zone: string): string | undefined {
  const pattern = patternOfCron(cron);
  if (pattern === null) return undefined;
  const { weekdays, monthDays, months } = pattern.days;
  const times = clockTimes(pattern.minutes);
  if (times === undefined || months !== null) return `${afterKeptAt(describeCron(cron))}, ${zone}`;
  const days = monthDays !== null ? `on day ${monthDays.join(', ')} of the month` : weekdays === null ? 'every day' : dayNames(weekdays);
  return `${times} ${days}, ${zone}`;
}

/**
 * A cron description read on after "kept at": its own "At" dropped and its first word in lower case
 * ("At 09:00 AM, only in January" -> "09:00 AM, only in January", "Every 10 minutes" -> "every 10 minutes").
 */
function afterKeptAt(description: string): string {
  const text = description.replace(/^At\s+/, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "08:00", "08:00 and 17:30", "every hour at :30"; undefined when there are too many to say plainly. */
function clockTimes(minutes: number[]): string | undefined {
  const sorted = [...new Set(minutes)].sort((a, b) => a - b);
  const atMinute = new Set(sorted.map((m) => m % 60));
  if (sorted.length === 24 && atMinute.size === 1) return `every hour at :${String(sorted[0]! % 60).padStart(2, '0')}`;
  if (sorted.length > MOST_TIMES) return undefined;
  const clocks = sorted.map((m) => formatClock(Math.floor(m / 60), m % 60));
  return clocks.length === 1 ? clocks[0] : `${clocks.slice(0, -1).join(', ')} and ${clocks.at(-1)}`;
}

/** [1..5] -> "on weekdays", [0,6] -> "at weekends", [1] -> "on Mondays", [1,3] -> "on Mon, Wed". */
function dayNames(weekdays: number[]): string {
  const key = weekdays.join();
  if (key === '1,2,3,4,5') return 'on weekdays';
  if (key === '0,6') return 'at weekends';
  if (key === '0,1,2,3,4,5,6') return 'every day';
  if (weekdays.length === 1) return `on ${WEEKDAY_NAMES[weekdays[0]!]}s`;
  // Monday first, as a week is read.
  return `on ${[...weekdays]
    .sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
    .map((d) => WEEKDAY_SHORT[d])
    .join(', ')}`;
}
