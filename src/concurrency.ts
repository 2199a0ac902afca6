/** Slots for work that must not run more than `limit` at once. */
export interface Limiter {
  /** Wait for a free slot and hold it; call the returned function (once; later calls do nothing) to give it back. */
  take(): Promise<() => void>;
  /** Run `task` holding a slot. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** A limiter whose waiters get slots in the order they asked. */
export function limiter(limit: number): Limiter {
  let running = 0;
  const queue: Array<() => void> = [];
  const take = async (): Promise<() => void> => {
    if (running >= limit) await new Promise<void>((resolve) => queue.push(resolve));
    else running++;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      // The slot passes straight to the next waiter, so a newcomer cannot take it in between.
      const next = queue.shift();
      if (next) next();
      else running--;
    };
  };
  return {
    take,
    async run(task) {
      const release = await take();
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}

/**
 * Every promise's value once all have settled, in order; the first rejection
 * (in order) only after all have settled, so nothing is still under way when
 * the caller gives up (and, say, releases a lock).
 */
export async function allSettled<T>(promises: Array<Promise<T>>): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((one) => one.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((one) => (one as PromiseFulfilledResult<T>).value);
}

/**
 * Run `task` over `items` with at most `limit` running at once (or as the
 * slots of a limiter shared with other work allow); the results come back in
 * the order of `items`.
 */
export function mapLimited<T, R>(items: T[], limit: number | Limiter, task: (item: T) => Promise<R>): Array<Promise<R>> {
  const slots = typeof limit === 'number' ? limiter(limit) : limit;
  return items.map((item) => {
    const result = slots.run(() => task(item));
    // The caller awaits in order and may stop at the first failure; later ones must not crash the process.
    result.catch(() => undefined);
    return result;
  });
}

/**
 * `task` over a stream of items, at most `ahead` started and not yet taken, each result given to
 * `take` in the order of the items: a long stream (status over thousands of schedules) is worked
 * through holding a window of it, never all of it. The task limits its own requests (a shared
 * Limiter). On a failure (of the stream, a task or `take`) the tasks under way end before it is
 * thrown.
 */
export async function forEachInOrder<T, R>(items: AsyncIterable<T> | Iterable<T>, ahead: number, task: (item: T) => Promise<R>, take: (result: R, item: T) => void | Promise<void>): Promise<void> {
  const started: Array<{ item: T; result: Promise<R> }> = [];
  const takeOldest = async () => {
    const { item, result } = started.shift()!;
    await take(await result, item);
  };
  try {
    for await (const item of items) {
      const result = task(item);
      // Awaited in order below; a later one failing first must not crash the process.
      result.catch(() => undefined);
      started.push({ item, result });
      if (started.length >= ahead) await takeOldest();
    }
    while (started.length > 0) await takeOldest();
  } catch (error) {
    await Promise.allSettled(started.map((one) => one.result));
    throw error;
  }
}

/**
 * Requests in flight at once when a command fans out (--concurrency, and the
 * limit of the fan-outs of commands without that option: lists and id lookups
 * over every agent, the agent lookups of plan). Eight:
 * at a round trip of 50 ms or more it brings a fan-out over many agents or
 * ids within reach of the network's own time, while staying a small, steady
 * load for the server (see README Performance for the measurement).
 */
export const DEFAULT_CONCURRENCY = 8;
/** The most --concurrency accepts: past this a server sees a burst, not a client. */
export const MAX_CONCURRENCY = 64;
