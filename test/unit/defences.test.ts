import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RawJson } from '../helpers/fake-letta';
import { useHarness } from '../helpers/harness';

const BOT = 'agent-11111111-1111-1111-1111-111111111111';

describe('several ids', () => {
  const suite = useHarness();

  it.each([
    ['recurring', 'delete'],
    ['onetime', 'delete'],
    ['recurring', 'pause'],
    ['recurring', 'resume'],
  ])('%s %s of ids that are all not found ends with exit 3, like one id does', async (noun, verb) => {
    const r = await suite.run([noun, verb, 'sm-nope-1', 'sm-nope-2', ...(verb === 'resume' ? [] : ['--agent-id', BOT])]);
    expect(r.stderr).toContain('sm-nope-2');
    expect(r.code).toBe(3);
  });

  it.each(['pause', 'delete'])("%s: a mix of failures ends with the first failure's exit code, as delete does for one id and many", async (verb) => {
    suite.letta.inject(/^GET \/v1\/agents\/[^/]+\/schedule\/sm-bad$/, { status: 400, body: '{"detail":"bad id"}' });
    const notFoundFirst = await suite.run(['recurring', verb, 'sm-nope', 'sm-bad', '--agent-id', BOT]);
    expect(notFoundFirst.code).toBe(3);
    expect(notFoundFirst.stderr).toContain('Not ' + (verb === 'pause' ? 'paused' : 'deleted') + ': sm-nope, sm-bad.');
    suite.letta.inject(/^GET \/v1\/agents\/[^/]+\/schedule\/sm-bad$/, { status: 400, body: '{"detail":"bad id"}' });
    const badFirst = await suite.run(['recurring', verb, 'sm-bad', 'sm-nope', '--agent-id', BOT]);
    expect(badFirst.code).toBe(1);
  });
});

describe('secrets on the command line and in proxy URLs', () => {
  const suite = useHarness();
  const KEY = 'sk-let-pasted-9f8e7d6c5b4a3210';

  it.each(['--apikey', '--api-kye', '--api_key', '--API-KEY', '--apikey-', '--api-keys', '--key', '--token', '--letta-api-key'])(
    '%s, with its value joined by = or apart, never prints the key',
    async (flag) => {
      for (const words of [[`${flag}=${KEY}`], [flag, KEY]]) {
        const r = await suite.run(['recurring', 'list', ...words]);
        expect(r.code).toBe(2);
        expect(r.stdout + r.stderr).not.toContain(KEY);
        expect(r.stdout + r.stderr).not.toContain(KEY.slice(4, -4));
      }
    },
  );

  it('a user name and password in a proxy URL are never printed, in errors or with --verbose', async () => {
    const user = 'ghp_tokenAsUserName123';
    const password = 'hunter2-pw';
    for (const proxy of [`http://${user}:${password}@127.0.0.1:9`, `${user}@127.0.0.1:9`, `http://${encodeURIComponent(user + '/x')}@127.0.0.1:9`]) {
      const r = await suite.run(['--verbose', '--timeout', '2000', 'recurring', 'list', '--agent-id', BOT], { env: { HTTP_PROXY: proxy } });
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('***@127.0.0.1:9');
      expect(r.stderr).not.toMatch(/ghp_token|hunter2/);
    }
  });
});

