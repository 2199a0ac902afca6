import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, CreateMayHaveLandedError, NotFoundError } from '../../src/errors';
import type { CreateScheduleBody, ScheduledMessage } from '../../src/letta/types';
import { emptyState, type Intent, type State } from '../../src/state/records';
import { applyPlan, sharedRecordWrites, type ScheduleApi } from '../../src/sync/execute';
import { planSync } from '../../src/sync/plan';
import { syncSchedules } from '../../src/sync/run';
import { openState } from '../../src/state/store';
import { localCronInstants, seriesInstants } from '../../src/sync/series';
import { expectedUtcCron } from '../../src/sync/local-rule';
import { nextRuns } from '../../src/time/cron';
import { wallTime } from '../../src/time/zone';
import { weekdayIntent } from '../helpers/records';

const AGENT = 'agent-1';
const NOW = Date.parse('2027-03-13T00:00Z');

/** Letta in memory, with a log of calls and failures to inject per method. */
class MemoryLetta implements ScheduleApi {
  schedules = new Map<string, ScheduledMessage>();
  calls: string[] = [];
  fail: Partial<Record<'POST' | 'GET' | 'DELETE', Error>> = {};
  private next = 100;

  async createSchedule(agentId: string, body: CreateScheduleBody) {
    this.calls.push(`POST ${JSON.stringify(body)}`);
    if (this.fail.POST) throw this.fail.POST;
    const { schedule, ...message } = body;
    const id = `sm-${this.next++}`;
    this.schedules.set(id, { id, agent_id: agentId, schedule, message });
    return { id };
  }
  async getSchedule(_agentId: string, id: string) {
    this.calls.push(`GET ${id}`);
    if (this.fail.GET) throw this.fail.GET;
    const found = this.schedules.get(id);
    if (!found) throw new NotFoundError(`No schedule '${id}'`);
    return found;
  }
  async deleteSchedule(_agentId: string, id: string) {
    this.calls.push(`DELETE ${id}`);
    if (this.fail.DELETE) throw this.fail.DELETE;
    this.schedules.delete(id);
  }
  listed() {
    return new Map([[AGENT, new Map(this.schedules)]]);
  }
  async *schedulePages(_agentId: string) {
    this.calls.push('LIST');
    yield [...this.schedules.values()];
  }
}

function memoryRecords(intents: Intent[]) {
  const state: State = { ...emptyState(), intents };
  return { state, writer: { update: async <T>(change: (s: State) => T) => change(state) } };
}

function setup() {
  const letta = new MemoryLetta();
  letta.schedules.set('sm-1', {
    id: 'sm-1',
    agent_id: AGENT,
    schedule: { type: 'recurring', cron_expression: '0 14 * * 1-5' },
    message: {
      messages: [
        {
          role: 'system',
          content: [
            { type: 'text', text: 'part one' },
            { type: 'text', text: 'part two' },
          ],
        },
      ],
      callback_url: 'https://example.com/hook',
      max_steps: 7,
      include_return_message_types: ['assistant_message'],
    },
  });
  const intent = weekdayIntent('sm-1', { created_at: '2026-11-20T00:00:00.000Z' });
  const records = memoryRecords([intent]);
  const sync = async () => {
    const listed = letta.listed();
    const plan = planSync({ now: NOW, intents: records.state.intents, series: records.state.series, letta: listed, instants: (s, a, u, m) => localCronInstants(s.rule, s.zone, a, u, m) });
    return applyPlan(plan, { api: letta, records: records.writer, letta: listed, now: NOW, readBack: true });
  };
  return { letta, records, sync };
}

