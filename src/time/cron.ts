import { CronExpressionParser } from 'cron-parser';
import cronstrue from 'cronstrue';
import { Settings } from 'luxon';
import { UsageError } from '../errors';

// cron-parser works through luxon, which otherwise asks Intl for the system
// locale and zone on first use (~15 ms of ICU set-up). Crons here are always
// UTC and locale-free, so name both.
Settings.defaultLocale = 'en-US';
Settings.defaultZone = 'UTC';

const FIELD_NAMES = ['minute', 'hour', 'day of month', 'month', 'day of week'];
const NAMES = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat)$/i;

/**
 * Check a raw 5-field cron the way Letta will read it. Names (MON-FRI, JAN) are
 * fine; seconds fields, @macros, L, W, # and ? are refused with the reason.
 */
export function validateCron(expression: string): string {
  const cron = expression.trim().replace(/\s+/g, ' ');
  const fields = cron.split(' ');
  if (fields.length !== 5) {
    throw new UsageError(
      `'${expression.trim()}' has ${fields.length} fields; a cron here has 5 (minute hour day-of-month month day-of-week)`,
      fields.length === 6 ? 'Drop the seconds field: Letta runs schedules at most once a minute.' : "For example '0 9 * * 1-5' (09:00 UTC, Monday to Friday).",
    );
  }
  fields.forEach((field, i) => {
    const bad = field.split(/[,\-/]/).find((token) => token !== '*' && token !== '' && !/^\d+$/.test(token) && !NAMES.test(token));
    if (bad !== undefined || /[LW#?]/i.test(field.replace(/[a-z]{3}/gi, ''))) {
      throw new UsageError(
        `'${expression.trim()}': the ${FIELD_NAMES[i]} field '${field}' is not supported`,
        'Use numbers, names (MON-FRI, JAN), *, ranges (1-5), lists (1,3) and steps (*/15); L, W, # and ? are not supported.',
      );
    }
  });
  try {
    CronExpressionParser.parse(cron, { tz: 'UTC' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`'${expression.trim()}' is not a valid cron: ${reason}`, "For example '0 9 * * 1-5' (09:00 UTC, Monday to Friday).");
  }
  return cron;
}

/** The next `count` instants (Unix ms) at which a UTC cron fires after `now`. */
export function nextRuns(cron: string, now: number, count: number): number[] {
  const expression = CronExpressionParser.parse(cron, { tz: 'UTC', currentDate: new Date(now) });
  const runs: number[] = [];
  for (let i = 0; i < count && expression.hasNext(); i++) runs.push(expression.next().getTime());
  return runs;
}

/** A plain-English description of a cron, e.g. "At 09:00 AM, Monday through Friday". */
export function describeCron(cron: string): string {
  return cronstrue.toString(cron, { throwExceptionOnParseError: false, verbose: false });
}
