import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { scopedState } from '../../src/state/journal';
import { foldJournals } from '../../src/state/journal-end';
import { emptyState, findIntent, markPaused, recordPaused, type Intent, type PausedSchedule, type Series, type State } from '../../src/state/records';
import { openState } from '../../src/state/store';
import { weekdayIntent as intent } from '../helpers/records';

/**
 * The record as commands of two servers change it in one process (each through its own server's
 * store, and some through a store of every record), against the record another process reads from
 * the files afterwards: they must always be the same record.
 */
const scratch = mkdtempSync(join(tmpdir(), 'letta-switchboard-scoped-'));
let counter = 0;
const freshDir = () => {
  const dir = join(scratch, `case-${++counter}`);
  mkdirSync(dir);
  return dir;
};
const A = 'http://127.0.0.1:1/';
const B = 'http://127.0.0.1:2/';
const HOME = '/nonexistent-home';
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** The record as a fresh process reads it from the state file and its journal. */
async function readByAnotherProcess(dir: string): Promise<State> {
  vi.resetModules();
  const fresh = (await import('../../src/state/store')) as typeof import('../../src/state/store');
  return fresh.openState({ LETTA_SWITCHBOARD_STATE_DIR: dir }, HOME).read();
}

function pausedCopy(id: string, server: string | undefined, cron: string): PausedSchedule {
  return {
    old_id: id,
    paused_at: '2026-11-22T15:00:00.000Z',
    ...(server === undefined ? {} : { server }),
    schedule: { id, agent_id: 'agent-1', schedule: { type: 'recurring', cron_expression: cron }, message: { messages: [{ role: 'user', content: 'hi' }] } } as never,
  };
}

