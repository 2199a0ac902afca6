import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/main';
import type { Io } from '../../src/output/output';
import { FakeLetta, TEST_KEY } from '../helpers/fake-letta';
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

/** The package's `files` entries as the paths they name (a `*` in a file name stands for any characters, as npm reads it). */
function shippedPaths(entries: string[]): string[] {
  return entries.flatMap((entry) => {
    if (!entry.includes('*')) return [entry];
    const name = new RegExp(
      `^${basename(entry)
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    return readdirSync(join(ROOT, dirname(entry)))
      .filter((file) => name.test(file))
      .map((file) => join(dirname(entry), file));
  });
}

/** The one code cache a run wrote in this HOME: the program's files it holds (as its first line names them), and its bytes. */
function codeCache(home: string): { files: string[]; bytes: Buffer; path: string } {
  const dir = join(home, '.cache', 'letta-switchboard');
  const [name, ...others] = readdirSync(dir);
  expect(others).toEqual([]);
  const bytes = readFileSync(join(dir, name!));
  const [, ...files] = JSON.parse(bytes.subarray(0, bytes.indexOf(10)).toString()) as [string, ...Array<[string, number]>];
  return { files: files.map(([file]) => file), bytes, path: join(dir, name!) };
}

/** The source files (src/..., node_modules/...) compiled into these files of dist/, from their source maps. */
function sourcesOf(files: string[]): string[] {
  return files.flatMap((file) => (JSON.parse(readFileSync(join(ROOT, 'dist', `${file}.map`), 'utf8')) as { sources: string[] }).sources.map((source) => source.replace(/^(\.\.\/)+/, '')));
}

describe('the built file', () => {
  it('runs from the files the package ships, in a folder of their own, without the source map', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'letta-switchboard-installed-'));
    const { files } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    const paths = shippedPaths(files);
    for (const path of ['package.json', ...paths]) cpSync(join(ROOT, path), join(folder, path), { recursive: true });
    expect(paths).toContain(join('dist', 'app.cjs'));
    expect(paths.filter((path) => path.endsWith('.map'))).toEqual([]);
    const bin = join(folder, 'bin', 'letta-switchboard.js');
    const env = cliEnv();
    const version = await runFile(bin, ['--version'], env);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const parse = await runFile(bin, ['parse', 'every weekday at 9pm', '--tz', 'America/New_York', '--json'], env);
    expect(parse.code).toBe(0);
    expect(JSON.parse(parse.stdout).cron_expression).toBe('0 2 * * 2-6');
    const traced = await runFile(bin, ['parse', '13pm tomorrow', '--verbose'], env);
    expect(traced.code).toBe(2);
    // Without the source maps, frames name the program's files as they are.
    expect(traced.stderr).toMatch(/^\s+at .*[\\/]dist[\\/][\w-]+\.cjs:\d+:\d+/m);
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

  it.each([
    ['holds the young generation', 1, 700, (_ids: string[], agent: string) => ['recurring', 'list', '--agent-id', agent]],
    ['collects garbage between rounds', 12, 200, (ids: string[], agent: string) => ['recurring', 'delete', ...ids, '--agent-id', agent, '--concurrency', '1']],
  ])('a command that runs long enough that it %s leaves a code cache a new process accepts', async (_what, count, latencyMs, args) => {
    // Every answer late: a list 700 ms late outlasts the moment the young generation is held (500 ms), and a delete of 12 ids
    // one at a time (two requests each, 200 ms late) outlasts a round of the changes lock (2 s).
    const letta = await new FakeLetta({ latencyMs }).start();
    try {
      const agent = letta.agents[0]!.id;
      const ids = Array.from({ length: count }, () => letta.addSchedule(agent, { type: 'recurring', cron_expression: '0 9 * * 1-5' }).id);
      const env = cliEnv({ LETTA_BASE_URL: letta.url, LETTA_API_KEY: TEST_KEY });
      const listed = await runFile(join(ROOT, 'dist', 'cli.cjs'), args(ids, agent), env);
      expect(listed.code, listed.stderr).toBe(0);
      const { files, path } = codeCache(env.HOME!);
      expect(files).toContain('app.cjs');
      // Each file's part, offered to V8 in a new process as the loader offers it (its wrapper, its file name):
      // one made under other flags is refused, and the next run would compile that file afresh.
      const check = `
        const { readFileSync } = require('node:fs'); const { join } = require('node:path'); const { Script } = require('node:vm');
        const [cache, dist] = process.argv.slice(1); const bytes = readFileSync(cache); const newline = bytes.indexOf(10);
        let at = newline + 1; const refused = [];
        for (const [name, length] of JSON.parse(bytes.subarray(0, newline).toString()).slice(1)) {
          const source = readFileSync(join(dist, name), 'utf8');
          const script = new Script('(function (exports, require, module, __filename, __dirname) {\\n' + source + '\\n})', { filename: join(dist, name), cachedData: bytes.subarray(at, at + length) });
          if (script.cachedDataRejected) refused.push(name);
          at += length;
        }
        process.stdout.write(JSON.stringify(refused));`;
      const checked = await new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ['-e', check, path, join(ROOT, 'dist')], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('close', () => resolve(out));
      });
      expect(JSON.parse(checked)).toEqual([]);
    } finally {
      await letta.stop();
    }
  });

  it('a command reads and compiles only its own part of the program', async () => {
    const parse = cliEnv();
    expect((await runFile(join(ROOT, 'dist', 'cli.cjs'), ['parse', 'tomorrow at 9am'], parse)).code).toBe(0);
    const parsed = sourcesOf(codeCache(parse.HOME!).files);
    // chrono-node is read only by a phrase it reads ("20:32:13"), cron-parser and luxon only by a cron they read, chalk only with colour.
    expect(parsed.filter((source) => /^node_modules\/(chrono-node|cron-parser|luxon|cronstrue|chalk)\//.test(source))).toEqual([]);
    const clock = cliEnv();
    expect((await runFile(join(ROOT, 'dist', 'cli.cjs'), ['parse', '20:32:13', '--now', '2026-11-22T15:00:00Z', '--json'], clock)).stdout).toContain('"scheduled_at_iso":"2026-11-22T20:32:13.000Z"');
    expect(sourcesOf(codeCache(clock.HOME!).files)).toContain('node_modules/chrono-node/src/chrono.ts');
    // Neither the HTTP client nor the record of intent, nor what only other commands use.
    expect(parsed.filter((source) => /^src\/(letta\/(client|transport|api)|state\/(store|records)|sync\/|ascode\/)|node_modules\/(yaml|cli-table3)\//.test(source))).toEqual([]);
    // A phrase plainly one instant never reaches the recurring grammar, nor what builds a schedule from a repeating one.
    expect(parsed.filter((source) => /^src\/time\/(read-recurring|looks-recurring|resolve-recurring|to-utc|series)\.ts$/.test(source))).toEqual([]);
    // Nor a repeating phrase what reads and resolves one instant.
    const rule = cliEnv();
    expect((await runFile(join(ROOT, 'dist', 'cli.cjs'), ['parse', 'every weekday at 9am'], rule)).code).toBe(0);
    expect(sourcesOf(codeCache(rule.HOME!).files).filter((source) => /^src\/time\/(once|read-once|resolve-once)\.ts$/.test(source))).toEqual([]);

    const letta = await new FakeLetta().start();
    try {
      letta.addSchedule(letta.agents[0]!.id, { type: 'recurring', cron_expression: '0 9 * * 1-5' });
      const list = cliEnv({ LETTA_BASE_URL: letta.url, LETTA_API_KEY: TEST_KEY });
      const listed = await runFile(join(ROOT, 'dist', 'cli.cjs'), ['recurring', 'list', '--agent-id', letta.agents[0]!.id], list);
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain('0 9 * * 1-5');
      const read = sourcesOf(codeCache(list.HOME!).files);
      expect(read).toContain('src/letta/client.ts');
      expect(read.filter((source) => source.includes('chrono-node') || source.startsWith('src/ascode/') || source.startsWith('node_modules/yaml/'))).toEqual([]);
      // Showing schedules needs the names of weekdays and months, not the vocabulary the phrase readers set up.
      expect(read).toContain('src/time/names.ts');
      expect(read.filter((source) => /^src\/time\/(lexicon|words|read-recurring|once)\.ts$/.test(source))).toEqual([]);
    } finally {
      await letta.stop();
    }
  });

  it("a package read on first use keeps its classes' names, which its messages give", async () => {
    const refused = await runFile(join(ROOT, 'dist', 'cli.cjs'), ['parse', '1,1 * * * *'], cliEnv());
    expect(refused).toMatchObject({ code: 2 });
    expect(refused.stderr).toContain("'1,1 * * * *' is not a valid cron: CronMinute Validation error, duplicate values found: 1");
  });

  it('a damaged code cache is passed over: the command runs the same and writes a sound one', async () => {
    const env = cliEnv();
    const args = ['parse', 'tomorrow at 9am', '--now', '2026-11-22T15:00:00Z', '--json'];
    const first = await runFile(join(ROOT, 'dist', 'cli.cjs'), args, env);
    const sound = codeCache(env.HOME!);
    for (const damaged of [
      Buffer.from('not a cache'),
      sound.bytes.subarray(0, sound.bytes.length - 100),
      Buffer.concat([sound.bytes.subarray(0, sound.bytes.indexOf(10) + 1), Buffer.alloc(sound.bytes.length - sound.bytes.indexOf(10) - 1, 7)]),
    ]) {
      writeFileSync(sound.path, damaged);
      const again = await runFile(join(ROOT, 'dist', 'cli.cjs'), args, env);
      expect(again).toMatchObject({ code: 0, stdout: first.stdout, stderr: '' });
      expect(codeCache(env.HOME!).files.sort()).toEqual(sound.files.sort());
    }
  });

  it("a run with a code cache reads the program's files from it; a file whose compiled part V8 refuses is read from the file itself", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'letta-switchboard-cached-'));
    cpSync(join(ROOT, 'dist'), join(folder, 'dist'), { recursive: true, filter: (path) => !path.endsWith('.map') });
    const cli = join(folder, 'dist', 'cli.cjs');
    const env = cliEnv();
    const args = ['parse', 'tomorrow at 9am', '--now', '2026-11-22T15:00:00Z', '--json'];
    const first = await runFile(cli, args, env);
    const { files, bytes, path } = codeCache(env.HOME!);
    const kept = new Map(files.map((file) => [file, readFileSync(join(folder, 'dist', file))]));
    const emptyTheFiles = () => files.forEach((file) => writeFileSync(join(folder, 'dist', file), ''));
    emptyTheFiles();
    expect(await runFile(cli, args, env)).toMatchObject({ code: 0, stdout: first.stdout, stderr: '' });

    // Every compiled part refused (zeroed), the sources beside them kept: each file is read and compiled again, and the cache rewritten.
    for (const [file, content] of kept) writeFileSync(join(folder, 'dist', file), content);
    const newline = bytes.indexOf(10);
    const header = JSON.parse(bytes.subarray(0, newline).toString()) as [string, ...Array<[string, number, number]>];
    const compiled = header.slice(1).reduce((sum, [, length]) => sum + Number(length), 0);
    writeFileSync(path, Buffer.concat([bytes.subarray(0, newline + 1), Buffer.alloc(compiled), bytes.subarray(newline + 1 + compiled)]));
    expect(await runFile(cli, args, env)).toMatchObject({ code: 0, stdout: first.stdout, stderr: '' });
    expect(codeCache(env.HOME!).bytes.equals(readFileSync(path))).toBe(true);
    expect(
      readFileSync(path)
        .subarray(newline + 1, newline + 1 + compiled)
        .some((byte) => byte !== 0),
    ).toBe(true);
    emptyTheFiles();
    expect(await runFile(cli, args, env)).toMatchObject({ code: 0, stdout: first.stdout, stderr: '' });
  });

  it('a cache folder that cannot be written is passed over: the command runs the same, silently', async () => {
    const env = cliEnv();
    const args = ['parse', 'tomorrow at 9am', '--now', '2026-11-22T15:00:00Z'];
    const expected = await runFile(join(ROOT, 'dist', 'cli.cjs'), args, { ...env, LETTA_SWITCHBOARD_NO_CODE_CACHE: '1' });
    // A file where the cache folder would be: no cache can be read or written there (as root, too).
    writeFileSync(join(env.HOME!, '.cache'), 'not a folder');
    for (let run = 0; run < 2; run++) {
      const r = await runFile(join(ROOT, 'dist', 'cli.cjs'), args, env);
      expect(r).toMatchObject({ code: 0, stdout: expected.stdout, stderr: '' });
    }
    expect(readFileSync(join(env.HOME!, '.cache'), 'utf8')).toBe('not a folder');
  });

  it("a run that compiles a file its command's cache lacks adds it, keeping the caches of files other runs needed", async () => {
    const env = cliEnv();
    const args = ['parse', 'tomorrow at 9am', '--now', '2026-11-22T15:00:00Z'];
    const first = await runFile(join(ROOT, 'dist', 'cli.cjs'), args, env);
    const { files, bytes, path } = codeCache(env.HOME!);
    // The same cache without app.cjs's part (the first cache, and the first source after the caches), and with a
    // part for a file only another run would read (its cache, no source).
    const header = JSON.parse(bytes.subarray(0, bytes.indexOf(10)).toString()) as [string, ...Array<[string, number, number]>];
    const [, appEntry, ...rest] = header;
    expect(appEntry![0]).toBe('app.cjs');
    const other = readdirSync(join(ROOT, 'dist')).find((file) => /^client-\w+\.cjs$/.test(file))!;
    const caches = bytes.subarray(bytes.indexOf(10) + 1, bytes.indexOf(10) + 1 + [appEntry!, ...rest].reduce((sum, [, length]) => sum + length, 0));
    const sources = bytes.subarray(bytes.indexOf(10) + 1 + caches.length);
    writeFileSync(path, Buffer.concat([Buffer.from(`${JSON.stringify([header[0], ...rest, [other, 64, 0]])}\n`), caches.subarray(appEntry![1]), Buffer.alloc(64), sources.subarray(appEntry![2])]));
    const again = await runFile(join(ROOT, 'dist', 'cli.cjs'), args, env);
    expect(again).toMatchObject({ code: 0, stdout: first.stdout });
    expect(codeCache(env.HOME!).files.sort()).toEqual([...files, other].sort());
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

  it('output thrown away (/dev/null) is no terminal: a command loads none of the terminal or socket code for it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'letta-switchboard-devnull-'));
    const preload = join(folder, 'modules.cjs');
    const loaded = join(folder, 'loaded.txt');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loaded)}, process.moduleLoadList.join('\\n')));`);
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), 'parse', 'tomorrow at 9am'], { env: { ...cliEnv(), NODE_OPTIONS: `--require ${preload}` }, stdio: 'ignore' });
      child.on('close', resolve);
    });
    expect(code).toBe(0);
    const modules = readFileSync(loaded, 'utf8').split('\n');
    expect(modules).toContain('NativeModule vm');
    expect(modules.filter((name) => /^NativeModule (tty|net|stream)$/.test(name))).toEqual([]);
  });

  it("a command loads node:os only when it asks for what only it knows (the account's home folder with HOME unset, a lock's host); parse, which waits on nothing, no AbortController", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'letta-switchboard-os-'));
    const letta = await new FakeLetta().start();
    try {
      letta.addSchedule(letta.agents[0]!.id, { type: 'recurring', cron_expression: '0 9 * * 1-5' });
      const loadedBy = async (args: string[]): Promise<string[]> => {
        const preload = join(folder, 'modules.cjs');
        const loaded = join(folder, `${args[0]}.txt`);
        writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loaded)}, process.moduleLoadList.join('\\n')));`);
        const env = { ...cliEnv({ LETTA_BASE_URL: letta.url, LETTA_API_KEY: TEST_KEY }), NODE_OPTIONS: `--require ${preload}` };
        expect((await runFile(join(ROOT, 'dist', 'cli.cjs'), args, env)).code).toBe(0);
        return readFileSync(loaded, 'utf8').split('\n');
      };
      for (const args of [
        ['parse', 'every weekday at 10am'],
        ['recurring', 'list', '--agent-id', letta.agents[0]!.id],
      ]) {
        const modules = await loadedBy(args);
        expect(modules).toContain('NativeModule vm');
        expect(modules, args.join(' ')).not.toContain('NativeModule os');
        // A command that talks to Letta needs one (each request is aborted by Ctrl-C); parse never asks for it.
        if (args[0] === 'parse') expect(modules).not.toContain('NativeModule internal/abort_controller');
        else expect(modules).toContain('NativeModule internal/abort_controller');
      }
    } finally {
      await letta.stop();
    }
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
    expect(frames.filter((line) => /\.cjs/.test(line))).toEqual([]);
    expect(frames[0]).toMatch(/^ {4}at [A-Za-z_$][\w$]{2,} \(src\/[\w/-]+\.ts:\d+:\d+\)$/);
  });
});
