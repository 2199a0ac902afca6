import { rmSync } from 'node:fs';

/**
 * Files this process made and must not leave behind: temp files of writes in
 * progress and locks it holds. The process entry calls `discardPendingFiles`
 * when a signal ends the run; `process.exit` runs it too.
 */
const pending = new Set<string>();
let hooked = false;

export function removeOnExit(path: string): void {
  pending.add(path);
  if (!hooked) {
    hooked = true;
    process.on('exit', discardPendingFiles);
  }
}

export function forgetOnExit(path: string): void {
  pending.delete(path);
}

/** Remove every temp file and lock this process still has. Synchronous, so it is safe in a signal or exit handler. */
export function discardPendingFiles(): void {
  for (const path of pending) {
    try {
      rmSync(path, { force: true });
    } catch {
      // Nothing more can be done while exiting; a later run sweeps what is left.
    }
  }
  pending.clear();
}
