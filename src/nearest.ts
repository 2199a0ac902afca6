/** The candidate closest to a mistyped word (edit distance at most 2, or a prefix), if any. */
export function nearest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = candidate.startsWith(word) && word.length >= 2 ? 1 : editDistance(word, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The commands a mistyped word most likely meant: every one that begins with it (`config set` means
 * any of the set-* commands); else every one that begins with the word give or take one letter
 * (`config sett`, `recurring pausd`), as a near whole name (`config get`) is likelier a chance
 * likeness than what was meant; else the nearest whole name, if any.
 */
export function nearestCommands(word: string, names: string[]): string[] {
  return nearestInTurn(word, [names]);
}

/**
 * As nearestCommands over several lists of names, the earlier lists first at each step: a word that
 * begins a name of a later list is nearer than one a letter off a name of an earlier one.
 */
export function nearestInTurn(word: string, lists: string[][]): string[] {
  const steps: ((names: string[]) => string[])[] = [
    (names) => (word.length >= 2 ? names.filter((name) => name.startsWith(word)) : []),
    (names) => (word.length >= 3 ? names.filter((name) => beginsNearly(word, name)) : []),
    (names) => {
      const near = nearest(word, names);
      return near === undefined ? [] : [near];
    },
  ];
  for (const step of steps) {
    for (const names of lists) {
      const found = step(names);
      if (found.length > 0) return found;
    }
  }
  return [];
}

/** The name begins with the word give or take one letter: one of its beginnings one letter longer, as long, or one shorter is one edit away. */
function beginsNearly(word: string, name: string): boolean {
  for (let length = word.length - 1; length <= Math.min(word.length + 1, name.length); length++) {
    if (editDistance(word, name.slice(0, length)) <= 1) return true;
  }
  return false;
}
