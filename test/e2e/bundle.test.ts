import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/main';
import type { Io } from '../../src/output/output';
import { cliEnv, ROOT, type CliResult } from '../helpers/run-cli';

function runFile(file: string, args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [file, ...args], { env, cwd: join(file, '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

describe('the built file', () => {
  it('runs from the files the package ships, in a folder of their own, without the source map', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'letta-switchboard-installed-'));
    const { files } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    for (const path of ['package.json', ...files]) cpSync(join(ROOT, path), join(folder, path), { recursive: true });
    expect(existsSync(join(folder, 'dist', 'app.cjs.map'))).toBe(false);
    const bin = join(folder, 'bin', 'letta-switchboard.js');
    const env = cliEnv();
    const version = await runFile(bin, ['--version'], env);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const parse = await runFile(bin, ['parse', 'every weekday at 9pm', '--tz', 'America/New_York', '--json'], env);
    expect(parse.code).toBe(0);
    expect(JSON.parse(parse.stdout).cron_expression).toBe('0 2 * * 2-6');
    const traced = await runFile(bin, ['parse', '13pm tomorrow', '--verbose'], env);
    expect(traced.code).toBe(2);
    expect(traced.stderr).toMatch(/^\s+at .*app\.cjs:\d+:\d+/m);
  });

  it('answers the root --help and --version without reading the program; a command without it says what is missing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'letta-switchboard-alone-'));
    const file = join(folder, 'cli.cjs');
    copyFileSync(join(ROOT, 'dist', 'cli.cjs'), file);
    const env = cliEnv();
    expect((await runFile(file, ['--version'], env)).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = await runFile(file, ['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    const parse = await runFile(file, ['parse', 'tomorrow at 9am'], env);
    expect(parse.code).toBe(1);
    expect(parse.stderr).toMatch(/^Error: cannot read .*app\.cjs \(ENOENT\)/);
  });

  it("keeps a private code cache per command, runs the same from it, and drops older builds' caches", async () => {
    const env = cliEnv();
    const file = join(ROOT, 'dist', 'cli.cjs');
    const dir = join(env.HOME!, '.cache', 'letta-switchboard');
    const first = await runFile(file, ['parse', 'tomorrow at 9am', '--now', '2026-11-22T15:00:00Z', '--json'], env);
    const second = await runFile(file, ['parse', 'tomorrow at 9am', '--now', '2026-11-22T15:00:00Z', '--json'], env);
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/-parse-once\.cache$/)]);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, readdirSync(dir)[0]!)).mode & 0o777).toBe(0o600);

    const otherRelease = readdirSync(dir)[0]!.replace(process.version, 'v99.0.0');
    writeFileSync(join(dir, 'v8-0000000000000000-v1.0.0-x64-parse-once.cache'), 'from an older build');
    writeFileSync(join(dir, otherRelease), 'this build, another Node release');
    expect((await runFile(file, ['config', 'path'], env)).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([expect.stringMatching(/-config-path\.cache$/), expect.stringMatching(/-parse-once\.cache$/), otherRelease].sort());
  });

  it('--help, help, a usage error or a bare group writes no code cache; each subcommand has its own', async () => {
    const env = cliEnv();
    const file = join(ROOT, 'dist', 'cli.cjs');
    const dir = join(env.HOME!, '.cache', 'letta-switchboard');
    for (const args of [['config', 'path', '--help'], ['help', 'config', 'path'], ['parse', '-h'], ['onetime', 'get'], ['config']]) await runFile(file, args, env);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    expect((await runFile(file, ['config', 'path'], env)).code).toBe(0);
    expect((await runFile(file, ['config', 'show'], env)).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([expect.stringMatching(/-config-path\.cache$/), expect.stringMatching(/-config-show\.cache$/)]);
  });

  it('prints the same root help as the program, which it keeps ready-made', async () => {
    let live = '';
    const io: Io = {
      stdout: { write: (s: string) => (live += s) },
      stderr: { write: () => true },
      stdin: Readable.from([]),
      stdoutIsTTY: false,
      stderrIsTTY: false,
      stdinIsTTY: false,
    };
    await main(['node', 'letta-switchboard', '--help'], io, {}, new AbortController().signal);
    const built = await runFile(join(ROOT, 'dist', 'cli.cjs'), ['--help'], cliEnv());
    expect(built.stdout).toBe(live);
    expect(live).toContain('Exit codes:');
  });

  it('a mistyped command, subcommand or option leaves no code cache behind', async () => {
    const env = cliEnv();
    const dir = join(env.HOME!, '.cache', 'letta-switchboard');
    for (const args of [['sned', '--message', 'hi'], ['recurring', 'lsit'], ['parse', 'tomorrow', '--jsn'], ['bogus']]) {
      const r = await runFile(join(ROOT, 'dist', 'cli.cjs'), args, env);
      expect(r.code).toBe(2);
    }
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it("on a terminal, --help is the program's own, fitted to the terminal's width", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'letta-switchboard-tty-'));
    const preload = join(folder, 'tty.cjs');
    // stdout (a pipe here) passes for a 120-column terminal wherever a program can ask.
    writeFileSync(
      preload,
      [
        "const fs = require('node:fs'); const tty = require('node:tty'); const { fstatSync } = fs;",
        'fs.fstatSync = (fd, ...rest) => { const stat = fstatSync(fd, ...rest); if (fd === 1) stat.isCharacterDevice = () => true; return stat; };',
        'tty.isatty = (fd) => fd === 1;',
        "Object.defineProperty(process.stdout, 'isTTY', { value: true }); Object.defineProperty(process.stdout, 'columns', { value: 120 });",
      ].join('\n'),
    );
    const env = { ...cliEnv(), NODE_OPTIONS: `--require ${preload}` };
    const built = await runFile(join(ROOT, 'dist', 'cli.cjs'), ['--help'], env);
    const live = await runFile(join(ROOT, 'dist', 'app.cjs'), ['--help'], env);
    const pipe = await runFile(join(ROOT, 'dist', 'cli.cjs'), ['--help'], cliEnv());
    expect(built.stdout).toBe(live.stdout);
    expect(built.stdout).not.toBe(pipe.stdout);
    expect(Math.max(...built.stdout.split('\n').map((line) => line.length))).toBeGreaterThan(80);
  });

  it('with --verbose, stack traces name the source files and functions, not the bundle', async () => {
    const r = await runFile(join(ROOT, 'dist', 'cli.cjs'), ['parse', '13pm tomorrow', '--verbose'], cliEnv());
    expect(r.code).toBe(2);
    const frames = r.stderr.split('\n').filter((line) => /^\s+at /.test(line));
    expect(frames.length).toBeGreaterThan(2);
    expect(frames.filter((line) => /(cli|app)\.cjs/.test(line))).toEqual([]);
    expect(frames[0]).toMatch(/^ {4}at [A-Za-z_$][\w$]{2,} \(src\/[\w/-]+\.ts:\d+:\d+\)$/);
  });
});
