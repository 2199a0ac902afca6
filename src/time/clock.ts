import { UsageError } from '../errors';
import { monthOf, PART_HOURS, unitOf, type PartOfDay } from './lexicon';
import { readNumber, tokenize, type Read } from './words';

export interface ClockTime {
  hour: number;
  minute: number;
  /** A one-time clock kept to the second ("14:02:30"): shown in the notes that name it. */
  second?: number;
}

export interface ClockRead extends Read<ClockTime> {
  /** Written without am/pm as an hour 1-12 ("at 6", "half past 6", "six thirty"): `settleClock` decides. */
  ambiguous: boolean;
  /** The hour as written ("quarter to 6" was written 6), which the am/pm rule looks at. */
  written: number;
  /** The words as written, for the note that says how the clock was read. */
  text: string;
  /** A later time in a list ("6" in "at 4 and 6"): without am/pm, read after the time before it. */
  listed?: boolean;
}

export interface ClockOptions {
  /** Read "10 to 3" and "20 past 6" (default true). A window ("from 9 to 5") turns it off for its first end. */
  bareOffsets?: boolean;
}

const UNIT_WORDS = 'one|two|three|four|five|six|seven|eight|nine';
const TEEN_WORDS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const HOUR_WORDS = `(?:twenty(?:[- ]?(?:one|two|three))?|${TEEN_WORDS}|zero|${UNIT_WORDS})`;
const MINUTE_WORDS = `(?:(?:twenty|thirty|forty|fifty)(?:[- ]?(?:${UNIT_WORDS}))?|${TEEN_WORDS}|(?:oh? )?(?:${UNIT_WORDS}))`;
const COUNT_WORDS = `(?:(?:twenty|thirty|forty|fifty)(?:[- ]?(?:${UNIT_WORDS}))?|${TEEN_WORDS}|${UNIT_WORDS})`;
const MERIDIEM = String.raw`(?: ?(?:[ap]\.? ?m\.?|p)(?![a-z])|(?<=\d)a(?![a-z.])| in the (?:morning|afternoon|evening|am|pm)| at night)`;
const PLAIN = String.raw`(?:\d{1,2}(?::\d{1,2}|\.\d{2}|h(?:\d{2})?)?|${HOUR_WORDS}(?: ${MINUTE_WORDS}| [0-5]\d)?)(?: ?o'?clock| o clock)?${MERIDIEM}?`;
const OFFSET = String.raw`(?:(?:half|(?:a )?quarter|(?:\d{1,2}|${COUNT_WORDS})(?: ?min(?:ute)?s?)?) (?:past|after|to|before|till|til|of) )`;

/**
 * One time of day as a regular-expression source, for readers built on
 * patterns: every spelling `parseClock` reads (9am, 3 p.m., 15h, 9:5,
 * 3 o'clock, half past 9, quarter to 5pm, seven thirty pm, noon). It has no
 * nested repetition, so matching is linear. Match lower-case, single-spaced text.
 */
export const CLOCK_PATTERN = `(?:${OFFSET}?(?:(?:12(?::\\d{2})? )?(?:noon|mid[- ]?day|mid-?night)|${PLAIN}))`;

const NOON = new Set(['noon', 'midday']);
const MERIDIEMS: Record<string, 'am' | 'pm'> = { am: 'am', pm: 'pm', p: 'pm' };
const PARTS: Array<[string[], 'am' | 'pm' | 'night']> = [
  [['in', 'the', 'morning'], 'am'],
  [['in', 'the', 'am'], 'am'],
  [['in', 'the', 'pm'], 'pm'],
  [['in', 'the', 'afternoon'], 'pm'],
  [['in', 'the', 'evening'], 'pm'],
  [['at', 'night'], 'night'],
];

/**
 * Read one time of day starting at `tokens[start]` (see `tokenize`), or null
 * when there is none. Hours out of range ("13pm", "25:00", "9:75") are
 * errors, never wrapped.
 */
export function readClock(tokens: readonly string[], start: number, options: ClockOptions = {}): ClockRead | null {
  const read = readOffsetClock(tokens, start, options.bareOffsets !== false) ?? readPlainClock(tokens, start);
  // "at 9 sharp", "9am sharp": that time exactly, as any clock is.
  return read && tokens[read.end] === 'sharp' ? { ...read, end: read.end + 1 } : read;
}

