/**
 * Whether a phrase repeats, as the recurring grammar reads it: the one-time
 * reader asks this of every phrase in words, so it needs only the grammar's
 * reader, not what builds a schedule from it (resolve-recurring, to-utc).
 */
import { phraseZone } from './once-zone';
import { ClauseConflict, readText } from './read-recurring';

// For the entry (index.ts), which loads this module for phrases that may repeat: a dynamic import of words.ts split it into a file of its own.
export { MAX_PHRASE_LENGTH } from './words';

/** True when the phrase reads as a repeating schedule rather than one instant. */
export function looksRecurring(input: string): boolean {
  const text = normalize(input);
  if (isCronLike(text) || /^@\w+$/.test(text)) return true;
  try {
    return readText(text).some((group) => group.repeats);
  } catch (error) {
    if (error instanceof ClauseConflict) return error.repeats;
    try {
      const zoned = phraseZone(text, 'UTC', input.trim());
      return zoned.written !== undefined && zoned.text !== '' && readText(zoned.text).some((group) => group.repeats);
    } catch {
      return false;
    }
  }
}

export function normalize(input: string): string {
  // "mon..fri" (systemd's range) is "mon-fri": the tokens drop dots, which made it Monday and Friday.
  return input
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!]$/, '')
    .replace(/(?<=\w)\s?\.\.\s?(?=\w)/g, '-');
}

export function isCronLike(text: string): boolean {
  const fields = text.split(' ');
  return fields.length >= 5 && fields.length <= 7 && /^[\d*?/,\-lw#]+$/.test(fields[0]!) && /^[\d*?/,\-lw#]+$/.test(fields[1]!);
}
