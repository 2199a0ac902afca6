import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { main } from '../../src/main';
import type { Io } from '../../src/output/output';
import { FakeLetta, TEST_KEY, type Received } from './fake-letta';
import { AGENT, NOW } from './suite';

export interface RunOptions {
  /** Added to (or, as undefined, removed from) the test's environment. */
  env?: Record<string, string | undefined>;
  /** What stdin gives: a string, or pieces given as they come (a person answering later). */
  stdin?: string | AsyncIterable<string>;
  /** Pretend stdout, stderr and stdin are a terminal this many columns wide. */
  terminal?: number;
  /** Aborted when the command is running, as Ctrl-C would. */
  signal?: AbortSignal;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** What the fake Letta received during this run. */
  requests: Received[];
}

/** Run the CLI in this process: argv in; stdout, stderr, exit code and the requests the fake received out. */
export async function runIn(letta: FakeLetta | undefined, args: string[], baseEnv: Record<string, string>, options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const terminal = options.terminal !== undefined;
  const stdin = Readable.from(options.stdin === undefined ? [] : typeof options.stdin === 'string' ? [options.stdin] : options.stdin) as Readable & { setRawMode?: (raw: boolean) => void };
  if (terminal) stdin.setRawMode = () => undefined;
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin,
    stdoutIsTTY: terminal,
    stderrIsTTY: terminal,
    stdinIsTTY: terminal,
    columns: options.terminal,
  };
  const env = Object.fromEntries(Object.entries({ ...baseEnv, ...options.env }).filter((e): e is [string, string] => e[1] !== undefined));
  const before = letta?.received.length ?? 0;
  const code = await main(['node', 'letta-switchboard', ...args], io, env, options.signal ?? new AbortController().signal);
  return { code, stdout, stderr, requests: letta?.received.slice(before) ?? [] };
}

export interface Harness {
  letta: FakeLetta;
  env: Record<string, string>;
  run: (args: string[], options?: RunOptions) => Promise<RunResult>;
  /**
   * The CLI at `now`, the fake Letta answering as of then too (the times it stamps on what is made and sent): cliAt's
   * twin in this process, so it takes `run`'s options as well (a terminal's width, stdin).
   */
  at: (now: string, args: string[], options?: RunOptions) => Promise<RunResult>;
}

/**
 * One fake Letta for a test file, reset before each test; a fresh HOME and
 * config folder per test; `--now` fixed. After each test, every request body
 * sent must have matched Letta's published schemas.
 */
export function useHarness({ defaultAgent = false }: { defaultAgent?: boolean } = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.letta = await new FakeLetta().start();
  });
  afterAll(() => harness.letta.stop());
  beforeEach(() => {
    harness.letta.reset(() => Date.parse(NOW));
    const home = mkdtempSync(join(tmpdir(), 'letta-switchboard-unit-'));
    harness.env = {
      HOME: home,
      LETTA_SWITCHBOARD_CONFIG_DIR: join(home, 'config'),
      TZ: 'UTC',
      LETTA_BASE_URL: harness.letta.url,
      LETTA_API_KEY: TEST_KEY,
      ...(defaultAgent ? { LETTA_AGENT_ID: AGENT } : {}),
    };
  });
  afterEach(() => expect(harness.letta.specProblems).toEqual([]));
  harness.run = (args, options) => runIn(harness.letta, ['--now', NOW, ...args], harness.env, options);
  harness.at = (now, args, options) => {
    harness.letta.now = () => Date.parse(now);
    return runIn(harness.letta, ['--now', now, ...args], harness.env, options);
  };
  return harness;
}

/** A second fake Letta beside the harness's (server B), on the same clock, whose ids never look like the first one's. */
export function useSecondServer(harness: Harness): FakeLetta {
  const second = new FakeLetta();
  beforeAll(() => second.start());
  afterAll(() => second.stop());
  beforeEach(() => {
    second.reset(() => harness.letta.now());
    second.idFormat = (n) => `sb-${String(n).padStart(6, 'b')}`;
  });
  return second;
}