describe('a key HTTP cannot carry', () => {
  const suite = useHarness();

  it.each([
    ['a zero-width space', '\u200b', 'a zero-width space (U+200B)'],
    ['a no-break space', '\u00a0', 'a no-break space (U+00A0)'],
    ['a letter outside ASCII', 'é', 'U+00E9'],
    ['a space inside', ' x', 'a space (U+0020)'],
  ])('with %s is an auth error naming it, before anything is sent', async (_, char, named) => {
    const key = `sk-let-0123456789${char}abcdef`;
    for (const [args, env] of [
      [['recurring', 'create', '--agent-id', BOT, '--message', 'hi', '--cron', 'every day at 9am'], { LETTA_API_KEY: key }],
      [['onetime', 'list', '--agent-id', BOT], { LETTA_API_KEY: key }],
      [['--api-key', key, 'send', '--agent-id', BOT, '--message', 'hi'], { LETTA_API_KEY: undefined }],
    ] as const) {
      const r = await suite.run([...args], { env });
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(`has ${named} at character 18, which an HTTP header cannot carry`);
      expect(r.stderr).toMatch(/came from (LETTA_API_KEY|--api-key)/);
      expect(r.stderr).not.toMatch(/may have been created|retrying|connection/i);
      expect(r.requests).toEqual([]);
    }
  });

  it('config set-api-key refuses it', async () => {
    const r = await suite.run(['config', 'set-api-key', '-'], { stdin: 'sk-let-0123456789\u200babcdef\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('zero-width space (U+200B)');
  });
});

/** Terminal controls a hostile server might send: a window title, a cleared screen, hidden text, an 8-bit CSI, a carriage return. */
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\u001b[8m\u009b31m\rX';

/** Nothing printed obeys a control character: the only escape codes left are this tool's own colours (SGR), and never "hidden" (8). */
function expectInert(text: string) {
  expect(text).not.toContain('\u001b[8m');
  expect(text.replace(/\u001b\[\d+m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
}

describe('server text on a terminal', () => {
  const suite = useHarness();

  function hostileServer() {
    const { letta } = suite;
    letta.agents[0]!.name = `bot${HOSTILE}`;
    const daily = letta.addSchedule(BOT, { type: 'recurring', cron_expression: '0 9 * * *' }, `Standup${HOSTILE}\nsecond line${HOSTILE}`);
    const broken = letta.addSchedule(BOT, { type: 'recurring', cron_expression: `0 9 * * *${HOSTILE}` }, 'broken cron');
    const once = letta.addSchedule(BOT, { type: 'one-time', scheduled_at: Date.parse('2026-11-23T09:00:00Z') }, `Once${HOSTILE}`);
    letta.runs = [{ id: 'run-1', status: `failed${HOSTILE}`, agent_id: BOT, created_at: '2026-11-22T15:00:00Z', stop_reason: `error${HOSTILE}` }];
    return { daily, broken, once };
  }

  it.each([
    ['agenda', '--all-agents'],
    ['agenda', '--all-agents', '--ics', '-'],
    ['recurring', 'list', '--agent-id', BOT],
    ['onetime', 'list', '--agent-id', BOT],
    ['recurring', 'list', '-q', '--agent-id', BOT],
    ['results', 'list', '--agent-id', BOT],
    ['agents', 'list'],
  ])('%s %s shows it inert, in colour on a terminal and in a pipe', async (...args) => {
    hostileServer();
    for (const terminal of [100, undefined]) {
      const r = await suite.run(args, { terminal, env: { FORCE_COLOR: '1' } });
      expect(r.code).toBe(0);
      expectInert(r.stdout.replace(/\r\n/g, '\n'));
      expectInert(r.stderr);
    }
  });

  it('recurring get and pause: the detail and the receipt are inert', async () => {
    const { daily, broken } = hostileServer();
    const get = await suite.run(['recurring', 'get', daily.id, '--agent-id', BOT], { terminal: 100, env: { FORCE_COLOR: '1' } });
    expect(get.code).toBe(0);
    expectInert(get.stdout + get.stderr);
    const pause = await suite.run(['recurring', 'pause', broken.id, '--agent-id', BOT], { terminal: 100, env: { FORCE_COLOR: '1' } });
    expect(pause.code).toBe(0);
    expect(pause.stderr).toContain(`Paused ${broken.id} (0 9 * * *\\x1b]0;pwned\\x07`);
    expectInert(pause.stdout + pause.stderr);
  });

  it('--json keeps the text exactly, escaped so that it is inert', async () => {
    const { daily } = hostileServer();
    const r = await suite.run(['recurring', 'list', '--json', '--agent-id', BOT], { terminal: 100 });
    expectInert(r.stdout);
    const listed = JSON.parse(r.stdout) as Array<{ id: string; message: { messages: Array<{ content: string }> } }>;
    expect(listed.find((item) => item.id === daily.id)!.message.messages[0]!.content).toBe(`Standup${HOSTILE}\nsecond line${HOSTILE}`);
  });
});

describe('ids that hold line breaks or control characters', () => {
  const suite = useHarness();

  it('create -q never prints one as two ids, and says what was wrong with the answer', async () => {
    suite.letta.idFormat = (n) => `sm-${n}\r\nsm-forged${HOSTILE}`;
    const r = await suite.run(['recurring', 'create', '-q', '--agent-id', BOT, '--message', 'hi', '--cron', 'every day at 9am']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("the field 'id'");
    expectInert(r.stderr);
  });

  it('list -q prints one word a line; the record with the bad id is named, the others listed', async () => {
    const good = suite.letta.addSchedule(BOT, { type: 'recurring', cron_expression: '0 9 * * *' });
    suite.letta.idFormat = (n) => `sm-${n}\r\nsm-forged`;
    suite.letta.addSchedule(BOT, { type: 'recurring', cron_expression: '0 10 * * *' });
    const r = await suite.run(['recurring', 'list', '-q', '--agent-id', BOT]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((line) => line !== '')).toEqual([good.id]);
    expect(r.stderr).toContain("the field 'id'");
    expect(r.stdout + r.stderr).not.toMatch(/\r|^sm-forged/m);
  });
});

describe('agenda --ics FILE', () => {
  const suite = useHarness();
  const ics = (file: string) => suite.run(['agenda', '--all-agents', '--ics', file]);

  it.each([
    // A device node of the test's own (as /dev/null is the system's): made where mknod is allowed (root), else skipped.
    ['a character device', (dir: string) => device(join(dir, 'null')), /is a character device/],
    ['a fifo a reader waits on', (dir: string) => fifo(join(dir, 'reader.fifo')), /is a fifo/],
    ['a link to /proc/self/fd/1', (dir: string) => link('/proc/self/fd/1', join(dir, 'stdout.ics')), /is a link to \S+, which is (a|not)/],
    ['a link to a device', (dir: string) => link('/dev/null', join(dir, 'null.ics')), /is a link to \/dev\/null, which is a character device/],
  ])('refuses %s, pointing to --ics -, and leaves it as it was', async (_, make, why) => {
    suite.letta.addSchedule(BOT, { type: 'recurring', cron_expression: '0 9 * * *' });
    const dir = mkdtempSync(join(suite.env.HOME!, 'ics-'));
    const target = make(dir);
    if (target === undefined) return;
    const before = lstatSync(target);
    const r = await ics(target);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(why);
    expect(r.stderr).toContain('--ics - >');
    const after = lstatSync(target);
    expect([after.ino, after.mode, after.rdev]).toEqual([before.ino, before.mode, before.rdev]);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a folder, pointing to a file in it, and leaves it as it was', async () => {
    suite.letta.addSchedule(BOT, { type: 'recurring', cron_expression: '0 9 * * *' });
    const dir = mkdtempSync(join(suite.env.HOME!, 'ics-'));
    const r = await ics(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Not writing the calendar file: ${dir} is a folder`);
    expect(r.stderr).toContain(`Give the path of a file in it, such as ${join(dir, 'agenda.ics')}.`);
    expect(r.stderr).not.toContain('--ics - >');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the mode of a calendar that is there, writes through a link to one, and makes a new one private', async () => {
    suite.letta.addSchedule(BOT, { type: 'recurring', cron_expression: '0 9 * * *' });
    const dir = mkdtempSync(join(suite.env.HOME!, 'ics-'));
    const kept = join(dir, 'kept.ics');
    for (const mode of [0o600, 0o640, 0o644]) {
      writeFileSync(kept, 'old');
      chmodSync(kept, mode);
      expect((await ics(kept)).code).toBe(0);
      expect(statSync(kept).mode & 0o777).toBe(mode);
      expect(readFileSync(kept, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    }
    const viaLink = link(kept, join(dir, 'link.ics'));
    chmodSync(kept, 0o640);
    expect((await ics(viaLink)).code).toBe(0);
    expect(lstatSync(viaLink).isSymbolicLink()).toBe(true);
    expect(statSync(kept).mode & 0o777).toBe(0o640);
    const fresh = join(dir, 'new.ics');
    expect((await ics(fresh)).code).toBe(0);
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
  });
});

function fifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

function device(path: string): string | undefined {
  try {
    execFileSync('mknod', [path, 'c', '1', '3'], { stdio: 'ignore' });
    return path;
  } catch {
    return undefined;
  }
}

function link(target: string, path: string): string {
  symlinkSync(target, path);
  return path;
}

describe('a field nested 20,000 deep', () => {
  const suite = useHarness();

  const deep = (depth: number) => new RawJson(`${'{"a":'.repeat(depth)}"bottom"${'}'.repeat(depth)}`);

  it.each([
    ['an extra field', (item: Record<string, unknown>) => (item.extra = deep(20_000))],
    ['the schedule', (item: Record<string, unknown>) => ((item.schedule as Record<string, unknown>).nested = deep(20_000))],
    ['a message', (item: Record<string, unknown>) => ((item.message as { messages: unknown[] }).messages[0] = { role: 'user', content: deep(20_000) })],
  ])('in %s: lists go on, the field named and set aside', async (_, poison) => {
    const good = suite.letta.addSchedule(BOT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'fine');
    const bad = suite.letta.addSchedule(BOT, { type: 'recurring', cron_expression: '0 10 * * *' }, 'poisoned');
    poison(bad as unknown as Record<string, unknown>);
    for (const args of [['recurring', 'list'], ['recurring', 'list', '--json'], ['recurring', 'list', '-q'], ['agenda'], ['recurring', 'get', bad.id], ['recurring', 'get', bad.id, '--json']]) {
      const r = await suite.run([...args, '--agent-id', BOT]);
      expect(r.stderr).not.toMatch(/bug|call stack/i);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      // A list names the record and the field it set aside; `get` shows the rest of the record, as for any bad field.
      if (args[1] !== 'get') expect(r.stderr, args.join(' ')).toMatch(new RegExp(`${bad.id}: the field '[a-z.]+' nests deeper than \\d+ levels`));
      if (args[1] !== 'get') expect(r.stdout).toContain(good.id);
      else expect(r.stdout).toContain(bad.id);
    }
  });
});

describe('lists that never end, and agendas too large to hold', () => {
  const suite = useHarness();

  it('recurring list against an endless pager stops at 100,000 items, printing what it read, with an error that says so', async () => {
    suite.letta.endlessPages = 2_000;
    const r = await suite.run(['recurring', 'list', '-q', '--agent-id', BOT]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: The schedule list did not end after 100,000 items \(50 pages\); stopped reading it\nThe server kept saying there was more/);
    expect(r.stderr).not.toMatch(/bug/i);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(100_000);
    expect(r.requests.filter((request) => request.path.endsWith('/schedule'))).toHaveLength(50);
  });

  it('agenda against pages of 2,000 stops at 100,000 schedules in all, with the same kind of error', async () => {
    suite.letta.endlessPages = 2_000;
    const r = await suite.run(['agenda', '--all-agents']);
    expect(r.code).toBe(1);
    // Agents are read in turn (the first pages of the next ones asked ahead): the first one's list is the endless one, named.
    expect(r.stderr).toMatch(/^Error: Agent agent-[\w-]+: The schedule list did not end after 100,000 items \(50 pages\); stopped reading it\n/);
    expect(r.stderr).not.toMatch(/bug/i);
    // 50 pages of the first agent, the next one it had asked for, and the first pages of the others.
    expect(r.requests.filter((request) => request.path.endsWith('/schedule')).length).toBeLessThanOrEqual(56);
  });

  it('agenda lists at most 10,000 fires in all, the earliest, and says up to when it is complete', async () => {
    for (let i = 0; i < 1_000; i++) suite.letta.addSchedule(BOT, { type: 'recurring', cron_expression: '* * * * *' });
    suite.letta.maxPage = 1_000;
    const r = await suite.run(['agenda', '--agent-id', BOT, '--days', '366']);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter(Boolean);
    expect(rows).toHaveLength(10_000);
    // 1,000 schedules fire each minute (now included): the first 10,000 fires are the first ten minutes, all of them.
    const minutes = Array.from({ length: 10 }, (_, i) => `2026-11-22 15:0${i} UTC`);
    expect(new Set(rows.map((row) => row.split('\t')[1]))).toEqual(new Set(minutes));
    expect(r.stderr).toContain(
      'Note: Only the first 10,000 fires are shown: the agenda is complete until 2026-11-22 15:10 UTC. For later ones, narrow the window (--days, --until) or the agents (--agent-id).',
    );
  });
});
