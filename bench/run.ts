/**
 * The benchmark: `npm run bench` (it builds first). Every figure is a ratio
 * measured in this one run, under Node 20 (the one running this), 22 and 24
 * (from .ci/node-binary, downloaded once), all interleaved:
 *   - start-up: each command's wall time over that release's `node -e 0`
 *   - at scale: each case in bench/cases/ against bare-requests.mjs sending the
 *     same requests with the same number in flight (the lists also against it
 *     parsing each answer and writing it back, the least printing them takes)
 * BENCH_RUNS sets the rounds (default 21); BENCH_NODES=path,path picks the
 * runtimes; BENCH_ONLY=startup or BENCH_ONLY=scale runs one part;
 * BENCH_CASE=name,name runs only those cases at scale (file names in
 * bench/cases/ without .ts, e.g. BENCH_CASE=sync-120).
 * The output is the README's Performance tables.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FakeLetta } from '../test/helpers/fake-letta';
import { historyBench } from './history';
import { CLI, cliEnv, fmt, fmtRatio, measure, median, quantile, ratio, ROOT, RUNS, runScaleCase, scratch, type Run, type Sample, type ScaleCase } from './harness';

/** The start-up floors (must) and goals (aimed for), as ratios to `node -e 0`. */
const STARTUP = [
  { name: '--help', args: ['--help'], floor: 1.3, goal: 1.15 },
  { name: '--version', args: ['--version'] },
  { name: 'parse one-time', args: ['parse', 'tomorrow at 9am'], floor: 2.0, goal: 1.5 },
  { name: 'parse recurring', args: ['parse', 'every weekday at 10am'], floor: 2.3, goal: 1.5 },
  { name: 'recurring list', args: ['recurring', 'list', '--agent-id', 'agent-11111111-1111-1111-1111-111111111111'], floor: 3.0, goal: 2.0 },
  // A first run, as after an install or upgrade: no code cache to start from (every run here compiles from source).
  { name: 'parse one-time, no code cache', args: ['parse', 'tomorrow at 9am'], env: { LETTA_SWITCHBOARD_NO_CODE_CACHE: '1' } },
];