/** One time of day that is the whole of `text` ("9", "9:30pm", "quarter past 6"), am/pm undecided; null when the text is anything else. */
export function readWholeClock(text: string): ClockRead | null {
  const tokens = tokenize(text);
  const read = readClock(tokens, 0);
  return read && read.end === tokens.length ? read : null;
}

/** Parse one whole time of day, or null if the text is not one. Out-of-range hours are errors, never wrapped. */
export function parseClock(text: string): ClockTime | null {
  const tokens = tokenize(text);
  const read = readClock(tokens, 0);
  return read && read.end === tokens.length ? read.value : null;
}

/** "half past 9", "half three", "quarter to 5pm", "10 minutes to 3pm", "20 past 6", "a quarter after noon". */
function readOffsetClock(tokens: readonly string[], start: number, bare: boolean): ClockRead | null {
  let i = start;
  let minutes: number;
  if (tokens[i] === 'half' && tokens[i + 1] !== 'past' && tokens[i + 1] !== 'after') {
    // "half three" (British): half past three.
    const base = readPlainClock(tokens, i + 1);
    if (!base || base.value.minute !== 0 || !/^[a-z]+$|^\d{1,2}$/.test(tokens[i + 1]!)) return null;
    return { ...base, value: { hour: base.value.hour, minute: 30 }, text: spell(tokens.slice(start, base.end)) };
  }
  if (tokens[i] === 'half') {
    minutes = 30;
    i++;
  } else if (tokens[i] === 'quarter' || (tokens[i] === 'a' && tokens[i + 1] === 'quarter')) {
    minutes = 15;
    i += tokens[i] === 'a' ? 2 : 1;
  } else {
    const count = readNumber(tokens, i, { articles: false });
    if (!count || !Number.isInteger(count.value) || count.value < 1 || count.value > 59) return null;
    minutes = count.value;
    i = count.end;
    if (/^(?:minutes?|mins?)$/.test(tokens[i] ?? '')) i++;
    else if (!bare) return null;
  }
  const direction = tokens[i];
  const sign = direction === 'past' || direction === 'after' ? 1 : ['to', 'before', 'till', 'til', 'of'].includes(direction ?? '') ? -1 : 0;
  if (sign === 0 || (minutes === 30 && sign < 0 && tokens[start] === 'half')) return null;
  // Digits that are two hours ("9 to 5", "10 to 12", "5 to 6pm") are a window from one to the other, as "9-5" is; minutes
  // as clocks are said that are no hour ("20 to 6", "25 past 3"), "ten to five" in words and "10 minutes to 5" are clocks.
  // "15 to noon" is a clock: noon and midnight are no hour a range runs to.
  const named = NOON.has(tokens[i + 1] ?? '') || tokens[i + 1] === 'midnight';
  if (sign < 0 && i === start + 1 && /^\d/.test(tokens[start]!) && (minutes % 5 !== 0 || minutes > 25 || minutes === 15 || minutes <= 12) && !named) return null;
  const base = readPlainClock(tokens, i + 1);
  if (!base || base.value.minute !== 0) return null;
  const total = (((base.value.hour * 60 + sign * minutes) % 1440) + 1440) % 1440;
  let hour = Math.floor(total / 60);
  // Without am/pm the rule reads the time said, not the hour named: "twenty to six" is 5:40, so 17:40; "ten to one" is 12:50.
  if (base.ambiguous && hour === 0) hour = 12;
  const written = base.ambiguous ? hour % 12 || 12 : base.written;
  const text = spell(tokens.slice(start, base.end));
  const value = { hour, minute: total % 60 };
  return { value, end: base.end, ambiguous: base.ambiguous, written, text };
}

