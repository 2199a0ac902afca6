import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LettaApi } from '../../src/letta/api';
import { LettaClient } from '../../src/letta/client';
import { journalPath, openState, statePath } from '../../src/state/store';
import { foldJournals } from '../../src/state/journal-end';
import { syncSchedules, windowsOf } from '../../src/sync/run';
import { TEST_KEY } from '../helpers/fake-letta';
import { seedKeptSchedules, SUMMER, SUMMER_CRON, WINTER_CRON } from '../helpers/kept-schedules';
import { useFakeLetta } from '../helpers/suite';

const suite = useFakeLetta({ defaultAgent: false });

/** Under a dry run, the client prints (here: counts) the requests that change the server instead of sending them. */
let unsent = 0;
function api(dryRun: boolean) {
  const client = new LettaClient({ baseUrl: suite.letta.url, apiKey: TEST_KEY, timeoutMs: 10_000, signal: new AbortController().signal, ...(dryRun ? { dryRun: () => void unsent++ } : {}) });
  return new LettaApi(client);
}

/** A sync of the suite's record and fake, each agent's records taken `windowSize` at a time. */
async function sync(windowSize: number, dryRun = false) {
  const server = `${suite.letta.url}/`;
  const store = openState(suite.env, suite.env.HOME!, { journal: true, server });
  const result = await syncSchedules({ api: api(dryRun), store, now: Date.parse(SUMMER), server, dryRun, concurrency: 4, windowSize });
  await foldJournals();
  return result;
}

const crons = () => [...suite.letta.schedules.values()].map((s) => `${s.agent_id} ${s.schedule.cron_expression} ${JSON.stringify(s.message?.messages)}`).sort();

async function recordSummary() {
  const state = await openState(suite.env, suite.env.HOME!).read();
  const active = state.intents.filter((i) => i.status === 'active');
  return {
    statuses: state.intents.map((i) => i.status).sort(),
    activeOnServer: active.every((i) => suite.letta.schedules.has(i.schedule_id)),
    activeCrons: active.map((i) => i.utc_crons?.join(' ')).sort(),
  };
}

