/**
 * Fire history for 200 schedules against the bound: with every answer taking
 * LATENCY ms, reading 200 histories C at a time cannot take less than
 * LATENCY × 200 / C. Reported as ratios to that bound, for a few values of C:
 * of the whole wall time, and of the time beyond the same command over one
 * schedule (start-up and the lists, measured in the same run).
 * Run alone with `npm run build && npx tsx bench/history.ts`; `npm run bench` runs it too.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeLetta, TEST_KEY } from '../test/helpers/fake-letta';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.cjs');
const SCHEDULES = 200;
const LATENCY_MS = 20;
const RUNS = Number(process.env.BENCH_HISTORY_RUNS ?? 3);

function timed(args: string[], env: Record<string, string>): Promise<{ ms: number; code: number | null }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, code }));
  });
}

export async function historyBench(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'letta-switchboard-bench-history-'));
  const letta = await new FakeLetta().start();
  try {
    letta.maxPage = 100;
    const agent = letta.agents[0]!.id;
    const now = Date.now();
    for (let i = 0; i < SCHEDULES; i++) {
      const item = letta.addSchedule(agent, { type: 'recurring', cron_expression: '0 * * * *' }, `hourly ${i}`);
      item.created_at = new Date(now - 3 * 3_600_000).toISOString();
      // No runs: the case measures the history reads alone.
      for (let h = 1; h <= 3; h++) letta.addFire(item.id, Math.floor(now / 3_600_000 - h + 1) * 3_600_000 + 2_000, { noRun: true });
    }
    const single = letta.agents[1]!.id;
    const one = letta.addSchedule(single, { type: 'recurring', cron_expression: '0 * * * *' }, 'alone');
    one.created_at = new Date(now - 3 * 3_600_000).toISOString();
    letta.latencyMs = LATENCY_MS;
    const env = { PATH: process.env.PATH ?? '', HOME: scratch, LETTA_SWITCHBOARD_CONFIG_DIR: join(scratch, 'config'), LETTA_BASE_URL: letta.url, LETTA_API_KEY: TEST_KEY, TZ: 'UTC' };
    console.log(`\nFire history of ${SCHEDULES} schedules, ${LATENCY_MS} ms per answer: median of ${RUNS} runs of \`status --json\`\n`);
    const medianOf = async (agentId: string, concurrency: number) => {
      const samples: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const { ms, code } = await timed(['status', '--agent-id', agentId, '--since', '1d', '--concurrency', String(concurrency), '--json'], env);
        // 6: the newest fire of the hour may be due and not yet sent; either way every history was read.
        if (code !== 0 && code !== 6) throw new Error(`status exited ${code}`);
        samples.push(ms);
      }
      return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
    };
    const fixed = await medianOf(single, 1);
    console.log(`The same command over 1 schedule: ${fixed.toFixed(0)} ms (start-up and the lists)\n`);
    console.log('| --concurrency | median ms | bound ms (latency × 200 / C) | ratio | ratio beyond the 1-schedule run | most in flight |');
    console.log('|---:|---:|---:|---:|---:|---:|');
    for (const concurrency of [1, 8, 32]) {
      letta.maxInFlight = 0;
      const median = await medianOf(agent, concurrency);
      const bound = (LATENCY_MS * SCHEDULES) / concurrency;
      console.log(`| ${concurrency} | ${median.toFixed(0)} | ${bound.toFixed(0)} | ${(median / bound).toFixed(2)}x | ${((median - fixed) / bound).toFixed(2)}x | ${letta.maxInFlight} |`);
    }
  } finally {
    await letta.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  historyBench().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
