// Preloaded with --require: writes the process's peak resident memory (KiB) to $BENCH_RSS_FILE at exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));
