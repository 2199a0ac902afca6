/**
 * How the default --concurrency was chosen: `agenda --all-agents` (the case in
 * bench/cases/) at 1 to 32 requests in flight, each held against the bare
 * script at the same number. Run: npm run build && npx tsx bench/concurrency.ts
 */
import agenda from './cases/agenda-all-agents';
import { fmt, fmtRatio, median, ratio, runScaleCase } from './harness';

const LEVELS = [1, 2, 4, 8, 16, 32];
const node = [{ label: process.version, path: process.execPath }];
console.log(`${agenda.name.replace(/, \d+ in flight$/, '')}; ${process.version}; 3 interleaved rounds each\n`);
console.log('| in flight | CLI | bare script | CLI / bare | CLI time vs one at a time |');
console.log('|---:|---:|---:|---:|---:|');
let single = 0;
for (const level of LEVELS) {
  const args = agenda.args.map((arg, i) => (agenda.args[i - 1] === '--concurrency' ? String(level) : arg));
  const [result] = await runScaleCase({ ...agenda, concurrency: level, args, rounds: 3 }, node);
  const cli = median(result!.cli.map((s) => s.ms));
  single ||= cli;
  console.log(`| ${level} | ${fmt(cli, 0)} ms | ${fmt(median(result!.bare.map((s) => s.ms)), 0)} ms | ${fmtRatio(ratio(result!.cli, result!.bare))} | ${fmt(cli / single)} |`);
}
