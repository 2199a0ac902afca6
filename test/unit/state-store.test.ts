import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors';
import { emptyState, findIntent, recordIntent, type Intent, type State } from '../../src/state/records';
import { openState, statePath } from '../../src/state/store';
import { bundleProgram, runMany, startChild } from './state-children';
import { weekdayIntent } from '../helpers/records';

/** Many node processes on a busy shared machine: a bound on the whole test, not a timing assertion. */
const SLOW = 120_000;
const scratch = mkdtempSync(join(tmpdir(), 'letta-switchboard-state-'));
let counter = 0;
function freshDir(): string {
  const dir = join(scratch, `case-${++counter}`);
  mkdirSync(dir);
  return dir;
}
function mode(path: string): string {
  return (lstatSync(path).mode & 0o7777).toString(8);
}
function storeIn(dir: string) {
  return openState({ LETTA_SWITCHBOARD_STATE_DIR: dir }, '/nonexistent-home');
}

const intent = weekdayIntent;

describe('where the record lives', () => {
  it('prefers LETTA_SWITCHBOARD_STATE_DIR, then XDG_STATE_HOME, then ~/.local/state', () => {
    expect(statePath({ LETTA_SWITCHBOARD_STATE_DIR: '/s', XDG_STATE_HOME: '/x' }, '/home/u')).toBe('/s/state.json');
    expect(statePath({ XDG_STATE_HOME: '/x' }, '/home/u')).toBe('/x/letta-switchboard/state.json');
    expect(statePath({}, '/home/u')).toBe('/home/u/.local/state/letta-switchboard/state.json');
    expect(openState({ XDG_STATE_HOME: '/x' }, '/home/u').path).toBe('/x/letta-switchboard/state.json');
  });
});

