/**
 * What every benchmark here shares: running a command many times, interleaved
 * with what it is compared to, and reading ratios from one run, so a busy
 * machine slows both sides alike. Each ratio is taken per round (the command's
 * time over its reference's in that same round), then summarised as the median
 * and the spread between the quartiles.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeLetta, TEST_KEY, type Received } from '../test/helpers/fake-letta';

export const ROOT = join(import.meta.dirname, '..');
export const CLI = join(ROOT, 'dist', 'cli.cjs');
export const RUNS = Number(process.env.BENCH_RUNS ?? 21);
export const scratch = mkdtempSync(join(tmpdir(), 'letta-switchboard-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

export interface Run {
  name: string;
  command: string;
  args: string[];
  /** Record the peak resident memory and the most the heap held (a preloaded probe, so it costs start-up time: left off for start-up runs). */
  memory?: boolean;
  /** Variables added to the environment of this run only. */
  env?: Record<string, string>;
}

export interface Sample {
  ms: number;
  rssKiB: number;
  /** The largest heap in use right after a full collection (bench/peak-rss.cjs). */
  heldKiB: number;
}

/** One run, stdout drained from a pipe (as a script reading it would), stderr kept for a failure. A failed run stops the benchmark, saying why. */
export function runOnce(run: Run, env: Record<string, string>): Promise<Sample> {
  const rssFile = join(scratch, `rss-${Math.random().toString(36).slice(2)}`);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(run.command, run.args, {
      env: { ...env, ...run.env, ...(run.memory ? { BENCH_RSS_FILE: rssFile, NODE_OPTIONS: `--require ${join(ROOT, 'bench', 'peak-rss.cjs')}` } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.resume();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return reject(new Error(`${run.name} ${run.args.join(' ')} exited ${code}:\n${stderr}`));
      const [rssKiB, heldKiB] = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').split(' ').map(Number) : [];
      resolve({ ms, rssKiB: rssKiB ?? NaN, heldKiB: heldKiB ?? NaN });
    });
  });
}

/** Every run `rounds` times, interleaved (A B C A B C ...) after one warm-up each; the samples by name. */
export async function measure(runs: Run[], env: Record<string, string>, rounds = RUNS): Promise<Map<string, Sample[]>> {
  const samples = new Map<string, Sample[]>(runs.map((run) => [run.name, []]));
  for (const run of runs) await runOnce(run, env);
  for (let i = 0; i < rounds; i++) {
    for (const run of runs) samples.get(run.name)!.push(await runOnce(run, env));
  }
  return samples;
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.ceil(at)]! - sorted[low]!) * (at - low);
}

export const median = (values: number[]) => quantile(values, 0.5);

/** The ratio of `a` to `b` round by round: its median and quartiles. */
export function ratio(a: Sample[], b: Sample[]): { median: number; low: number; high: number } {
  const each = a.map((sample, i) => sample.ms / b[i]!.ms);
  return { median: median(each), low: quantile(each, 0.25), high: quantile(each, 0.75) };
}

export const fmt = (n: number, digits = 2) => n.toFixed(digits);
export const fmtRatio = (r: { median: number; low: number; high: number }) => `${fmt(r.median)}x (${fmt(r.low)}-${fmt(r.high)})`;

export function cliEnv(letta: FakeLetta, home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    LETTA_SWITCHBOARD_CONFIG_DIR: join(home, 'config'),
    LETTA_SWITCHBOARD_STATE_DIR: join(home, 'state'),
    LETTA_BASE_URL: letta.url,
    LETTA_API_KEY: TEST_KEY,
    TZ: 'UTC',
  };
}

/**
 * A command at scale, held against bare-requests.mjs sending the requests the
 * command sent, with the same number in flight. One file in bench/cases/ each.
 */
