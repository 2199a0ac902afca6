import { UsageError } from '../errors';

/**
 * "every sunday until 2027", "weekly through 2028": an end that is a year alone could stop as the year begins or run
 * through it, so it is refused with both ways to say it rather than left to the grammar, which stops at 'until'.
 */
export function refuseBareYearEnd(said: string, thisYear: number): void {
  // A range of years ("2013 through 2014") is not an end alone.
  const end = /(?<!\b\d{4},?\s+)\b(?:until|till|til|through|thru|ending|ends)\s+(\d{4})\s*$/i.exec(said);
  if (!end) return;
  const year = Number(end[1]);
  const rule = said.slice(0, end.index).trim();
  if (year < thisYear) throw new UsageError(`'${said}' ends in ${year}, which is over`, `Give an end to come, such as '${rule} until dec 31 ${thisYear}'.`);
  throw new UsageError(
    `'${said}' ends at ${year} alone, which could mean as ${year} begins or once it is over`,
    year > thisYear
      ? `Write '${rule} until dec 31 ${year}' to run through ${year}, or '${rule} until dec 31 ${year - 1}' to stop before it.`
      : `Write '${rule} until dec 31 ${year}' to run through ${year}.`,
  );
}
