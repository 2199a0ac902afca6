import { UsageError } from '../errors';
import { partHolds, readClock, type ClockRead } from './clock';
import type { PartOfDay } from './lexicon';
import { tokenize } from './words';
import { formatClock } from './zone';

/** "early morning", "mid-afternoon", "late evening": the qualifier and the part of the day it narrows. */
const QUALIFIED = /\b(early|mid|late)(?:[- ]|(?=-?(?:morning|afternoon|evening)\b))-?(?:in the )?(morning|afternoon|evening|night)\b/g;

/** The minutes of the day each narrowed part holds, both ends included (a late night runs past midnight). */
const SPANS: Readonly<Record<string, readonly [from: number, to: number]>> = {
  'early morning': [0, 9 * 60],
  'mid morning': [9 * 60, 11 * 60],
  'late morning': [10 * 60, 12 * 60],
  'early afternoon': [12 * 60, 15 * 60],
  'mid afternoon': [13 * 60, 16 * 60],
  'late afternoon': [15 * 60, 19 * 60],
  'early evening': [16 * 60, 20 * 60],
  'mid evening': [19 * 60, 21 * 60],
  'late evening': [20 * 60, 24 * 60],
  'early night': [19 * 60, 23 * 60],
  'late night': [22 * 60, 6 * 60],
};

/** The hour a part of the day gives a clock written without am/pm, as the readers settle it ("evening at 7" is 19:00). */
function hourIn(part: PartOfDay, read: ClockRead): number {
  const { hour } = read.value;
  if (!read.ambiguous) return hour;
  if (part === 'morning') return hour === 12 ? 0 : hour;
  if (part === 'night') return hour === 12 ? 0 : hour >= 5 && hour < 12 ? hour + 12 : hour;
  return hour < 12 ? hour + 12 : hour === 12 && part === 'evening' ? 0 : hour;
}

/**
 * "early morning at 11", "late morning at 7am": early, mid or late narrows the part of the day, and a clock beside it must
 * fall in what is left, as one beside the part alone must fall in the part ("early morning at 8pm"). Checked where the
 * phrase names one such part and one clock; the readers then read the part alone.
 */
export function checkQualifiedPart(text: string): void {
  const said = [...text.matchAll(QUALIFIED)];
  if (said.length !== 1) return;
  const [, qualifier, part] = said[0]! as unknown as [string, string, PartOfDay];
  const span = SPANS[`${qualifier} ${part}`];
  if (!span) return;
  const tokens = tokenize(text);
  const clocks: ClockRead[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const read = readClock(tokens, i);
    // A bare number is a clock after "at" ("december 16 early morning at 7": 16 is the date).
    if (read && (!read.ambiguous || tokens[i - 1] === 'at' || tokens[i - 1] === '@')) {
      clocks.push(read);
      i = read.end - 1;
    }
  }
  if (clocks.length !== 1) return;
  const read = clocks[0]!;
  // A clock the part alone cannot hold ("early morning at 8pm") is refused as such by the readers.
  if (!read.ambiguous && !partHolds(part, read.value.hour)) return;
  const minutes = hourIn(part, read) * 60 + read.value.minute;
  const [from, to] = span;
  const inside = from <= to ? minutes >= from && minutes <= to : minutes >= from || minutes <= to;
  if (inside) return;
  const shown = formatClock(hourIn(part, read) % 24, read.value.minute);
  const name = `the ${qualifier === 'mid' ? 'mid-' : `${qualifier} `}${part}`;
  throw new UsageError(
    `'${text}': ${name} runs from ${formatClock(Math.floor(from / 60) % 24, 0)} to ${formatClock(Math.floor(to / 60) % 24, 0)}, and ${read.ambiguous ? `'${read.text}' there is ${shown}` : `${shown} is not in it`}`,
    `Give a time in it, or leave out '${qualifier}'.`,
  );
}
