/** "1 file", "3 files", "0 files": a count with its noun (one whose plural takes an s). */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
