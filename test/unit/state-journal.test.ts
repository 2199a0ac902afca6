import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOps, inScope, readJournal, scopedState, track } from '../../src/state/journal';
import { foldJournals } from '../../src/state/journal-end';
import {
  settleForServer,
  addSeriesMembers,
  clearAttempt,
  emptyState,
  finishCreate,
  markDeleted,
  markGone,
  pauseSeries,
  recordCreateAttempt,
  recordIntent,
  recordPaused,
  recordReplacement,
  resumeSeries,
  successorOf,
  takePaused,
  type Intent,
  type Series,
  type State,
} from '../../src/state/records';
import { openState } from '../../src/state/store';
import { bundleProgram, runMany } from './state-children';
import { weekdayIntent } from '../helpers/records';

const SLOW = 120_000;
const scratch = mkdtempSync(join(tmpdir(), 'letta-switchboard-journal-'));
let counter = 0;
const freshDir = () => {
  const dir = join(scratch, `case-${++counter}`);
  mkdirSync(dir);
  return dir;
};
const journalStore = (dir: string) => openState({ LETTA_SWITCHBOARD_STATE_DIR: dir }, '/nonexistent-home', { journal: true });
const wholeStore = (dir: string) => openState({ LETTA_SWITCHBOARD_STATE_DIR: dir }, '/nonexistent-home');
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

const intent = weekdayIntent;

function series(id: string): Series {
  return {
    series_id: id,
    agent_id: 'agent-1',
    phrase: 'every day at 9am',
    zone: 'UTC',
    rule: '0 9 * * *',
    horizon: '2026-11-30T09:00:00.000Z',
    template: { messages: [{ role: 'user', content: 'Water' }] },
    members: [1, 2, 3].map((d) => ({ schedule_id: `${id}-m${d}`, instant: `2026-11-2${d}T09:00:00.000Z` })),
    status: 'active',
    created_at: '2026-11-20T15:00:00.000Z',
  };
}

/** A record of `n` schedules, written whole. */
async function recordOf(dir: string, n: number): Promise<void> {
  await wholeStore(dir).update((state) => {
    for (let i = 0; i < n; i++) recordIntent(state, intent(`sm-${i}`));
  });
}

