import { describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { adopted, CRON, deleted, ids, isCreate, laptopAndServer } from '../helpers/two-machines';

/**
 * Two machines, each with its own record of intent (its own state folder), against one Letta. What the other machine
 * does in the middle of a command is done here by the server as that command's requests arrive.
 */
const suite = useFakeLetta({ defaultAgent: false });

const lists = (letta: FakeLetta) => letta.requests('GET').filter((r) => r.path.endsWith('/schedule'));

/**
 * The other machine's edit of `oldId`, its read of the old schedule done before this one's delete, as this one's was
 * before its: its copy is made when this edit's create arrives (`first`, so made first) or its read back (after), and
 * the old schedule is left for the deletes (Letta answers both with success).
 */
function otherEditBothRead(letta: FakeLetta, text: string, first: boolean, cron = CRON): { id?: string } {
  const theirs: { id?: string } = {};
  let created = false;
  letta.onRequest = (request) => {
    if (theirs.id !== undefined) return;
    if (isCreate(request.method, request.path)) created = true;
    if (first ? !created : !(created && request.method === 'GET' && !request.path.endsWith('/schedule'))) return;
    theirs.id = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: cron }, text).id;
  };
  return theirs;
}

describe('two edits of one schedule whose reads of it both came before either delete', () => {
  it('the same change, theirs made first: one is left, theirs, and this edit follows it', async () => {
    const { letta } = suite;
    const { old, mine } = await adopted(letta);
    const theirs = otherEditBothRead(letta, 'standup moved', true);
    const edit = await mine('recurring', 'edit', old.id, '--message', 'standup moved');
    expect(edit.code).toBe(0);
    expect(ids(letta)).toEqual([theirs.id]);
    const ours = deleted(letta).find((id) => id !== old.id);
    expect(edit.stderr).toContain(`${old.id} was changed on another machine at the same time, the same way, as ${theirs.id}, made first: ${theirs.id} is kept, and ${ours} deleted`);
    letta.onRequest = undefined;
    letta.received.length = 0;
    const sync = await mine('sync');
    expect(sync.code).toBe(0);
    expect(letta.requests().filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('another change, theirs made first: theirs is left, this change not made (exit 1)', async () => {
    const { letta } = suite;
    const { old, mine } = await adopted(letta);
    const theirs = otherEditBothRead(letta, 'lunch', true);
    const edit = await mine('recurring', 'edit', old.id, '--message', 'standup moved');
    expect(edit.code).toBe(1);
    expect(ids(letta)).toEqual([theirs.id]);
    expect(edit.stderr).toContain(`${old.id} was changed on another machine at the same time, as ${theirs.id}, made first`);
    expect(edit.stderr).toContain('so this change is not made');
  });

  it("this edit's copy made first: it is left, and the other machine's deleted, said", async () => {
    const { letta } = suite;
    const { old, mine } = await adopted(letta);
    const theirs = otherEditBothRead(letta, 'lunch', false);
    const edit = await mine('recurring', 'edit', old.id, '--message', 'standup moved', '--json');
    expect(edit.code).toBe(0);
    const { id } = JSON.parse(edit.stdout) as { id: string };
    expect(ids(letta)).toEqual([id]);
    expect(deleted(letta).sort()).toEqual([old.id, theirs.id].sort());
    expect(edit.stderr).toContain(`${id} is kept, and ${theirs.id} deleted`);
  });

  it('a schedule made meanwhile that shares neither timing nor messages with the old one is left alone, unsaid', async () => {
    const { letta } = suite;
    const { old, mine } = await adopted(letta);
    const other = otherEditBothRead(letta, 'water the plants', true, '0 9 * * 1');
    const edit = await mine('recurring', 'edit', old.id, '--message', 'standup moved', '--json');
    expect(edit.code).toBe(0);
    const { id } = JSON.parse(edit.stdout) as { id: string };
    expect(ids(letta).sort()).toEqual([id, other.id].sort());
    expect(edit.stderr).toBe('');
  });

  it('costs one list of the agent in place of the read of the old schedule before its delete, and no more requests', async () => {
    const { letta } = suite;
    const { old, mine } = await adopted(letta);
    const edit = await mine('recurring', 'edit', old.id, '--message', 'standup moved');
    expect(edit.code).toBe(0);
    expect(lists(letta)).toHaveLength(1);
    // Before, the same requests with a read of the old schedule where the list is: GET its id.
    const made = letta.requests().findIndex((r) => isCreate(r.method, r.path));
    const newId = ids(letta)[0]!;
    expect(
      letta
        .requests()
        .slice(made)
        .map((r) => `${r.method} ${r.path.split(AGENT)[1]}`),
    ).toEqual(['POST /schedule', `GET /schedule/${newId}`, 'GET /schedule', `DELETE /schedule/${old.id}`]);
  });
});

const writes = (letta: FakeLetta) => letta.requests().filter((r) => r.method !== 'GET');
const WHY = 'deleted outside letta-switchboard, or paused on another machine';
// Two of its five days (9am in New York) have gone by.
const LATER = '2026-11-24T15:00:00Z';

async function sharedSeries(letta: FakeLetta) {
  const machines = laptopAndServer(letta, { serverClock: true });
  const made = await machines.laptop.at(NOW, 'recurring', 'create', '--agent-id', AGENT, '--message', 'Water', '--cron', 'every day at 9am', '--count', '5', '--tz', 'America/New_York', '-q');
  expect(made.code).toBe(0);
  machines.share();
  return { ...machines, series: made.stdout.trim() };
}

describe('a series paused and resumed on another machine', () => {
  it('is said to be paused there perhaps, and its resumed schedules are followed, never made again', async () => {
    const { letta } = suite;
    const { laptop, server, series } = await sharedSeries(letta);
    expect((await laptop.at(NOW, 'recurring', 'pause', series)).code).toBe(0);
    letta.received.length = 0;
    const paused = await server.at(NOW, 'sync');
    expect(paused.code).toBe(0);
    expect(paused.stdout).toContain(`Series ${series} was ${WHY}: marked gone`);
    expect(writes(letta)).toEqual([]);

    expect((await laptop.at(LATER, 'recurring', 'resume', series)).code).toBe(0);
    const resumed = ids(letta);
    expect(resumed).toHaveLength(3);
    letta.received.length = 0;
    const follow = await server.at(LATER, 'sync');
    expect(follow.code).toBe(0);
    expect(follow.stdout).toContain(
      `Series ${series} was made again elsewhere as ${resumed.join(', ')}, with its timing and messages (paused and resumed on another machine, most likely): following them from now on`,
    );
    expect(writes(letta)).toEqual([]);
    expect(ids(letta)).toEqual(resumed);
    const list = await server.at(LATER, 'onetime', 'list', '--id', series, '-q');
    expect(list.stdout.trim().split('\n')).toEqual(resumed);
    // Followed: the next sync has nothing to say of it, and makes nothing.
    const again = await server.at(LATER, 'sync');
    expect(again.stdout).not.toContain(series);
    expect(writes(letta)).toEqual([]);
  });

  it('paused and resumed between two syncs: followed, not marked gone', async () => {
    const { letta } = suite;
    const { laptop, server, series } = await sharedSeries(letta);
    expect((await laptop.at(NOW, 'recurring', 'pause', series)).code).toBe(0);
    expect((await laptop.at(LATER, 'recurring', 'resume', series)).code).toBe(0);
    const resumed = ids(letta);
    letta.received.length = 0;
    const follow = await server.at(LATER, 'sync');
    expect(follow.code).toBe(0);
    expect(follow.stdout).toContain(`Series ${series} was made again elsewhere as ${resumed.join(', ')}`);
    expect(follow.stdout).not.toContain(WHY);
    expect(writes(letta)).toEqual([]);
  });

  it('deleted there: marked gone, and nothing is followed', async () => {
    const { letta } = suite;
    const { laptop, server, series } = await sharedSeries(letta);
    expect((await laptop.at(NOW, 'recurring', 'delete', series)).code).toBe(0);
    // A one-time schedule made by hand at another instant, with the same message, is no copy of it.
    letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse('2026-11-25T15:00:00Z') }, 'Water');
    const sync = await server.at(LATER, 'sync');
    expect(sync.stdout).toContain(`Series ${series} was ${WHY}: marked gone`);
    expect(sync.stdout).not.toContain('made again');
  });
});

describe('status of a recorded schedule Letta lacks', () => {
  it("shows it, in sync's words, counts it and exits 6, in the table and in --json; once sync marked it gone, it is not shown", async () => {
    const { letta } = suite;
    const old = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: CRON }, 'standup');
    const { laptop, server } = laptopAndServer(letta, { serverClock: true });
    for (const one of [laptop, server]) expect((await one.at(NOW, 'recurring', 'adopt', old.id, '--tz', 'America/New_York')).code).toBe(0);
    expect((await server.at(NOW, 'sync')).code).toBe(0);
    const calm = await server.at(NOW, 'status', '--agent-id', AGENT);
    expect(calm.code).toBe(0);
    expect(calm.stdout).not.toContain('not on Letta');

    expect((await laptop.at(NOW, 'recurring', 'pause', old.id)).code).toBe(0);
    const table = await server.at(NOW, 'status', '--agent-id', AGENT);
    expect(table.code).toBe(6);
    expect(table.stdout).toMatch(new RegExp(`^${old.id}\\t.*\\trecorded here, not on Letta \\(${WHY}\\)$`, 'm'));
    expect(table.stderr).toContain('1 recorded here not on Letta');
    const json = await server.at(NOW, 'status', '--agent-id', AGENT, '--json');
    expect(json.code).toBe(6);
    const doc = JSON.parse(json.stdout) as { needs_attention: boolean; fire_health: { not_on_letta: unknown[] } };
    expect(doc.needs_attention).toBe(true);
    expect(doc.fire_health.not_on_letta).toEqual([{ id: old.id, agent_id: AGENT, kind: 'recurring', why: WHY }]);
    const quiet = await server.at(NOW, 'status', '--agent-id', AGENT, '-q');
    expect(quiet.stdout.trim()).toBe(old.id);
    expect(quiet.stderr).toContain(`${old.id} (`);

    expect((await server.at(NOW, 'sync')).code).toBe(0);
    const after = await server.at(NOW, 'status', '--agent-id', AGENT, '--json');
    expect(after.code).toBe(0);
    expect((JSON.parse(after.stdout) as { fire_health: { not_on_letta: unknown[] } }).fire_health.not_on_letta).toEqual([]);
  });

  it('ranks after the stuck schedules, apart from them, in the table and under -q: its WORST is no fire of its own', async () => {
    const { letta } = suite;
    const old = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: CRON }, 'standup');
    const { laptop, server } = laptopAndServer(letta, { serverClock: true });
    for (const one of [laptop, server]) expect((await one.at(NOW, 'recurring', 'adopt', old.id, '--tz', 'America/New_York')).code).toBe(0);
    expect((await laptop.at(NOW, 'recurring', 'pause', old.id)).code).toBe(0);
    // Made after it, so its id sorts after; its scheduler stopped at 12:00 (NOW is 15:00).
    const stuck = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 * * * *' }, 'Hourly check');
    stuck.created_at = '2026-11-22T11:30:00.000Z';
    stuck.next_scheduled_time = '2026-11-22T12:00:00.000Z';
    const table = await server.at(NOW, 'status', '--agent-id', AGENT);
    expect(table.code).toBe(6);
    const rows = table.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.map((row) => [row[0], row[8]])).toEqual([
      [stuck.id, 'stuck'],
      [old.id, '-'],
    ]);
    const quiet = await server.at(NOW, 'status', '--agent-id', AGENT, '-q');
    expect(quiet.code).toBe(6);
    expect(quiet.stdout).toBe(`${stuck.id}\n${old.id}\n`);
    const json = await server.at(NOW, 'status', '--agent-id', AGENT, '--json');
    const doc = JSON.parse(json.stdout) as { fire_health: { totals: { stuck: number }; not_on_letta: Array<{ id: string }> } };
    expect([json.code, doc.fire_health.totals.stuck, doc.fire_health.not_on_letta.map((one) => one.id)]).toEqual([6, 1, [old.id]]);
  });

  it('a series paused on another machine is shown once, by its series id', async () => {
    const { letta } = suite;
    const { laptop, server, series } = await sharedSeries(letta);
    expect((await server.at(NOW, 'sync')).code).toBe(0);
    expect((await laptop.at(NOW, 'recurring', 'pause', series)).code).toBe(0);
    const json = await server.at(NOW, 'status', '--agent-id', AGENT, '--json');
    expect(json.code).toBe(6);
    expect((JSON.parse(json.stdout) as { fire_health: { not_on_letta: unknown[] } }).fire_health.not_on_letta).toEqual([{ id: series, agent_id: AGENT, kind: 'series', why: WHY }]);
  });
});
