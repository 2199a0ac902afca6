import { appendFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desiredOf, type Desired } from '../../src/ascode/desired';
import { slug } from '../../src/ascode/export-files';
import { readScheduleFile, writeScheduleFile, type ScheduleFile } from '../../src/ascode/file-format';
import { applyLockJournal, emptyLock, formatLock, formatLockStep, lockJournalPath, parseLock, type LockEntry } from '../../src/ascode/lock-file';
import { lockJournal, readLock, writeLock } from '../../src/ascode/lock-store';
import { listedOf, planChanges, wantedBodies, type Listing } from '../../src/ascode/planner';
import type { ScheduledMessage } from '../../src/letta/types';

const AGENT = 'agent-11111111-1111-1111-1111-111111111111';
const NOW = Date.parse('2026-11-22T15:00:00Z');

function parsed(text: string): ScheduleFile {
  const read = readScheduleFile(text);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.file;
}

describe('schedule files', () => {
  it('reads the front matter and the body, and the line of each key', () => {
    const file = parsed(
      '---\nagent: support-bot\nwhen: every weekday at 9am\ntimezone: America/New_York\nmax_steps: 3\ninclude_return_message_types: [assistant_message, tool_call_message]\n---\n\nCheck the queue.\nThen post.\n',
    );
    expect(file).toMatchObject({
      agent: 'support-bot',
      when: 'every weekday at 9am',
      timezone: 'America/New_York',
      max_steps: 3,
      include_return_message_types: ['assistant_message', 'tool_call_message'],
      message: 'Check the queue.\nThen post.',
    });
    expect(file.lines).toMatchObject({ agent: 2, when: 3, timezone: 4, max_steps: 5 });
  });

  it.each([
    ['agent: a\nwhen: daily\n', 1, "must start with a '---' line"],
    ['---\nagent: a\nwhen: daily\nHello\n', 1, "no closing '---'"],
    ['---\nagent: a\nwhen: [daily\n---\nHi\n', 3, 'not valid YAML'],
    ['---\nagent: a\nwhen: daily\nwhen: hourly\n---\nHi\n', 4, 'not valid YAML'],
    ['---\nagent: a\nwhen: */15 * * * *\n---\nHi\n', 3, `a value that starts with '*' must be quoted`],
    ['---\nagent: a\nwhen: daily\nrole: robot\n---\nHi\n', 4, "role: 'robot' is not a role"],
    ['---\nagent: a\nwhen: daily\ncount: 0\n---\nHi\n', 4, 'count'],
    ['---\nagent: a\nwhen: daily\ncallback_url: ftp://x\n---\nHi\n', 4, 'not an http(s) URL'],
    ['---\nagent: a\nwhen: daily\nagentt: b\n---\nHi\n', 4, "unknown key 'agentt' (did you mean 'agent'?); known keys: agent, when"],
    ['---\nagent: a\nwhen: daily\ntime_zone: UTC\n---\nHi\n', 4, "unknown key 'time_zone' (did you mean 'timezone'?); known keys"],
    ['---\nagent: a\nwhen: daily\ncolour: blue\n---\nHi\n', 4, "unknown key 'colour'; known keys"],
    ['---\nagent: a\nwhen: daily\nmessage: Hi\n---\nHi\n', 4, "unknown key 'message': the message is the text after the closing ---; known keys"],
    ['---\nwhen: daily\n---\nHi\n', 1, "the field 'agent' is missing"],
    ['---\nagent: a\nwhen: daily\n---\n\n', 5, 'the message'],
  ])('%j is refused at line %i', (text, line, message) => {
    const read = readScheduleFile(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems[0]!.line).toBe(line);
    expect(read.problems[0]!.message).toContain(message);
  });

  it('writes files that read back as the same fields, whatever the values hold', () => {
    const values = ['*/15 * * * *', '0 9 * * 1-5', 'every day at 9am', '2026-12-01 10:00', 'yes', '123', '@daily', '# not a comment', 'a: b', '"quoted"', "it's", ' padded '];
    for (const when of values) {
      const file = { agent: 'support-bot', when: when.trim() || when, timezone: 'UTC', message: `Message for ${when.trim()}` };
      const back = parsed(writeScheduleFile(file));
      expect({ agent: back.agent, when: back.when, timezone: back.timezone, message: back.message }).toEqual(file);
    }
  });

  it('names files from the first words of the message', () => {
    expect(slug('Check the support queue and post a summary')).toBe('check-the-support-queue-and');
    expect(slug('Café: déjà vu!')).toBe('cafe-deja-vu');
    expect(slug('!!!')).toBe('schedule');
    // README.md is the folder's own text.
    expect(slug('Readme')).toBe('readme-schedule');
  });
});