describe('the record changed through stores of two servers in one process, read again by another', () => {
  /** 300 seeded random steps from `start` (adds, removals, reorders, in-place writes, claims, disowns, top fields, failed changes, folds), each through a store drawn from `picks`. */
  async function randomSteps(start: State, seed: number, picks: ReadonlyArray<'every' | typeof A | typeof B>): Promise<void> {
    const random = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return (seed >>> 8) % n;
    };
    const dir = freshDir();
    const env = { LETTA_SWITCHBOARD_STATE_DIR: dir };
    // Ids a server hands out: both servers hand out the same ones.
    const id = () => `sm-${random(12)}`;
    writeFileSync(join(dir, 'state.json'), JSON.stringify(start));
    const stores = { [A]: openState(env, HOME, { journal: true, server: A }), [B]: openState(env, HOME, { journal: true, server: B }), every: openState(env, HOME, { journal: true }) };
    type Move = (state: State, server: string | undefined) => void;
    // A command that talks to a server records it; records without one are added through the store of every record
    // (a server's step could not tell such a record from another server's disowned one of the same id).
    const fresh = (server: string | undefined): Intent => intent(id(), { phrase: `p${random(1000)}`, ...(server === undefined ? {} : { server }) });
    const freshSeries = (server: string | undefined): Series => ({
      series_id: `ser-${random(6)}`,
      agent_id: 'agent-1',
      ...(server === undefined ? {} : { server }),
      phrase: `s${random(1000)}`,
      zone: 'UTC',
      rule: 'every 2 weeks',
      horizon: '2027-01-01T00:00:00.000Z',
      template: { messages: [{ role: 'user', content: 'hi' }] },
      members: [{ schedule_id: id(), instant: '2026-12-01T00:00:00.000Z' }],
      status: 'active',
      created_at: '2026-11-20T15:00:00.000Z',
    });
    // A server and id name one record (commands keep it so): a record is added only under a name not in use.
    const named = (s: State, one: Intent) => s.intents.findIndex((known) => known.schedule_id === one.schedule_id && known.server === one.server);
    const moves: Move[] = [
      // As commands add a record: in place of the one with its name, else at the end.
      (s, server) => {
        const added = fresh(server);
        const at = named(s, added);
        if (at >= 0) s.intents[at] = added;
        else s.intents.push(added);
      },
      (s) => void s.intents.splice(random(s.intents.length + 1), 1),
      (s, server) => {
        const added = fresh(server);
        if (named(s, added) < 0) s.intents.splice(random(s.intents.length + 1), 0, added);
      },
      (s) => void s.intents.reverse(),
      (s) => void (s.intents = s.intents.filter(() => random(4) > 0)),
      (s) => s.intents.length > 0 && void (s.intents[random(s.intents.length)]!.status = (['active', 'gone', 'deleted'] as const)[random(3)]!),
      // sync claims a record from before servers were told apart (never one whose id the server has a record of)
      (s, server) => {
        const legacy = s.intents.find((i) => i.server === undefined && named(s, { ...i, server }) < 0);
        if (legacy && server !== undefined) legacy.server = server;
      },
      // sync disowns a record from before servers were told apart (settleForServer): it leaves this server's part.
      (s, server) => {
        const legacy = s.intents.find((i) => i.server === undefined && !(i.not_on ?? []).includes(server ?? ''));
        if (legacy && server !== undefined) legacy.not_on = [...(legacy.not_on ?? []), server];
      },
      (s) => void (s.note = `n${random(100)}`),
      (s, server) => {
        const at = s.paused.findIndex((p) => p.old_id === 'sm-5');
        if (at >= 0) s.paused.splice(at, 1);
        else s.paused.push(pausedCopy('sm-5', server, `0 ${random(24)} * * *`));
      },
      (s) => s.paused.length > 0 && void (s.paused[random(s.paused.length)]!.paused_at = `2026-11-2${random(10)}T00:00:00.000Z`),
      // A paused copy that names its server only on its intent, added or given one (pause of a record from before servers were told apart).
      (s, server) => {
        const old = s.paused.find((p) => p.server === undefined && p.intent === undefined);
        if (old && server !== undefined && !s.paused.some((p) => p.old_id === old.old_id && (p.server ?? p.intent?.server) === server)) old.intent = intent(old.old_id, { server });
        else if (!s.paused.some((p) => p.old_id === 'sm-7')) s.paused.push({ ...pausedCopy('sm-7', undefined, '0 4 * * *'), ...(server === undefined ? {} : { intent: intent('sm-7', { server }) }) });
      },
      // Series: added under a name not in use, removed, written in place (a member gone, one more member), and
      // removed then made again under the same name in one step.
      (s, server) => {
        const added = freshSeries(server);
        if (!s.series.some((known) => known.series_id === added.series_id && known.server === added.server)) s.series.splice(random(s.series.length + 1), 0, added);
      },
      (s) => void s.series.splice(random(s.series.length + 1), 1),
      // sync claims or disowns a series from before servers were told apart (settleForServer).
      (s, server) => {
        const legacy = s.series.find((one) => one.server === undefined && !(one.not_on ?? []).includes(server ?? ''));
        if (!legacy || server === undefined) return;
        if (random(2) === 0 && !s.series.some((one) => one.series_id === legacy.series_id && one.server === server)) legacy.server = server;
        else legacy.not_on = [...(legacy.not_on ?? []), server];
      },
      (s) => {
        const one = s.series[random(s.series.length + 1)];
        if (one && random(2) === 0) one.members.push({ schedule_id: id(), instant: `2026-12-1${random(10)}T00:00:00.000Z` });
        else if (one?.members[0]) one.members[0].gone = true;
      },
      (s) => {
        const at = random(s.series.length + 1);
        const old = s.series[at];
        if (!old) return;
        s.series.splice(at, 1);
        s.series.splice(random(s.series.length + 1), 0, { ...(JSON.parse(JSON.stringify(old)) as Series), phrase: `again ${random(1000)}` });
      },
      (s, server) => {
        s.intents.push(fresh(server));
        throw new Error('refused part-way');
      },
    ];
    for (let step = 0; step < 300; step++) {
      const which = picks[random(picks.length)]!;
      const server = which === 'every' ? undefined : which;
      if (random(15) === 0) await foldJournals();
      await stores[which]
        .update((state) => {
          for (let k = 0, n = 1 + random(3); k < n; k++) moves[random(moves.length)]!(state, server);
        })
        .catch((error: Error) => expect(error.message).toBe('refused part-way'));
      // A record set aside is compared as it is: where it stood in the list when read is of that read.
      const same = (state: State) => plain({ ...state, ...(state.skipped ? { skipped: state.skipped.map(({ list, raw }) => ({ list, raw })) } : {}) });
      const whole = same(await stores.every.read());
      const onA = same(await stores[A].read());
      const onB = same(await stores[B].read());
      const disk = await readByAnotherProcess(dir);
      expect(whole, `step ${step} (${which})`).toEqual(same(disk));
      expect(onA, `step ${step} (${which})`).toEqual(same(scopedState(disk, A)));
      expect(onB, `step ${step} (${which})`).toEqual(same(scopedState(disk, B)));
    }
  }

  it('is the same record after every step, of records of both servers and of none', async () => {
    const start: State = {
      ...emptyState(),
      // With a record of each server that cannot be read (set aside, kept in the file as it is).
      intents: [
        intent('sm-1', { server: A }),
        intent('sm-1', { server: B }),
        intent('sm-2'),
        { schedule_id: 'sm-bad', server: A } as unknown as Intent,
        intent('sm-3', { server: B }),
        intent('sm-4', { server: A }),
        { schedule_id: 'sm-bad', server: B } as unknown as Intent,
      ],
      paused: [pausedCopy('sm-5', A, '0 1 * * *'), pausedCopy('sm-5', B, '0 2 * * *'), pausedCopy('sm-6', undefined, '0 3 * * *')],
    };
    for (const seed of [7, 8, 9]) await randomSteps(structuredClone(start), seed, ['every', A, B, A, B]);
  }, 60_000);

  it('is the same record after every step, of records all of one server (its part is the whole record) until another server adds its own', async () => {
    const start: State = {
      ...emptyState(),
      intents: [intent('sm-1', { server: A }), intent('sm-2', { server: A }), { schedule_id: 'sm-bad', server: A } as unknown as Intent, intent('sm-4', { server: A })],
      paused: [pausedCopy('sm-5', A, '0 1 * * *')],
    };
    for (const seed of [11, 12, 13]) await randomSteps(structuredClone(start), seed, [A, A, A, A, A, A, A, A, B, 'every']);
    // Without the other server: the part stays the whole record but for records disowned, until they are removed.
    for (const seed of [14, 15]) await randomSteps(structuredClone(start), seed, [A, A, A, A, 'every']);
  }, 60_000);

  it('a step on the part of a record all of one server is made once, and the part stays the record itself', async () => {
    const dir = freshDir();
    const env = { LETTA_SWITCHBOARD_STATE_DIR: dir };
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ ...emptyState(), intents: [intent('sm-1', { server: A }), intent('sm-2', { server: A })] }));
    const onA = openState(env, HOME, { journal: true, server: A });
    const every = openState(env, HOME, { journal: true });
    expect(await onA.readShared()).toBe(await every.readShared());
    await onA.update((state) => {
      state.intents.push(intent('sm-3', { server: A }));
      state.intents.reverse();
    });
    expect(await onA.readShared()).toBe(await every.readShared());
    const ids = (state: State) => state.intents.map((i) => i.schedule_id);
    expect(ids(await every.read())).toEqual(['sm-3', 'sm-2', 'sm-1']);
    expect(ids(await readByAnotherProcess(dir))).toEqual(['sm-3', 'sm-2', 'sm-1']);
  });

  it('a step that gives a record its server and then removes or replaces it does so in the file too (the step names it as it was)', async () => {
    for (const then of ['remove', 'replace'] as const) {
      const dir = freshDir();
      const env = { LETTA_SWITCHBOARD_STATE_DIR: dir };
      writeFileSync(join(dir, 'state.json'), JSON.stringify({ ...emptyState(), intents: [intent('sm-1'), intent('sm-2', { server: A })] }));
      const onA = openState(env, HOME, { journal: true, server: A });
      await onA.update((state) => {
        const old = state.intents[0]!;
        old.server = A;
        if (then === 'remove') state.intents.splice(0, 1);
        else state.intents[0] = intent('sm-3', { server: A });
      });
      const want = then === 'remove' ? ['sm-2'] : ['sm-3', 'sm-2'];
      expect(
        (await onA.read()).intents.map((i) => i.schedule_id),
        then,
      ).toEqual(want);
      expect(
        (await openState(env, HOME).read()).intents.map((i) => i.schedule_id),
        then,
      ).toEqual(want);
      expect(
        (await readByAnotherProcess(dir)).intents.map((i) => i.schedule_id),
        then,
      ).toEqual(want);
    }
  });

  it('a step that gives a record the key of one it replaces (a claim and an edit in one) is the same record in the file', async () => {
    // The legacy sm-1 is claimed for A while A's own sm-1 is replaced by sm-9: applied one by one in the file, the
    // claim (named by its old key) would make a second 'A sm-1' that the replacement (named 'A sm-1') then takes.
    for (const [which, edit] of [
      ['server', 'put in its place'],
      ['every', 'put in its place'],
      ['server', 'written in place'],
      ['every', 'written in place'],
    ] as const) {
      const dir = freshDir();
      const env = { LETTA_SWITCHBOARD_STATE_DIR: dir };
      // Another server's record between them: the list written whole puts it where the file does, in memory too.
      const intents = [intent('sm-1', { phrase: 'legacy' }), intent('sm-5', { server: B, phrase: 'on B' }), intent('sm-1', { server: A, phrase: 'on A' })];
      writeFileSync(join(dir, 'state.json'), JSON.stringify({ ...emptyState(), intents }));
      const store = openState(env, HOME, { journal: true, ...(which === 'server' ? { server: A } : {}) });
      await store.update((state) => {
        state.intents.find((i) => i.phrase === 'legacy')!.server = A;
        const onA = state.intents.findIndex((i) => i.phrase === 'on A');
        if (edit === 'put in its place') state.intents[onA] = intent('sm-9', { server: A, phrase: 'edited' });
        else Object.assign(state.intents[onA]!, { schedule_id: 'sm-9', phrase: 'edited' });
      });
      const shown = (state: State) => state.intents.map((i) => `${i.server} ${i.schedule_id} ${i.phrase}`);
      const whole = shown(await openState(env, HOME).read());
      expect(whole, `${which}, ${edit}`).toEqual(shown(await readByAnotherProcess(dir)));
      expect(
        whole.filter((line) => line.startsWith(A)),
        `${which}, ${edit}`,
      ).toEqual([`${A} sm-1 legacy`, `${A} sm-9 edited`]);
      expect(
        shown(await store.read()).filter((line) => line.startsWith(A)),
        `${which}, ${edit}`,
      ).toEqual([`${A} sm-1 legacy`, `${A} sm-9 edited`]);
    }
  });

  it('a record set aside as unreadable stays in the file when a step rewrites its list, whichever process reads the steps', async () => {
    const dir = freshDir();
    const env = { LETTA_SWITCHBOARD_STATE_DIR: dir };
    const unreadable = { schedule_id: 'sm-bad', zone: 42 };
    const theirs = { schedule_id: 'sm-bad-b', server: B, zone: 42 };
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ ...emptyState(), intents: [intent('sm-1', { server: A }), unreadable, intent('sm-2', { server: A }), theirs] }));
    const onA = openState(env, HOME, { journal: true, server: A });
    // A step that moves records: the list of A's records is written whole.
    await onA.update((state) => void state.intents.reverse());
    const raws = (state: State) => (state.skipped ?? []).map((s) => s.raw);
    expect(raws(await openState(env, HOME).read())).toEqual([unreadable, theirs]);
    expect(raws(await readByAnotherProcess(dir))).toEqual([unreadable, theirs]);
    expect((await readByAnotherProcess(dir)).intents.map((i) => i.schedule_id)).toEqual(['sm-2', 'sm-1']);
  });

  it("a paused copy keeps the schedule's record as it was when paused, in memory as in the file", async () => {
    const dir = freshDir();
    const env = { LETTA_SWITCHBOARD_STATE_DIR: dir };
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ ...emptyState(), intents: [intent('sm-1', { server: A })] }));
    const onA = openState(env, HOME, { journal: true, server: A });
    const schedule = pausedCopy('sm-1', A, '0 14 * * 1-5').schedule;
    // As `recurring pause` does: the copy saved with the record, then the record marked paused.
    await onA.update((state) => recordPaused(state, schedule, '2026-11-22T15:00:00.000Z', findIntent(state, 'sm-1'), A));
    await onA.update((state) => markPaused(state, 'sm-1', '2026-11-22T15:00:01.000Z'));
    const copy = (state: State) => state.paused.map((p) => p.intent?.status);
    expect(copy(await readByAnotherProcess(dir))).toEqual(['active']);
    expect(copy(await onA.read())).toEqual(['active']);
    await foldJournals();
    expect(copy(await readByAnotherProcess(dir))).toEqual(['active']);
  });
});