describe('the journal: each step appended, folded at the end', () => {
  it('a step is one appended line (0600), read back at once; the state file changes only when folded, and the journal then goes', async () => {
    const dir = freshDir();
    await recordOf(dir, 3);
    const before = readFileSync(join(dir, 'state.json'), 'utf8');
    const store = journalStore(dir);
    await store.update((state) => markGone(state, 'sm-1', '2026-11-21T00:00:00.000Z'));
    await store.update((state) => recordIntent(state, intent('sm-new')));
    const journal = join(dir, 'state.journal');
    expect(readFileSync(journal, 'utf8').trimEnd().split('\n')).toHaveLength(2);
    expect(mode(journal)).toBe('600');
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(before);
    // Any store (another command in this process, or another process) reads the steps.
    const read = await wholeStore(dir).read();
    expect(read.intents.map((i) => [i.schedule_id, i.status])).toEqual([
      ['sm-0', 'active'],
      ['sm-1', 'gone'],
      ['sm-2', 'active'],
      ['sm-new', 'active'],
    ]);

    await foldJournals();
    expect(existsSync(journal)).toBe(false);
    const folded = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as State;
    expect(folded.intents.map((i) => [i.schedule_id, i.status])).toEqual([
      ['sm-0', 'active'],
      ['sm-1', 'gone'],
      ['sm-2', 'active'],
      ['sm-new', 'active'],
    ]);
    expect(mode(join(dir, 'state.json'))).toBe('600');
  });

  it('a journal a killed command left is folded by the next command that takes a command lock, not by one that only reads', async () => {
    const dir = freshDir();
    await recordOf(dir, 3);
    const before = readFileSync(join(dir, 'state.json'), 'utf8');
    await journalStore(dir).update((state) => markGone(state, 'sm-1', '2026-11-21T00:00:00.000Z'));
    const journal = join(dir, 'state.journal');
    const steps = readFileSync(journal, 'utf8');
    await foldJournals();
    // As a command killed before its end left them: its step in the journal only.
    writeFileSync(join(dir, 'state.json'), before, { mode: 0o600 });
    writeFileSync(journal, steps, { mode: 0o600 });
    await journalStore(dir).read();
    await foldJournals();
    expect(readFileSync(journal, 'utf8')).toBe(steps);
    await journalStore(dir).withLock('changes', async () => undefined);
    await foldJournals();
    expect(existsSync(journal)).toBe(false);
    const folded = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as State;
    expect(folded.intents.find((i) => i.schedule_id === 'sm-1')?.status).toBe('gone');
  });

  it('the bytes a step writes do not grow with the record', async () => {
    const appended: number[] = [];
    for (const n of [10, 2000]) {
      const dir = freshDir();
      await recordOf(dir, n);
      await journalStore(dir).update((state) => markGone(state, 'sm-5', '2026-11-21T00:00:00.000Z'));
      appended.push(statSync(join(dir, 'state.journal')).size);
      await foldJournals();
    }
    expect(appended[0]).toBe(appended[1]);
    expect(appended[0]).toBeLessThan(1000);
  });

  it('a journal larger than the state file is folded in at once', async () => {
    const dir = freshDir();
    await recordOf(dir, 2);
    const store = journalStore(dir);
    const long = 'x'.repeat(70_000);
    await store.update((state) => recordIntent(state, intent('sm-big', { phrase: long })));
    expect(existsSync(join(dir, 'state.journal'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).intents).toHaveLength(3);
  });

  it('a crash at any byte of the last step leaves the record as it was before that step, and the next step appends cleanly', async () => {
    const dir = freshDir();
    await recordOf(dir, 2);
    const store = journalStore(dir);
    await store.update((state) => markGone(state, 'sm-0', '2026-11-21T00:00:00.000Z'));
    const journal = join(dir, 'state.journal');
    const first = statSync(journal).size;
    await store.update((state) => recordIntent(state, intent('sm-torn')));
    const whole = readFileSync(journal);
    const beforeTorn = ['sm-0:gone', 'sm-1:active'];
    const ids = async () => (await wholeStore(dir).read()).intents.map((i) => `${i.schedule_id}:${i.status}`);
    for (let cut = first; cut < whole.length; cut++) {
      writeFileSync(journal, whole.subarray(0, cut));
      expect(await ids(), `cut at byte ${cut}`).toEqual(beforeTorn);
    }
    // Torn mid-line: the next step cuts the torn bytes off and lands on a line of its own.
    writeFileSync(journal, whole.subarray(0, first + 7));
    await journalStore(dir).update((state) => recordIntent(state, intent('sm-after')));
    expect(await ids()).toEqual([...beforeTorn, 'sm-after:active']);
    expect(readJournal(readFileSync(journal, 'utf8')).lines).toHaveLength(2);
    await foldJournals();
    expect(await ids()).toEqual([...beforeTorn, 'sm-after:active']);
  });

  it('a line that is not a step with steps after it is damage: refused, naming the line, and both files left as they are', async () => {
    const dir = freshDir();
    await recordOf(dir, 1);
    for (const id of ['sm-a', 'sm-b', 'sm-c']) await journalStore(dir).update((state) => recordIntent(state, intent(id)));
    const journal = join(dir, 'state.journal');
    const lines = readFileSync(journal, 'utf8').split('\n');
    const damaged = [lines[0], lines[1]!.replace('"g":', '"g" x '), lines[2], ''].join('\n');
    writeFileSync(journal, damaged);
    const before = readFileSync(join(dir, 'state.json'), 'utf8');
    await expect(journalStore(dir).read()).rejects.toThrow(`The state journal ${journal} is damaged: line 2 is not a step, and steps follow it`);
    await expect(journalStore(dir).update(() => undefined)).rejects.toThrow(/is damaged: line 2/);
    expect([readFileSync(journal, 'utf8'), readFileSync(join(dir, 'state.json'), 'utf8')]).toEqual([damaged, before]);
    // The same line last, with no step after it, may be a write cut short: the steps before it stand.
    writeFileSync(journal, [lines[0], lines[1]!.replace('"g":', '"g" x '), ''].join('\n'));
    expect((await journalStore(dir).read()).intents.map((i) => i.schedule_id)).toEqual(['sm-0', 'sm-a']);
  });

  it('a fold cut short (state file written, journal not yet removed) applies no step twice', async () => {
    const dir = freshDir();
    await recordOf(dir, 1);
    const store = journalStore(dir);
    await store.update((state) => void state.intents.splice(0, 1));
    await store.update((state) => recordIntent(state, intent('sm-0', { phrase: 'again' })));
    const journal = join(dir, 'state.journal');
    const steps = readFileSync(journal);
    await foldJournals();
    // As if killed between the two: the old journal is back beside the new state file.
    writeFileSync(journal, steps);
    const read = await wholeStore(dir).read();
    expect(read.intents.map((i) => [i.schedule_id, i.phrase])).toEqual([['sm-0', 'again']]);
  });

  it('a change that throws appends nothing and leaves the record as read', async () => {
    const dir = freshDir();
    await recordOf(dir, 1);
    const store = journalStore(dir);
    await expect(
      store.update((state) => {
        markGone(state, 'sm-0', 'now');
        throw new Error('midway');
      }),
    ).rejects.toThrow('midway');
    expect(existsSync(join(dir, 'state.journal'))).toBe(false);
    expect((await store.read()).intents[0]!.status).toBe('active');
  });

  it('what a change returns is detached from the record', async () => {
    const dir = freshDir();
    await recordOf(dir, 1);
    const store = journalStore(dir);
    const got = await store.update((state) => state.intents[0]!);
    got.status = 'gone';
    expect((await store.read()).intents[0]!.status).toBe('active');
    // A view kept from a step reads as it was, and refuses a write (it would go unrecorded).
    let kept: Intent | undefined;
    await store.update((state) => void (kept = state.intents[0]));
    expect(kept!.status).toBe('active');
    expect(() => (kept!.status = 'gone')).toThrow('changed outside a step');
    expect((await store.read()).intents[0]!.status).toBe('active');
  });

  it('what a look finds is the record as on disk, steps included, and detached from it', async () => {
    const dir = freshDir();
    await recordOf(dir, 3);
    const store = journalStore(dir);
    await store.update((state) => void (state.intents[1]!.status = 'gone'));
    const found = await store.look((state) => state.intents.filter((i) => i.status === 'gone'));
    expect(found.map((i) => i.schedule_id)).toEqual(['sm-1']);
    found[0]!.status = 'active';
    expect(await store.look((state) => state.intents[1]!.status)).toBe('gone');
    expect((await journalStore(dir).read()).intents[1]!.status).toBe('gone');
  });
});

describe('journal steps replay every transition exactly', () => {
  const at = '2026-11-22T15:00:00.000Z';
  const now = Date.parse(at);
  const start = (): State => ({
    ...emptyState(),
    intents: [intent('a'), intent('b', { set_id: 'set-1' }), intent('c', { set_id: 'set-1' })],
    series: [series('series-1')],
    paused: [
      {
        old_id: 'z',
        paused_at: at,
        schedule: { id: 'z', agent_id: 'agent-1', schedule: { type: 'recurring', cron_expression: '0 8 * * *' }, message: { messages: [{ role: 'user', content: 'z' }] } } as never,
      },
    ],
    note: 'kept',
  });
  const steps: Array<[string, (state: State) => void, boolean?]> = [
    ['a new record', (s) => recordIntent(s, intent('d'))],
    ['a replacement with lineage', (s) => recordReplacement(s, 'a', successorOf(s.intents[0]!, 'a2', at), at)],
    ['a record replaced in place', (s) => recordIntent(s, intent('b', { phrase: 'changed' }))],
    ['deleted by the tool', (s) => markDeleted(s, 'series-1-m2', at)],
    ['a create attempted then finished', (s) => finishCreate(s, recordCreateAttempt(s, intent(''), { at, schedule: { type: 'recurring', cron_expression: '0 9 * * *' }, messages: [] }), 'e')],
    [
      'a create attempted and dropped in one step (nothing to journal)',
      (s) => clearAttempt(s, recordCreateAttempt(s, intent(''), { at, schedule: { type: 'recurring', cron_expression: '0 9 * * *' }, messages: [] })),
      false,
    ],
    ['a create attempted', (s) => void recordCreateAttempt(s, intent(''), { at, schedule: { type: 'recurring', cron_expression: '0 9 * * *' }, messages: [] })],
    [
      'a pause and its copy',
      (s) => recordPaused(s, { id: 'c', agent_id: 'agent-1', schedule: { type: 'recurring', cron_expression: '0 9 * * *' }, message: { messages: [{ role: 'user', content: 'x' }] } } as never, at),
    ],
    ['a paused copy taken', (s) => void takePaused(s, 'z')],
    ['a series paused and resumed', (s) => (pauseSeries(s, 'series-1', at, now), resumeSeries(s, 'series-1', at, now + 86_400_000 * 2))],
    ['members added', (s) => addSeriesMembers(s.series[0]!, [{ schedule_id: 'x', instant: '2026-11-20T09:00:00.000Z' }], at)],
    ['a list reordered', (s) => void s.intents.reverse()],
    ['a record removed from the middle', (s) => void s.intents.splice(1, 1)],
    ['a top-level field', (s) => void (s.note = 'changed')],
  ];
  for (const [name, step, journals = true] of steps) {
    it(name, () => {
      const state = start();
      const data = structuredClone(start()) as unknown as Record<string, unknown>;
      const tracked = track(state);
      step(tracked.view);
      const ops = tracked.ops();
      tracked.close();
      expect(ops.length > 0, 'a change is journalled').toBe(journals);
      const line = JSON.parse(JSON.stringify(ops));
      applyOps(data, line);
      expect(data).toEqual(JSON.parse(JSON.stringify(state)));
      // Replayed twice (a fold cut short), still the same.
      applyOps(data, line);
      expect(data).toEqual(JSON.parse(JSON.stringify(state)));
    });
  }
  it('any mix of reshapes and in-place writes in one step replays exactly (500 seeded random steps)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    let fresh = 0;
    const record = () => intent(`n${++fresh}`);
    const moves: Array<(s: State) => void> = [
      (s) => void s.intents.push(record()),
      (s) => void s.intents.unshift(record()),
      (s) => void s.intents.splice(random(s.intents.length + 1), 1),
      (s) => void s.intents.splice(random(s.intents.length + 1), 0, record()),
      (s) => void s.intents.splice(random(s.intents.length + 1), 1, record()),
      (s) => void (s.intents = s.intents.filter(() => random(4) > 0)),
      (s) => void (s.intents = [...s.intents, record()]),
      (s) => void s.intents.pop(),
      (s) => void s.intents.shift(),
      (s) => void s.intents.reverse(),
      (s) => s.intents.length > 0 && void (s.intents[random(s.intents.length)]!.phrase = `p${random(1000)}`),
      (s) => s.intents.length > 0 && void (s.intents[random(s.intents.length)] = record()),
      (s) => s.intents.length > 1 && void s.intents.push(s.intents.splice(random(s.intents.length), 1)[0]!),
    ];
    for (let step = 0; step < 500; step++) {
      const state: State = { ...emptyState(), intents: Array.from({ length: random(8) }, record) };
      const data = structuredClone(state) as unknown as Record<string, unknown>;
      const tracked = track(state);
      for (let k = 0, n = 1 + random(4); k < n; k++) moves[random(moves.length)]!(tracked.view);
      const line = JSON.parse(JSON.stringify(tracked.ops()));
      tracked.close();
      applyOps(data, line);
      expect(data, `step ${step}`).toEqual(JSON.parse(JSON.stringify(state)));
    }
  });
  it('a change that changes nothing journals nothing', () => {
    const tracked = track(start());
    tracked.view.intents.find((i) => i.schedule_id === 'a');
    expect(tracked.ops()).toEqual([]);
  });
});