export interface ScaleCase {
  name: string;
  /** The delay of every answer: a network's round trip. */
  latencyMs: number;
  /** Requests in flight at once, for the CLI (its --concurrency, where it has one) and the bare script alike. */
  concurrency: number;
  /** Fill the fake server (it starts with three agents and no schedules). */
  setup(letta: FakeLetta): void;
  /** Before every run, the CLI's and the bare script's alike: for a command that changes what the server (or the record of intent under `env`) holds. */
  beforeEach?(letta: FakeLetta, env: Record<string, string>): void | Promise<void>;
  /** The CLI's arguments. */
  args: string[];
  /**
   * The phase of each request the CLI sent: the bare script sends a phase only
   * once the one before has ended (as the CLI must, to read a cursor or a list
   * of ids). One phase when not given.
   */
  phase?(request: Received, index: number, sent: Received[]): number;
  rounds?: number;
  /** A case run at several sizes: its family and number of schedules, so the run reports how memory grows with the number. */
  size?: { family: string; count: number };
  /** Also against the bare script parsing each answer and writing it back as JSON: for a command whose work is printing what it read. */
  parsedReference?: boolean;
}

export interface ScaleResult {
  node: string;
  requests: number;
  cli: Sample[];
  bare: Sample[];
  /** The bare script parsing every answer (ScaleCase.parsedReference). */
  parsed?: Sample[];
}

/** The case's command run once against its server as set up, as the bench first runs it: how many requests it sent (runOnce throws if it failed). */
export async function checkScaleCase(scale: ScaleCase): Promise<number> {
  const letta = await new FakeLetta({ latencyMs: scale.latencyMs }).start();
  try {
    scale.setup(letta);
    const env = cliEnv(letta, mkdtempSync(join(scratch, 'home-')));
    await scale.beforeEach?.(letta, env);
    letta.received.length = 0;
    await runOnce({ name: 'cli', command: process.execPath, args: [CLI, ...scale.args] }, env);
    return letta.received.length;
  } finally {
    await letta.stop();
  }
}

/** The case under each Node given, all interleaved in one run. */
export async function runScaleCase(scale: ScaleCase, nodes: Array<{ label: string; path: string }>): Promise<ScaleResult[]> {
  const letta = await new FakeLetta({ latencyMs: scale.latencyMs }).start();
  try {
    scale.setup(letta);
    const env = cliEnv(letta, mkdtempSync(join(scratch, 'home-')));
    const cli = (node: string): Run => ({ name: `cli ${node}`, command: node, args: [CLI, ...scale.args], memory: true });

    // What the command sends, recorded once, becomes the bare script's plan.
    await scale.beforeEach?.(letta, env);
    letta.received.length = 0;
    await runOnce(cli(nodes[0]!.path), env);
    const sent = [...letta.received];
    const phases: Array<Array<{ method: string; path: string; body?: string }>> = [];
    for (const [index, request] of sent.entries()) {
      const at = scale.phase?.(request, index, sent) ?? 0;
      const query = new URLSearchParams(request.query).toString();
      (phases[at] ??= []).push({ method: request.method, path: `${request.path}${query ? `?${query}` : ''}`, ...(request.rawBody ? { body: request.rawBody } : {}) });
    }
    const plan = join(scratch, `plan-${scale.name.replace(/\W+/g, '-')}.json`);
    writeFileSync(plan, JSON.stringify({ concurrency: scale.concurrency, phases: phases.filter(Boolean) }));

    const bare = [join(ROOT, 'bench', 'bare-requests.mjs'), plan, letta.url, TEST_KEY];
    const runs = nodes.flatMap((node) => [
      cli(node.path),
      { name: `bare ${node.path}`, command: node.path, args: bare, memory: true },
      ...(scale.parsedReference ? [{ name: `parsed ${node.path}`, command: node.path, args: [...bare, '--parse'], memory: true }] : []),
    ]);
    const samples = new Map<string, Sample[]>(runs.map((run) => [run.name, []]));
    // Interleaved here rather than by measure(), so beforeEach comes before every run; round -1 warms up.
    for (let i = -1; i < (scale.rounds ?? Math.max(3, Math.floor(RUNS / 3))); i++) {
      for (const run of runs) {
        await scale.beforeEach?.(letta, env);
        const sample = await runOnce(run, env);
        if (i >= 0) samples.get(run.name)!.push(sample);
      }
    }
    return nodes.map((node) => ({
      node: node.label,
      requests: sent.length,
      cli: samples.get(`cli ${node.path}`)!,
      bare: samples.get(`bare ${node.path}`)!,
      parsed: samples.get(`parsed ${node.path}`),
    }));
  } finally {
    await letta.stop();
  }
}