describe('applying a sync plan', () => {
  it('creates the replacement carrying every field, reads it back, then deletes the old one', async () => {
    const { letta, records, sync } = setup();
    const [outcome] = await sync();
    expect(outcome).toMatchObject({ ok: true, new_id: 'sm-100', exist: ['sm-100'] });
    expect(letta.calls.map((c) => c.split(' ')[0])).toEqual(['POST', 'GET', 'DELETE']);
    expect(JSON.parse(letta.calls[0]!.slice(5))).toEqual({
      schedule: { type: 'recurring', cron_expression: '0 13 * * 1-5' },
      messages: [
        {
          role: 'system',
          content: [
            { type: 'text', text: 'part one' },
            { type: 'text', text: 'part two' },
          ],
        },
      ],
      callback_url: 'https://example.com/hook',
      max_steps: 7,
      include_return_message_types: ['assistant_message'],
    });
    expect(letta.calls.slice(1)).toEqual(['GET sm-100', 'DELETE sm-1']);
    expect(records.state.intents).toEqual([
      expect.objectContaining({ schedule_id: 'sm-1', status: 'replaced', replaced_by: 'sm-100' }),
      expect.objectContaining({ schedule_id: 'sm-100', status: 'active', utc_crons: ['0 13 * * 1-5'], local_rule: '0 9 * * 1-5', zone: 'America/New_York', replaces: ['sm-1'] }),
    ]);
    letta.calls = [];
    expect(await sync()).toEqual([]);
    expect(letta.calls).toEqual([]);
  });

  it('keeps the old schedule when the create fails', async () => {
    const { letta, records, sync } = setup();
    letta.fail.POST = new ApiError('Internal error', 500);
    const [outcome] = await sync();
    expect(outcome).toMatchObject({ ok: false, exist: ['sm-1'] });
    expect(outcome!.error?.message).toBe('Internal error');
    expect([...letta.schedules.keys()]).toEqual(['sm-1']);
    expect(records.state.intents).toEqual([expect.objectContaining({ schedule_id: 'sm-1', status: 'active' })]);
  });

  it('keeps both when the delete fails, and deletes the old one on the next sync', async () => {
    const { letta, records, sync } = setup();
    letta.fail.DELETE = new ApiError('Bad gateway', 502);
    const [outcome] = await sync();
    expect(outcome).toMatchObject({ ok: false, new_id: 'sm-100', exist: ['sm-1', 'sm-100'] });
    expect(records.state.intents.map((i) => [i.schedule_id, i.status])).toEqual([
      ['sm-1', 'replaced'],
      ['sm-100', 'active'],
    ]);
    delete letta.fail.DELETE;
    letta.calls = [];
    const [retry] = await sync();
    expect(retry).toMatchObject({ ok: true, action: { type: 'delete-replaced', old_id: 'sm-1' } });
    expect(letta.calls).toEqual(['DELETE sm-1']);
    expect([...letta.schedules.keys()]).toEqual(['sm-100']);
    expect(await sync()).toEqual([]);
  });

  it('never deletes the old schedule when the new one cannot be read back', async () => {
    const { letta, records, sync } = setup();
    letta.fail.GET = new NotFoundError("No schedule 'sm-100'");
    const [outcome] = await sync();
    expect(outcome).toMatchObject({ ok: false, exist: ['sm-1', 'sm-100'] });
    expect(letta.calls.some((c) => c.startsWith('DELETE'))).toBe(false);
    expect(records.state.intents.map((i) => [i.schedule_id, i.status])).toEqual([
      ['sm-1', 'replaced'],
      ['sm-100', 'active'],
    ]);
  });

  it('finishes a replacement whose create landed but whose answer was lost, without a second create', async () => {
    const { letta, records, sync } = setup();
    letta.fail.POST = new ApiError('Bad gateway', 502);
    const original = letta.createSchedule.bind(letta);
    letta.createSchedule = async (agentId, body) => {
      delete letta.fail.POST;
      await original(agentId, body);
      throw new CreateMayHaveLandedError(new ApiError('Bad gateway', 502), agentId, 'recurring');
    };
    const [first] = await sync();
    expect(first).toMatchObject({ ok: false, exist: ['sm-1'], unsure: true });
    expect(records.state.intents[0]!.attempt).toMatchObject({ schedule: { type: 'recurring', cron_expression: '0 13 * * 1-5' } });
    expect([...letta.schedules.keys()]).toEqual(['sm-1', 'sm-100']);
    letta.createSchedule = original;
    letta.calls = [];
    const [second] = await sync();
    expect(second).toMatchObject({ ok: true, new_id: 'sm-100' });
    expect(letta.calls).toEqual(['GET sm-100', 'DELETE sm-1']);
    expect(records.state.intents.map((i) => [i.schedule_id, i.status])).toEqual([
      ['sm-1', 'replaced'],
      ['sm-100', 'active'],
    ]);
  });

  it('replaces again, from the old schedule, when a recorded replacement vanished', async () => {
    const { letta, records, sync } = setup();
    letta.fail.DELETE = new ApiError('Bad gateway', 502);
    await sync();
    delete letta.fail.DELETE;
    letta.schedules.delete('sm-100');
    letta.calls = [];
    const [outcome] = await sync();
    expect(outcome).toMatchObject({ ok: true, new_id: 'sm-101' });
    expect(letta.calls.slice(1)).toEqual(['GET sm-101', 'DELETE sm-1']);
    expect(records.state.intents.map((i) => [i.schedule_id, i.status, i.replaced_by])).toEqual([
      ['sm-1', 'replaced', 'sm-101'],
      ['sm-100', 'replaced', 'sm-101'],
      ['sm-101', 'active', undefined],
    ]);
    expect(records.state.intents[2]!.replaces).toEqual(['sm-1', 'sm-100']);
    expect([...letta.schedules.keys()]).toEqual(['sm-101']);
  });
});

