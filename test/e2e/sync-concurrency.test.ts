import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openState } from '../../src/state/store';
import { syncOutcomePath } from '../../src/state/sync-outcome';
import type { FakeLetta, Received } from '../helpers/fake-letta';
import { seedKeptSchedules, SUMMER, SUMMER_CRON } from '../helpers/kept-schedules';
import { BIN, runCli, tempHome } from '../helpers/run-cli';
import { useFakeLetta } from '../helpers/suite';

const suite = useFakeLetta({ defaultAgent: false });
const sync = (...args: string[]) => runCli(['--now', SUMMER, 'sync', ...args], { env: suite.env, timeoutMs: 60_000 });
const changing = (letta: FakeLetta) => letta.received.filter((r) => r.method === 'POST' || r.method === 'DELETE');
const isListing = (r: Received) => r.method === 'GET' && r.path.endsWith('/schedule');
const listings = (received: Received[]) => received.filter(isListing).length;
/** Where the last request that changed the server came. */
const lastChange = (letta: FakeLetta) => letta.received.map((r) => r.method === 'POST' || r.method === 'DELETE').lastIndexOf(true);
const crons = (letta: FakeLetta) => [...letta.schedules.values()].map((s) => s.schedule.cron_expression);

/** A sync after one that finished: it exits 0 and sends nothing that changes the server. */
async function syncAgainChangesNothing(letta: FakeLetta, why?: string) {
  letta.received.length = 0;
  expect((await sync()).code, why).toBe(0);
  expect(changing(letta), why).toEqual([]);
}

/** Each replacement as the server saw it: where its create, its read back and the old one's delete came. */
function replacements(received: Received[], replacedBy: Map<string, string>) {
  const at = (match: (r: Received) => boolean) => received.findIndex(match);
  return [...replacedBy].map(([oldId, newId]) => ({
    create: at((r) => r.method === 'POST' && r.created === newId),
    readBack: at((r) => r.method === 'GET' && r.path.endsWith(`/schedule/${newId}`)),
    delete: at((r) => r.method === 'DELETE' && r.path.endsWith(`/schedule/${oldId}`)),
  }));
}

async function record() {
  const state = await openState(suite.env, suite.env.HOME!).read();
  return {
    active: state.intents
      .filter((i) => i.status === 'active')
      .map((i) => i.schedule_id)
      .sort(),
    replacedBy: new Map(state.intents.filter((i) => i.status === 'replaced').map((i) => [i.schedule_id, i.replaced_by!])),
  };
}