/** 9, 9am, 9 am, 3p, 3 p.m., 15h, 15h30, 15:30, 9:5, 9.30, 3 o'clock, nine am, seven thirty pm, noon, 12 midnight. */
function readPlainClock(tokens: readonly string[], start: number): ClockRead | null {
  let i = start;
  // "12 noon", "12:00 midnight".
  if ((tokens[i] === '12' || tokens[i] === '12:00') && (NOON.has(tokens[i + 1] ?? '') || tokens[i + 1] === 'midnight')) i++;
  const named = (hour: number): ClockRead => ({ value: { hour, minute: 0 }, end: i + 1, ambiguous: false, written: hour, text: spell(tokens.slice(start, i + 1)) });
  if (NOON.has(tokens[i] ?? '')) return named(12);
  if (tokens[i] === 'midnight' || tokens[i] === 'mid-night') return named(0);
  // "mid-day", "mid day", "mid-night".
  const dash = tokens[i + 1] === '-' ? 1 : 0;
  if (tokens[i] === 'mid' && (tokens[i + 1 + dash] === 'night' || tokens[i + 1 + dash] === 'day')) {
    i += 1 + dash;
    return named(tokens[i] === 'day' ? 12 : 0);
  }

  const first = tokens[i];
  if (first === undefined) return null;
  let hour: number;
  let minute = 0;
  let colon = false;
  let twentyFour = false;
  let hForm = false;
  // "9:5" is 09:05; with a dot the minutes take two digits ("9.30"): "7.6" is no clock (a date? a decimal?).
  const clock = /^(\d{1,2})(?::(\d{1,2})|\.(\d{2}))$/.exec(first);
  if (clock) {
    hour = Number(clock[1]);
    minute = Number(clock[2] ?? clock[3]);
    colon = true;
    twentyFour = clock[1]!.startsWith('0') && clock[1]!.length === 2;
    i++;
    // "13:00:00", "01:00:00 PM": whole minutes only, as schedules run.
    if (tokens[i] === ':00') i++;
  } else if (/^\d{1,2}$/.test(first)) {
    hour = Number(first);
    twentyFour = first.length === 2 && first.startsWith('0');
    i++;
    if (tokens[i] === 'h' && hour <= 23) {
      twentyFour = true;
      hForm = true;
      i++;
      if (/^\d{2}$/.test(tokens[i] ?? '')) minute = Number(tokens[i++]);
    } else if (hour <= 23 && /^[0-5]\d$/.test(tokens[i] ?? '') && unitOf(tokens[i + 1]) === undefined && monthOf(tokens[i + 1]) === undefined) {
      // "at 5 05", "9 30 pm": hours and minutes said apart, as dictation writes them ("at 5 30 minutes past" is no clock).
      minute = Number(tokens[i++]);
    } else if (hour <= 23) {
      // "at 9 fifteen", "4 twenty pm", "7 oh five": the minutes in words, as "nine fifteen" says them (never a second time).
      const minuteWord = readMinuteWord(tokens, i);
      // Not a clock of its own ("at 9 twelve noon", "at 9 ten o'clock").
      const after = tokens[minuteWord?.end ?? -1] ?? '';
      if (minuteWord && unitOf(after) === undefined && after !== 'times' && !NOON.has(after) && after !== 'midnight' && after !== 'oclock') {
        minute = minuteWord.value;
        i = minuteWord.end;
      }
    }
  } else {
    const word = readNumber(tokens, i, { articles: false });
    if (!word || !/^[a-z]/.test(first) || word.value > 23) return null;
    hour = word.value;
    i = word.end;
    // "ten thirty", "ten-thirty"; "eleven five" (11:05), as the hour said in words says its minutes; "eleven 05".
    const minuteWord = readMinuteWord(tokens, i, true) ?? (tokens[i] === '-' ? readMinuteWord(tokens, i + 1, true) : null);
    if (/^[0-5]\d$/.test(tokens[i] ?? '') && unitOf(tokens[i + 1]) === undefined && monthOf(tokens[i + 1]) === undefined) {
      minute = Number(tokens[i++]);
    } else if (minuteWord) {
      minute = minuteWord.value;
      i = minuteWord.end;
    }
  }
  const text = () => spell(tokens.slice(start, i));
  if (minute > 59) throw new UsageError(`'${text()}' is not a time of day: minute ${minute} is out of range (00-59)`);
  if (tokens[i] === 'oclock' && minute === 0) i++;
  // "12:15 noon", "12:30 midnight": the word says which twelve.
  if (hour === 12 && (NOON.has(tokens[i] ?? '') || tokens[i] === 'midnight')) {
    const noon = tokens[i] !== 'midnight';
    i++;
    return { value: { hour: noon ? 12 : 0, minute }, end: i, ambiguous: false, written: 12, text: text() };
  }

  let meridiem: 'am' | 'pm' | 'night' | undefined;
  if (!hForm) {
    const single = MERIDIEMS[tokens[i] ?? ''];
    if (single) {
      meridiem = single;
      i++;
    } else {
      const part = PARTS.find(([words]) => words.every((w, k) => tokens[i + k] === w));
      // "12 in the evening" is no noon (as pm would read it): the evening is left to be read as the part of the day it is.
      if (part && !(hour === 12 && part[0].at(-1) === 'evening')) {
        meridiem = part[1];
        i += part[0].length;
      }
    }
  }
  if (meridiem) {
    // "00:32 am": a 24-hour clock's small hours, which "am" agrees with ("0am" and "00:32 pm" say nothing one can read).
    if (colon && hour === 0 && meridiem === 'am') return { value: { hour, minute }, end: i, ambiguous: false, written: hour, text: text() };
    if (hour < 1 || hour > 12) {
      throw new UsageError(
        `'${text()}' is not a time of day: with am/pm the hour must be 1-12`,
        `Write '${hour > 12 && hour < 24 ? `${hour}:${String(minute).padStart(2, '0')}` : '9am'}' or use a 24-hour time such as '14:30'.`,
      );
    }
    // "12 at night" is midnight, "2 at night" 02:00, "10 at night" 22:00.
    const pm = meridiem === 'pm' || (meridiem === 'night' && hour >= 5 && hour < 12);
    return { value: { hour: (hour % 12) + (pm ? 12 : 0), minute }, end: i, ambiguous: false, written: hour, text: text() };
  }
  if (hour > 23) {
    if (!colon) return null;
    throw new UsageError(`'${text()}' is not a time of day: hour ${hour} is out of range (0-23)`);
  }
  return { value: { hour, minute }, end: i, ambiguous: !twentyFour && hour >= 1 && hour <= 12, written: hour, text: text() };
}