function nodes(): Array<{ label: string; path: string }> {
  const paths = process.env.BENCH_NODES?.split(',').filter(Boolean) ?? [
    process.execPath,
    ...['22', '24'].flatMap((major) => {
      try {
        return [execFileSync(join(ROOT, '.ci', 'node-binary'), [major], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()];
      } catch {
        console.log(`(Node ${major} could not be installed; left out)`);
        return [];
      }
    }),
  ];
  return paths.map((path) => ({ label: execFileSync(path, ['--version'], { encoding: 'utf8' }).trim(), path }));
}

async function startup(runtimes: Array<{ label: string; path: string }>) {
  const letta = await new FakeLetta().start();
  try {
    for (let i = 0; i < 5; i++) letta.addSchedule(letta.agents[0]!.id, { type: 'recurring', cron_expression: '0 9 * * 1-5' }, `standup ${i}`);
    const env = cliEnv(letta, mkdtempSync(join(scratch, 'home-')));
    const runs: Run[] = runtimes.flatMap((node) => [
      { name: `${node.label} floor`, command: node.path, args: ['-e', '0'] },
      ...STARTUP.map((c) => ({ name: `${node.label} ${c.name}`, command: node.path, args: [CLI, ...c.args], env: c.env })),
    ]);
    const samples = await measure(runs, env);
    console.log(`\nStart-up: ${RUNS} interleaved rounds; median ratio to that release's \`node -e 0\` (quartiles of the per-round ratios)\n`);
    console.log(`| Node | \`node -e 0\` | ${STARTUP.map((c) => `${c.name}${c.floor ? ` (floor ${c.floor}x, goal ${c.goal}x)` : ''}`).join(' | ')} |`);
    console.log(`|---|---:|${STARTUP.map(() => '---:').join('|')}|`);
    const missed: string[] = [];
    for (const node of runtimes) {
      const floor = samples.get(`${node.label} floor`)!;
      const cells = STARTUP.map((c) => {
        const r = ratio(samples.get(`${node.label} ${c.name}`)!, floor);
        if (c.floor && r.median > c.floor) missed.push(`${node.label} ${c.name}`);
        return fmtRatio(r);
      });
      console.log(`| ${node.label} | ${fmt(median(floor.map((s) => s.ms)), 1)} ms | ${cells.join(' | ')} |`);
    }
    console.log(missed.length ? `\nOver the floor: ${missed.join(', ')}` : '\nEvery figure is under its floor.');
    printProgramRead(join(env.HOME!, '.cache', 'letta-switchboard'));
  } finally {
    await letta.stop();
  }
}

/** What each command read of the program under this Node (the files its code cache holds, as the loader names them on its first line). */
function printProgramRead(cacheDir: string) {
  const all = readdirSync(join(ROOT, 'dist')).filter((file) => file.endsWith('.cjs') && file !== 'cli.cjs');
  const total = all.reduce((sum, file) => sum + statSync(join(ROOT, 'dist', file)).size, 0);
  console.log(`\nWhat each command reads of the program (${all.length} files, ${fmt(total / 1024, 0)} KiB), and its code cache, under ${process.version}:\n`);
  for (const name of readdirSync(cacheDir).filter((file) => file.includes(`-${process.version}-`))) {
    const bytes = readFileSync(join(cacheDir, name));
    // Each file as [name, bytes of its compiled part, characters of its source] (the loader keeps both in the cache).
    const [, ...files] = JSON.parse(bytes.subarray(0, bytes.indexOf(10)).toString()) as [string, ...Array<[string, number, number?]>];
    const read = files.reduce((sum, [file]) => sum + statSync(join(ROOT, 'dist', file)).size, 0);
    const compiled = files.reduce((sum, [, length]) => sum + length, 0);
    const command = name.replace(/^v8-\w+-v[\d.]+-\w+-/, '').replace(/\.cache$/, '');
    console.log(`- ${command}: ${files.length} files, ${fmt(read / 1024, 0)} KiB; code cache ${fmt(bytes.length / 1024, 0)} KiB, of which compiled code ${fmt(compiled / 1024, 0)} KiB`);
  }
}

async function scale(runtimes: Array<{ label: string; path: string }>) {
  const folder = join(import.meta.dirname, 'cases');
  const only = process.env.BENCH_CASE?.split(',').filter(Boolean);
  const files = readdirSync(folder).filter((name) => name.endsWith('.ts') && (!only || only.includes(name.slice(0, -3))));
  if (only && files.length < only.length) throw new Error(`BENCH_CASE names a case not in bench/cases/: ${only.join(', ')}`);
  const sized: Array<{ size: NonNullable<ScaleCase['size']>; results: Awaited<ReturnType<typeof runScaleCase>> }> = [];
  for (const file of files.sort()) {
    const loaded = (await import(join(folder, file))).default as ScaleCase | { name: string; run(): Promise<void> };
    // A case that measures itself (bench/cases/state-steps.ts) prints its own table.
    if ('run' in loaded) {
      await loaded.run();
      continue;
    }
    const scaleCase = loaded;
    const results = await runScaleCase(scaleCase, runtimes);
    if (scaleCase.size) sized.push({ size: scaleCase.size, results });
    console.log(`\n${scaleCase.name} (${results[0]!.requests} requests; ${results[0]!.cli.length} interleaved rounds)\n`);
    const parsed = scaleCase.parsedReference ? ' bare script parsing the answers | time ratio to it |' : '';
    console.log(`| Node | CLI | bare script | time ratio | CLI peak RSS | bare peak RSS |${parsed}`);
    console.log(`|---|---:|---:|---:|---:|---:|${parsed ? '---:|---:|' : ''}`);
    for (const r of results) {
      const rss = (samples: typeof r.cli) =>
        `${fmt(
          quantile(
            samples.map((s) => s.rssKiB),
            1,
          ) / 1024,
          1,
        )} MiB`;
      const toParsed = r.parsed ? ` ${fmt(median(r.parsed.map((s) => s.ms)), 0)} ms | ${fmtRatio(ratio(r.cli, r.parsed))} |` : '';
      console.log(
        `| ${r.node} | ${fmt(median(r.cli.map((s) => s.ms)), 0)} ms | ${fmt(median(r.bare.map((s) => s.ms)), 0)} ms | ${fmtRatio(ratio(r.cli, r.bare))} | ${rss(r.cli)} | ${rss(r.bare)} |${toParsed}`,
      );
    }
  }
  memoryGrowth(sized);
}

/**
 * For each case run at two or more sizes: how much the memory grew from each size to the next,
 * the CLI's beside the bare script's. Peak memory also counts what grows with how long a process
 * runs rather than with what it holds (garbage not yet collected, the optimising compilers'
 * memory and code, the allocators' spare pages); what it held after a full collection does not,
 * but it counts the compiled code, which grows until the hot paths are all optimised: a step
 * between two large sizes shows whether memory is bounded.
 */
function memoryGrowth(sized: Array<{ size: NonNullable<ScaleCase['size']>; results: Array<{ node: string; cli: Sample[]; bare: Sample[] }> }>) {
  const families = [...new Set(sized.map((one) => one.size.family))].map((family) => sized.filter((one) => one.size.family === family).sort((a, b) => a.size.count - b.size.count));
  const compared = families.filter((runs) => runs.length > 1);
  if (compared.length === 0) return;
  console.log('\nMemory from each size of a case to the next (the growth per 100 more schedules): peak memory, and the most the heap held after a full collection\n');
  console.log('| case | Node | CLI peak | bare peak | CLI held | bare held |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const runs of compared) {
    for (const [step, large] of runs.slice(1).entries()) {
      const small = runs[step]!;
      const per100 = 100 / (large.size.count - small.size.count);
      for (const [i, r] of large.results.entries()) {
        const growth = (samples: (result: typeof r) => Sample[], field: 'rssKiB' | 'heldKiB') => {
          const most = (result: typeof r) => Math.max(...samples(result).map((s) => s[field])) / 1024;
          const [from, to] = [most(small.results[i]!), most(r)];
          return `${fmt(from, 1)} → ${fmt(to, 1)} MiB (${to >= from ? '+' : ''}${fmt((to - from) * per100, 2)})`;
        };
        const cli = (result: typeof r) => result.cli;
        const bare = (result: typeof r) => result.bare;
        console.log(
          `| ${small.size.family} ${small.size.count} → ${large.size.count} | ${r.node} | ${growth(cli, 'rssKiB')} | ${growth(bare, 'rssKiB')} | ${growth(cli, 'heldKiB')} | ${growth(bare, 'heldKiB')} |`,
        );
      }
    }
  }
}

async function main() {
  const runtimes = nodes();
  const only = process.env.BENCH_ONLY;
  console.log(`load average at start: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  if (only !== 'scale') await startup(runtimes);
  if (only !== 'startup') await scale(runtimes);
  if (only !== 'startup' && !process.env.BENCH_CASE) await historyBench();
  const size = (files: string[]) => {
    const bytes = files.map((file) => readFileSync(join(ROOT, 'dist', file)));
    const kib = (n: number) => fmt(n / 1024, 1);
    return `${kib(bytes.reduce((sum, b) => sum + b.length, 0))} KiB (${kib(bytes.reduce((sum, b) => sum + gzipSync(b).length, 0))} KiB gzipped)`;
  };
  const program = readdirSync(join(ROOT, 'dist')).filter((file) => file.endsWith('.cjs') && file !== 'cli.cjs');
  console.log(
    `\ndist/cli.cjs ${size(['cli.cjs'])}; the program, ${program.length} files (dist/app.cjs and what it requires): ${size(program)}; their source maps ${size(program.map((file) => `${file}.map`))}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
