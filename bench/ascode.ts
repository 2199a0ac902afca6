/**
 * Schedules as code at scale: a folder of 500 schedule files over 5 agents,
 * against the fake Letta answering after 20 ms. Reports how many requests
 * `plan` sends (one list per agent, never one per file), and how long
 * `apply` takes with how many requests in flight at most (bounded).
 * Run with `npm run build && npx tsx bench/ascode.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeLetta, TEST_KEY } from '../test/helpers/fake-letta';
import { writeScheduleFiles } from './apply-case';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.cjs');
const FILES = Number(process.env.BENCH_FILES ?? 500);
const NOW = '2026-11-22T15:00:00Z';
const scratch = mkdtempSync(join(tmpdir(), 'letta-switchboard-bench-'));

function run(args: string[], env: Record<string, string>): Promise<{ ms: number; code: number | null }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--now', NOW, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, code }));
  });
}

async function main() {
  const letta = await new FakeLetta().start();
  letta.now = () => Date.parse(NOW);
  letta.maxPage = 100;
  const agents = Array.from({ length: 5 }, (_, i) => ({ id: `agent-${String(i).repeat(8)}-0000-0000-0000-000000000000`, name: `bench-${i}` }));
  letta.agents.push(...agents);
  const folder = join(scratch, 'letta-schedules');
  mkdirSync(folder);
  writeScheduleFiles(
    folder,
    FILES,
    agents.map((agent) => agent.name),
  );
  const env = { PATH: process.env.PATH ?? '', HOME: scratch, LETTA_SWITCHBOARD_CONFIG_DIR: join(scratch, 'config'), LETTA_BASE_URL: letta.url, LETTA_API_KEY: TEST_KEY, TZ: 'UTC' };
  letta.latencyMs = 20;

  const step = async (label: string, args: string[]) => {
    letta.received.length = 0;
    letta.maxInFlight = 0;
    const { ms, code } = await run(args, env);
    const lists = letta.requests('GET', /\/schedule$/).length;
    console.log(`| ${label} | ${code} | ${ms.toFixed(0)} | ${letta.received.length} | ${lists} | ${letta.requests('POST').length} | ${letta.maxInFlight} |`);
  };
  console.log(`\n${FILES} schedule files over ${agents.length} agents, 20 ms per answer\n`);
  console.log('| run | exit | ms | requests | schedule lists | creates | most in flight |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  await step('plan (empty server)', ['plan', '-f', folder]);
  await step('apply (creates every schedule)', ['apply', '-f', folder]);
  await step('plan (nothing to change)', ['plan', '-f', folder]);
  await step('apply --now after the DST change (replaces the clock-time ones)', ['--now', '2027-03-15T12:00:00Z', 'apply', '-f', folder]);
  await letta.stop();
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(scratch, { recursive: true, force: true }));