describe('sync a window of the record at a time', () => {
  it.each([1, 3, 7, 25])('replaces every schedule of two agents once with windows of %i records, as one window does, and a second sync changes nothing', async (windowSize) => {
    const [first, second] = suite.letta.agents;
    await seedKeptSchedules(suite.letta, suite.env, { count: 20, agents: [first!.id, second!.id], fresh: true });
    const result = await sync(windowSize);
    expect(result.checked).toBe(20);
    expect(result.outcomes.filter((o) => o.ok && o.action.type === 'replace')).toHaveLength(20);
    expect(result.outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(crons().every((line) => line.includes(SUMMER_CRON))).toBe(true);
    expect(suite.letta.schedules.size).toBe(20);
    expect(await recordSummary()).toEqual({
      statuses: [...Array(20).fill('active'), ...Array(20).fill('replaced')],
      activeOnServer: true,
      activeCrons: Array(20).fill(SUMMER_CRON),
    });
    const again = await sync(windowSize);
    expect(again.checked).toBe(20);
    expect(again.outcomes).toEqual([]);
  });

  it('keeps schedules alike on purpose that fall in different windows: none is taken for another machine copy of another', async () => {
    await seedKeptSchedules(suite.letta, suite.env, { count: 12, sameMessage: true, fresh: true });
    // Copies are stamped as made now, within the time another machine's copy would be looked for.
    let tick = Date.now();
    suite.letta.now = () => (tick += 1000);
    const result = await sync(2);
    expect(result.outcomes.filter((o) => o.action.type === 'keep-first-copy')).toEqual([]);
    expect(suite.letta.schedules.size).toBe(12);
    const summary = await recordSummary();
    expect(summary.activeCrons).toEqual(Array(12).fill(SUMMER_CRON));
    expect(summary.activeOnServer).toBe(true);
  });

  it('under --dry-run plans every window and changes neither the server nor the record', async () => {
    await seedKeptSchedules(suite.letta, suite.env, { count: 9, fresh: true });
    const before = await recordSummary();
    unsent = 0;
    const result = await sync(2, true);
    expect(result.plan.filter((a) => a.type === 'replace')).toHaveLength(9);
    expect(unsent).toBe(18);
    expect(crons().every((line) => line.includes(WINTER_CRON))).toBe(true);
    expect(await recordSummary()).toEqual(before);
  });

  it('puts agents with few records in one window, in their order, and gives an agent with many windows of its own', () => {
    const records: Record<string, number> = { a: 2, b: 3, c: 9, d: 1, e: 4, f: 4 };
    expect(windowsOf(Object.keys(records), (agent) => records[agent]!, 5)).toEqual([
      { agents: ['a', 'b'], part: 0, parts: 1 },
      { agents: ['c'], part: 0, parts: 2 },
      { agents: ['c'], part: 1, parts: 2 },
      { agents: ['d', 'e'], part: 0, parts: 1 },
      { agents: ['f'], part: 0, parts: 1 },
    ]);
  });
});

/** The part of an agent's windows a record's group falls in (run.ts's groupHash, FNV-1a). */
function partOf(group: string, parts: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < group.length; i++) hash = Math.imul(hash ^ group.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % parts;
}

describe('an agent whose records take several windows', () => {
  it('never follows a record to a schedule a record in another window names', async () => {
    const agent = suite.letta.agents[0]!.id;
    const server = `${suite.letta.url}/`;
    // X's schedule is gone from Letta and its rule needs a new cron; Y already stands on a schedule at that cron.
    // The two fall in different windows of the agent (two records, windows of one).
    const x = 'missing-x-0';
    let y = suite.letta.addSchedule(agent, { type: 'recurring', cron_expression: SUMMER_CRON }, 'Standup Y');
    while (partOf(y.id, 2) === partOf(x, 2)) {
      suite.letta.schedules.delete(y.id);
      y = suite.letta.addSchedule(agent, { type: 'recurring', cron_expression: SUMMER_CRON }, 'Standup Y');
    }
    const intent = (schedule_id: string, cron: string) =>
      ({
        schedule_id,
        agent_id: agent,
        server,
        kind: 'recurring',
        phrase: 'every weekday at 9am',
        zone: 'America/New_York',
        local_rule: '0 9 * * 1-5',
        utc_crons: [cron],
        created_at: '2020-01-01T00:00:00Z',
        replaces: [],
        status: 'active',
      }) as const;
    await openState(suite.env, suite.env.HOME!).update((state) => {
      Object.assign(state, { intents: [intent(x, WINTER_CRON), intent(y.id, SUMMER_CRON)], series: [], paused: [] });
    });
    const result = await sync(1);
    expect(result.outcomes.map((o) => o.action.type)).toEqual(['gone']);
    const state = await openState(suite.env, suite.env.HOME!).read();
    expect(state.intents.map((i) => [i.schedule_id, i.status])).toEqual([
      [x, 'gone'],
      [y.id, 'active'],
    ]);
  });

  it('under --dry-run writes nothing, even where the journal holds a step read only whole or has grown large', async () => {
    await seedKeptSchedules(suite.letta, suite.env, { count: 6, fresh: true });
    const [file, journal] = [statePath(suite.env, suite.env.HOME!), journalPath(suite.env, suite.env.HOME!)];
    const state = JSON.parse(readFileSync(file, 'utf8'));
    // A step that wrote the whole list (as an older command may have), and enough others to pass the fold's bound.
    const filler = { op: 'top', fields: { version: 2, ...(state.generation === undefined ? {} : { generation: state.generation }), note: 'x'.repeat(1000) } };
    const lines = [
      { g: state.generation ?? 0, k: 2, ops: [{ op: 'list', list: 'intents', records: state.intents }] },
      ...Array.from({ length: 300 }, () => ({ g: state.generation ?? 0, k: 2, ops: [filler] })),
    ];
    writeFileSync(journal, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
    const before = [readFileSync(file), readFileSync(journal)];
    unsent = 0;
    const result = await sync(2, true);
    expect(result.plan.filter((a) => a.type === 'replace')).toHaveLength(6);
    expect([readFileSync(file), readFileSync(journal)]).toEqual(before);
  });
});