describe('sync against the state file', () => {
  function stored() {
    const dir = mkdtempSync(join(tmpdir(), 'letta-switchboard-sync-'));
    const store = openState({ LETTA_SWITCHBOARD_STATE_DIR: dir }, dir);
    return { dir, store };
  }

  it('twenty syncs at once replace the schedule once', async () => {
    const { letta } = setup();
    const { store } = stored();
    await store.update((state) => {
      state.intents.push(weekdayIntent('sm-1', { created_at: '2026-11-20T00:00:00.000Z' }));
    });
    const results = await Promise.all(Array.from({ length: 20 }, () => syncSchedules({ api: letta, store, now: NOW, dryRun: false })));
    expect(results.filter((r) => r.plan.length > 0)).toHaveLength(1);
    expect(letta.calls.filter((c) => c.startsWith('POST'))).toHaveLength(1);
    expect(letta.calls.filter((c) => c.startsWith('DELETE'))).toEqual(['DELETE sm-1']);
    expect([...letta.schedules.keys()]).toEqual(['sm-100']);
    const state = await store.read();
    expect(state.intents.map((i) => [i.schedule_id, i.status])).toEqual([
      ['sm-1', 'replaced'],
      ['sm-100', 'active'],
    ]);
  });

  it('a dry run sends nothing it would change and records nothing', async () => {
    const { letta } = setup();
    const { store } = stored();
    await store.update((state) => {
      state.intents.push(weekdayIntent('sm-1', { created_at: '2026-11-20T00:00:00.000Z' }));
    });
    const before = readFileSync(store.path, 'utf8');
    const result = await syncSchedules({ api: letta, store, now: NOW, dryRun: true });
    expect(result.plan.map((a) => a.type)).toEqual(['replace']);
    // The in-memory API stands in for the client, which under --dry-run prints these instead of sending them.
    expect(letta.calls.map((c) => c.split(' ')[0])).toEqual(['LIST', 'POST', 'DELETE']);
    expect(readFileSync(store.path, 'utf8')).toBe(before);
  });

  it('a corrupt state file is an error naming it, left as it is', async () => {
    const { letta } = setup();
    const { store } = stored();
    writeFileSync(store.path, '{"version": 1, "intents": [');
    await expect(syncSchedules({ api: letta, store, now: NOW, dryRun: false })).rejects.toThrow(store.path);
    expect(readFileSync(store.path, 'utf8')).toBe('{"version": 1, "intents": [');
    expect(letta.calls).toEqual([]);
  });
});

