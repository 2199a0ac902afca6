/**
 * How long sync holds the changes lock at a time, i.e. the longest a person's
 * pause, edit or delete can wait behind an hourly sync. A fake Letta answers
 * every request after LATENCY ms; one agent has SCHEDULES local-time schedules
 * that a DST change made wrong and a series to top up. Prints the longest
 * single hold, the number of rounds, and the whole sync's time.
 * Run with `npx tsx bench/lock-hold.ts` (LATENCY and SCHEDULES may be set).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeLetta, TEST_KEY } from '../test/helpers/fake-letta';
import { LettaApi } from '../src/letta/api';
import { LettaClient } from '../src/letta/client';
import { newSeries, recordIntent, recordSeries } from '../src/state/records';
import { openState } from '../src/state/store';
import { syncSchedules, type SyncStore } from '../src/sync/run';

const LATENCY = Number(process.env.LATENCY ?? 100);
const SCHEDULES = Number(process.env.SCHEDULES ?? 20);
const AGENT = 'agent-11111111-1111-1111-1111-111111111111';
const WINTER = Date.parse('2026-11-23T12:00:00Z');
const SUMMER = Date.parse('2027-03-16T00:00:00Z');

const letta = await new FakeLetta().start();
letta.now = () => SUMMER;
letta.latencyMs = LATENCY;
const store = openState({ LETTA_SWITCHBOARD_STATE_DIR: mkdtempSync(join(tmpdir(), 'letta-switchboard-lock-bench-')) }, '/nonexistent');
await store.update((state) => {
  for (let i = 0; i < SCHEDULES; i++) {
    const made = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' }, `Standup ${i}`);
    recordIntent(state, {
      schedule_id: made.id,
      agent_id: AGENT,
      kind: 'recurring',
      phrase: 'every weekday at 9am',
      zone: 'America/New_York',
      local_rule: '0 9 * * 1-5',
      utc_crons: ['0 14 * * 1-5'],
      created_at: new Date(WINTER).toISOString(),
      replaces: [],
      status: 'active',
    });
  }
  recordSeries(
    state,
    newSeries(
      { agent_id: AGENT, phrase: 'every day at 9am', zone: 'America/New_York', rule: '0 9 * * *', horizon: new Date(SUMMER).toISOString(), template: { messages: [{ role: 'user', content: 'hi' }] } },
      SUMMER,
    ),
  );
});

const holds: number[] = [];
const timed: SyncStore = {
  read: () => store.read(),
  update: (change) => store.update(change),
  async withLock(name, body, waitMs) {
    if (name !== 'changes') return store.withLock(name, body, waitMs);
    return store.withLock(
      name,
      async () => {
        const started = performance.now();
        try {
          return await body();
        } finally {
          holds.push(performance.now() - started);
        }
      },
      waitMs,
    );
  },
};
const api = new LettaApi(new LettaClient({ baseUrl: letta.url, apiKey: TEST_KEY, env: {}, timeoutMs: 30_000, signal: new AbortController().signal }));
const started = performance.now();
const result = await syncSchedules({ api, store: timed, now: SUMMER, dryRun: false });
const total = performance.now() - started;
await letta.stop();
const failed = result.outcomes.filter((o) => !o.ok).length;
console.log(`latency ${LATENCY} ms, ${SCHEDULES} schedules to replace and a series to top up: ${result.outcomes.length} actions (${failed} failed)`);
console.log(`changes lock held ${holds.length} times; longest ${Math.round(Math.max(...holds))} ms; whole sync ${Math.round(total)} ms`);
