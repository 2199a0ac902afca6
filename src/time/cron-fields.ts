/**
 * A 5-field cron in the plain form this tool writes and `validateCron` takes
 * (numbers, month and day names, `*`, ranges, lists, steps), read into its
 * values without cron-parser, which with luxon is most of what `parse` of a
 * recurring phrase would otherwise load. Anything else, or anything cron-parser
 * would refuse, is not read here (undefined): the caller hands it to cron-parser,
 * the reference, so crons mean and fail exactly as before. A test checks both
 * agree on every cron read here.
 */
export interface CronFields {
  /** Sorted. */
  minutes: number[];
  /** Sorted. */
  hours: number[];
  daysOfMonth: Set<number>;
  months: Set<number>;
  /** 0 is Sunday. */
  daysOfWeek: Set<number>;
  /** Written `*`: then the other day field alone decides (cron's day rule). */
  anyDayOfMonth: boolean;
  anyDayOfWeek: boolean;
}

const MONTH_NAMES = new Map(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((name, i) => [name, i + 1]));
const DAY_NAMES = new Map(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((name, i) => [name, i]));

interface Field {
  min: number;
  max: number;
  names?: Map<string, number>;
}
const MINUTE: Field = { min: 0, max: 59 };
const HOUR: Field = { min: 0, max: 23 };
const DAY_OF_MONTH: Field = { min: 1, max: 31 };
const MONTH: Field = { min: 1, max: 12, names: MONTH_NAMES };
// Day of week reaches 7 only through `*` (which cron-parser reads as 0-7); a 7 written out is left to it.
const DAY_OF_WEEK: Field = { min: 0, max: 6, names: DAY_NAMES };

/** The longest each month can be (February in a leap year). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** cron-parser refuses a longer cron, however it is spaced. */
const MAX_LENGTH = 1024;

export function plainCronFields(cron: string): CronFields | undefined {
  if (cron.length > MAX_LENGTH) return undefined;
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) return undefined;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = parts as [string, string, string, string, string];
  const minutes = fieldValues(minute, MINUTE);
  const hours = fieldValues(hour, HOUR);
  const daysOfMonth = fieldValues(dayOfMonth, DAY_OF_MONTH);
  const months = fieldValues(month, MONTH);
  const daysOfWeek = dayOfWeek === '*' || dayOfWeek.startsWith('*/') ? wholeWeek(dayOfWeek) : fieldValues(dayOfWeek, DAY_OF_WEEK);
  if (!minutes || !hours || !daysOfMonth || !months || !daysOfWeek) return undefined;
  const anyDayOfMonth = dayOfMonth === '*';
  const anyDayOfWeek = dayOfWeek === '*';
  // Days no chosen month has (30 February) never come: cron-parser's own search decides what that means.
  if (!anyDayOfMonth && anyDayOfWeek && months.every((m) => Math.min(...daysOfMonth) > MONTH_DAYS[m - 1]!)) return undefined;
  return {
    minutes,
    hours,
    daysOfMonth: new Set(daysOfMonth),
    months: new Set(months),
    daysOfWeek: new Set(daysOfWeek),
    anyDayOfMonth,
    anyDayOfWeek,
  };
}

/** Whether two crons fire at the same times, their fields written alike or not (`*\/7` and `0-56/7`); crons not read here are compared as text. */
export function sameCron(a: string, b: string): boolean {
  if (a === b) return true;
  const one = plainCronFields(sundayAsZero(a));
  const other = plainCronFields(sundayAsZero(b));
  return one !== undefined && other !== undefined && firesKey(one) === firesKey(other);
}

/** The cron with a day of week of 7 (Sunday, as cron reads it; left to cron-parser by plainCronFields) written as 0: `5-7` as `5-6,0`. */
function sundayAsZero(cron: string): string {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) return cron;
  const items = parts[4]!.split(',').map((item) => {
    if (item === '7') return '0';
    const range = /^(\d+)-7$/.exec(item);
    return range ? (range[1] === '7' ? '0' : `${range[1]}-6,0`) : item;
  });
  return [...parts.slice(0, 4), items.join(',')].join(' ');
}

function firesKey({ minutes, hours, daysOfMonth, months, daysOfWeek, anyDayOfMonth, anyDayOfWeek }: CronFields): string {
  const fields = [minutes, hours, daysOfMonth, months, daysOfWeek].map((values) => [...values].sort((x, y) => x - y).join(','));
  return [...fields, anyDayOfMonth, anyDayOfWeek].join(' ');
}

/** A field's values, sorted, or undefined when it is not plain or would be refused (out of range, backwards, repeated). */
function fieldValues(text: string, field: Field): number[] | undefined {
  const values: number[] = [];
  for (const item of text.split(',')) {
    const match = /^(\*|[A-Za-z0-9]+)(?:-([A-Za-z0-9]+))?(?:\/(\d+))?$/.exec(item);
    if (!match) return undefined;
    const [, first, last, stepText] = match as unknown as [string, string, string | undefined, string | undefined];
    if (first === '*' && last !== undefined) return undefined;
    // cron-parser runs a stepped day of week to 7 (Sunday again): left to it.
    if (field === DAY_OF_WEEK && first !== '*' && last === undefined && stepText !== undefined) return undefined;
    const from = first === '*' ? field.min : value(first, field);
    // A single value with a step runs to the field's end (5/15: 5, 20, 35, 50).
    const to = first === '*' || (last === undefined && stepText !== undefined) ? field.max : last === undefined ? from : value(last, field);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (from === undefined || to === undefined || from > to || step < 1) return undefined;
    for (let v = from; v <= to; v += step) values.push(v);
  }
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.some((v, i) => i > 0 && v === sorted[i - 1])) return undefined;
  return sorted;
}

function value(token: string, field: Field): number | undefined {
  if (/^\d+$/.test(token)) {
    const n = Number(token);
    return n >= field.min && n <= field.max ? n : undefined;
  }
  const name = token.toLowerCase();
  return field.names?.get(name);
}

/** `*` or `*\/n` in the day of week: cron-parser steps through 0-7, and 7 is Sunday again. */
function wholeWeek(text: string): number[] | undefined {
  const step = text === '*' ? 1 : /^\*\/(\d+)$/.exec(text)?.[1];
  if (step === undefined || Number(step) < 1) return undefined;
  const days = new Set<number>();
  for (let day = 0; day <= 7; day += Number(step)) days.add(day % 7);
  return [...days].sort((a, b) => a - b);
}
