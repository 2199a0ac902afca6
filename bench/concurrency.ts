/**
 * How the default --concurrency was chosen: a case from bench/cases/ at 1 to
 * 32 requests in flight, each held against the bare script at the same number.
 * Run: npm run build && npx tsx bench/concurrency.ts; BENCH_CASE=sync-120 for
 * that case (default agenda-all-agents; the case's arguments must pass --concurrency).
 */
import { join } from 'node:path';
import { fmt, fmtRatio, median, ratio, runScaleCase, type ScaleCase } from './harness';

const LEVELS = [1, 2, 4, 8, 16, 32];
const name = process.env.BENCH_CASE ?? 'agenda-all-agents';
const scale = (await import(join(import.meta.dirname, 'cases', `${name}.ts`))).default as ScaleCase;
const node = [{ label: process.version, path: process.execPath }];
console.log(`${scale.name.replace(/, \d+ in flight$/, '')}; ${process.version}; 3 interleaved rounds each\n`);
console.log('| in flight | CLI | bare script | CLI / bare | CLI time vs one at a time |');
console.log('|---:|---:|---:|---:|---:|');
let single = 0;
for (const level of LEVELS) {
  const args = scale.args.map((arg, i) => (scale.args[i - 1] === '--concurrency' ? String(level) : arg));
  const [result] = await runScaleCase({ ...scale, concurrency: level, args, rounds: 3 }, node);
  const cli = median(result!.cli.map((s) => s.ms));
  single ||= cli;
  console.log(`| ${level} | ${fmt(cli, 0)} ms | ${fmt(median(result!.bare.map((s) => s.ms)), 0)} ms | ${fmtRatio(ratio(result!.cli, result!.bare))} | ${fmt(cli / single)} |`);
}
