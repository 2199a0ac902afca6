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

/**
 * Requests in flight at once when a command fans out (--concurrency). Eight:
 * at a round trip of 50 ms or more it brings a fan-out over many agents or
 * ids within reach of the network's own time, while staying a small, steady
 * load for the server (see README Performance for the measurement).
 */
export const DEFAULT_CONCURRENCY = 8;
/** The most --concurrency accepts: past this a server sees a burst, not a client. */
export const MAX_CONCURRENCY = 64;
