/**
 * A note that quotes the phrase as a reader spelt it ("read '5 to 6pm' as 17:55" for "5 to 6 p.m") quotes the words as
 * typed instead: the same characters, where only spaces, dots and apostrophes differ.
 */
export function quotedAsTyped(notes: string[], typed: string): string[] {
  return notes.map((note) => note.replace(/^read '([^']+)'/, (_whole: string, said: string) => `read '${typedSpan(typed, said) ?? said}'`));
}

function typedSpan(typed: string, said: string): string | undefined {
  if (typed.toLowerCase().includes(said.toLowerCase())) return undefined;
  const letters = [...said.replace(/[\s.']+/g, '')];
  if (letters.length === 0) return undefined;
  const pattern = new RegExp(letters.map((letter) => letter.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')).join("[\\s.']*"), 'i');
  const found = pattern.exec(typed);
  if (!found) return undefined;
  // "a.m.": the meridiem's last dot with it.
  return /[ap][\s.]*m$/i.test(found[0]) && /\./.test(found[0]) && typed[found.index + found[0].length] === '.' ? `${found[0]}.` : found[0];
}

/** Words as a hint shows them: "9 am" as it was likely written, "9am". */
export const shown = (words: readonly string[]) => words.join(' ').replace(/(\d) ([ap]m)\b/g, '$1$2');
