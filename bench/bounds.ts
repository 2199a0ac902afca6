/**
 * The bounds on hostile lists, measured: time, peak memory and output of the
 * built CLI against a pager that never ends (pages of 2,000) and an agenda of
 * 1,000 every-minute schedules over 366 days. Run with
 * `npm run build && tsx bench/bounds.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeLetta, TEST_KEY } from '../test/helpers/fake-letta';

const ROOT = join(import.meta.dirname, '..');
const AGENT = 'agent-11111111-1111-1111-1111-111111111111';
const scratch = mkdtempSync(join(tmpdir(), 'letta-switchboard-bounds-'));
const letta = await new FakeLetta().start();
const env = { PATH: process.env.PATH ?? '', HOME: scratch, TZ: 'UTC', LETTA_BASE_URL: letta.url, LETTA_API_KEY: TEST_KEY };

async function measure(label: string, args: string[]): Promise<void> {
  const rssFile = join(scratch, 'rss');
  const started = Date.now();
  const child = spawn(process.execPath, ['--require', join(ROOT, 'bench', 'peak-rss.cjs'), join(ROOT, 'dist', 'cli.cjs'), ...args], { env: { ...env, BENCH_RSS_FILE: rssFile } });
  let lines = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (lines += chunk.toString().split('\n').length - 1));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise((resolve) => child.on('close', resolve));
  const mb = Math.round(Number(readFileSync(rssFile, 'utf8').split(' ')[0]) / 1024);
  console.log(`${label}: exit ${code}, ${((Date.now() - started) / 1000).toFixed(1)} s, peak RSS ${mb} MB, ${lines.toLocaleString('en-US')} lines out\n  ${stderr.split('\n')[0]}`);
}

letta.endlessPages = 2_000;
await measure('recurring list -q, endless pages of 2,000', ['recurring', 'list', '-q', '--agent-id', AGENT]);
await measure('agenda --all-agents, endless pages of 2,000', ['agenda', '--all-agents']);
letta.endlessPages = undefined;
for (let i = 0; i < 1_000; i++) letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '* * * * *' });
letta.maxPage = 1_000;
await measure('agenda, 1,000 every-minute schedules over 366 days', ['agenda', '--agent-id', AGENT, '--days', '366']);
await letta.stop();
rmSync(scratch, { recursive: true, force: true });