describe('records of two servers whose ids collide', () => {
  const A = 'http://127.0.0.1:1/';
  const B = 'http://127.0.0.1:2/';
  const at = '2026-11-22T15:00:00.000Z';
  /** The same ids on A and B, and records that name no server (from before servers were told apart). */
  const mixed = (): State => ({
    ...emptyState(),
    intents: [intent('sm-1', { server: A }), intent('sm-1', { server: B }), intent('sm-2', { server: B }), intent('sm-2', { server: A }), intent('sm-0')],
    paused: [
      {
        old_id: 'p-1',
        paused_at: at,
        intent: intent('p-1', { server: B }),
        schedule: { id: 'p-1', agent_id: 'agent-1', schedule: { type: 'recurring', cron_expression: '0 8 * * *' }, message: { messages: [] } } as never,
      },
    ],
  });
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

  it("a store opened for one server reads and changes only that server's records, and the file says the same after it is read again", async () => {
    const dir = freshDir();
    await wholeStore(dir).update((state) => Object.assign(state, mixed()));
    const onA = openState({ LETTA_SWITCHBOARD_STATE_DIR: dir }, '/nonexistent-home', { journal: true, server: A });
    expect((await onA.read()).intents.map((i) => `${i.schedule_id} ${i.server ?? '-'}`)).toEqual([`sm-1 ${A}`, `sm-2 ${A}`, 'sm-0 -']);
    expect((await onA.read()).paused).toEqual([]);
    await onA.update((state) => {
      markGone(state, 'sm-1', at);
      recordReplacement(
        state,
        'sm-2',
        successorOf(
          state.intents.find((i) => i.schedule_id === 'sm-2')!,
          'sm-3',
          at,
        ),
        at,
      );
      recordPaused(state, { id: 'p-1', agent_id: 'agent-1', schedule: { type: 'recurring', cron_expression: '0 9 * * *' }, message: { messages: [] } } as never, at, undefined, A);
    });
    const expected = (state: State) => ({
      intents: state.intents.map((i) => `${i.schedule_id} ${i.server ?? '-'} ${i.status}`),
      paused: state.paused.map((p) => `${p.old_id} ${p.server ?? p.intent?.server} ${p.schedule.schedule.cron_expression}`),
    });
    const want = {
      intents: [`sm-1 ${A} gone`, `sm-1 ${B} active`, `sm-2 ${B} active`, `sm-2 ${A} replaced`, 'sm-0 - active', `sm-3 ${A} active`],
      paused: [`p-1 ${B} 0 8 * * *`, `p-1 ${A} 0 9 * * *`],
    };
    expect(expected(await wholeStore(dir).read())).toEqual(want);
    // The journal, replayed onto the state file by another reader, gives the same record.
    const data = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));
    for (const line of readJournal(readFileSync(join(dir, 'state.journal'), 'utf8')).lines) applyOps(data, line.ops, line.k === 2 ? 'server and id' : 'id');
    expect(expected(data)).toEqual(want);
    await foldJournals();
    expect(expected(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')))).toEqual(want);
  });

  it("a record a step takes out of a server's part (one of before servers were told apart, shown there as another schedule) is out of it at once, and a later step on that part keeps it once", async () => {
    const dir = freshDir();
    await wholeStore(dir).update((state) => Object.assign(state, mixed()));
    const onB = openState({ LETTA_SWITCHBOARD_STATE_DIR: dir }, '/nonexistent-home', { journal: true, server: B });
    expect((await onB.read()).intents.map((i) => i.schedule_id)).toContain('sm-0');
    await onB.update((state) => settleForServer(B, { claimed: [], disowned: state.intents.filter((i) => i.schedule_id === 'sm-0') }));
    expect((await onB.read()).intents.map((i) => i.schedule_id)).not.toContain('sm-0');
    // A step that rewrites B's whole list (a replacement reorders it) leaves the old record where it was, once.
    await onB.update((state) =>
      recordReplacement(
        state,
        'sm-2',
        successorOf(
          state.intents.find((i) => i.schedule_id === 'sm-2')!,
          'sm-4',
          at,
        ),
        at,
      ),
    );
    const old = (state: State) => state.intents.filter((i) => i.schedule_id === 'sm-0').map((i) => `${i.server ?? '-'} ${(i.not_on ?? []).join(',')}`);
    expect(old(await wholeStore(dir).read())).toEqual([`- ${B}`]);
    expect(old(await openState({ LETTA_SWITCHBOARD_STATE_DIR: dir }, '/nonexistent-home', { journal: true, server: A }).read())).toEqual([`- ${B}`]);
    await foldJournals();
    expect(old(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')))).toEqual([`- ${B}`]);
  });

  it("any mix of steps on one server's part replays exactly onto the whole record, the other server's records untouched (500 seeded random steps)", () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return (seed >>> 8) % n;
    };
    // Ids are unique within a server (as a server hands them out), and A and B share theirs.
    let fresh = 0;
    const record = (server?: string) => intent(`sm-${++fresh}`, server === undefined ? {} : { server });
    const moves: Array<(s: State) => void> = [
      (s) => void s.intents.push(record(A)),
      (s) => void s.intents.unshift(record(A)),
      (s) => void s.intents.splice(random(s.intents.length + 1), 1),
      (s) => void s.intents.splice(random(s.intents.length + 1), 1, record(A)),
      (s) => void s.intents.reverse(),
      (s) => void (s.intents = s.intents.filter(() => random(4) > 0)),
      (s) => s.intents.length > 0 && void (s.intents[random(s.intents.length)]!.phrase = `p${random(1000)}`),
      (s) => s.intents.length > 0 && void (s.intents[random(s.intents.length)]!.server = A),
    ];
    for (let step = 0; step < 500; step++) {
      const whole: State = {
        ...emptyState(),
        intents: Array.from({ length: random(6) }, () => [[record(A)], [record(B)], [record()], [record(A), { ...structuredClone(intent(`sm-${fresh}`)), server: B }]][random(4)]!).flat(),
      };
      const others = plain(whole.intents.filter((i) => !inScope('intents', i, A)));
      const data = structuredClone(whole) as unknown as Record<string, unknown>;
      const part = scopedState(whole, A);
      const tracked = track(part, A);
      for (let k = 0, n = 1 + random(4); k < n; k++) moves[random(moves.length)]!(tracked.view);
      const line = plain(tracked.ops());
      tracked.close();
      applyOps(data, line);
      const after = data.intents as Intent[];
      expect(
        after.filter((i) => inScope('intents', i, A)),
        `step ${step}`,
      ).toEqual(plain(part.intents));
      expect(
        after.filter((i) => !inScope('intents', i, A)),
        `step ${step}`,
      ).toEqual(others);
    }
  });

  it("a journal whose lines name records in a way this version does not know is refused as a newer version's, and left as it is", async () => {
    const dir = freshDir();
    await wholeStore(dir).update((state) => Object.assign(state, mixed()));
    const line = `${JSON.stringify({ g: 0, k: 3, ops: [{ op: 'del', list: 'intents', key: 'agent-1/sm-1' }] })}\n`;
    writeFileSync(join(dir, 'state.journal'), line);
    await expect(wholeStore(dir).read()).rejects.toThrow(/state journal .* was written by a newer letta-switchboard/);
    await expect(wholeStore(dir).update(() => undefined)).rejects.toThrow(/newer letta-switchboard/);
    expect(readFileSync(join(dir, 'state.journal'), 'utf8')).toBe(line);
  });

  it.each([[{ op: 'zap', list: 'intents', key: 'x' }], [{ op: 'put', list: 'bookmarks', record: { id: 'x' } }], [{ op: 'list', list: 'intents' }]])(
    "a step this version does not know (%j) is refused as a newer version's, not applied as a record of nothing",
    async (op) => {
      const dir = freshDir();
      await wholeStore(dir).update((state) => Object.assign(state, mixed()));
      const before = readFileSync(join(dir, 'state.json'), 'utf8');
      const generation = JSON.parse(before).generation ?? 0;
      const line = `${JSON.stringify({ g: generation, k: 2, ops: [op] })}\n`;
      writeFileSync(join(dir, 'state.journal'), line);
      await expect(wholeStore(dir).read()).rejects.toThrow(/state journal .* was written by a newer letta-switchboard \(a step \{/);
      await expect(wholeStore(dir).update(() => undefined)).rejects.toThrow(/newer letta-switchboard/);
      expect(readFileSync(join(dir, 'state.journal'), 'utf8')).toBe(line);
      expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(before);
    },
  );

  it('a line keyed by server and id takes the place of that record only, not one whose key only begins or ends the same way', () => {
    const data = plain({
      ...emptyState(),
      intents: [intent('sm-1', { server: 'http://b/' }), intent('x sm-1', { server: 'http://a/' }), intent('1', { server: 'http://a/ sm-' }), intent('sm-1', { server: A })],
    });
    applyOps(data, [{ op: 'put', list: 'intents', key: `${A} sm-1`, record: intent('sm-1', { server: A, status: 'gone' }) }]);
    applyOps(data, [{ op: 'del', list: 'intents', key: 'http://b/ sm-1' }]);
    expect(data.intents.map((i: Intent) => `${i.server} ${i.schedule_id} ${i.status}`)).toEqual(['http://a/ x sm-1 active', 'http://a/ sm- 1 active', `${A} sm-1 gone`]);
  });

  it('a damaged line whose key is not a string names no record', () => {
    const data = plain({ ...emptyState(), intents: [intent('sm-1', { server: A })] });
    for (const key of [null, 7, { id: 'sm-1' }]) applyOps(data, [{ op: 'del', list: 'intents', key: key as never }]);
    expect(data.intents.map((i: Intent) => i.schedule_id)).toEqual(['sm-1']);
  });

  it('a journal line written before records were keyed by server names them by id alone', () => {
    const data = plain({ ...emptyState(), intents: [intent('sm-1', { server: A }), intent('sm-2', { server: A })] });
    applyOps(
      data,
      [
        { op: 'put', list: 'intents', key: 'sm-1', record: intent('sm-1', { server: A, status: 'gone' }) },
        { op: 'del', list: 'intents', key: 'sm-2' },
      ],
      'id',
    );
    expect(data.intents.map((i: Intent) => `${i.schedule_id} ${i.status}`)).toEqual(['sm-1 gone']);
  });
});

describe('a step applied to the record in memory it was made on', () => {
  it('leaves a record it wrote in place where it is, beside another record of the same key (two from before servers were told apart)', () => {
    const first = { schedule_id: 'sm-1', zone: 'Europe/Paris' };
    const second = { schedule_id: 'sm-1', zone: 'Asia/Tokyo', not_on: ['http://a/'] };
    const added = { schedule_id: 'sm-2', zone: 'UTC' };
    const data: Record<string, unknown> = { intents: [first, second] };
    // The step wrote to the second record in place and added one: the ops name the second by the key it had.
    applyOps(
      data,
      [
        { op: 'put', list: 'intents', key: 'sm-1', record: second },
        { op: 'put', list: 'intents', record: added },
      ],
      { keyOf: (_list, record) => (record as { schedule_id: string }).schedule_id, is: (_list, record, wanted) => (record as { schedule_id: string }).schedule_id === wanted },
    );
    expect(data.intents).toEqual([first, second, added]);
  });
});

describe('many processes appending at once', () => {
  let program: ReturnType<typeof bundleProgram>;
  beforeAll(() => {
    program = bundleProgram(`
      import { openState } from './src/state/store';
      import { recordIntent } from './src/state/records';
      const [dir, id] = process.argv.slice(2) as [string, string];
      const store = openState({ LETTA_SWITCHBOARD_STATE_DIR: dir }, '/nonexistent-home', { journal: true });
      const record = (state: any, scheduleId: string) => recordIntent(state, {
        schedule_id: scheduleId, agent_id: 'agent-1', kind: 'recurring', phrase: 'every day at 9am', zone: 'Europe/Paris',
        local_rule: '0 9 * * *', utc_crons: ['0 8 * * *'], created_at: new Date().toISOString(), replaces: [], status: 'active',
      });
      (async () => {
        for (let i = 0; i < 5; i++) await store.update((state) => record(state, id + '-' + i));
      })().catch((error) => { process.stderr.write(String(error.message) + '\\n'); process.exit(1); });
    `);
  });
  afterAll(() => program.dispose());

  it(
    'loses nothing when 16 processes each append 5 steps at once (none of them folding)',
    async () => {
      const dir = freshDir();
      await recordOf(dir, 50);
      const results = await runMany(program.file, 16, (i) => [dir, `p${i}`]);
      expect(results.map((r) => r.stderr).join('')).toBe('');
      const ids = (await wholeStore(dir).read()).intents.map((i) => i.schedule_id);
      expect(ids).toHaveLength(50 + 16 * 5);
      expect(new Set(ids).size).toBe(ids.length);
      expect(readJournal(readFileSync(join(dir, 'state.journal'), 'utf8')).lines).toHaveLength(16 * 5);
      // The next whole write folds it all in.
      await wholeStore(dir).update(() => undefined);
      expect(existsSync(join(dir, 'state.journal'))).toBe(false);
      expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).intents).toHaveLength(130);
    },
    SLOW,
  );
});

// Keep the scratch folder small between runs.
afterAll(() => {
  for (let i = 1; i <= counter; i++) {
    const journal = join(scratch, `case-${i}`, 'state.journal');
    if (existsSync(journal)) truncateSync(journal);
  }
});
