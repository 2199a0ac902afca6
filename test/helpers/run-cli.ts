import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'letta-switchboard.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

const scratch = mkdtempSync(join(tmpdir(), 'letta-switchboard-test-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** A fresh config folder and HOME, so no test sees another's settings or the developer's own. */
export function tempHome(): { home: string; configDir: string } {
  const home = mkdtempSync(join(scratch, 'home-'));
  return { home, configDir: join(home, 'config') };
}

/** Environment for a run: nothing inherited that could change the result, plus what the test gives. */
export function cliEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const { home, configDir } = tempHome();
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: home,
    LETTA_SWITCHBOARD_CONFIG_DIR: configDir,
    TZ: 'UTC',
    NO_COLOR: undefined,
    ...extra,
  };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

export interface RunCommandOptions {
  env?: Record<string, string>;
  input?: string;
  timeoutMs?: number;
  /** The folder it runs in (default: this one). */
  cwd?: string;
}

/** Run the built CLI (asynchronously, so a fake server in this process keeps answering). */
export function runCli(args: string[], options: RunCommandOptions = {}): Promise<CliResult> {
  return runCommand(process.execPath, [BIN, ...args], options);
}

/** Run a shell pipeline with `letta-switchboard` on PATH. */
export function runShell(script: string, options: RunCommandOptions = {}): Promise<CliResult> {
  const env = { ...(options.env ?? cliEnv()) };
  env.PATH = `${join(ROOT, 'test', 'helpers', 'bin')}:${env.PATH ?? ''}`;
  return runCommand('bash', ['-c', `set -o pipefail\n${script}`], { ...options, env });
}

export function runCommand(command: string, args: string[], options: RunCommandOptions): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env: options.env ?? cliEnv(), cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin.end(options.input ?? '');
  });
}