/**
 * A clock written without am/pm and without a part of the day, read as people
 * mean it when they schedule (time-language.md): hours 1-5 are the afternoon,
 * 6-11 the morning, 12 is noon. Returns the time and the note that says what
 * was chosen and how to write the other reading; a clock that is not
 * ambiguous comes back as it is, with no note.
 */
export function settleClock(read: Pick<ClockRead, 'value' | 'ambiguous' | 'written' | 'text'>): { value: ClockTime; note?: string } {
  if (!read.ambiguous) return { value: read.value };
  const pm = read.written >= 1 && read.written <= 5;
  const value = pm && read.value.hour < 12 ? { ...read.value, hour: read.value.hour + 12 } : read.value;
  return { value, note: clockNote(read, value) };
}

/** The note for a clock written without am/pm and read as `value`: what was chosen, and how to write the other reading. */
export function clockNote(read: Pick<ClockRead, 'text'>, value: ClockTime, after?: { text: string; value: ClockTime }): string {
  // A list read in order ("at 4 and 6"): the time before it decided.
  const following = after ? `, following '${after.text}' (${formatHm(after.value)}) in the list` : '';
  const shown = formatHm(value);
  if (value.hour === 12) return `read '${read.text}' as ${shown}, after noon${following}; write '${read.text} am' or ${formatHm({ ...value, hour: 0 })} for after midnight`;
  if (value.hour === 0) return `read '${read.text}' as ${shown}, after midnight${following}; write '${read.text} pm' or ${formatHm({ ...value, hour: 12 })} for after noon`;
  const pm = value.hour > 12;
  const other = { ...value, hour: pm ? value.hour - 12 : value.hour + 12 };
  return `read '${read.text}' as ${shown}${following}; write '${read.text} ${pm ? 'am' : 'pm'}' or ${formatHm(other)} for the ${pm ? 'morning' : 'evening'}`;
}

/** Written on the 24-hour clock: digits without am/pm, with an hour of 13-23 or a leading zero ("17:30", "22", "09:00", "17h"). */
export function onTwentyFourHourClock(read: Pick<ClockRead, 'text'>): boolean {
  // By its writing alone: a bare '2' that a list decided was the afternoon ("at 10 and 2") is no 24-hour clock.
  return /^(?:0\d?|1[3-9]|2[0-3])(?:[:.h]\d{2}|h)?$|^\d{1,2}h(?:\d{2})?$/.test(read.text);
}