describe('sync --concurrency', () => {
  it.each([
    [[], 8],
    [['--concurrency', '3'], 3],
    [['--concurrency', '1'], 1],
  ])(
    'sync %j replaces 30 schedules with at most %i requests in flight, each one created, read back, then the old deleted',
    async (flags, most) => {
      const { letta } = suite;
      letta.latencyMs = 20;
      const old = await seedKeptSchedules(letta, suite.env, { count: 30 });
      const result = await sync(...flags);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(letta.maxInFlight).toBe(most);
      expect(letta.requests('POST')).toHaveLength(30);
      expect(letta.requests('DELETE')).toHaveLength(30);
      expect(crons(letta)).toEqual(Array(30).fill(SUMMER_CRON));
      const { active, replacedBy } = await record();
      expect([...replacedBy.keys()].sort()).toEqual([...old].sort());
      expect(active).toEqual([...letta.schedules.keys()].sort());
      for (const step of replacements(letta.received, replacedBy)) {
        expect(step.create).toBeGreaterThanOrEqual(0);
        expect(step.readBack).toBeGreaterThan(step.create);
        expect(step.delete).toBeGreaterThan(step.readBack);
      }
      // What was done is said once per schedule, in the plan's order whatever order the answers came in.
      expect(result.stdout.match(/^Replaced sm-\d+ with sm-\d+/gm)?.map((line) => line.split(' ')[1])).toEqual([...old].sort());

      await syncAgainChangesNothing(letta);
    },
    60_000,
  );

  it('twenty syncs at once replace each schedule exactly once', async () => {
    const { letta } = suite;
    letta.latencyMs = 5;
    await seedKeptSchedules(letta, suite.env, { count: 12, sameMessage: true });
    const runs = await Promise.all(Array.from({ length: 20 }, () => sync()));
    expect(runs.map((r) => r.code)).toEqual(Array(20).fill(0));
    expect(letta.requests('POST')).toHaveLength(12);
    expect(letta.requests('DELETE')).toHaveLength(12);
    expect(crons(letta)).toEqual(Array(12).fill(SUMMER_CRON));
    expect((await record()).active).toEqual([...letta.schedules.keys()].sort());
  }, 120_000);

  it('killed (kill -9) with creates of the same message in flight, the next sync finishes with nothing lost or doubled', async () => {
    const { letta } = suite;
    const killedAt = (k: number) =>
      new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [BIN, '--now', SUMMER, 'sync'], { env: suite.env, stdio: 'ignore' });
        let seen = 0;
        letta.onRequest = () => {
          if (++seen === k) child.kill('SIGKILL');
        };
        child.on('close', () => resolve());
      });
    // 16 alike: one list, then 16 creates, reads back and deletes, 8 at a time; killed in each phase.
    for (const k of [2, 5, 9, 14, 20, 27, 33, 40, 46]) {
      letta.reset(() => Date.parse(SUMMER));
      letta.latencyMs = 30;
      suite.env.HOME = tempHome().home;
      await seedKeptSchedules(letta, suite.env, { count: 16, sameMessage: true });
      await killedAt(k);
      letta.onRequest = undefined;
      // Creates that were in flight land now, their answers lost.
      await new Promise((resolve) => setTimeout(resolve, 3 * letta.latencyMs));
      const finished = await sync();
      expect(finished.code, `killed at request ${k}: ${finished.stderr}`).toBe(0);
      expect(crons(letta), `killed at request ${k}`).toEqual(Array(16).fill(SUMMER_CRON));
      expect((await record()).active, `killed at request ${k}`).toEqual([...letta.schedules.keys()].sort());
      await syncAgainChangesNothing(letta, `killed at request ${k}`);
    }
  }, 300_000);
});

describe('the outcome a large sync leaves for status', () => {
  it('keeps the first 20 lines of each kind and counts the rest, and status says how many more there were', async () => {
    const { letta } = suite;
    await seedKeptSchedules(letta, suite.env, { count: 25 });
    const result = await sync();
    expect(result.code).toBe(0);
    expect(result.stdout.match(/^Replaced /gm)).toHaveLength(25);
    const outcome = JSON.parse(readFileSync(syncOutcomePath(suite.env, suite.env.HOME!), 'utf8')).servers[`${letta.url}/`];
    expect(outcome.changed).toHaveLength(20);
    expect(outcome.counts).toEqual({ changed: 25, errors: 0, skipped: 0 });
    const status = await runCli(['--now', SUMMER, 'status', '--since', '1h'], { env: suite.env, timeoutMs: 60_000 });
    expect(status.stderr.match(/^ {4}Replaced /gm)).toHaveLength(20);
    expect(status.stderr).toContain('    and 5 more changes (');
  });
});

