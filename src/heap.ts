/*
 * How this process's heap is run, for commands that keep requests in flight for
 * seconds. Both changes are V8 flags, put back first thing at exit however the
 * process ends: the code cache is written as the process exits, and V8 refuses a
 * cache made under other flags. (A file first loaded after a change is still
 * refused: V8 compares the flags as it reads a cache.)
 */

/** The flags to set again at exit, V8's own values. */
const putBack: string[] = [];

function setFlag(flag: string, own: string): void {
  const v8 = process.getBuiltinModule('node:v8');
  v8.setFlagsFromString(flag);
  if (putBack.length === 0) process.prependListener('exit', () => putBack.forEach((back) => v8.setFlagsFromString(back)));
  putBack.push(own);
}

/**
 * V8 doubles the young generation (up to 32 MiB) each time enough objects have
 * outlived its collections, and a command with requests in flight for seconds
 * always gets there: peak memory then grew with the number of schedules (sync of
 * 500: 108 MiB, of 120: 75 MiB). Kept at its first size it stays flat, and its
 * collections stay cheap, since little outlives them. Called once a command has
 * run a while: loading node:v8 costs about a millisecond a short command would feel.
 * (bin.ts sets both timers once a command starts talking to Letta: one that never
 * does, such as `parse`, never sets up Node's timers.)
 */
export function holdYoungGeneration(): void {
  setFlag('--semi-space-growth-factor=1', '--semi-space-growth-factor=2');
}

let collect: (() => void) | undefined;
/** Full collections so far. */
let collections = 0;

/**
 * A full collection, for a long command between its rounds of requests. V8
 * seldom collects the old generation on its own while requests are in flight,
 * so what they promote piles up: a sync of 1,000 replacements reached 35 MiB of
 * heap with 8.8 in use (98 MiB peak, no full collection in 21 s; 76 with this).
 * At that size a collection takes 7-12 ms (traced in that sync), once a round (2 s).
 */
export function collectGarbage(): void {
  if (!collect) {
    setFlag('--expose-gc', '--no-expose-gc');
    collect = process.getBuiltinModule('node:vm').runInNewContext('gc') as () => void;
  }
  collect();
  collections++;
}

/** How often a command that runs on collects, when nothing else has meanwhile. */
export const COLLECT_EVERY_MS = 2_000;

/**
 * Collect every COLLECT_EVERY_MS for as long as the process runs, skipping a
 * turn when a collection ran since the last (sync's, between its rounds).
 * Commands without rounds pile up garbage as sync did: an apply of 2,000 files
 * reached 33 MiB of old generation with 9.7 in use (97 MiB peak on Node 20;
 * 79 with this). A command over before the first turn never collects.
 */
export function collectWhileRunning(): void {
  let seen = collections;
  setInterval(() => {
    if (collections === seen) collectGarbage();
    seen = collections;
  }, COLLECT_EVERY_MS).unref();
}

/** Resident memory above which a command collects before it exits (commands stay under 100 MiB; a body read up to its 64 MiB cap does not). */
const SETTLE_ABOVE_BYTES = 128 * 1024 * 1024;

/**
 * Called right before process.exit. With much memory in use, V8's compiler
 * threads can be waiting for a collection only this thread runs, and Node 24's
 * exit joins those threads first, so the process never ends (nodejs/node#64274;
 * seen after a body read up to its cap). A collection now serves any that wait
 * and leaves them room, so none asks again before the join.
 */
export function settleBeforeExit(): void {
  if (process.memoryUsage.rss() > SETTLE_ABOVE_BYTES) collectGarbage();
}
