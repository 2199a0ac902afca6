/* No imports: the table printer and the id resolver both use these, and must agree. */

/** As git: a short id is never shorter than this, and longer only where it must be to stay unique. */
export const SHORT_ID_MIN = 7;

/**
 * The part of an id that tells it apart: "scheduled_message-1a2b…" → "1a2b…",
 * "series-…" → the UUID. Undefined for an id that is not a type word and hex
 * (such an id is always shown whole).
 */
export function idTail(id: string): string | undefined {
  const tail = /^[A-Za-z][A-Za-z_]*-([0-9A-Fa-f][0-9A-Fa-f-]*)$/.exec(id)?.[1];
  return tail === undefined ? undefined : tail.toLowerCase();
}

/** What a person may type back for an id: 4 or more hex digits (dashes allowed), with no type word. */
export function isShortId(text: string): boolean {
  return /^[0-9a-f][0-9a-f-]{3,}$/.test(text.trim().toLowerCase());
}

/** Whether `short` (from isShortId) is the start of this id's tail. */
export function shortMatches(short: string, id: string): boolean {
  return idTail(id)?.startsWith(short.trim().toLowerCase()) ?? false;
}

/**
 * Each id's short form among `ids`: the start of its tail, SHORT_ID_MIN long
 * or as long as it takes to differ from every other tail. An id with no tail
 * keeps its full form.
 */
export function shortIds(ids: string[]): Map<string, string> {
  const tails = [...new Set(ids.map(idTail).filter((t): t is string => t !== undefined))].sort();
  const shortOf = new Map<string, string>();
  tails.forEach((tail, i) => {
    const shared = Math.max(commonPrefix(tail, tails[i - 1]), commonPrefix(tail, tails[i + 1]));
    let length = Math.max(SHORT_ID_MIN, shared + 1);
    // A short id never ends on a dash (it would read as a typo).
    while (tail[length - 1] === '-') length++;
    const short = tail.slice(0, length);
    // A form no one could type back (shorter than a short id may be, or all of a tail another tail starts with) is shown whole.
    if (isShortId(short) && !tails[i + 1]?.startsWith(short)) shortOf.set(tail, short);
  });
  return new Map(ids.map((id) => [id, shortOf.get(idTail(id) ?? '') ?? id]));
}

function commonPrefix(a: string, b: string | undefined): number {
  if (b === undefined) return 0;
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
}
