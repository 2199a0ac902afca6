import { MONTH_NAMES } from './names';
import { fullYear } from './words';
import { addDays, dayLabel, isDayBefore } from './zone';

type Day = { year: number; month: number; day: number };

/** What a movable holiday is counted from: Western or Orthodox Easter Sunday, or the United States' Thanksgiving (the fourth Thursday of November). */
const ANCHORS = {
  easter: { said: (day: Day) => `Western Easter (${dayLabel(day)})`, dayIn: (year: number): Day => ({ year, ...easterSunday(year) }) },
  orthodox: { said: (day: Day) => `Orthodox Easter (${dayLabel(day)})`, dayIn: orthodoxEasterSunday },
  thanksgiving: {
    said: (day: Day) => `Thanksgiving (${dayLabel(day)}), the fourth Thursday of November`,
    dayIn: (year: number): Day => ({ year, month: 11, day: 22 + ((4 - new Date(Date.UTC(year, 10, 1)).getUTCDay() + 7) % 7) }),
  },
};

/** Holidays kept a number of days from their anchor; where one name begins another, the longer first. */
const MOVABLE: ReadonlyArray<{ name: string; from: keyof typeof ANCHORS; days: number }> = [
  ...(
    [
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
    ] as const
  ).map(([name, days]) => ({ name, from: 'easter' as const, days })),
  ...(
    [
      ['orthodox good friday', -2],
      ['orthodox easter sunday', 0],
      ['orthodox easter monday', 1],
      ['orthodox easter', 0],
    ] as const
  ).map(([name, days]) => ({ name, from: 'orthodox' as const, days })),
  { name: 'black friday', from: 'thanksgiving', days: 1 },
  { name: 'cyber monday', from: 'thanksgiving', days: 4 },
];

/** A movable holiday with what may follow it: a year ("easter 2028"; a four-digit clock such as "0900" is no year), or "next year". */
const MOVABLE_SAID = new RegExp(
  `\\b(the |this |next |the coming )?(${MOVABLE.map(({ name }) => name).join('|')})(?:,? (?:of |in )?((?:19|20|21)\\d\\d|'\\d\\d)| (?:of |in )?(next|this) year)?(?![\\w'])`,
);

const SHORT_WEEKDAYS: Readonly<Record<string, string>> = { sun: 'sunday', mon: 'monday', thu: 'thursday', thur: 'thursday', thurs: 'thursday', fri: 'friday', sat: 'saturday', wed: 'wednesday' };
const SHORT_WEEKDAY_IN_NAME = /\b(easter|palm|maundy|holy|good|ash|whit|pentecost|black|cyber) (sun|mon|thu|thur|thurs|fri|sat|wed)\.?(?![\w'])/;

/**
 * Holidays that move from year to year, for the reader of one instant: "good friday at 9am" as that
 * day's date with its year ("march 26 2027 at 9am"). One without a year is this year's until its day
 * has ended, then next year's; the note names the day and what it was counted from.
 */
export function withMovableHolidays(given: string, today: Day, notes: string[]): string {
  // "easter mon", "good fri": the weekday of the name written short, as elsewhere.
  let typed: { short: string; name: string } | undefined;
  const text = given.replace(SHORT_WEEKDAY_IN_NAME, (short: string, first: string, weekday: string) => {
    typed = { short: short.replace(/\.$/, ''), name: `${first} ${SHORT_WEEKDAYS[weekday]}` };
    return typed.name;
  });
  const said = MOVABLE_SAID.exec(text);
  if (!said) return given;
  const [matched, before, holidayName, yearSaid, relative] = said as unknown as [string, string | undefined, string, string | undefined, string | undefined];
  const holiday = MOVABLE.find((one) => one.name === holidayName)!;
  // The notes quote the name as typed.
  const name = typed?.name === holidayName ? typed.short : holidayName;
  const anchor = ANCHORS[holiday.from];
  const dayIn = (year: number) => addDays(anchor.dayIn(year), holiday.days);
  // "easter '27": a year's last two digits, as after a date ("dec 25 '27").
  let year = yearSaid !== undefined ? (yearSaid.startsWith("'") ? fullYear(yearSaid.slice(1)) : Number(yearSaid)) : relative === 'next' ? today.year + 1 : today.year;
  if (yearSaid === undefined && relative === undefined && isDayBefore(dayIn(year), today)) year += 1;
  const day = dayIn(year);
  const from = anchor.dayIn(year);
  const easter = holiday.from === 'orthodox' ? 'Orthodox Easter' : 'Western Easter';
  notes.push(holiday.days === 0 ? `read '${name}' as ${easter}, ${dayLabel(from)} ${year}` : `read '${name}' as ${dayLabel(day)} ${day.year}, by ${anchor.said(from)}`);
  if (before === 'next ' && yearSaid === undefined && relative === undefined) notes.push(`read 'next ${name}' as the coming one; for the one after, write '${name} ${year + 1}'`);
  return text.replace(matched, `${MONTH_NAMES[day.month - 1]!.toLowerCase()} ${day.day} ${day.year}`);
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

/**
 * Orthodox Easter Sunday of a year, on the Gregorian calendar: Meeus's Julian computus, then the days the Julian
 * calendar has fallen behind by then (13 from 1900 to 2099).
 */
function orthodoxEasterSunday(year: number): Day {
  const moon = (19 * (year % 19) + 15) % 30;
  const weekday = (2 * (year % 4) + 4 * (year % 7) - moon + 34) % 7;
  const count = moon + weekday + 114;
  const century = Math.floor(year / 100);
  return addDays({ year, month: Math.floor(count / 31), day: (count % 31) + 1 }, century - Math.floor(century / 4) - 2);
}

/** A holiday of this kind named in a phrase ("every easter"): what a repeating schedule cannot follow. */
export function movableHolidayIn(text: string): string | undefined {
  // "good fri": the name as typed, its weekday written short.
  const short = SHORT_WEEKDAY_IN_NAME.exec(text);
  if (short && MOVABLE_SAID.test(`${short[1]} ${SHORT_WEEKDAYS[short[2]!]}`)) return short[0].replace(/\.$/, '');
  return MOVABLE_SAID.exec(text)?.[2];
}
