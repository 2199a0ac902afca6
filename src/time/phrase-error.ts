import { UsageError } from '../errors';

/**
 * An input error for a time phrase: repeats the input and suggests forms that
 * work, the ones most like the input first.
 */
export function phraseError(input: string, problem: string, examples: readonly string[], count = 3): UsageError {
  const closest = [...examples]
    .map((example) => ({ example, score: likeness(input, example) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map(({ example }) => `'${example}'`);
  return new UsageError(`${problem}: '${input}'`, `Try ${closest.join(', ')}.`);
}

/** Shared words count most, then shared letter pairs: crude, but it ranks "every fortnite" near "every 2 weeks". */
function likeness(a: string, b: string): number {
  const words = (s: string) => new Set(s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  const pairs = (s: string) => {
    const set = new Set<string>();
    const t = s.toLowerCase().replace(/\s+/g, ' ');
    for (let i = 0; i < t.length - 1; i++) set.add(t.slice(i, i + 2));
    return set;
  };
  const overlap = (x: Set<string>, y: Set<string>) => [...x].filter((v) => y.has(v)).length;
  const pa = pairs(a);
  const pb = pairs(b);
  return overlap(words(a), words(b)) * 10 + (2 * overlap(pa, pb)) / (pa.size + pb.size || 1);
}