describe("a person's command beside a long sync", () => {
  it('gets the changes lock between two rounds of the sync, not only after the whole sync', async () => {
    const letta = suite.letta;
    await seedKeptSchedules(letta, suite.env, { count: 120 });
    const other = letta.addSchedule(letta.agents[0]!.id, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Not recorded');
    letta.latencyMs = 60;
    const syncing = sync('--concurrency', '2', '--json');
    while (changing(letta).length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const paused = await runCli(['--now', SUMMER, 'recurring', 'pause', other.id, '--agent-id', letta.agents[0]!.id], { env: suite.env, timeoutMs: 60_000 });
    expect(paused.code, paused.stderr).toBe(0);
    // The pause's delete reached the server while the sync still had replacements to make.
    const pausedAt = letta.received.findIndex((r) => r.method === 'DELETE' && r.path.endsWith(`/schedule/${other.id}`));
    const synced = await syncing;
    expect(synced.code, synced.stderr).toBe(0);
    const replacedAfter = letta.received.slice(pausedAt).filter((r) => r.method === 'POST').length;
    expect(replacedAfter).toBeGreaterThan(0);
    expect(letta.received.filter((r) => r.method === 'POST')).toHaveLength(120);
    // The record changed under it between rounds, so the round after lists the agent's schedules again.
    expect(listings(letta.received.slice(pausedAt))).toBeGreaterThan(0);
    expect(letta.schedules.has(other.id)).toBe(false);
  }, 90_000);

  it('lists the agent once however many rounds it takes, when nothing else changes meanwhile', async () => {
    const { letta } = suite;
    const old = await seedKeptSchedules(letta, suite.env, { count: 120 });
    letta.latencyMs = 30;
    const result = await sync('--concurrency', '2');
    expect(result.code, result.stderr).toBe(0);
    // 120 at 50 a page: three pages, once; the rounds (more than one: 360 requests, 2 at a time, 30 ms each) go on from there.
    // Once the last round is done, once more: another machine's copies of the replacements (keepFirstCopies).
    expect(listings(letta.received.slice(0, lastChange(letta)))).toBe(3);
    expect(listings(letta.received)).toBe(6);
    expect(letta.received.filter((r) => r.method === 'GET' && !isListing(r)).length).toBe(120);
    expect(letta.requests('POST')).toHaveLength(120);
    expect(letta.requests('DELETE')).toHaveLength(120);
    expect(crons(letta)).toEqual(Array(120).fill(SUMMER_CRON));
    expect([...(await record()).replacedBy.keys()].sort()).toEqual([...old].sort());
    await syncAgainChangesNothing(letta);
  }, 90_000);

  it('takes a plan longer than a round takes on over several rounds, each schedule replaced once, the agent listed once', async () => {
    const { letta } = suite;
    // One at a time, a round takes on 64 actions at most: 150 replacements against a quick server need three rounds.
    const old = await seedKeptSchedules(letta, suite.env, { count: 150 });
    const result = await sync('--concurrency', '1', '--json');
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as Array<{ action: string; id: string }>).map((r) => `${r.action} ${r.id}`).sort()).toEqual(old.map((id) => `replace ${id}`).sort());
    expect(listings(letta.received.slice(0, lastChange(letta)))).toBe(3);
    expect(listings(letta.received)).toBe(6);
    expect(letta.requests('POST')).toHaveLength(150);
    expect(letta.requests('DELETE')).toHaveLength(150);
    expect(crons(letta)).toEqual(Array(150).fill(SUMMER_CRON));
    await syncAgainChangesNothing(letta);
  }, 90_000);

  it("carries each schedule's own message into its replacement over several rounds, though the schedules share one cron", async () => {
    const { letta } = suite;
    const old = await seedKeptSchedules(letta, suite.env, { count: 150 });
    // Some say more than a line of text: parts, a name, a callback and a step limit go with them.
    for (const [i, id] of old.entries()) {
      const message = letta.schedules.get(id)!.message as Record<string, unknown>;
      if (i % 3 === 1) message.messages = [{ role: 'user', content: [{ type: 'text', text: `Part of ${i}` }], name: `caller-${i}` }];
      if (i % 5 === 2) Object.assign(message, { callback_url: `https://example.invalid/hook/${i}`, max_steps: i + 1 });
    }
    const before = new Map(old.map((id) => [id, structuredClone(letta.schedules.get(id)!.message) as Record<string, unknown>]));
    const result = await sync('--concurrency', '1');
    expect(result.code, result.stderr).toBe(0);
    const { replacedBy } = await record();
    const sent = new Map(letta.requests('POST').map((r) => [r.created, r.body as Record<string, unknown>]));
    expect(sent.size).toBe(150);
    for (const id of old) {
      const { messages, callback_url, max_steps } = before.get(id)!;
      const body = sent.get(replacedBy.get(id));
      expect(body, id).toEqual({ schedule: { type: 'recurring', cron_expression: SUMMER_CRON }, messages, ...(callback_url === undefined ? {} : { callback_url, max_steps }) });
    }
  }, 90_000);

  it('replaces its own schedules among hundreds made elsewhere, over several rounds, and leaves those alone', async () => {
    const { letta } = suite;
    const agent = letta.agents[0]!.id;
    const elsewhere = Array.from({ length: 300 }, (_, i) => letta.addSchedule(agent, { type: 'recurring', cron_expression: `${i % 60} 8 * * *` }, `Other ${i}`).id);
    const old = await seedKeptSchedules(letta, suite.env, { count: 70 });
    // One at a time a round takes on 64 actions: 70 replacements take two rounds.
    const result = await sync('--concurrency', '1');
    expect(result.code, result.stderr).toBe(0);
    // Listed once (its first page asked for once): the second round plans from the listing the first kept; and once
    // after the last round, for another machine's copies of the replacements.
    expect(letta.received.slice(0, lastChange(letta)).filter((r) => isListing(r) && r.query.after === undefined)).toHaveLength(1);
    expect(letta.received.filter((r) => isListing(r) && r.query.after === undefined)).toHaveLength(2);
    expect([...(await record()).replacedBy.keys()].sort()).toEqual([...old].sort());
    expect(
      letta
        .requests('DELETE')
        .map((r) => r.path.split('/').pop())
        .sort(),
    ).toEqual([...old].sort());
    elsewhere.forEach((id, i) => expect(letta.schedules.get(id)?.schedule.cron_expression).toBe(`${i % 60} 8 * * *`));
    await syncAgainChangesNothing(letta);
  }, 90_000);

  it('replaces its schedules beside one the server lists without a message (made elsewhere), which it leaves alone', async () => {
    const { letta } = suite;
    const old = await seedKeptSchedules(letta, suite.env, { count: 3 });
    const bare = letta.addSchedule(letta.agents[0]!.id, { type: 'recurring', cron_expression: '0 8 * * *' });
    delete (bare as { message?: unknown }).message;
    const result = await sync();
    expect(result.code, result.stderr).toBe(0);
    expect(letta.requests('POST')).toHaveLength(3);
    expect([...(await record()).replacedBy.keys()].sort()).toEqual([...old].sort());
    expect(letta.schedules.has(bare.id)).toBe(true);
  });

  it.each([[[]], [['--json']]])('%j: a sync stopped by an error after an agent was synced still says what it changed there', async (flags) => {
    const { letta } = suite;
    const [first, second] = letta.agents.map((agent) => agent.id).sort();
    const old = await seedKeptSchedules(letta, suite.env, { count: 6, agents: [first!, second!] });
    letta.inject(new RegExp(`^GET /v1/agents/${second}/schedule$`), { status: 401, body: JSON.stringify({ detail: 'Invalid API key' }) });
    const result = await sync(...flags);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/API key/i);
    const replaced = old.filter((_, i) => i % 2 === 0);
    const said = flags.length > 0 ? (JSON.parse(result.stdout) as Array<{ id: string; action: string }>).map((r) => `${r.action} ${r.id}`) : result.stdout.match(/^Replaced sm-\d+/gm);
    expect(said?.sort()).toEqual(replaced.map((id) => (flags.length > 0 ? `replace ${id}` : `Replaced ${id}`)).sort());
    expect((await record()).replacedBy.size).toBe(3);
  });
});

