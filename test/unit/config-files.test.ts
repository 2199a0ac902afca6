import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLegacyApiKey } from '../../src/config/legacy';
import { readConfigFile, readLegacyApiKey, updateConfigFile, writeConfigFile } from '../../src/config/store';
import { UsageError } from '../../src/errors';
import { cliEnv, runCli } from '../helpers/run-cli';
import { bundleProgram, runMany, startChild } from './state-children';

/** Many node processes on a busy shared machine: a bound on the whole test, not a timing assertion. */
const SLOW = 120_000;
const scratch = mkdtempSync(join(tmpdir(), 'letta-switchboard-config-'));
let counter = 0;
function freshDir(): string {
  const dir = join(scratch, `case-${++counter}`);
  mkdirSync(dir);
  return dir;
}
function mode(path: string): string {
  return (lstatSync(path).mode & 0o7777).toString(8);
}
const isRoot = process.getuid?.() === 0;

describe('concurrent config writes', () => {
  let program: ReturnType<typeof bundleProgram>;
  beforeAll(() => {
    program = bundleProgram(`
      import { updateConfigFile } from './src/config/store';
      const [path, key] = process.argv.slice(2);
      updateConfigFile(path!, (file) => { file[key!] = 'value of ' + key; });
    `);
  });
  afterAll(() => program.dispose());

  it(
    'keeps every setting when 20 processes each save a different one at once',
    async () => {
      const dir = join(freshDir(), 'config');
      const path = join(dir, 'config.json');
      const results = await runMany(program.file, 20, (i) => [path, `key_${i}`]);
      expect(results.map((r) => r.stderr).join('')).toBe('');
      expect(results.every((r) => r.code === 0)).toBe(true);
      const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
      for (let i = 0; i < 20; i++) expect(file[`key_${i}`]).toBe(`value of key_${i}`);
      // Neither temp files nor the lock are left behind.
      expect(readdirSync(dir)).toEqual(['config.json']);
    },
    SLOW,
  );

  it(
    'keeps all four settings when four `config set-*` commands run together',
    async () => {
      for (let round = 0; round < 2; round++) {
        const env = cliEnv();
        const results = await Promise.all([
          runCli(['config', 'set-url', 'https://letta.example.com'], { env }),
          runCli(['config', 'set-agent-id', 'agent-11111111-2222-3333-4444-555555555555'], { env }),
          runCli(['config', 'set-timezone', 'Europe/Paris'], { env }),
          runCli(['config', 'set-api-key', 'sk-let-concurrent-0123456789'], { env }),
        ]);
        expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
        const file = JSON.parse(readFileSync(join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json'), 'utf8'));
        expect(file).toEqual({
          base_url: 'https://letta.example.com',
          agent_id: 'agent-11111111-2222-3333-4444-555555555555',
          timezone: 'Europe/Paris',
          api_key: 'sk-let-concurrent-0123456789',
        });
      }
    },
    SLOW,
  );

  it('applies only the changes its caller made to what is on disk now', () => {
    const path = join(freshDir(), 'config.json');
    writeFileSync(path, JSON.stringify({ base_url: 'https://a.example.com', agent_id: 'agent-a' }));
    const mine = { ...readConfigFile(path) };
    // Another process saves a setting after this one read the file.
    writeFileSync(path, JSON.stringify({ base_url: 'https://a.example.com', agent_id: 'agent-a', timezone: 'Asia/Tokyo' }));
    mine.base_url = 'https://b.example.com';
    delete mine.agent_id;
    writeConfigFile(path, mine);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ base_url: 'https://b.example.com', timezone: 'Asia/Tokyo' });
  });
});

