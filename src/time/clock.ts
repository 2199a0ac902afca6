import { UsageError } from '../errors';

export interface ClockTime {
  hour: number;
  minute: number;
}

/** One time of day: 9am, 9 am, 9:30am, 9:30 pm, 14:30, 09:00, 9, noon, midnight. */
export const CLOCK_PATTERN = String.raw`(?:noon|midday|midnight|\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?)`;

const CLOCK = new RegExp(String.raw`^(?:(noon|midday)|(midnight)|(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?)$`);

/** Parse one time of day, or null if the text is not one. Out-of-range hours are errors, never wrapped. */
export function parseClock(text: string): ClockTime | null {
  const m = CLOCK.exec(text.trim().toLowerCase());
  if (!m) return null;
  if (m[1]) return { hour: 12, minute: 0 };
  if (m[2]) return { hour: 0, minute: 0 };
  const hour = Number(m[3]);
  const minute = m[4] === undefined ? 0 : Number(m[4]);
  const meridiem = m[5]?.replace(/\./g, '');
  if (minute > 59) throw new UsageError(`'${text.trim()}' is not a time of day: minute ${minute} is out of range (00-59)`);
  if (meridiem) {
    if (hour < 1 || hour > 12) {
      throw new UsageError(
        `'${text.trim()}' is not a time of day: with am/pm the hour must be 1-12`,
        `Write '${hour > 12 && hour < 24 ? `${hour}:${String(minute).padStart(2, '0')}` : '9am'}' or use a 24-hour time such as '14:30'.`,
      );
    }
    return { hour: (hour % 12) + (meridiem === 'pm' ? 12 : 0), minute };
  }
  if (hour > 23) throw new UsageError(`'${text.trim()}' is not a time of day: hour ${hour} is out of range (0-23)`);
  return { hour, minute };
}
