import { UsageError } from '../errors';
import { wallTime } from './zone';

/**
 * "every sunday until 2027", "weekly through 2028": an end that is a year alone could stop as the year begins or run
 * through it, so it is refused with both ways to say it rather than left to the grammar, which stops at 'until'.
 */
export function refuseBareYearEnd(said: string, { now, zone }: { now: number; zone: string }): void {
  // A range of years ("2013 through 2014") is not an end alone.
  const end = /(?<!\b\d{4},?\s+)\b(?:until|till|til|through|thru|ending|ends)\s+(\d{4})\s*$/i.exec(said);
  if (!end) return;
  const year = Number(end[1]);
  const thisYear = wallTime(zone, now).year;
  const rule = said.slice(0, end.index).trim();
  // "every 15 minutes until 1730": a year that is over may be a clock written without its colon.
  const clock = /^([01]\d|2[0-3])([0-5]\d)$/.exec(end[1]!);
  if (year < thisYear && clock)
    throw new UsageError(
      `'${said}' ends at ${year}: a year that is over, or ${clock[1]}:${clock[2]}?`,
      `For the time, write '${rule} until ${clock[1]}:${clock[2]}'; for a day, give one to come, such as '${rule} until dec 31 ${thisYear}'.`,
    );
  if (year < thisYear) throw new UsageError(`'${said}' ends in ${year}, which is over`, `Give an end to come, such as '${rule} until dec 31 ${thisYear}'.`);
  throw new UsageError(
    `'${said}' ends at ${year} alone, which could mean as ${year} begins or once it is over`,
    year > thisYear
      ? `Write '${rule} until dec 31 ${year}' to run through ${year}, or '${rule} until dec 31 ${year - 1}' to stop before it.`
      : `Write '${rule} until dec 31 ${year}' to run through ${year}.`,
  );
}