describe('hourly syncs through two DST changes', () => {
  // Every fire between two hourly syncs must land on the local time the rule names, and Letta must never hold two schedules for one intent.
  it.each([
    // zone, rule, the two changes of 2027 (syncs run hourly for four days around each)
    ['America/New_York', '0 9 * * 1-5', '2027-03-14', '2027-11-07'],
    ['Australia/Sydney', '30 7 * * *', '2027-04-04', '2027-10-03'],
    ['Australia/Adelaide', '0 19 * * 1', '2027-04-04', '2027-10-03'],
  ])('%s %s', async (zone, localRule, first, second) => {
    const letta = new MemoryLetta();
    const hours = (day: string) => Array.from({ length: 96 }, (_, i) => Date.parse(`${day}T00:17:00Z`) - 2 * 86_400_000 + i * 3_600_000);
    const syncs = [...hours(first), ...hours(second)];
    // Created in January, before both changes.
    const cron = expectedUtcCron(localRule, zone, Date.parse('2027-01-15T00:00:00Z'))!.cron;
    letta.schedules.set('sm-1', { id: 'sm-1', agent_id: AGENT, schedule: { type: 'recurring', cron_expression: cron }, message: { messages: [{ role: 'user', content: 'hi' }] } });
    const records = memoryRecords([
      {
        schedule_id: 'sm-1',
        agent_id: AGENT,
        kind: 'recurring',
        phrase: localRule,
        zone,
        local_rule: localRule,
        utc_crons: [cron],
        created_at: '2027-03-01T00:00:00.000Z',
        replaces: [],
        status: 'active',
      },
    ]);
    const [minute, hour] = localRule.split(' ').map(Number) as [number, number];
    let wrong = 0;
    let fires = 0;
    let replacements = 0;
    for (const now of syncs) {
      const listed = letta.listed();
      const plan = planSync({ now, intents: records.state.intents, series: [], letta: listed, instants: seriesInstants });
      const outcomes = await applyPlan(plan, { api: letta, records: records.writer, letta: listed, now, readBack: true });
      replacements += outcomes.filter((o) => o.ok && o.action.type === 'replace').length;
      expect(letta.schedules.size).toBe(1);
      const [only] = [...letta.schedules.values()];
      for (const fire of nextRuns(only!.schedule.cron_expression!, now, 3).filter((at) => at < now + 3_600_000)) {
        fires++;
        const local = wallTime(zone, fire);
        if (local.hour !== hour || local.minute !== minute) wrong++;
      }
    }
    expect(fires).toBeGreaterThanOrEqual(2);
    expect(wrong).toBe(0);
    expect(replacements).toBe(2);
  });
});

describe('record writes of steps under way side by side', () => {
  /** A writer that counts its writes, over a record in memory. */
  function counted() {
    const state = emptyState();
    const writer = {
      writes: 0,
      started: 0,
      async update<T>(change: (s: State) => T): Promise<T> {
        writer.started++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        const copy = structuredClone(state);
        const result = change(copy);
        Object.assign(state, copy);
        writer.writes++;
        return result;
      },
    };
    return { state, writer };
  }
  const intent = (id: string): Intent => ({
    schedule_id: id,
    agent_id: AGENT,
    kind: 'recurring',
    phrase: '0 9 * * *',
    zone: 'UTC',
    local_rule: '0 9 * * *',
    created_at: '2027-01-01T00:00:00Z',
    replaces: [],
    status: 'active',
  });

  it('share one write, each caller answered with its own result, none lost', async () => {
    const { state, writer } = counted();
    const shared = sharedRecordWrites(writer);
    const ids = Array.from({ length: 20 }, (_, i) => `sm-${i}`);
    const results = await Promise.all(ids.map((id) => shared.update((s) => s.intents.push(intent(id)))));
    expect(results).toEqual(ids.map((_, i) => i + 1));
    expect(state.intents.map((i) => i.schedule_id)).toEqual(ids);
    expect(writer.writes).toBe(1);
    // Asked for while that write is under way: the next write, again one for all of them.
    const first = shared.update((s) => s.intents.pop());
    while (writer.started < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    const later = Promise.all([shared.update((s) => s.intents.pop()), shared.update((s) => s.intents.pop())]);
    await Promise.all([first, later]);
    expect(writer.writes).toBe(3);
    expect(state.intents).toHaveLength(17);
  });

  it('a change that throws fails alone; the others are written', async () => {
    const { state, writer } = counted();
    const shared = sharedRecordWrites(writer);
    const outcomes = await Promise.allSettled([
      shared.update((s) => s.intents.push(intent('a'))),
      shared.update(() => {
        throw new Error('no such record');
      }),
      shared.update((s) => s.intents.push(intent('b'))),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(state.intents.map((i) => i.schedule_id)).toEqual(['a', 'b']);
  });

  it('a write that fails fails every change it carried', async () => {
    const shared = sharedRecordWrites({ update: () => Promise.reject(new Error('disk full')) });
    const outcomes = await Promise.allSettled([shared.update(() => 1), shared.update(() => 2)]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as Error).message : o.value))).toEqual(['disk full', 'disk full']);
  });
});

