import { MONTH_NAMES } from './names';
import { dayLabel } from './resolve-once';
import { addDays } from './zone';

/** Days kept a number of days from Western Easter Sunday, longest spelling first. */
const FROM_EASTER: ReadonlyArray<[string, number]> = [
  ['ash wednesday', -46],
  ['palm sunday', -7],
  ['maundy thursday', -3],
  ['holy thursday', -3],
  ['good friday', -2],
  ['holy saturday', -1],
  ['easter sunday', 0],
  ['easter day', 0],
  ['easter monday', 1],
  ['easter', 0],
  ['ascension day', 39],
  ['whit sunday', 49],
  ['whitsunday', 49],
  ['pentecost sunday', 49],
  ['pentecost', 49],
  ['whit monday', 50],
];

/** Holidays kept on a day counted from another, in words the reader of one instant knows. */
const FROM_ANOTHER: ReadonlyArray<[string, string]> = [
  ['black friday', 'the day after thanksgiving'],
  ['cyber monday', 'the monday after thanksgiving'],
];

const FEAST = new RegExp(`\\b(?:the |this |next |the coming )?(${FROM_EASTER.map(([name]) => name).join('|')})(?:,? (?:of )?(\\d{4})| (next|this) year)?\\b`);

/**
 * Holidays that move from year to year, for the reader of one instant: "good friday at 9am" as that
 * day's date with its year ("march 26 2027 at 9am"), "black friday" as "the day after thanksgiving".
 * A feast without a year is this year's until its day has ended, then next year's; the note names the day.
 */
export function withMovableHolidays(text: string, today: { year: number; month: number; day: number }, notes: string[]): string {
  let out = text;
  for (const [said, meant] of FROM_ANOTHER) {
    const at = new RegExp(`\\b${said}\\b`, 'g');
    if (!at.test(out)) continue;
    notes.push(`read '${said}' as ${meant}`);
    out = out.replace(at, meant);
  }
  const feast = FEAST.exec(out);
  if (!feast) return out;
  const [matched, name, yearSaid, relative] = feast as unknown as [string, string, string | undefined, string | undefined];
  const offset = FROM_EASTER.find(([spelled]) => spelled === name)![1];
  const dayIn = (year: number) => addDays({ year, ...easterSunday(year) }, offset);
  let year = yearSaid !== undefined ? Number(yearSaid) : relative === 'next' ? today.year + 1 : today.year;
  const passed = (day: { year: number; month: number; day: number }) => day.year * 10_000 + day.month * 100 + day.day < today.year * 10_000 + today.month * 100 + today.day;
  if (yearSaid === undefined && relative === undefined && passed(dayIn(year))) year += 1;
  const day = dayIn(year);
  const sunday = { year, ...easterSunday(year) };
  notes.push(offset === 0 ? `read '${name}' as Western Easter, ${dayLabel(sunday)} ${year}` : `read '${name}' as ${dayLabel(day)} ${day.year}, by Western Easter (${dayLabel(sunday)})`);
  return out.replace(matched, `${MONTH_NAMES[day.month - 1]!.toLowerCase()} ${day.day} ${day.year}`);
}

/** Western (Gregorian) Easter Sunday of a year: the anonymous Gregorian computus. */
export function easterSunday(year: number): { month: number; day: number } {
  const golden = year % 19;
  const century = Math.floor(year / 100);
  const ofCentury = year % 100;
  const leapCenturies = Math.floor(century / 4);
  const leftCenturies = century % 4;
  const moonCorrection = Math.floor((century + 8) / 25);
  const solarCorrection = Math.floor((century - moonCorrection + 1) / 3);
  const epact = (19 * golden + century - leapCenturies - solarCorrection + 15) % 30;
  const weekdayShift = (32 + 2 * leftCenturies + 2 * Math.floor(ofCentury / 4) - epact - (ofCentury % 4)) % 7;
  const lateCorrection = Math.floor((golden + 11 * epact + 22 * weekdayShift) / 451);
  const count = epact + weekdayShift - 7 * lateCorrection + 114;
  return { month: Math.floor(count / 31), day: (count % 31) + 1 };
}

/** A holiday of this kind named in a phrase ("every easter"): what a repeating schedule cannot follow. */
export function movableHolidayIn(text: string): string | undefined {
  return FEAST.exec(text)?.[1] ?? FROM_ANOTHER.find(([said]) => new RegExp(`\\b${said}\\b`).test(text))?.[0];
}
