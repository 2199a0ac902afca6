import { UsageError } from '../errors';

/**
 * "last night of december at 10pm", "the last night of the year": not last night (yesterday's), but the night of a
 * month's or year's last day, which neither reader has a rule for. Refused with the words that are read.
 */
export function refuseLastNightOf(said: string): void {
  const found = /\blast nights? of\b/i.exec(said);
  if (!found) return;
  const asDay = `${said.slice(0, found.index)}last day of${said.slice(found.index + found[0].length)}`;
  const clock = /\d\s*(?:[ap]\.?m\b|:\d\d)|\b(?:at|midnight)\b/i.test(said);
  throw new UsageError(`'${said}': 'last night of' is not read (it is not last night, yesterday's)`, `Give the last day and the time, such as '${clock ? asDay : `${asDay} at 10pm`}'.`);
}
