import { CronExpressionParser } from 'cron-parser';
import cronstrue from 'cronstrue';
import { UsageError } from '../errors';
import { plainCronFields } from './cron-fields';
import { describePlainCron } from './describe-cron';
import { cronOfFields, inUtc } from './utc-cron';

const FIELD_NAMES = ['minute', 'hour', 'day of month', 'month', 'day of week'];
/** How many values each field has: a step larger than that would fire once and claim to be an interval. */
const FIELD_SIZES = [60, 24, 31, 12, 7];
const NAMES = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']);

/**
 * Six fields are seconds first (Quartz, Spring) or a year last (AWS): the hint names the cron
 * without the field it most likely is. Quartz's '?' (any) is '*' here.
 */
function sixFieldHint(fields: string[]): string {
  const cron = (kept: string[]) => `'${kept.map((field) => (field === '?' ? '*' : field)).join(' ')}'`;
  const [withoutSeconds, withoutYear] = [cron(fields.slice(1)), cron(fields.slice(0, 5))];
  const last = fields[5]!;
  // '?' stands in the day fields: the 3rd or 5th with a year last (AWS), the 4th or 6th after seconds (Quartz).
  const any = fields.indexOf('?');
  const yearLast = any === 2 || any === 4 || /^\d{4}([-,/]\d{1,4})*$/.test(last);
  if (yearLast) return `Drop the year field, as in ${withoutYear}: a schedule here repeats every year.`;
  if (last === '*' && any === -1) return `Drop the seconds field if it comes first, as in ${withoutSeconds}, or the year field if it comes last, as in ${withoutYear}.`;
  return `Drop the seconds field, as in ${withoutSeconds}: Letta runs schedules at most once a minute.`;
}

/** A cron with more or fewer than 5 fields ("0 9 * *", "0 0 9 * * *"), said with how many it has. */
export function fieldCountError(expression: string): UsageError {
  const fields = expression.trim().split(/\s+/);
  return new UsageError(
    `'${expression.trim()}' has ${fields.length} fields; a cron here has 5 (minute hour day-of-month month day-of-week)`,
    fields.length === 6 ? sixFieldHint(fields) : "For example '0 9 * * 1-5' (09:00 UTC, Monday to Friday).",
  );
}

/**
 * Check a raw 5-field cron the way Letta will read it. Names (MON-FRI, JAN) are
 * fine; seconds fields, @macros, L, W, # and ? are refused with the reason.
 */
export function validateCron(expression: string): string {
  const cron = expression.trim().replace(/\s+/g, ' ');
  const fields = cron.split(' ');
  if (fields.length !== 5) throw fieldCountError(expression);
  fields.forEach((field, i) => {
    const bad = field.split(/[,\-/]/).find((token) => token !== '*' && token !== '' && !/^\d+$/.test(token) && !NAMES.has(token.toLowerCase()));
    if (bad !== undefined || /[LlWw#?]/.test(field.replace(/[A-Za-z]{3}/g, ''))) {
      throw new UsageError(
        `'${expression.trim()}': the ${FIELD_NAMES[i]} field '${field}' is not supported`,
        'Use numbers, names (MON-FRI, JAN), *, ranges (1-5), lists (1,3) and steps (*/15); L, W, # and ? are not supported.',
      );
    }
    for (const step of field.matchAll(/\/(\d+)/g)) {
      const size = FIELD_SIZES[i]!;
      if (Number(step[1]) > size || Number(step[1]) === 0) {
        throw new UsageError(
          `'${expression.trim()}': the step /${step[1]} in the ${FIELD_NAMES[i]} field is ${Number(step[1]) === 0 ? 'zero' : `larger than the field's ${size} values`}, so it would not repeat as written`,
          i === 0 ? "For every hour use '0 * * * *'; for every N minutes N must be 1-60." : `Use a step from 1 to ${size}.`,
        );
      }
    }
  });
  try {
    // What the plain reader cannot read, cron-parser reads or refuses with its reason.
    if (!plainCronFields(cron)) inUtc(() => CronExpressionParser.parse(cron, { tz: 'UTC' }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`'${expression.trim()}' is not a valid cron: ${reason}`, "For example '0 9 * * 1-5' (09:00 UTC, Monday to Friday).");
  }
  return cron;
}

/** The longest a plain cron waits between two fires: 29 February, from 2096 to 2104. */
const LONGEST_GAP_MS = 8 * 366 * 86_400_000;

/** The next `count` instants (Unix ms) at which a UTC cron fires after `now`. */
export function nextRuns(cron: string, now: number, count: number): number[] {
  const fields = plainCronFields(cron);
  if (fields) return cronOfFields(fields).firesIn(Math.floor(now) + 1, now + count * LONGEST_GAP_MS, count).instants;
  return inUtc(() => {
    const expression = CronExpressionParser.parse(cron, { tz: 'UTC', currentDate: new Date(now) });
    const runs: number[] = [];
    for (let i = 0; i < count && expression.hasNext(); i++) runs.push(expression.next().getTime());
    return runs;
  });
}

/** A plain-English description of a cron, e.g. "At 09:00 AM, Monday through Friday": cronstrue's words, written here for the crons this tool writes most. */
export function describeCron(cron: string): string {
  const said = monthsListed(cron);
  return describePlainCron(said) ?? cronstrue.toString(said, { throwExceptionOnParseError: false, verbose: false });
}

/**
 * A month step that does not start in January ("2-12/2", "3/4") with its months listed: cronstrue says "every 2 months,
 * February through December", which reads as every month from February; the list ("only in February, April, ...") is
 * what it does.
 */
function monthsListed(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  const step = fields.length === 5 ? /^(\d{1,2})(?:-(\d{1,2}))?\/(\d{1,2})$/.exec(fields[3]!) : null;
  if (!step) return cron;
  const [from, to, every] = [Number(step[1]), Number(step[2] ?? 12), Number(step[3])];
  if (from <= 1 || to > 12 || from > to || every < 1) return cron;
  const months: number[] = [];
  for (let month = from; month <= to; month += every) months.push(month);
  return months.length < 2 ? cron : [...fields.slice(0, 3), months.join(','), fields[4]].join(' ');
}