describe('a command waiting for the changes lock', () => {
  it('says so, naming what the other process is changing, then goes on once it is free', async () => {
    const store = openState(suite.env, suite.env.HOME!);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // This test's process holds the lock, as a sync round or an apply would.
    const holding = store.withLock('changes', () => held);
    const waiting = runCli(['recurring', 'create', '--agent-id', suite.letta.agents[0]!.id, '--message', 'After', '--cron', 'every day at 9am'], { env: suite.env, timeoutMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(suite.letta.requests('POST')).toEqual([]);
    release();
    await holding;
    const r = await waiting;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Waiting for another letta-switchboard \(process \d+[^)]*\) changing schedules and the record of intent \(at most 30 s\)$/m);
    expect(suite.letta.requests('POST')).toHaveLength(1);
  }, 60_000);

  it('sync says so too, once, then makes its changes', async () => {
    const { letta } = suite;
    const old = await seedKeptSchedules(letta, suite.env, { count: 2 });
    const store = openState(suite.env, suite.env.HOME!);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding = store.withLock('changes', () => held);
    const waiting = sync();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(letta.requests('POST')).toEqual([]);
    release();
    await holding;
    const r = await waiting;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(/^Waiting for another letta-switchboard \(process \d+[^)]*\) changing schedules and the record of intent \(at most 300 s\)$/gm)).toHaveLength(1);
    expect([...(await record()).replacedBy.keys()].sort()).toEqual([...old].sort());
  }, 60_000);
});
