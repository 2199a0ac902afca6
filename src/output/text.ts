import stringWidth from 'string-width';

let segmenter: Intl.Segmenter | undefined;

/** Columns a string takes in a terminal (CJK and emoji count two). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/**
 * Cut text to at most `width` terminal columns, ending with "…" when cut.
 * Cuts between grapheme clusters, so a multi-byte character, an emoji with
 * modifiers or a combining mark is never split.
 */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}