describe('records from before servers were told apart that a server shows with other timings', () => {
  it.each([[1], [2]])('concurrency %i: sync says of each that it is left to its own server, however many', async (concurrency) => {
    const dir = mkdtempSync(join(tmpdir(), 'letta-switchboard-disowned-'));
    const server = 'https://b.example/';
    const store = openState({ LETTA_SWITCHBOARD_STATE_DIR: dir }, dir, { server });
    const letta = new MemoryLetta();
    // More than a round takes on: the server hands out the same ids for schedules of another timing.
    const ids = Array.from({ length: 64 * concurrency + 10 }, (_, i) => `sm-${i + 1}`);
    for (const id of ids) letta.schedules.set(id, { id, agent_id: AGENT, schedule: { type: 'recurring', cron_expression: '30 17 * * 1' }, message: { messages: [] } });
    await store.update((state) => {
      for (const id of ids) state.intents.push(weekdayIntent(id));
    });
    const result = await syncSchedules({ api: letta, store, now: NOW, server, dryRun: false, concurrency });
    expect(result.outcomes.map((o) => `${o.action.type} ${'id' in o.action ? o.action.id : ''}`).sort()).toEqual(ids.map((id) => `disowned ${id}`).sort());
    expect((await store.read()).intents).toEqual([]);
    expect(letta.calls.filter((c) => !c.startsWith('LIST'))).toEqual([]);
  });
});

describe('records from before servers were told apart, found by a listing that takes longer than a round', () => {
  it('are each said to be left to their own server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'letta-switchboard-disowned-slow-'));
    const server = 'https://b.example/';
    const store = openState({ LETTA_SWITCHBOARD_STATE_DIR: dir }, dir, { server });
    const letta = new MemoryLetta();
    const list = letta.schedulePages.bind(letta);
    letta.schedulePages = async function* (agentId: string) {
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      yield* list(agentId);
    };
    const ids = ['sm-1', 'sm-2', 'sm-3'];
    for (const id of ids) letta.schedules.set(id, { id, agent_id: AGENT, schedule: { type: 'recurring', cron_expression: '30 17 * * 1' }, message: { messages: [] } });
    await store.update((state) => {
      for (const id of ids) state.intents.push(weekdayIntent(id));
    });
    const result = await syncSchedules({ api: letta, store, now: NOW, server, dryRun: false });
    expect(result.outcomes.map((o) => `${o.action.type} ${'id' in o.action ? o.action.id : ''}`)).toEqual(ids.map((id) => `disowned ${id}`));
  }, 20_000);
});

describe('an ended record from before servers were told apart whose id a server shows with another timing', () => {
  it.each([['deleted'], ['replaced']] as const)('%s: is no longer that server’s, and sync says nothing of it', async (status) => {
    const dir = mkdtempSync(join(tmpdir(), 'letta-switchboard-ended-'));
    const server = 'https://b.example/';
    const store = openState({ LETTA_SWITCHBOARD_STATE_DIR: dir }, dir, { server });
    const letta = new MemoryLetta();
    // sm-2: a schedule of this server's own, at the time its rule gives it, so that sync has the agent to look at.
    for (const [id, cron] of [
      ['sm-1', '30 17 * * 1'],
      ['sm-2', '0 13 * * 1-5'],
    ])
      letta.schedules.set(id!, { id: id!, agent_id: AGENT, schedule: { type: 'recurring', cron_expression: cron }, message: { messages: [] } });
    await store.update((state) => {
      state.intents.push(weekdayIntent('sm-1', { status, ...(status === 'replaced' ? { replaced_by: 'sm-2' } : {}) }), weekdayIntent('sm-2', { utc_crons: ['0 13 * * 1-5'], server }));
    });
    const result = await syncSchedules({ api: letta, store, now: NOW, server, dryRun: false });
    expect(result.outcomes).toEqual([]);
    const all = await openState({ LETTA_SWITCHBOARD_STATE_DIR: dir }, dir).read();
    expect(all.intents.map((i) => `${i.schedule_id} ${i.status} ${i.server ?? '-'} ${(i.not_on ?? []).join(',') || '-'}`)).toEqual([`sm-1 ${status} - ${server}`, `sm-2 active ${server} -`]);
  });
});
