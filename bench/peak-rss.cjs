// Preloaded with --require: at exit, writes to $BENCH_RSS_FILE the process's peak
// resident memory and the most it held (KiB, "peak held"). What it held is the
// largest heap in use right after a full collection, the process's own and one
// run here at exit: what the program keeps, without the garbage not yet collected,
// the compilers' memory and the allocators' spare pages that peak memory also counts.
const { writeFileSync } = require('node:fs');
const { PerformanceObserver, constants } = require('node:perf_hooks');
const v8 = require('node:v8');

let held = 0;
const inUse = () => v8.getHeapStatistics().used_heap_size / 1024;
new PerformanceObserver((list) => {
  if (list.getEntries().some((entry) => entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) held = Math.max(held, inUse());
}).observe({ entryTypes: ['gc'] });

process.on('exit', () => {
  const maxRSS = process.resourceUsage().maxRSS;
  // A code cache is refused under other flags, so the flag is put back at once.
  v8.setFlagsFromString('--expose-gc');
  require('node:vm').runInNewContext('gc')();
  v8.setFlagsFromString('--no-expose-gc');
  held = Math.max(held, inUse());
  writeFileSync(process.env.BENCH_RSS_FILE, `${maxRSS} ${Math.round(held)}`);
});
