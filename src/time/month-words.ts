import { UsageError } from '../errors';
import { monthOf } from './lexicon';
import { MONTH_NAMES } from './names';

/** A phrase said again in an order the grammar reads, and the words it says in place of words typed, to quote as typed. */
export interface InOrder {
  text: string;
  /** [as said again, as typed] */
  spans: Array<[string, string]>;
}

/**
 * Repeating phrases whose month words come in an order the grammar does not read, said again in one it does, or refused
 * where the order leaves a choice: "every other march 3rd" (every other year), "every third april" (which?), "every month
 * starting february on the 10th" (the start before the day), "every day from july 13 to 15" and "every day 13-15 july"
 * (days of one month, the month said once). Its text is the phrase as typed when none applies.
 */
export function withMonthWordsInOrder(said: string): InOrder {
  refuseStepBeforeMonth(said);
  refuseYearAsStart(said);
  const spans: Array<[string, string]> = [];
  return { text: withDaysOfOneMonth(withStartAfterDays(withEveryOtherYear(withCurrentAsThis(said, spans))), spans), spans };
}

const STEPS: Record<string, number> = { third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
/** "every other march 3rd", "each third april at 9am": the step, the month and the day right after it, if any. */
const STEP_BEFORE_MONTH =
  /\b(every|each) (other|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)) ([a-z]+)\.?(?: (?:the )?(\d{1,2}(?:st|nd|rd|th)?)\b(?!:| ?(?:am|pm|a\.m|p\.m|o'clock)\b))?/;

/**
 * The step an ordinal before a month says ("third": 3); "other" is no doubt. Digits are the date ("every 4th july"), but
 * not before a month with its own day ("every 2nd march 3rd": every 2 years, as "every third march 3rd" is every 3).
 */
const stepOf = (word: string, dayAfter: boolean): number | undefined => STEPS[word] ?? (dayAfter && /^\d/.test(word) ? parseInt(word, 10) : undefined);

/**
 * "every third april": every third April, or April 3rd each year? Neither is guessed ("every second january" is asked in
 * seconds.ts, beside the seconds it is not). With its own day ("every third june 1st") it can only be every third year.
 */
function refuseStepBeforeMonth(said: string): void {
  const found = STEP_BEFORE_MONTH.exec(said.toLowerCase());
  const month = found ? monthOf(found[3]) : undefined;
  const n = found ? stepOf(found[2]!, found[4] !== undefined) : undefined;
  if (!found || month === undefined || n === undefined || n < 2) return;
  const name = MONTH_NAMES[month - 1]!;
  const rest = said.slice(found.index + found[0].length).trim();
  const after = rest ? ` ${rest}` : '';
  const everyNthYear = `'every ${n} years on ${name.toLowerCase()} ${found[4] ?? '1st'}${after}'`;
  if (found[4] !== undefined) {
    throw new UsageError(`'${said}': '${found[2]}' before a month with its day is every ${n} years here`, `Write ${everyNthYear}; for every year, 'every ${name.toLowerCase()} ${found[4]}${after}'.`);
  }
  throw new UsageError(
    `'${said}' leaves '${found[2]} ${found[3]}' open: every ${found[2]} ${name}, or ${name} ${ordinal(n)} each year?`,
    `For the day, write 'every ${name.toLowerCase()} ${ordinal(n)}${after}'; for every ${found[2]} year, ${everyNthYear}, or another day of ${name}.`,
  );
}

const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** "every other march 3rd": every other year on that day; "every other january", without a day, names none and is refused. */
function withEveryOtherYear(said: string): string {
  const found = STEP_BEFORE_MONTH.exec(said.toLowerCase());
  const month = found ? monthOf(found[3]) : undefined;
  if (!found || found[2] !== 'other' || month === undefined) return said;
  const name = MONTH_NAMES[month - 1]!.toLowerCase();
  if (found[4] === undefined) {
    const rest = said.slice(found.index + found[0].length).trim();
    throw new UsageError(
      `'${said}' says every other ${MONTH_NAMES[month - 1]} but not which days in it`,
      `Name the day, such as 'every 2 years on ${name} 1st${rest ? ` ${rest}` : ''}'; for each day of it, 'every day in ${name}' runs every year.`,
    );
  }
  return `${said.slice(0, found.index)}${found[1]} other year on ${name} ${found[4]}${said.slice(found.index + found[0].length)}`;
}

/** "every month starting february on the 10th": the start said before the days, moved after them, where starts are read. */
function withStartAfterDays(said: string): string {
  const found = /\b((?:month|week|year|day)s?) ((?:starting|beginning|commencing)(?: in)? ([a-z]+)\.?(?: \d{4})?) (on .+)$/i.exec(said);
  if (!found || monthOf(found[3]!.toLowerCase()) === undefined) return said;
  return `${said.slice(0, found.index)}${found[1]} ${found[4]} ${found[2]}`;
}

/**
 * "from july 13 to 15", "between may 4 and 8", "13-15 july", "from 13 to 15 of july": a span of days in one month, the
 * month said once, is those days of that month, as "from the 13th to the 15th of july" is (every year's, which the reader
 * notes where the words are those for once). Said in that form, so the two orders agree; a bare number before the month
 * is a day, not an hour of a window. The span said again, with the words typed, goes to `spans`.
 */
function withDaysOfOneMonth(said: string, spans: Array<[string, string]>): string {
  const late = /(?!:| ?(?:am|pm|a\.m|p\.m|o'clock|h|minutes?|hours?|days?|weeks?)\b)/.source;
  const monthFirst = new RegExp(`\\b(from|between) (?:the )?([a-z]+)\\.? (\\d{1,2})(?:st|nd|rd|th)? ?(to|through|thru|till|until|and|-) ?(?:the )?(\\d{1,2})(?:st|nd|rd|th)?\\b${late}`, 'i');
  const daysFirst = new RegExp(`\\b(?:(from|between) )?(?:the )?(\\d{1,2})(?:st|nd|rd|th)? ?(to|through|thru|till|until|and|-) ?(?:the )?(\\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)\\b(?! ?\\d)`, 'i');
  const first = monthFirst.exec(said);
  const found = first && monthOf(first[2]!.toLowerCase()) !== undefined ? { at: first, opener: first[1], month: first[2]!, from: first[3]!, word: first[4]!, to: first[5]! } : undefined;
  const second = found ? null : daysFirst.exec(said);
  const read =
    found ?? (second && monthOf(second[5]!.toLowerCase()) !== undefined ? { at: second, opener: second[1], month: second[5]!, from: second[2]!, word: second[3]!, to: second[4]! } : undefined);
  if (!read) return said;
  const [start, end] = [Number(read.from), Number(read.to)];
  // "between may 4 and 8" and "from 13 to 15 july" only; "may 4 and 8" alone are two dates, read as such.
  if (!(end > start && end <= 31) || (read.word === 'and' && read.opener?.toLowerCase() !== 'between')) return said;
  const to = read.word === '-' || read.word === 'and' ? 'to' : read.word;
  const again = `${read.opener ? `${read.opener} ` : ''}the ${ordinal(start)} ${read.opener?.toLowerCase() === 'between' ? 'and' : to} the ${ordinal(end)} of ${monthOf(read.month.toLowerCase()) === undefined ? read.month : MONTH_NAMES[monthOf(read.month.toLowerCase())! - 1]!.toLowerCase()}`;
  spans.push([again, read.at[0]]);
  return `${said.slice(0, read.at.index)}${again}${said.slice(read.at.index + read.at[0].length)}`;
}

/**
 * "every year starting 2028 on march 3rd", "every month starting in 2028": a start that is a year names no day to start on
 * (and four digits may be a clock, "starting 2030" 20:30); neither is guessed, and the refusal writes each.
 */
function refuseYearAsStart(said: string): void {
  const found = /\b(starting|beginning|commencing|effective)( in)? ((?:19|20)(\d\d))\b(?!:| ?(?:am|pm|a\.m|p\.m|h|hours?)\b|[-/.]\d)/i.exec(said);
  if (!found) return;
  const year = found[3]!;
  const clock = found[2] === undefined && Number(found[4]) < 60 ? `; for a time, '${found[1]} at ${year.slice(0, 2)}:${year.slice(2)}'` : '';
  throw new UsageError(`'${said}': '${found[0]}' gives a year, which names no day to start on`, `Give the day, such as '${found[1]} jan 1 ${year}'${clock}.`);
}

/**
 * "every day current month", "every day in the current month", "every day during this month": the month (week, year) this
 * one, as "every day this month" says it, which bounds the rule to it.
 */
function withCurrentAsThis(said: string, spans: Array<[string, string]>): string {
  return said.replace(/\b(?:(?:in|during) )?(?:(?:the )?current|this) (week|month|year)\b/gi, (words: string, unit: string) => {
    const again = `this ${unit.toLowerCase()}`;
    if (words.toLowerCase() !== again) spans.push([again, words]);
    return again;
  });
}