describe('values saved', () => {
  it.each(['agent-1\nx', 'agent-1\r', 'sk-\u0000key', 'Europe/Paris\u007f'])('refuses a setting with a control character (%j), writing nothing', (value) => {
    const path = join(freshDir(), 'config.json');
    writeFileSync(path, '{"timezone":"UTC"}');
    let error: unknown;
    try {
      updateConfigFile(path, (file) => {
        file.agent_id = value;
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('The agent_id to save contains a line break or another control character');
    expect(readFileSync(path, 'utf8')).toBe('{"timezone":"UTC"}');
    expect(readdirSync(join(path, '..'))).toEqual(['config.json']);
  });
});

describe('folder and file modes', () => {
  it('makes missing folders 0700 and the file 0600', async () => {
    const base = freshDir();
    const dir = join(base, 'a', 'b', 'config');
    const r = await runCli(['config', 'set-url', 'https://letta.example.com'], { env: cliEnv({ LETTA_SWITCHBOARD_CONFIG_DIR: dir }) });
    expect(r.code).toBe(0);
    expect([mode(join(base, 'a')), mode(join(base, 'a', 'b')), mode(dir)]).toEqual(['700', '700', '700']);
    expect(mode(join(dir, 'config.json'))).toBe('600');
  });

  it.each([
    ['0755', 0o755],
    ['a sticky 1777', 0o1777],
  ])('leaves an existing %s folder exactly as it was', async (_name, folderMode) => {
    const dir = freshDir();
    chmodSync(dir, folderMode);
    const r = await runCli(['config', 'set-timezone', 'Asia/Tokyo'], { env: cliEnv({ LETTA_SWITCHBOARD_CONFIG_DIR: dir }) });
    expect(r.code).toBe(0);
    expect(mode(dir)).toBe(folderMode.toString(8));
    expect(mode(join(dir, 'config.json'))).toBe('600');
  });

  it('makes its own existing config.json 0600', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'config.json'), '{"timezone":"UTC"}', { mode: 0o644 });
    const r = await runCli(['config', 'set-agent-id', 'agent-x'], { env: cliEnv({ LETTA_SWITCHBOARD_CONFIG_DIR: dir }) });
    expect(r.code).toBe(0);
    expect(mode(join(dir, 'config.json'))).toBe('600');
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({ timezone: 'UTC', agent_id: 'agent-x' });
  });

  it('refuses a config folder that is a regular file, leaving it as it was', async () => {
    const file = join(freshDir(), 'not-a-folder');
    writeFileSync(file, 'mine\n', { mode: 0o644 });
    const r = await runCli(['config', 'set-url', 'https://letta.example.com'], { env: cliEnv({ LETTA_SWITCHBOARD_CONFIG_DIR: file }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Error: Cannot write the config file ${file}/config.json: ${file} is not a folder`);
    expect(r.stderr).toContain('LETTA_SWITCHBOARD_CONFIG_DIR');
    expect(r.stderr).not.toContain('This is a bug');
    expect(mode(file)).toBe('644');
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
  });

  it('refuses a folder path that runs through a regular file', async () => {
    const file = join(freshDir(), 'plain');
    writeFileSync(file, '', { mode: 0o640 });
    const r = await runCli(['config', 'set-url', 'https://letta.example.com'], { env: cliEnv({ LETTA_SWITCHBOARD_CONFIG_DIR: join(file, 'sub') }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file} is not a folder`);
    expect(mode(file)).toBe('640');
  });

  it('never changes /dev/null', async () => {
    const before = statSync('/dev/null');
    const r = await runCli(['config', 'set-url', 'https://letta.example.com'], { env: cliEnv({ LETTA_SWITCHBOARD_CONFIG_DIR: '/dev/null' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/null is not a folder');
    const after = statSync('/dev/null');
    expect([after.mode, after.uid, after.gid]).toEqual([before.mode, before.uid, before.gid]);
  });

  it('refuses a config.json that is not a regular file', async () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'config.json'));
    const r = await runCli(['config', 'set-url', 'https://letta.example.com'], { env: cliEnv({ LETTA_SWITCHBOARD_CONFIG_DIR: dir }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a regular file');
  });
});

describe('a symlinked config.json', () => {
  function linked(targetMode: number, content = '{"timezone":"UTC"}\n'): { dir: string; link: string; target: string } {
    const dir = freshDir();
    const dotfiles = join(dir, 'dotfiles');
    mkdirSync(dotfiles);
    const target = join(dotfiles, 'letta.json');
    writeFileSync(target, content);
    chmodSync(target, targetMode);
    const configDir = join(dir, 'config');
    mkdirSync(configDir);
    const link = join(configDir, 'config.json');
    symlinkSync(target, link);
    return { dir: configDir, link, target };
  }

  // As root no link is written through (see the state store's test of that).
  it.skipIf(process.getuid?.() === 0).each([0o600, 0o644])('writes through to a target of mode %o the user owns, keeping the link', async (targetMode) => {
    const { dir, link, target } = linked(targetMode);
    const r = await runCli(['config', 'set-agent-id', 'agent-linked'], { env: cliEnv({ LETTA_SWITCHBOARD_CONFIG_DIR: dir }) });
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual({ timezone: 'UTC', agent_id: 'agent-linked' });
    expect(mode(target)).toBe('600');
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it.each([0o666, 0o620, 0o602])('refuses a target others can change (mode %o), changing nothing', async (targetMode) => {
    const { dir, link, target } = linked(targetMode);
    const r = await runCli(['config', 'set-agent-id', 'agent-linked'], { env: cliEnv({ LETTA_SWITCHBOARD_CONFIG_DIR: dir }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`is a link to ${target}, which others can change`);
    expect(r.stderr).toContain('not writing through it');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('{"timezone":"UTC"}\n');
    expect(mode(target)).toBe(targetMode.toString(8));
  });

  it.skipIf(!isRoot)('refuses a target owned by another user', async () => {
    const { dir, link, target } = linked(0o600);
    chownSync(target, 4242, 4242);
    const r = await runCli(['config', 'set-agent-id', 'agent-linked'], { env: cliEnv({ LETTA_SWITCHBOARD_CONFIG_DIR: dir }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('which belongs to another user');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync(target).uid).toBe(4242);
  });

  it('refuses a link to nothing, and a link to a folder', async () => {
    const dir = freshDir();
    symlinkSync(join(dir, 'missing.json'), join(dir, 'config.json'));
    const dangling = await runCli(['config', 'set-agent-id', 'agent-linked'], { env: cliEnv({ LETTA_SWITCHBOARD_CONFIG_DIR: dir }) });
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain('which does not exist');
    expect(lstatSync(join(dir, 'config.json')).isSymbolicLink()).toBe(true);

    const other = freshDir();
    symlinkSync(freshDir(), join(other, 'config.json'));
    const folder = await runCli(['config', 'set-agent-id', 'agent-linked'], { env: cliEnv({ LETTA_SWITCHBOARD_CONFIG_DIR: other }) });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('not a regular file');
  });

  it('reads through a link whatever its target', () => {
    const { link } = linked(0o666, '{"agent_id":"agent-read"}');
    expect(readConfigFile(link).agent_id).toBe('agent-read');
  });
});

describe('temp files are never left behind', () => {
  it('removes temp files of writers that died, and keeps those of live ones', () => {
    const dir = freshDir();
    const path = join(dir, 'config.json');
    const dead = join(dir, '.config.json.99999999.0a1b2c.tmp');
    const live = join(dir, `.config.json.${process.ppid}.0a1b2c.tmp`);
    writeFileSync(dead, '{"api_key":"sk-half');
    writeFileSync(live, '{');
    updateConfigFile(path, (file) => {
      file.timezone = 'UTC';
    });
    expect(readdirSync(dir).sort()).toEqual([`.config.json.${process.ppid}.0a1b2c.tmp`, 'config.json']);
  });

  it(
    'SIGTERM while writing in a loop leaves no temp file or lock once the entry discards pending files',
    async () => {
      const program = bundleProgram(`
      import { updateConfigFile } from './src/config/store';
      import { discardPendingFiles } from './src/files/pending';
      process.on('SIGTERM', () => { discardPendingFiles(); process.exit(143); });
      const path = process.argv[2]!;
      let n = 0;
      const step = () => {
        updateConfigFile(path, (file) => { file.count = String(++n); file.padding = 'x'.repeat(200_000); });
        if (n === 5) process.stdout.write('writing\\n');
        setImmediate(step);
      };
      step();
    `);
      try {
        for (let round = 0; round < 3; round++) {
          const dir = freshDir();
          const { child, done } = startChild(program.file, [join(dir, 'config.json')]);
          await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
          child.kill('SIGTERM');
          const result = await done;
          expect(result.code).toBe(143);
          expect(readdirSync(dir)).toEqual(['config.json']);
          expect(() => JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).not.toThrow();
        }
      } finally {
        program.dispose();
      }
    },
    SLOW,
  );
});

describe('reading the config file', () => {
  it('reads a file that starts with a byte-order mark', () => {
    const path = join(freshDir(), 'config.json');
    writeFileSync(path, '\uFEFF{"agent_id":"agent-bom","timezone":"Asia/Tokyo"}\n');
    expect(readConfigFile(path)).toEqual({ agent_id: 'agent-bom', timezone: 'Asia/Tokyo' });
  });

  it('trims white space around every setting, and keeps the trimmed value when rewriting', () => {
    const path = join(freshDir(), 'config.json');
    writeFileSync(path, JSON.stringify({ api_key: '  sk-let-spaced-0123456789\n', base_url: '\thttps://x.example.com ', agent_id: ' agent-a ', timezone: ' UTC' }));
    expect(readConfigFile(path)).toEqual({ api_key: 'sk-let-spaced-0123456789', base_url: 'https://x.example.com', agent_id: 'agent-a', timezone: 'UTC' });
    updateConfigFile(path, () => {});
    expect(JSON.parse(readFileSync(path, 'utf8')).api_key).toBe('sk-let-spaced-0123456789');
  });

  const key = 'sk-let-4f9a8b7c6d5e4f3a2b1c';
  it.each([
    `{"api_key": ${key}}`,
    `{"api_key": "${key}",}`,
    `{"api_key": "${key}"`,
    `{"api_key": "${key}\n"}`,
    `{api_key: "${key}"}`,
    `{"api_key": "${key}"} ${key}`,
    `api_key: ${key}`,
    `{"api_key": '${key}'}`,
  ])('a syntax error names the file and where, never the key: %s', (text) => {
    const path = join(freshDir(), 'config.json');
    writeFileSync(path, text);
    let error: unknown;
    try {
      readConfigFile(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    const shown = `${(error as UsageError).message}\n${(error as UsageError).hint}`;
    expect(shown).toContain(`The config file ${path} is not valid JSON`);
    for (let i = 0; i + 4 <= key.length; i++) expect(shown).not.toContain(key.slice(i, i + 4));
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('says on which line the JSON breaks', () => {
    const path = join(freshDir(), 'config.json');
    writeFileSync(path, '{\n  "timezone": "UTC",\n}\n');
    expect(() => readConfigFile(path)).toThrow(/line 3, column 1\)/);
  });
});

describe("the Go CLI's config.yaml", () => {
  it.each([
    ['api_key: sk-abc', 'sk-abc'],
    ['api_key: sk-abc # mine', 'sk-abc'],
    ['api_key: sk-abc\t# mine', 'sk-abc'],
    ['api_key: sk-abc#not-a-comment', 'sk-abc#not-a-comment'],
    ['api_key:   sk-abc   ', 'sk-abc'],
    ['api_key: "sk-abc" # quoted', 'sk-abc'],
    ['api_key: "sk-a # b"', 'sk-a # b'],
    ['api_key: "sk-\\x41\\"q\\\\"', 'sk-A"q\\'],
    ["api_key: 'sk-abc' # mine", 'sk-abc'],
    ["api_key: 'it''s # kept'", "it's # kept"],
    ['"api_key": sk-abc', 'sk-abc'],
    ['base_url: https://x.example.com\r\napi_key: sk-crlf\r\n', 'sk-crlf'],
    ['# api_key: sk-commented\napi_key: sk-real', 'sk-real'],
    ['api_key: |\n  sk-block\nbase_url: x', 'sk-block'],
    ['api_key: >-\n  sk-folded\n', 'sk-folded'],
  ])('%j -> %s', (yaml, expected) => {
    expect(parseLegacyApiKey(yaml)).toBe(expected);
  });

  it.each([
    '',
    'api_key:',
    'api_key: # nothing',
    'api_key: ~',
    'api_key: null',
    '  api_key: nested',
    'api_key: "never closed',
    'api_key: [oops',
    'api_key: {a: b}',
    'api_key: &anchor sk-x',
    'other: 1',
  ])('%j has no key', (yaml) => expect(parseLegacyApiKey(yaml)).toBeUndefined());

  it('an api_key line it cannot read is named when no key is set; an empty one, or none, is just no key', async () => {
    const noKey = "Error: No API key set\nRun 'letta-switchboard config set-api-key -' and paste your key, or set LETTA_API_KEY.\n";
    const unread =
      "Error: No API key set\n~/.letta-switchboard/config.yaml (the Go CLI's config) has an api_key line that is not one plain YAML value. Run 'letta-switchboard config set-api-key -' and paste your key, or set LETTA_API_KEY.\n";
    for (const [yaml, stderr] of [
      ['api_key: [oops\n', unread],
      ['  api_key: sk-indented-1234\n', unread],
      ['api_key: "sk-never-closed\n', unread],
      ["base_url: x\r\napi_key: 'sk-open # mine\r\n", unread],
      ['api_key:\n', noKey],
      ["api_key: ''\n", noKey],
      ['api_key: null # none\n', noKey],
      ['base_url: https://x.example.com\n', noKey],
    ] as const) {
      const env = cliEnv({ LETTA_BASE_URL: 'http://127.0.0.1:9' });
      mkdirSync(join(env.HOME!, '.letta-switchboard'), { recursive: true });
      writeFileSync(join(env.HOME!, '.letta-switchboard', 'config.yaml'), yaml);
      const r = await runCli(['agents', 'list'], { env });
      expect([yaml, r.code, r.stdout, r.stderr]).toEqual([yaml, 4, '', stderr]);
    }
  });

  it('reads the file with a byte-order mark, and no file is no key', () => {
    const path = join(freshDir(), 'config.yaml');
    writeFileSync(path, '\uFEFFapi_key: sk-bom # note\n');
    expect(readLegacyApiKey(path)).toBe('sk-bom');
    expect(readLegacyApiKey(join(freshDir(), 'none.yaml'))).toBeUndefined();
  });
});
