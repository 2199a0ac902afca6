import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Bundle a small TypeScript program (importing from src/) into one file that
 * plain `node` runs, so many child processes can start quickly and truly in parallel.
 */
export function bundleProgram(source: string): { file: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'letta-switchboard-child-'));
  const file = join(dir, 'program.cjs');
  buildSync({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: 'program.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: file,
    logLevel: 'silent',
  });
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function startChild(file: string, args: string[], env: Record<string, string | undefined> = {}): { child: ChildProcess; done: Promise<ChildResult> } {
  const child = spawn(process.execPath, [file, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<ChildResult>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Run `count` copies at once, copy i getting `argsFor(i)`. */
export function runMany(file: string, count: number, argsFor: (i: number) => string[], env: Record<string, string | undefined> = {}): Promise<ChildResult[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => startChild(file, argsFor(i), env).done));
}
