/**
 * Journals to fold into their state files when the command ends (no imports, so
 * the entry can call it without loading the record's code).
 */
const folds = new Map<string, () => Promise<void>>();

export function foldAtEnd(path: string, fold: () => Promise<void>): void {
  folds.set(path, fold);
}

/** Fold every journal this process appended to. Best effort: one that cannot be folded now is folded by a later command. */
export async function foldJournals(): Promise<void> {
  for (const [path, fold] of [...folds]) {
    folds.delete(path);
    await fold().catch(() => undefined);
  }
}
