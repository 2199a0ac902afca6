/** How many schedules' histories (and runs) are read at once unless --concurrency says otherwise. */
export const HISTORY_CONCURRENCY = 8;
/** The most --concurrency allows: enough for any account, few enough not to look like a flood. */
export const MAX_CONCURRENCY = 64;

/**
 * Run `task` over `items` with at most `limit` running at once; the results
 * come back in the order of `items`.
 */
export function mapLimited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Array<Promise<R>> {
  let running = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    running--;
    queue.shift()?.();
  };
  return items.map((item) => {
    const result = (async () => {
      if (running >= limit) await new Promise<void>((resolve) => queue.push(resolve));
      running++;
      try {
        return await task(item);
      } finally {
        release();
      }
    })();
    // The caller awaits in order and may stop at the first failure; later ones must not crash the process.
    result.catch(() => undefined);
    return result;
  });
}