describe('reading and writing the record', () => {
  it('reads a missing file, or a missing folder, as an empty record and creates nothing', async () => {
    const dir = join(freshDir(), 'not-yet', 'state');
    expect(await storeIn(dir).read()).toEqual(emptyState());
    expect(existsSync(join(dir, '..'))).toBe(false);
  });

  it('writes version 2 at 0600 in new 0700 folders, and reads back what it wrote', async () => {
    const base = freshDir();
    const dir = join(base, 'state', 'letta-switchboard');
    const store = storeIn(dir);
    const result = await store.update((state) => {
      recordIntent(state, intent('sm-1'));
      return 'done';
    });
    expect(result).toBe('done');
    expect([mode(join(base, 'state')), mode(dir), mode(store.path)]).toEqual(['700', '700', '600']);
    const onDisk = JSON.parse(readFileSync(store.path, 'utf8')) as State;
    expect(onDisk).toEqual({ version: 2, intents: [intent('sm-1')], series: [], paused: [] });
    expect(await store.read()).toEqual(onDisk);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('leaves an existing folder as it is', async () => {
    const dir = freshDir();
    chmodSync(dir, 0o1777);
    await storeIn(dir).update((state) => recordIntent(state, intent('sm-1')));
    expect(mode(dir)).toBe('1777');
    expect(mode(join(dir, 'state.json'))).toBe('600');
  });

  it('keeps fields it does not know about', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ version: 1, intents: [{ ...intent('sm-1'), note: 'mine' }], later: { a: 1 } }));
    await storeIn(dir).update((state) => recordIntent(state, intent('sm-2')));
    const onDisk = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));
    expect(onDisk.later).toEqual({ a: 1 });
    expect(onDisk.intents[0].note).toBe('mine');
    expect(onDisk.intents).toHaveLength(2);
  });

  it('writes nothing when the change throws, and releases the lock', async () => {
    const dir = freshDir();
    const store = storeIn(dir);
    await store.update((state) => recordIntent(state, intent('sm-1')));
    const before = readFileSync(store.path, 'utf8');
    await expect(
      store.update((state) => {
        recordIntent(state, intent('sm-2'));
        throw new UsageError('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(readFileSync(store.path, 'utf8')).toBe(before);
    await expect(store.update(async () => {})).rejects.toThrow('synchronous');
    expect(readFileSync(store.path, 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('reads a file with a byte-order mark; an empty file is damage, refused and left as it is, never read as an empty record', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'state.json'), `\uFEFF${JSON.stringify({ version: 1, intents: [intent('sm-1')] })}`);
    expect(findIntent(await storeIn(dir).read(), 'sm-1')).toEqual(intent('sm-1'));
    for (const empty of ['', '\n', '  \n\t']) {
      writeFileSync(join(dir, 'state.json'), empty);
      await expect(storeIn(dir).read()).rejects.toThrow(`The state file ${join(dir, 'state.json')} is empty`);
      await expect(storeIn(dir).update(() => {})).rejects.toThrow('is empty');
      expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(empty);
    }
  });
});

describe('a corrupt record', () => {
  it.each([
    ['not JSON', '{"version": 1, "intents": [', /is not valid JSON \(line 1, column \d+\)/],
    ['not an object', '[1, 2]', /is not valid: it must hold a JSON object/],
    ['no version', '{"intents": []}', /is not valid: version must be 2/],
    ['intents not a list', '{"version": 1, "intents": {}}', /is not valid: intents must be a list/],
  ])('%s: an error naming the file (exit 2), the file left untouched', async (_name, text, expected) => {
    const dir = freshDir();
    const path = join(dir, 'state.json');
    writeFileSync(path, text, { mode: 0o644 });
    const before = statSync(path);
    const store = storeIn(dir);
    for (const attempt of [() => store.read(), () => store.update((state) => recordIntent(state, intent('new')))]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).exitCode).toBe(2);
      expect((error as UsageError).message).toContain(`The state file ${path}`);
      expect((error as UsageError).message).toMatch(expected);
      expect((error as UsageError).hint).toContain('left as it is');
    }
    expect(readFileSync(path, 'utf8')).toBe(text);
    const after = statSync(path);
    expect([after.mtimeMs, after.mode, after.ino]).toEqual([before.mtimeMs, before.mode, before.ino]);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it.each([
    ['an intent without its agent', 'intents', { ...intent('a'), agent_id: 7 }, 'intents[0].agent_id must be a string'],
    ['an unknown status', 'intents', intent('a', { status: 'sleeping' as never }), 'intents[0].status must be one of active, gone, replaced, deleted, paused, creating'],
    [
      'a series member without an instant',
      'series',
      {
        series_id: 's',
        agent_id: 'a',
        phrase: 'p',
        zone: 'UTC',
        rule: 'r',
        horizon: 'h',
        created_at: 'c',
        status: 'active',
        template: { messages: [{ role: 'user', content: 'x' }] },
        members: [{ schedule_id: 'x' }],
      },
      'series[0].members[0].instant must be a string',
    ],
    ['a paused schedule without its id', 'paused', { old_id: 'x', paused_at: 'p', schedule: {} }, 'paused[0].schedule.id must be a string'],
    [
      'a paused copy without its message',
      'paused',
      { old_id: 'x', paused_at: 'p', schedule: { id: 'x', agent_id: 'a', schedule: { type: 'recurring', cron_expression: '0 9 * * *' } } },
      'paused[0].schedule.message must be an object',
    ],
    [
      'a paused copy whose cron is a number',
      'paused',
      { old_id: 'x', paused_at: 'p', schedule: { id: 'x', agent_id: 'a', schedule: { cron_expression: 5 }, message: { messages: [{ role: 'user', content: 'x' }] } } },
      'paused[0].schedule.schedule.cron_expression must be a string',
    ],
    ['an intent in a zone the database does not know', 'intents', { ...intent('x'), zone: 'Mars/Olympus' }, 'intents[0].zone must be a time zone ("Mars/Olympus" is none)'],
    ['an intent in no zone', 'intents', { ...intent('x'), zone: '' }, 'intents[0].zone must be a time zone ("" is none)'],
    ['an intent whose zone is an offset, not a name', 'intents', { ...intent('x'), zone: 'UTC+5' }, 'intents[0].zone must be a time zone ("UTC+5" is none)'],
  ])('%s: that record is set aside and named, the rest kept, and it is written back unchanged', async (_name, list, bad, problem) => {
    const dir = freshDir();
    const path = join(dir, 'state.json');
    writeFileSync(path, JSON.stringify({ version: 1, [list]: [bad], intents: list === 'intents' ? [bad, intent('good')] : [intent('good')] }));
    const store = storeIn(dir);
    const read = await store.read();
    expect(read.skipped).toEqual([expect.objectContaining({ where: `${list}[0]`, problem, list })]);
    expect(read.intents.map((i) => i.schedule_id)).toEqual(['good']);
    await store.update((state) => recordIntent(state, intent('new')));
    const written = JSON.parse(readFileSync(path, 'utf8'));
    expect(written[list]).toContainEqual(bad);
    expect(written.intents.map((i: Intent) => i.schedule_id)).toEqual(expect.arrayContaining(['good', 'new']));
  });

  it.each(['EST', 'CET', 'GMT', 'US/Eastern', 'Asia/Calcutta'])('a record in %s, a name the database knows, is kept', async (zone) => {
    const dir = freshDir();
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ version: 2, intents: [{ ...intent('old'), zone }] }));
    const read = await storeIn(dir).read();
    expect([read.skipped, read.intents.map((i) => i.zone)]).toEqual([undefined, [zone]]);
  });

  it('a record from a newer version says to upgrade', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'state.json'), '{"version": 3, "intents": "new shape"}');
    await expect(storeIn(dir).read()).rejects.toThrow(/written by a newer letta-switchboard \(version 3\)/);
  });
});

