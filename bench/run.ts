/**
 * Start-up and large-list benchmark. Every number is a ratio measured in this
 * one run, so a busy or slow machine shifts both sides alike:
 *   - start-up: median wall time of each command over its median for `node -e 0`
 *   - lists: the CLI against a bare Node script doing the same HTTP work
 * Run with `npm run bench` (it builds first).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FakeLetta, TEST_KEY } from '../test/helpers/fake-letta';
import { historyBench } from './history';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.cjs');
const BINARY = join(ROOT, 'dist', 'letta-switchboard');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const scratch = mkdtempSync(join(tmpdir(), 'letta-switchboard-bench-'));

interface Sample {
  ms: number;
  rssKiB: number;
  code: number | null;
}

function runOnce(command: string, args: string[], env: Record<string, string>, plain = false): Promise<Sample> {
  const rssFile = join(scratch, `rss-${Math.random().toString(36).slice(2)}`);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...env, BENCH_RSS_FILE: rssFile, NODE_OPTIONS: command === process.execPath && !plain ? `--require ${join(ROOT, 'bench', 'peak-rss.cjs')}` : '' },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const rssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
      resolve({ ms, rssKiB, code });
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Run each case RUNS times, interleaved (A B C A B C ...), so drift hits all alike. */
async function measure(cases: Array<{ name: string; command: string; args: string[]; env?: Record<string, string>; plain?: boolean }>, env: Record<string, string>, runs = RUNS) {
  const samples = new Map<string, Sample[]>(cases.map((c) => [c.name, []]));
  for (const c of cases) await runOnce(c.command, c.args, { ...env, ...c.env }, c.plain); // warm the file cache
  for (let i = 0; i < runs; i++) {
    for (const c of cases) {
      const sample = await runOnce(c.command, c.args, { ...env, ...c.env }, c.plain);
      if (sample.code !== 0) throw new Error(`${c.name} exited ${sample.code}`);
      samples.get(c.name)!.push(sample);
    }
  }
  return new Map([...samples].map(([name, list]) => [name, { ms: median(list.map((s) => s.ms)), rssKiB: Math.max(...list.map((s) => s.rssKiB)) }]));
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

async function main() {
  const letta = await new FakeLetta().start();
  letta.maxPage = 100;
  const [small, big] = letta.agents.map((a) => a.id);
  for (let i = 0; i < 5; i++) letta.addSchedule(small!, { type: 'recurring', cron_expression: '0 9 * * 1-5' }, `standup ${i}`);
  for (let i = 0; i < 10_000; i++) letta.addSchedule(big!, { type: 'recurring', cron_expression: `${i % 60} ${i % 24} * * *` }, `message number ${i} ${'x'.repeat(80)}`);
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: scratch,
    LETTA_SWITCHBOARD_CONFIG_DIR: join(scratch, 'config'),
    LETTA_BASE_URL: letta.url,
    LETTA_API_KEY: TEST_KEY,
    TZ: 'UTC',
  };
  const node = process.execPath;

  const startup: Array<{ name: string; command: string; args: string[] }> = [
    { name: 'node -e 0', command: node, args: ['-e', '0'] },
    { name: '--help', command: node, args: [CLI, '--help'] },
    // What a terminal gets: the program's own help, fitted to the width (the ready-made text is only for pipes).
    { name: 'help (the program\'s own, as on a terminal)', command: node, args: [CLI, 'help'] },
    { name: '--version', command: node, args: [CLI, '--version'] },
    { name: 'config path', command: node, args: [CLI, 'config', 'path'] },
    { name: 'parse "tomorrow at 9am"', command: node, args: [CLI, 'parse', 'tomorrow at 9am'] },
    { name: 'parse "every weekday at 10am"', command: node, args: [CLI, 'parse', 'every weekday at 10am'] },
    { name: 'recurring list (5 schedules)', command: node, args: [CLI, 'recurring', 'list', '--agent-id', small!] },
    { name: 'bare node:http script (5 schedules)', command: node, args: [join(ROOT, 'bench', 'bare-list.mjs'), letta.url, TEST_KEY, small!] },
  ];
  if (existsSync(BINARY)) {
    startup.push({ name: 'binary --help', command: BINARY, args: ['--help'] });
    startup.push({ name: 'binary parse "every weekday at 10am"', command: BINARY, args: ['parse', 'every weekday at 10am'] });
  }
  const targets: Record<string, number> = {
    '--help': 1.3,
    'parse "tomorrow at 9am"': 2.0,
    'parse "every weekday at 10am"': 2.3,
    'recurring list (5 schedules)': 3.0,
  };
  const results = await measure(startup, env);
  const floor = results.get('node -e 0')!.ms;
  console.log(`\nStart-up: median of ${RUNS} runs each, interleaved; ratio to \`node -e 0\` (${fmt(floor, 1)} ms) in this run\n`);
  console.log('| command | median ms | ratio | target |');
  console.log('|---|---:|---:|---:|');
  for (const [name, { ms }] of results) {
    const target = targets[name];
    console.log(`| ${name} | ${fmt(ms, 1)} | ${fmt(ms / floor)}x | ${target ? `${target}x ${ms / floor <= target ? 'met' : 'MISSED'}` : ''} |`);
  }

  const large = await measure(
    [
      { name: 'recurring list --json (10,000)', command: node, args: [CLI, 'recurring', 'list', '--json', '--agent-id', big!] },
      { name: 'bare node:http script (10,000)', command: node, args: [join(ROOT, 'bench', 'bare-list.mjs'), letta.url, TEST_KEY, big!] },
      { name: 'recurring list --json (5)', command: node, args: [CLI, 'recurring', 'list', '--json', '--agent-id', small!] },
    ],
    env,
    Math.max(3, Math.floor(RUNS / 4)),
  );
  const cli = large.get('recurring list --json (10,000)')!;
  const bare = large.get('bare node:http script (10,000)')!;
  const tiny = large.get('recurring list --json (5)')!;
  console.log('\nLarge account: 10,000 recurring schedules in 100 pages, --json to a pipe\n');
  console.log('| run | median ms | peak RSS MiB |');
  console.log('|---|---:|---:|');
  for (const [name, r] of large) console.log(`| ${name} | ${fmt(r.ms, 0)} | ${fmt(r.rssKiB / 1024, 1)} |`);
  console.log(`\nCLI / bare script: time ${fmt(cli.ms / bare.ms)}x, peak memory ${fmt(cli.rssKiB / bare.rssKiB)}x; ` +
    `10,000 schedules vs 5: peak memory ${fmt(cli.rssKiB / tiny.rssKiB)}x (bounded by a page, not the list)`);

  for (let i = 0; i < 50; i++) letta.agents.push({ id: `agent-bench-${String(i).padStart(4, '0')}`, name: `bench-${i}` });
  for (const agent of letta.agents.slice(3)) letta.addSchedule(agent.id, { type: 'one-time', scheduled_at: Date.now() + 3_600_000 });
  letta.latencyMs = 20;
  letta.maxInFlight = 0;
  const fan = await measure([{ name: 'onetime list --all-agents', command: node, args: [CLI, 'onetime', 'list', '--all-agents', '-q'] }], env, 3);
  console.log(`\n--all-agents over ${letta.agents.length} agents (20 ms per answer): ${fmt(fan.get('onetime list --all-agents')!.ms, 0)} ms, at most ${letta.maxInFlight} requests in flight`);

  await startupByNodeVersion(env, small!);
  await historyBench();

  const size = statSync(CLI).size;
  console.log(`\nBundle: dist/cli.cjs ${fmt(size / 1024, 1)} KiB (${fmt(gzipSync(readFileSync(CLI)).length / 1024, 1)} KiB gzipped), no runtime dependencies`);
  if (existsSync(BINARY)) console.log(`Binary: dist/letta-switchboard ${fmt(statSync(BINARY).size / 1024 / 1024, 1)} MiB (Node runtime included)`);
  await letta.stop();
}