/**
 * A clock without am/pm beside one on the 24-hour clock ("daily at 1:00 and 13:00", "between 7:00
 * and 22:00") is on that clock too: its hour as written, with a note.
 */
export function asTwentyFourHour(read: Pick<ClockRead, 'value' | 'text'>, beside: Pick<ClockRead, 'text'>): { value: ClockTime; note: string } {
  const value = read.value;
  const other = { ...value, hour: (value.hour + 12) % 24 };
  const otherPart = other.hour === 0 ? 'after midnight' : other.hour < 12 ? 'the morning' : other.hour < 17 ? 'the afternoon' : 'the evening';
  return {
    value,
    note: `read '${read.text}' as ${formatHm(value)}, on the 24-hour clock like '${beside.text}'; write '${read.text} ${other.hour >= 12 ? 'pm' : 'am'}' or ${formatHm(other)} for ${otherPart}`,
  };
}

/** "this evening at 12", "every evening at 12:30": no noon is in the evening; the twelve that ends it is read, said so. */
export function eveningTwelveNote(text: string, minute: number): string {
  const noon = minute === 0 ? "for noon, write 'at noon'" : `for ${formatHm({ hour: 12, minute })} after noon, write '12:${String(minute).padStart(2, '0')} pm'`;
  return `read '${text}' in the evening as ${formatHm({ hour: 0, minute })}, ${minute === 0 ? 'midnight' : 'after midnight'} as the evening ends; ${noon} without 'evening'`;
}

/** The note for a part of the day given without a time ("tonight", "every evening"): the time it stands for, and how to say another. */
export function partNote(said: string, part: PartOfDay): string {
  const other = PART_HOURS[part] + 1;
  return `read '${said}' as ${formatHm({ hour: PART_HOURS[part], minute: 0 })}; add a time for another, such as 'at ${other % 12 || 12}${other < 12 ? 'am' : 'pm'}'`;
}

const formatHm = (t: ClockTime) => `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}${t.second ? `:${String(t.second).padStart(2, '0')}` : ''}`;

/** The minutes of "seven thirty", "ten forty-five", "nine oh five": words only, never digits. */
function readMinuteWord(tokens: readonly string[], start: number, afterWordHour = false): Read<number> | null {
  const word = tokens[start];
  if (word === undefined || !/^[a-z]/.test(word)) return null;
  if (word === 'oh' || word === 'o') {
    // "seven oh five", "eleven-oh-five".
    const at = tokens[start + 1] === '-' ? start + 2 : start + 1;
    const unit = readNumber(tokens, at, { articles: false });
    return unit && /^[a-z]/.test(tokens[at] ?? '') && unit.value >= 1 && unit.value <= 9 ? { value: unit.value, end: unit.end } : null;
  }
  const read = readNumber(tokens, start, { articles: false });
  if (!read) return null;
  if (read.value >= 10 && read.value <= 59) return read;
  // A minute of one word after an hour in words ("eleven five"), unless it counts something ("at seven five days a week").
  const after = tokens[read.end];
  return afterWordHour && read.value >= 1 && read.value <= 9 && unitOf(after) === undefined && after !== 'times' && after !== 'hundred' ? read : null;
}

/** Tokens back as people write them: "13 pm" -> "13pm", "15 h 30" -> "15h30". */
function spell(tokens: readonly string[]): string {
  let text = '';
  tokens.forEach((token, k) => {
    const previous = tokens[k - 1];
    // "3:00:00" comes as "3:00" and ":00".
    const glued = previous !== undefined && ((/^(?:am|pm|h)$/.test(token) && /\d$/.test(previous)) || (/^\d/.test(token) && previous === 'h') || token === '-' || previous === '-' || token === ':00');
    const word = token === 'oclock' ? "o'clock" : token;
    text += k === 0 || glued ? word : ` ${word}`;
  });
  return text;
}

/** Whether a clock with its am/pm given can be said with a part of the day: "9am in the evening" cannot; "tonight at 1am" can. */
export function partHolds(part: PartOfDay, hour: number): boolean {
  if (part === 'morning') return hour < 12;
  if (part === 'afternoon') return hour >= 12 && hour < 19;
  // "tonight at 5pm" and "this evening at 4pm" are said; "tonight at 9am" and "tonight at 3pm" are not.
  if (part === 'evening') return hour >= 15 || hour === 0;
  return hour >= 17 || hour < 6;
}