describe('lock file', () => {
  it('round-trips and refuses what it cannot understand, naming the field', () => {
    const lock = parseLock(JSON.stringify({ version: 1, servers: { 'https://api.letta.com': { 'a.md': { agent_id: AGENT, ids: ['sm-1'], when: 'daily', timezone: 'UTC' } } } }), 'x.json');
    expect(parseLock(formatLock(lock), 'x.json')).toEqual(lock);
    expect(() => parseLock('{"version":1,"servers":{"s":{"a.md":{"agent_id":"a","ids":"sm-1","when":"d","timezone":"UTC"}}}}', 'x.json')).toThrow(
      /x\.json is not valid: servers\["s"\]\["a\.md"\]\.ids/,
    );
    expect(() => parseLock('{"version":1,', 'x.json')).toThrow(/x\.json is not valid JSON/);
  });
});

describe("the lock file's journal", () => {
  const SERVER = 'https://api.letta.com';
  const entry = (ids: string[], extra: Partial<LockEntry> = {}): LockEntry => ({ agent_id: AGENT, ids, when: '0 9 * * *', timezone: 'UTC', ...extra });
  const base = () => {
    const lock = emptyLock();
    lock.servers[SERVER] = { 'a.md': entry(['sm-a']), 'gone.md': entry(['sm-g']) };
    return lock;
  };
  const BASE = '0123456789abcdef';
  const steps = [
    formatLockStep(BASE, SERVER, { 'b.md': entry([], { pending: true }) }),
    formatLockStep(BASE, SERVER, { 'b.md': entry(['sm-b1'], { pending: true }), 'gone.md': null }),
    formatLockStep(BASE, 'http://127.0.0.1:8283', { 'c.md': entry(['sm-c']) }),
    formatLockStep(BASE, SERVER, { 'b.md': entry(['sm-b1']) }),
  ];
  const whole = () => {
    const lock = base();
    lock.servers[SERVER] = { 'a.md': entry(['sm-a']), 'b.md': entry(['sm-b1']) };
    lock.servers['http://127.0.0.1:8283'] = { 'c.md': entry(['sm-c']) };
    return lock;
  };

  it('sits beside the lock file', () => {
    expect(lockJournalPath('ops/letta-schedules/letta-schedules.lock.json')).toBe('ops/letta-schedules/letta-schedules.lock.journal');
  });

  it('sets and removes whole entries, per server, in order', () => {
    const lock = base();
    expect(applyLockJournal(lock, steps.join(''), BASE)).toEqual({ applied: 4 });
    expect(parseLock(formatLock(lock), 'x.json')).toEqual(whole());
  });

  it('read again over a lock file that already holds its steps, changes nothing', () => {
    const lock = whole();
    applyLockJournal(lock, steps.join(''), BASE);
    expect(lock).toEqual(whole());
  });

  it('leaves out steps written over another lock file: the one in its place holds them, or replaced it', () => {
    const lock = base();
    const older = formatLockStep('fedcba9876543210', SERVER, { 'a.md': null, 'x.md': entry(['sm-x']) });
    expect(applyLockJournal(lock, older + steps[0], BASE)).toEqual({ applied: 1 });
    expect(Object.keys(lock.servers[SERVER]!).sort()).toEqual(['a.md', 'b.md', 'gone.md']);
  });

  it('leaves out a last step cut short; a line that is not a step with steps after it is damage, named', () => {
    const text = steps.join('');
    for (let cut = 0; cut < text.length; cut++) {
      const lock = base();
      const complete = text.slice(0, cut).split('\n').length - 1;
      expect(applyLockJournal(lock, text.slice(0, cut), BASE), `cut at ${cut}`).toEqual({ applied: complete });
      const expected = base();
      applyLockJournal(expected, steps.slice(0, complete).join(''), BASE);
      expect(lock, `cut at ${cut}`).toEqual(expected);
    }
    const lock = base();
    const bad = [steps[0], '{"server":"s","entries":{"x.md":{"ids":"sm-1"}}}\n', steps[1]].join('');
    expect(applyLockJournal(lock, bad, BASE)).toEqual({ applied: 1, damagedLine: 2 });
    expect(Object.keys(lock.servers[SERVER]!).sort()).toEqual(['a.md', 'b.md', 'gone.md']);
  });
});

