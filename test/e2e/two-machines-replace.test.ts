import { describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { machineOn } from '../helpers/two-machines';

/**
 * Two machines (two state folders) that both adopted one schedule: at the DST change both syncs replace it,
 * and the hourly cron line starts them at the same minute. The other machine's steps are made here by
 * the server, while this machine's sync runs: its create landing, or already landed, beside ours.
 */
const suite = useFakeLetta({ defaultAgent: false });
const SUMMER = '2027-03-20T12:00:00Z';
const WINTER_CRON = '0 14 * * *';
const SUMMER_CRON = '0 13 * * *';

async function bothAdopt(letta: FakeLetta) {
  const old = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: WINTER_CRON }, 'standup');
  const { at: mine } = machineOn(letta);
  const { at: theirs } = machineOn(letta);
  for (const one of [mine, theirs]) expect((await one(NOW, 'recurring', 'adopt', old.id, '--tz', 'America/New_York')).code).toBe(0);
  // From here the server's clock is the sync's: the copies it makes are made now.
  letta.now = () => Date.parse(SUMMER);
  return { old, mine, theirs };
}

const isCreate = (method: string, path: string) => method === 'POST' && path.endsWith('/schedule');
const copies = (letta: FakeLetta) => [...letta.schedules.values()].map((s) => [s.id, s.schedule.cron_expression]);

describe('two machines replace the same schedule at the same time', () => {
  it('the copy the other machine made first is kept: this sync deletes its own, and its record follows the other', async () => {
    const { letta } = suite;
    const { old, mine } = await bothAdopt(letta);
    let theirs: string | undefined;
    letta.onRequest = (request) => {
      if (theirs === undefined && isCreate(request.method, request.path)) theirs = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: SUMMER_CRON }, 'standup').id;
    };
    const sync = await mine(SUMMER, 'sync', '--json');
    expect(sync.code).toBe(0);
    expect(copies(letta)).toEqual([[theirs, SUMMER_CRON]]);
    const [replaced, kept] = JSON.parse(sync.stdout) as Array<{ action: string; id: string; new_id: string; exist: string[] }>;
    expect(replaced).toMatchObject({ action: 'replace', id: old.id });
    expect(kept).toMatchObject({ action: 'keep-first-copy', ok: true, id: replaced!.new_id, new_id: theirs, exist: [theirs] });
    expect(
      letta
        .requests('DELETE')
        .map((r) => r.path.split('/').pop())
        .sort(),
    ).toEqual([old.id, replaced!.new_id].sort());
    // This machine keeps the other's copy at 9:00 New York time from now on, and has nothing left to do.
    letta.onRequest = undefined;
    letta.received.length = 0;
    expect((await mine(SUMMER, 'sync')).code).toBe(0);
    expect(letta.requests().filter((r) => r.method !== 'GET')).toEqual([]);
    expect((await mine(SUMMER, 'recurring', 'get', theirs!)).stdout).toContain('America/New_York');
  });

  it("this sync's copy made first is kept, and the other machine's copy is left for the other machine to delete", async () => {
    const { letta } = suite;
    const { old, mine } = await bothAdopt(letta);
    let theirs: string | undefined;
    letta.onRequest = (request) => {
      const readBack = request.method === 'GET' && /\/schedule\/sm-/.test(request.path) && !request.path.endsWith(`/${old.id}`);
      if (theirs === undefined && readBack) theirs = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: SUMMER_CRON }, 'standup').id;
    };
    const sync = await mine(SUMMER, 'sync', '--json');
    expect(sync.code).toBe(0);
    const report = JSON.parse(sync.stdout) as Array<{ action: string; new_id: string }>;
    expect(report.map((r) => r.action)).toEqual(['replace']);
    expect(letta.requests('DELETE').map((r) => r.path.split('/').pop())).toEqual([old.id]);
    expect(copies(letta).sort()).toEqual([
      [report[0]!.new_id, SUMMER_CRON],
      [theirs, SUMMER_CRON],
    ]);
  });

  it('a look-alike made before the sync began (a schedule of its own, made on purpose) is not taken for a copy', async () => {
    const { letta } = suite;
    const lookAlike = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: SUMMER_CRON }, 'standup');
    const { old, mine } = await bothAdopt(letta);
    const sync = await mine(SUMMER, 'sync', '--json');
    expect(sync.code).toBe(0);
    const report = JSON.parse(sync.stdout) as Array<{ action: string; new_id: string }>;
    expect(report.map((r) => r.action)).toEqual(['replace']);
    expect(letta.requests('DELETE').map((r) => r.path.split('/').pop())).toEqual([old.id]);
    expect(copies(letta).map(([id]) => id)).toEqual([lookAlike.id, report[0]!.new_id]);
  });
});

