/**
 * The line (counted from 1) where a git merge left a conflict unresolved: a `<<<<<<<` line with a
 * `>>>>>>>` line after it. git lets such a file be committed (`git add` marks it resolved), and read
 * as it stands its markers and both sides would become a message, or a lock file nobody can read.
 */
export function mergeConflictLine(lines: readonly string[]): number | undefined {
  const start = lines.findIndex((line) => MARKER_START.test(line));
  if (start < 0) return undefined;
  return lines.some((line, i) => i > start && MARKER_END.test(line)) ? start + 1 : undefined;
}

const MARKER_START = /^<{7}(?:[ \t]|$)/;
const MARKER_END = /^>{7}(?:[ \t]|$)/;
