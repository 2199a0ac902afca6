import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

const h = useHarness();

function state() {
  return JSON.parse(readFileSync(join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json'), 'utf8')) as {
    series: Array<Record<string, unknown> & { members: Array<{ schedule_id: string; instant: string }> }>;
  };
}
const instantsSent = (requests: Array<{ method: string; body: unknown }>) =>
  requests.filter((r) => r.method === 'POST').map((r) => new Date((r.body as { schedule: { scheduled_at: number } }).schedule.scheduled_at).toISOString());

const create = (args: string[], now: string) => h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Water the plants', '--tz', 'America/New_York', '--now', now, ...args]);

describe('series', () => {
  it('--count makes that many one-time schedules, each at the local time across the DST change', async () => {
    const result = await create(['--cron', 'every day at 9am', '--count', '5'], '2027-03-12T00:00:00Z');
    expect(result.code).toBe(0);
    const seriesId = result.stdout.trim();
    expect(seriesId).toMatch(/^series-/);
    expect(instantsSent(result.requests)).toEqual(['2027-03-12T14:00:00.000Z', '2027-03-13T14:00:00.000Z', '2027-03-14T13:00:00.000Z', '2027-03-15T13:00:00.000Z', '2027-03-16T13:00:00.000Z']);
    expect(result.requests.filter((r) => r.method === 'POST').every((r) => (r.body as { messages: unknown }).messages !== undefined)).toBe(true);
    expect(state().series).toEqual([expect.objectContaining({ series_id: seriesId, count: 5, status: 'active', zone: 'America/New_York' })]);
    expect(state().series[0]!.members).toHaveLength(5);
    // All five exist: nothing to top up.
    const synced = await h.run(['sync', '--now', '2027-03-13T00:00:00Z']);
    expect(synced.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('a rule no cron can say becomes a series up to 60 days ahead', async () => {
    const result = await create(['--cron', 'first monday of the month at 9am'], '2027-02-20T00:00:00Z');
    expect(result.code).toBe(0);
    expect(instantsSent(result.requests)).toEqual(['2027-03-01T14:00:00.000Z', '2027-04-05T13:00:00.000Z']);
  });

  it('stops at 50 schedules, and sync tops it up as they fire', async () => {
    const result = await create(['--cron', 'every day at 9am', '--until', '2027-12-31'], '2027-03-01T00:00:00Z');
    expect(result.code).toBe(0);
    expect(instantsSent(result.requests)).toHaveLength(50);
    const seriesId = result.stdout.trim();
    // Ten days on, ten have fired (Letta removes fired one-time schedules).
    const fired = state()
      .series[0]!.members.slice(0, 10)
      .map((m) => m.schedule_id);
    for (const id of fired) h.letta.schedules.delete(id);
    const synced = await h.run(['sync', '--now', '2027-03-11T00:00:00Z']);
    expect(synced.code).toBe(0);
    const more = instantsSent(synced.requests);
    expect(more).toHaveLength(10);
    expect(more[0]).toBe('2027-04-20T13:00:00.000Z');
    expect(synced.stdout).toContain(`Series ${seriesId}: created 10 more`);
    const again = await h.run(['sync', '--now', '2027-03-11T00:00:00Z']);
    expect(again.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('sync tops a series up --concurrency members at a time, each recorded, in order of time', async () => {
    const result = await create(['--cron', 'every day at 9am', '--until', '2027-12-31'], '2027-03-01T00:00:00Z');
    expect(result.code).toBe(0);
    for (const member of state().series[0]!.members.slice(0, 20)) h.letta.schedules.delete(member.schedule_id);
    h.letta.latencyMs = 10;
    h.letta.maxInFlight = 0;
    const synced = await h.run(['sync', '--now', '2027-03-21T00:00:00Z', '--concurrency', '4']);
    expect(synced.code).toBe(0);
    expect(h.letta.maxInFlight).toBe(4);
    expect(instantsSent(synced.requests)).toHaveLength(20);
    const members = state().series[0]!.members;
    const waiting = members.filter((m) => Date.parse(m.instant) > Date.parse('2027-03-21T00:00:00Z'));
    expect(waiting).toHaveLength(50);
    expect(members.map((m) => m.instant)).toEqual(members.map((m) => m.instant).sort());
    expect(waiting.every((m) => h.letta.schedules.has(m.schedule_id))).toBe(true);
    expect(state().series[0]!.attempted).toBeUndefined();
    const again = await h.run(['sync', '--now', '2027-03-21T00:00:00Z']);
    expect(again.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it.each([['friday'], ['2027-03-05'], ['mar 5']])('--until %s, a day without a time, includes that whole day', async (until) => {
    // Wednesday 2027-03-03: the runs are Wednesday, Thursday and Friday at 6pm.
    const result = await create(['--cron', 'every day at 6pm', '--until', until], '2027-03-03T12:00:00Z');
    expect(result.code).toBe(0);
    expect(instantsSent(result.requests)).toEqual(['2027-03-03T23:00:00.000Z', '2027-03-04T23:00:00.000Z', '2027-03-05T23:00:00.000Z']);
  });

  it.each([
    ['every day at 6pm until friday', []],
    ['every day at 6pm for 3 days', []],
    ['every day at 6pm 3 times', []],
    ['every day at 6pm', ['--count', '3']],
  ])("%s %s: the phrase's own end or count is the same series as the flags", async (cron, flags) => {
    const result = await create(['--cron', cron, ...flags], '2027-03-03T12:00:00Z');
    expect(result.code).toBe(0);
    expect(instantsSent(result.requests)).toEqual(['2027-03-03T23:00:00.000Z', '2027-03-04T23:00:00.000Z', '2027-03-05T23:00:00.000Z']);
  });

  it('a phrase that starts later creates nothing before its start, and sync keeps to it', async () => {
    const result = await create(['--cron', 'every friday at 9am starting march 19', '--count', '2'], '2027-03-03T12:00:00Z');
    expect(result.code).toBe(0);
    expect(instantsSent(result.requests)).toEqual(['2027-03-19T13:00:00.000Z', '2027-03-26T13:00:00.000Z']);
  });

  it('an end in the phrase and a different --until is an error, and nothing is created', async () => {
    const result = await create(['--cron', 'every day at 6pm until friday', '--until', '2027-03-10'], '2027-03-03T12:00:00Z');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Give the end once');
    expect(result.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it.each([
    [['--until', '2027-03-10'], "--until '2027-03-10' gives one"],
    [['--count', '3'], '--count 3 gives one'],
  ])('a phrase that says it has no end beside %j is an error, and nothing is created', async (flags, said) => {
    const result = await create(['--cron', 'every day at 6pm until further notice', ...flags], '2027-03-03T12:00:00Z');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`The phrase says it has no end ('until further notice'), but ${said}`);
    expect(result.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('is listed as one row and deleted as one', async () => {
    const result = await create(['--cron', 'every day at 9am', '--count', '3'], '2027-03-01T00:00:00Z');
    const seriesId = result.stdout.trim();
    const members = state().series[0]!.members.map((m) => m.schedule_id);
    const list = await h.run(['recurring', 'list', '--agent-id', AGENT, '--json', '--now', '2027-03-01T00:00:00Z']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: seriesId, remaining: 3, next_scheduled_time: '2027-03-01T14:00:00.000Z' })]);

    const deleted = await h.run(['recurring', 'delete', seriesId, '--now', '2027-03-01T00:00:00Z']);
    expect(deleted.code).toBe(0);
    expect(deleted.requests.filter((r) => r.method === 'DELETE').map((r) => r.path.split('/').at(-1))).toEqual(members);
    expect(h.letta.schedules.size).toBe(0);
    expect(state().series[0]).toMatchObject({ status: 'deleted' });
  });

  it('deleting it deletes a member whose time passed that Letta still holds (a fire late or stuck), and asks no more of one it does not', async () => {
    const result = await create(['--cron', 'every day at 9am', '--count', '4'], '2027-03-01T00:00:00Z');
    const seriesId = result.stdout.trim();
    const members = state().series[0]!.members.map((m) => m.schedule_id);
    // The first two were due by the 3rd; Letta let go of the first and still holds the second.
    h.letta.schedules.delete(members[0]!);
    const deleted = await h.run(['recurring', 'delete', seriesId, '--now', '2027-03-03T00:00:00Z']);
    expect(deleted.code).toBe(0);
    expect(
      deleted.requests
        .filter((r) => r.method === 'DELETE')
        .map((r) => r.path.split('/').at(-1))
        .sort(),
    ).toEqual(members.slice(1).sort());
    expect(h.letta.schedules.size).toBe(0);
    expect(state().series[0]).toMatchObject({ status: 'deleted' });
  });

  it('a delete cut short leaves it deleted: sync makes no more of it, and deleting it again finishes it', async () => {
    // No end: a sync weeks later would top it up, were it still followed.
    const result = await create(['--cron', 'every other monday at 9am'], '2027-03-01T00:00:00Z');
    const seriesId = result.stdout.trim();
    const members = state().series[0]!.members.map((m) => m.schedule_id);
    h.letta.inject(/^DELETE /, { pass: true }, { pass: true }, { status: 500 }, { status: 500 }, { status: 500 });
    const cut = await h.run(['recurring', 'delete', seriesId, '--now', '2027-03-01T00:00:00Z']);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain(
      `Deleted 2 of ${members.length} schedules of ${seriesId}; still there: ${members.slice(2).join(', ')}. Delete the series again to finish: letta-switchboard recurring delete ${seriesId}`,
    );
    expect(state().series[0]).toMatchObject({ status: 'deleted', delete_unfinished: true });
    const get = await h.run(['recurring', 'get', seriesId, '--now', '2027-03-01T00:00:00Z']);
    expect(get.stderr).toContain(`Finish it with: letta-switchboard recurring delete ${seriesId}`);
    const again = await h.run(['recurring', 'delete', seriesId, '--now', '2027-03-01T00:00:00Z']);
    expect(again.code).toBe(0);
    expect([...h.letta.schedules.keys()]).toEqual([]);
    expect(state().series[0]).toMatchObject({ status: 'deleted' });
    expect(state().series[0]!.delete_unfinished).toBeUndefined();
    expect((await h.run(['recurring', 'delete', seriesId, '--now', '2027-03-01T00:00:00Z'])).stderr).toContain('was already deleted');
  });

  it('marked gone by a list that lied, it is followed again once its members are listed again', async () => {
    const result = await create(['--cron', 'every other monday at 9am'], '2027-03-01T00:00:00Z');
    const seriesId = result.stdout.trim();
    const hidden = new Map(h.letta.schedules);
    h.letta.schedules.clear();
    const lied = await h.run(['sync', '--now', '2027-03-02T00:00:00Z']);
    expect(lied.stdout).toContain(`Series ${seriesId} was deleted outside letta-switchboard`);
    expect(state().series[0]).toMatchObject({ status: 'gone' });
    for (const [id, item] of hidden) h.letta.schedules.set(id, item);
    const again = await h.run(['sync', '--now', '2027-03-02T00:00:00Z']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Series ${seriesId} is on the server again (an earlier list lacked its schedules): followed again (agent ${AGENT})`);
    expect(state().series[0]).toMatchObject({ status: 'active' });
    // Followed, it is topped up as its members fire.
    const later = await h.run(['sync', '--now', '2027-04-20T00:00:00Z']);
    expect(later.requests.filter((r) => r.method === 'POST').length).toBeGreaterThan(0);
  });

  it('a delete cut short is finished by the next sync: what is left deleted, nothing created, the series recorded deleted', async () => {
    const result = await create(['--cron', 'every other monday at 9am'], '2027-03-01T00:00:00Z');
    const seriesId = result.stdout.trim();
    const members = state().series[0]!.members.map((m) => m.schedule_id);
    h.letta.inject(/^DELETE /, { pass: true }, { status: 500 }, { status: 500 }, { status: 500 });
    expect((await h.run(['recurring', 'delete', seriesId, '--now', '2027-03-01T00:00:00Z'])).code).toBe(1);
    const synced = await h.run(['sync', '--now', '2027-03-25T00:00:00Z']);
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.requests.filter((r) => r.method === 'POST')).toEqual([]);
    expect(synced.requests.filter((r) => r.method === 'DELETE').map((r) => r.path.split('/').pop())).toEqual(members.slice(1));
    expect(synced.stdout).toContain(`Series ${seriesId}, whose delete was cut short: deleted ${members.slice(1).join(', ')}; recorded as deleted`);
    expect([...h.letta.schedules.keys()]).toEqual([]);
    expect(state().series[0]).toMatchObject({ status: 'deleted' });
    expect(state().series[0]!.delete_unfinished).toBeUndefined();
    const again = await h.run(['sync', '--now', '2027-03-25T00:00:00Z']);
    expect(again.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(again.stdout).not.toContain(seriesId);
  });

  it('a partial failure says exactly what exists, and sync creates the rest', async () => {
    // After two creates, Letta's clock jumps ahead, so the third instant is refused as past.
    const add = h.letta.addSchedule.bind(h.letta);
    let made = 0;
    h.letta.addSchedule = (...args: Parameters<typeof add>) => {
      if (++made === 2) h.letta.now = () => Date.parse('2027-03-03T20:00:00Z');
      return add(...args);
    };
    const result = await create(['--cron', 'every day at 9am', '--count', '3'], '2027-03-01T00:00:00Z').finally(() => delete (h.letta as { addSchedule?: unknown }).addSchedule);
    expect(result.code).toBe(1);
    const ids = state().series[0]!.members.map((m) => m.schedule_id);
    expect(ids).toHaveLength(2);
    expect(result.stderr).toContain(`Created 2 of 3 schedules of series ${result.stdout.trim()}: ${ids.join(', ')}`);
    expect(result.stderr).toContain('scheduled_at must be in the future');
  });
});

describe('a series whose rule runs less often than its horizon', () => {
  it.each([
    ['every 2 years on march 1', '2027-03-01T14:00:00.000Z', '2029-03-01T14:00:00.000Z'],
    ['every friday the 13th', '2027-08-13T13:00:00.000Z', '2028-10-13T13:00:00.000Z'],
  ])('%s is made with its next run, however far, and sync makes the one after once it has fired', async (phrase, first, second) => {
    h.letta.now = () => Date.parse('2026-12-02T15:00:00Z');
    const made = await create(['--cron', phrase], '2026-12-02T15:00:00Z');
    expect(made.code, made.stderr).toBe(0);
    expect(instantsSent(h.letta.received)).toEqual([first]);
    // Once that member has fired, sync tops the series up with the next run.
    h.letta.received.length = 0;
    const after = new Date(Date.parse(first) + 3_600_000).toISOString();
    h.letta.now = () => Date.parse(after);
    for (const item of [...h.letta.schedules.values()]) h.letta.schedules.delete(item.id);
    expect((await h.run(['sync', '--now', after])).code).toBe(0);
    expect(instantsSent(h.letta.received)).toEqual([second]);
  });
});

describe('series: a member whose create answer was lost', () => {
  it('sync finds the member that landed and says so, and creates only the rest', async () => {
    // The series' third create lands, but its answer is a 500 (the server's clock is the command's).
    h.letta.now = () => Date.parse('2027-03-01T00:00:00Z');
    h.letta.inject(/POST .*schedule$/, { pass: true }, { pass: true }, { status: 500, body: '{"detail":"x"}', land: true });
    const made = await create(['--cron', 'every day at 9am', '--count', '4'], '2027-03-01T00:00:00Z');
    expect(made.code).toBe(1);
    const recorded = state().series[0]!.members.map((m) => m.schedule_id);
    const [landed, ...others] = [...h.letta.schedules.keys()].filter((id) => !recorded.includes(id));
    expect(others).toEqual([]);
    h.letta.received.length = 0;
    const synced = await h.run(['sync', '--now', '2027-03-01T00:00:00Z', '--json']);
    expect(synced.code).toBe(0);
    const [topUp] = (JSON.parse(synced.stdout) as Array<Record<string, unknown>>).filter((a) => a.action === 'top-up');
    const posted = h.letta.requests('POST').map((r) => r.created);
    expect(posted).toHaveLength(1);
    expect(topUp).toMatchObject({ found: [landed], created: posted });
    expect(state().series[0]!.members).toHaveLength(4);
  });
});

describe('series coverage', () => {
  it('says how long the first members last, and refuses a rule 50 schedules cannot carry past an hourly sync', async () => {
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', 'every 7 minutes', '--now', '2027-03-01T00:00:00Z']);
    expect(made.code).toBe(0);
    expect(made.stderr).toMatch(/These cover 5 h 4\d min; 'letta-switchboard sync' makes more/);
    h.letta.reset(() => Date.parse('2027-03-01T00:00:00Z'));
    const tooOften = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', 'every 2 minutes', '--count', '100', '--now', '2027-03-01T00:00:00Z']);
    expect(tooOften.code).toBe(2);
    expect(tooOften.stderr).toMatch(/they would cover only 1 h 4\d min, and an hourly sync could not keep it from running dry/);
    expect(h.letta.requests('POST')).toEqual([]);
  });
});