describe('the lock file and its journal on disk', () => {
  const SERVER = 'https://api.letta.com';
  const entry = (ids: string[]): LockEntry => ({ agent_id: AGENT, ids, when: '0 9 * * *', timezone: 'UTC' });
  const folder = () => join(mkdtempSync(join(tmpdir(), 'lock-journal-')), 'letta-schedules.lock.json');

  it('reads the steps of an apply cut off, and not once the lock file holds them, even if the journal comes back', () => {
    const path = folder();
    const first = readLock(path);
    const journal = lockJournal(path, first.base);
    journal.append(SERVER, { 'a.md': entry(['sm-a']) });
    const cut = readLock(path);
    expect(cut.unfolded).toBe(true);
    expect(cut.lock.servers[SERVER]).toEqual({ 'a.md': entry(['sm-a']) });

    copyFileSync(lockJournalPath(path), `${path}.old-journal`);
    cut.lock.servers[SERVER]!['a.md'] = entry(['sm-a2']);
    writeLock(path, cut.lock);
    // A journal left behind (a crash before it was removed, a power cut, a commit) is one over another lock file.
    copyFileSync(`${path}.old-journal`, lockJournalPath(path));
    const after = readLock(path);
    expect(after.unfolded).toBe(false);
    expect(after.lock.servers[SERVER]).toEqual({ 'a.md': entry(['sm-a2']) });
  });

  it('starts each step on a line of its own after one cut short, and afresh over what an earlier apply left', () => {
    const path = folder();
    appendFileSync(lockJournalPath(path), '{"left":"by an earlier apply"}\n');
    const journal = lockJournal(path, readLock(path).base);
    journal.append(SERVER, { 'a.md': entry(['sm-a']) });
    appendFileSync(lockJournalPath(path), '{"base":"');
    journal.append(SERVER, { 'b.md': entry(['sm-b']) });
    expect(readLock(path).lock.servers[SERVER]).toEqual({ 'a.md': entry(['sm-a']), 'b.md': entry(['sm-b']) });
  });
});