/**
 * Start-up under each Node release CI tests (the one running this, and 22 and 24
 * from .ci/node-binary, which downloads them once), with this loader's code
 * cache and, where Node has it (22.1+), with module.enableCompileCache() on the
 * plain bundle instead. BENCH_NODES=path,path picks the runtimes.
 */
async function startupByNodeVersion(env: Record<string, string>, agent: string) {
  const nodes = process.env.BENCH_NODES?.split(',').filter(Boolean) ?? [process.execPath, ...['22', '24'].flatMap((major) => {
    try {
      return [execFileSync(join(ROOT, '.ci', 'node-binary'), [major], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()];
    } catch {
      console.log(`\n(Node ${major} could not be installed; left out)`);
      return [];
    }
  })];
  const compileCache = join(scratch, 'compile-cache.cjs');
  writeFileSync(compileCache, `require('node:module').enableCompileCache(${JSON.stringify(join(scratch, 'node-compile-cache'))});\nrequire(${JSON.stringify(join(ROOT, 'dist', 'app.cjs'))});\n`);
  const commands: Array<[string, string[]]> = [
    ['--help', ['--help']],
    ['parse "tomorrow at 9am"', ['parse', 'tomorrow at 9am']],
    ['parse "every weekday at 10am"', ['parse', 'every weekday at 10am']],
    ['recurring list (5 schedules)', ['recurring', 'list', '--agent-id', agent]],
  ];
  console.log(`\nStart-up by Node release: median of ${RUNS} runs, ratio to that release's own \`node -e 0\`\n`);
  console.log('| Node | `node -e 0` | ' + commands.map(([name]) => name).join(' | ') + ' |');
  console.log('|---|---:|' + commands.map(() => '---:').join('|') + '|');
  for (const node of nodes) {
    const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
    const [major, minor] = version.slice(1).split('.').map(Number) as [number, number];
    const hasCompileCache = major > 22 || (major === 22 && minor >= 1);
    const cases = [
      { name: 'floor', command: node, args: ['-e', '0'], plain: true },
      ...commands.map(([name, args]) => ({ name: `loader ${name}`, command: node, args: [CLI, ...args], plain: true })),
      ...(hasCompileCache ? commands.map(([name, args]) => ({ name: `compile cache ${name}`, command: node, args: [compileCache, ...args], plain: true })) : []),
    ];
    const results = await measure(cases, env);
    const floor = results.get('floor')!.ms;
    const row = (label: string) => commands.map(([name]) => `${fmt(results.get(`${label} ${name}`)!.ms / floor)}x`).join(' | ');
    console.log(`| ${version}, this loader | ${fmt(floor, 1)} ms | ${row('loader')} |`);
    if (hasCompileCache) console.log(`| ${version}, enableCompileCache instead | | ${row('compile cache')} |`);
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(scratch, { recursive: true, force: true }));