describe('a schedule the other machine replaced an hour before', () => {
  const LATER = '2027-03-20T13:00:00Z';

  it('is followed as replaced elsewhere, not marked deleted outside', async () => {
    const { letta } = suite;
    const { old, mine, theirs } = await bothAdopt(letta);
    // The other machine syncs first, at the DST change: its replacement is the only copy.
    expect((await theirs(SUMMER, 'sync')).code).toBe(0);
    const [first] = [...letta.schedules.values()];
    expect(first).toMatchObject({ schedule: { cron_expression: SUMMER_CRON } });
    letta.now = () => Date.parse(LATER);
    letta.received.length = 0;
    const sync = await mine(LATER, 'sync');
    expect(sync.code).toBe(0);
    expect(sync.stdout).toContain(`${old.id} was replaced elsewhere by ${first!.id}`);
    expect(sync.stdout).not.toContain('deleted outside');
    expect(letta.requests().filter((r) => r.method !== 'GET')).toEqual([]);
    // Followed at 9:00 New York time from now on: its record is the replacement's, with the zone.
    expect((await mine(LATER, 'recurring', 'get', first!.id)).stdout).toContain('America/New_York');
    const again = await mine(LATER, 'sync');
    expect(again.stdout).not.toContain(old.id);
    expect(letta.requests().filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('a real delete is still said as one, and two schedules that could be the replacement are neither', async () => {
    const { letta } = suite;
    const { old, mine } = await bothAdopt(letta);
    letta.schedules.delete(old.id);
    const deleted = await mine(LATER, 'sync', '--dry-run');
    expect(deleted.stderr + deleted.stdout).toContain(`${old.id} was deleted outside letta-switchboard`);
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: SUMMER_CRON }, 'standup');
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: SUMMER_CRON }, 'standup');
    const two = await mine(LATER, 'sync');
    expect(two.stdout).toContain(`${old.id} was deleted outside letta-switchboard`);
    expect(two.stdout).not.toContain('replaced elsewhere');
  });

  it('a schedule at another time, or made before the recorded one, is not taken for the replacement', async () => {
    const { letta } = suite;
    letta.now = () => Date.parse('2026-12-01T00:00:00Z');
    const before = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: SUMMER_CRON }, 'standup');
    letta.now = () => Date.now();
    const { old, mine } = await bothAdopt(letta);
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 15 * * *' }, 'standup');
    letta.schedules.delete(old.id);
    const sync = await mine(LATER, 'sync');
    expect(sync.stdout).toContain(`${old.id} was deleted outside letta-switchboard`);
    expect(sync.stdout).not.toContain(before.id);
  });

  it("with no DST change since, a schedule at the recorded time made later (someone else's) is not taken for the replacement", async () => {
    const { letta } = suite;
    const { old, mine } = await bothAdopt(letta);
    letta.now = () => Date.now();
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: WINTER_CRON }, 'lunch');
    letta.schedules.delete(old.id);
    const sync = await mine(NOW, 'sync');
    expect(sync.stdout).toContain(`${old.id} was deleted outside letta-switchboard`);
    expect(sync.stdout).not.toContain('replaced elsewhere');
  });
});