describe('planner', () => {
  const context = { now: NOW, zone: 'UTC', zoneUnset: false };
  const want = (name: string, text: string, entry?: LockEntry) => desiredOf(name, parsed(text), AGENT, entry, context);
  // As Letta lists it: the create's fields besides the schedule sit in `message`.
  const listed = (id: string, { schedule, ...message }: Desired['bodies'][number]): ScheduledMessage => ({ id, agent_id: AGENT, schedule, message });
  // The server's list as the plan holds it, against the files' bodies.
  const listing = (desired: Desired[], items: Map<string, ScheduledMessage>): Listing => new Map([[AGENT, new Map([...items].map(([id, item]) => [id, listedOf(item, wantedBodies(desired))]))]]);

  it('plans nothing against the result of its own plan', async () => {
    const files = [
      await want('a.md', '---\nagent: a\nwhen: every 90 minutes\n---\nA\n'),
      await want('b.md', '---\nagent: a\nwhen: every day at 9am\ncount: 3\n---\nB\n'),
      await want('c.md', '---\nagent: a\nwhen: "0 9 * * 1"\nmax_steps: 2\n---\nC\n'),
    ];
    const first = planChanges({ now: NOW, desired: files, entries: {}, failed: new Set(), wholeFolder: true, letta: new Map([[AGENT, new Map()]]) });
    expect(first.map((c) => [c.file, c.kind, c.create.length])).toEqual([
      ['a.md', 'create', 2],
      ['b.md', 'create', 3],
      ['c.md', 'create', 1],
    ]);
    // What apply leaves: every body created, each file owning its ids.
    let n = 0;
    const server = new Map<string, ScheduledMessage>();
    const entries: Record<string, LockEntry> = {};
    for (const change of first) {
      const ids = change.create.map((body) => {
        const item = listed(`sm-${++n}`, body);
        server.set(item.id, item);
        return item.id;
      });
      entries[change.file] = { ...change.entry!, ids };
    }
    const second = planChanges({ now: NOW, desired: files, entries, failed: new Set(), wholeFolder: true, letta: listing(files, server) });
    expect(second.map((c) => [c.kind, c.relock])).toEqual([
      ['unchanged', false],
      ['unchanged', false],
      ['unchanged', false],
    ]);
  });

  it('leaves a failed file and schedules it does not own alone, and deletes what a removed file owned', async () => {
    const body = (await want('x.md', '---\nagent: a\nwhen: "0 9 * * *"\n---\nX\n')).bodies[0]!;
    const server = new Map([
      ['sm-1', listed('sm-1', body)],
      ['sm-2', listed('sm-2', body)],
      ['sm-3', listed('sm-3', body)],
    ]);
    const entry = (ids: string[]): LockEntry => ({ agent_id: AGENT, ids, when: '0 9 * * *', timezone: 'UTC' });
    const plan = planChanges({
      now: NOW,
      desired: [],
      entries: { 'broken.md': entry(['sm-1']), 'gone.md': entry(['sm-2']) },
      failed: new Set(['broken.md']),
      wholeFolder: true,
      letta: listing([], server),
    });
    expect(plan.map((c) => [c.file, c.kind, c.delete.map((d) => d.id)])).toEqual([['gone.md', 'delete', ['sm-2']]]);
  });

  it('a series that has ended still reads, and has nothing left to make', async () => {
    const text = '---\nagent: a\nwhen: every day at 9am\nuntil: "2026-11-20T23:59:59.000Z"\n---\nS\n';
    const series = { rule: '0 9 * * *', zone: 'UTC', started: NOW - 10 * 86_400_000, until: Date.parse('2026-11-20T23:59:59.000Z') };
    const file = await want('s.md', text, { agent_id: AGENT, ids: [], when: 'every day at 9am', timezone: 'UTC', series });
    expect(file.bodies).toEqual([]);
    await expect(want('s.md', text)).rejects.toThrow(/until: '2026-11-20T23:59:59.000Z' is not in the future/);
  });

  it('holds a listed schedule a file wants as its id, instant and fingerprint, and one no file wants with its fields', async () => {
    const file = await want('a.md', '---\nagent: a\nwhen: "0 9 * * *"\n---\nA\n');
    const wanted = wantedBodies([file]);
    const same = listedOf(listed('sm-1', file.bodies[0]!), wanted);
    expect(same).toEqual({ id: 'sm-1', key: expect.any(String) });
    const other = listedOf(listed('sm-2', { schedule: { type: 'one-time', scheduled_at: NOW + 3_600_000 }, messages: [{ role: 'user', content: ' B ' }] }), wanted);
    expect(other).toEqual({
      id: 'sm-2',
      scheduled_at: NOW + 3_600_000,
      key: expect.any(String),
      body: { schedule: { type: 'one-time', scheduled_at: NOW + 3_600_000 }, messages: [{ role: 'user', content: ' B ' }] },
    });
    // The fingerprint is of the schedule as a file can say it: spaces in a cron and around a message do not count.
    expect(listedOf(listed('sm-3', { schedule: { type: 'recurring', cron_expression: '0  9 * * *' }, messages: [{ role: 'user', content: 'A\n' }] }), wanted).key).toBe(same.key);
  });

  it('a replace shows each old schedule, one still wanted and one not, from the fields the plan holds', async () => {
    const file = await want('n.md', '---\nagent: a\nwhen: every 90 minutes\n---\nN\n');
    const crons = file.bodies.map((body) => (body.schedule as { cron_expression: string }).cron_expression);
    expect(crons).toHaveLength(2);
    const entry: LockEntry = { agent_id: AGENT, ids: ['sm-1', 'sm-2'], when: 'every 90 minutes', timezone: 'UTC' };
    const server = new Map([
      ['sm-1', listed('sm-1', file.bodies[0]!)],
      ['sm-2', listed('sm-2', { schedule: { type: 'recurring', cron_expression: '0 5 * * *' }, messages: [{ role: 'user', content: 'Old' }] })],
    ]);
    const [change] = planChanges({ now: NOW, desired: [file], entries: { 'n.md': entry }, failed: new Set(), wholeFolder: true, letta: listing([file], server) });
    expect(change).toMatchObject({ kind: 'replace', keep: ['sm-1'], delete: [{ agent_id: AGENT, id: 'sm-2' }] });
    expect(change!.create.map((body) => (body.schedule as { cron_expression: string }).cron_expression)).toEqual([crons[1]]);
    expect(change!.diff).toEqual([{ field: 'cron', from: `${crons[0]}, 0 5 * * *`, to: crons.join(', '), from_local: expect.any(String), to_local: expect.any(String) }]);
  });

  it('a new file due in less than a minute is made, as onetime create would make it', async () => {
    const file = await want('soon.md', '---\nagent: a\nwhen: in 30 seconds\n---\nSoon\n');
    expect(file.bodies).toEqual([expect.objectContaining({ schedule: { type: 'one-time', scheduled_at: NOW + 30_000 } })]);
    const [change] = planChanges({ now: NOW, desired: [file], entries: {}, failed: new Set(), wholeFolder: true, letta: listing([file], new Map()) });
    expect(change).toMatchObject({ kind: 'create' });
  });

  it('keeps a one-time schedule about to fire, and a recorded instant instead of re-reading the phrase', async () => {
    const entry: LockEntry = { agent_id: AGENT, ids: ['sm-1'], when: 'tomorrow at 9am', timezone: 'UTC', at: NOW + 30_000 };
    const file = await want('r.md', '---\nagent: a\nwhen: tomorrow at 9am\n---\nR\n', entry);
    expect(file.at).toBe(NOW + 30_000);
    expect(file.bodies).toEqual([]);
    const item = listed('sm-1', { schedule: { type: 'one-time', scheduled_at: NOW + 30_000 }, messages: [{ role: 'user', content: 'Old text' }] });
    const [change] = planChanges({ now: NOW, desired: [file], entries: { 'r.md': entry }, failed: new Set(), wholeFolder: true, letta: listing([file], new Map([['sm-1', item]])) });
    expect(change).toMatchObject({ kind: 'unchanged', keep: ['sm-1'], delete: [] });
  });
});

describe('a series lock with skipped instants', () => {
  it('waits as many members as without them, the skipped left out', async () => {
    const { seriesMembers } = await import('../../src/ascode/desired');
    const series = { rule: '0 * * * *', zone: 'UTC', started: NOW };
    const all = seriesMembers(series, NOW);
    const skipped = seriesMembers({ ...series, skip: [all[3]!] }, NOW);
    expect(skipped).toHaveLength(all.length);
    expect(skipped).not.toContain(all[3]);
  });
});