describe('state folder and symlink rules (shared with the config file)', () => {
  it('refuses a state folder that is a regular file, leaving it as it was', async () => {
    const file = join(freshDir(), 'plain');
    writeFileSync(file, 'x', { mode: 0o644 });
    const store = storeIn(file);
    expect(await store.read()).toEqual(emptyState());
    const error = await store.update(() => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(`Cannot write the state file ${file}/state.json: ${file} is not a folder`);
    expect((error as UsageError).hint).toContain('LETTA_SWITCHBOARD_STATE_DIR');
    expect(mode(file)).toBe('644');
  });

  const root = process.getuid?.() === 0;
  it.skipIf(root)('writes through a link to a private file of the user, keeping the link', async () => {
    const dir = freshDir();
    const target = join(freshDir(), 'state-in-dotfiles.json');
    writeFileSync(target, '{"version": 1}', { mode: 0o600 });
    symlinkSync(target, join(dir, 'state.json'));
    await storeIn(dir).update((state) => recordIntent(state, intent('sm-1')));
    expect(lstatSync(join(dir, 'state.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(target, 'utf8')).intents).toHaveLength(1);
  });

  it.runIf(root)('as root, writes through no link at all, even to a private root-owned file', async () => {
    const dir = freshDir();
    const target = join(freshDir(), 'root-owned');
    writeFileSync(target, '{"version": 2}', { mode: 0o600 });
    symlinkSync(target, join(dir, 'state.json'));
    await expect(storeIn(dir).update((state) => recordIntent(state, intent('sm-1')))).rejects.toThrow(
      /is a link to .*root-owned, and running as root, this tool writes through no link; not writing through it/,
    );
    expect(readFileSync(target, 'utf8')).toBe('{"version": 2}');
  });

  it('refuses a link to a file others can change', async () => {
    const dir = freshDir();
    const target = join(freshDir(), 'shared.json');
    writeFileSync(target, '{"version": 1}');
    chmodSync(target, 0o666);
    symlinkSync(target, join(dir, 'state.json'));
    await expect(storeIn(dir).update((state) => recordIntent(state, intent('sm-1')))).rejects.toThrow(/which others can change \(mode 0666\); not writing through it/);
    expect(readFileSync(target, 'utf8')).toBe('{"version": 1}');
    expect(lstatSync(join(dir, 'state.json')).isSymbolicLink()).toBe(true);
  });
});

describe('many processes at once', () => {
  let program: ReturnType<typeof bundleProgram>;
  beforeAll(() => {
    program = bundleProgram(`
      import { openState } from './src/state/store';
      import { findIntent, recordIntent } from './src/state/records';
      import { existsSync } from 'node:fs';
      const [dir, mode, id] = process.argv.slice(2) as [string, string, string];
      const store = openState({ LETTA_SWITCHBOARD_STATE_DIR: dir }, '/nonexistent-home');
      const record = (state: any, scheduleId: string) => recordIntent(state, {
        schedule_id: scheduleId, agent_id: 'agent-1', kind: 'recurring', phrase: 'every day at 9am', zone: 'Europe/Paris',
        local_rule: '0 9 * * *', utc_crons: ['0 8 * * *'], created_at: new Date().toISOString(), replaces: [], status: 'active',
      });
      async function main() {
        if (mode === 'add') {
          await store.update((state) => record(state, id));
        } else if (mode === 'sync') {
          // Start together: wait for the go file.
          process.stdout.write('ready\\n');
          while (!existsSync(dir + '.go')) await new Promise((resolve) => setTimeout(resolve, 5));
          // Check, then act: safe only while holding the sync lock.
          await store.withLock('sync', async () => {
            const state = await store.read();
            if (findIntent(state, 'only-once')) return;
            await new Promise((resolve) => setTimeout(resolve, 20));
            await store.update((state) => record(state, 'only-once'));
            process.stdout.write('created\\n');
          });
        } else if (mode === 'hold') {
          const held = store.tryLock('sync');
          process.stdout.write(held ? 'held\\n' : 'busy\\n');
          setInterval(() => {}, 1000);
        }
      }
      main().catch((error) => { process.stderr.write(String(error.message) + '\\n'); process.exit(1); });
    `);
  });
  afterAll(() => program.dispose());

  it(
    'loses nothing when 24 processes each record a schedule at once',
    async () => {
      const dir = join(freshDir(), 'state');
      const results = await runMany(program.file, 24, (i) => [dir, 'add', `sm-${i}`]);
      expect(results.map((r) => r.stderr).join('')).toBe('');
      expect(results.every((r) => r.code === 0)).toBe(true);
      const state = await storeIn(dir).read();
      expect(state.intents.map((i) => i.schedule_id).sort()).toEqual(Array.from({ length: 24 }, (_, i) => `sm-${i}`).sort());
      expect(readdirSync(dir)).toEqual(['state.json']);
    },
    SLOW,
  );

  it(
    'runs a locked check-then-create once when 20 `sync`s start together',
    async () => {
      const dir = join(freshDir(), 'state');
      const children = Array.from({ length: 20 }, () => startChild(program.file, [dir, 'sync']));
      await Promise.all(children.map(({ child }) => new Promise((resolve) => child.stdout!.once('data', resolve))));
      writeFileSync(`${dir}.go`, '');
      const results = await Promise.all(children.map(({ done }) => done));
      expect(results.map((r) => r.stderr).join('')).toBe('');
      expect(results.filter((r) => r.stdout.includes('created'))).toHaveLength(1);
      expect((await storeIn(dir).read()).intents).toHaveLength(1);
      expect(readdirSync(dir)).toEqual(['state.json']);
    },
    SLOW,
  );

  it(
    'tryLock says busy while another process holds the lock, and is free again once that process is gone',
    async () => {
      const dir = join(freshDir(), 'state');
      const store = storeIn(dir);
      const { child, done } = startChild(program.file, [dir, 'hold']);
      const first = await new Promise<string>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(d.toString())));
      expect(first).toBe('held\n');
      expect(store.tryLock('sync')).toBeUndefined();
      expect(store.lockHolder('sync')?.pid).toBe(child.pid);
      child.kill('SIGKILL');
      await done;
      // Its holder died without releasing it: taken over.
      const held = store.tryLock('sync');
      expect(held).toBeDefined();
      expect(store.tryLock('sync')).toBeUndefined();
      held!.release();
      expect(readdirSync(dir)).toEqual([]);
    },
    SLOW,
  );

  it('withLock releases the lock when its body fails', async () => {
    const store = storeIn(join(freshDir(), 'state'));
    await expect(store.withLock('sync', async () => Promise.reject(new Error('network down')))).rejects.toThrow('network down');
    const held = store.tryLock('sync');
    expect(held).toBeDefined();
    held!.release();
  });
});
