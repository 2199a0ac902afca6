import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

/**
 * Changing commands against each other, against a create that fails late, and
 * against a list that lies: never a duplicate, never a resurrection, never a
 * record forgotten.
 */
const h = useHarness();
const WINTER = '2026-11-23T12:00:00Z';
const SUMMER = '2027-03-16T00:00:00Z';

const statePath = () => join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json');
type Rec = Record<string, unknown> & { schedule_id: string; status: string };
const state = () =>
  JSON.parse(readFileSync(statePath(), 'utf8')) as {
    intents: Rec[];
    series: Array<Record<string, unknown> & { members: Array<{ schedule_id: string; instant: string }> }>;
    paused: Array<{ old_id: string }>;
  };
const onServer = () => [...h.letta.schedules.values()];
const crons = () =>
  onServer()
    .map((s) => s.schedule.cron_expression)
    .sort();

async function create(phrase = 'every weekday at 9am', now = WINTER, zone = 'America/New_York'): Promise<string> {
  const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--cron', phrase, '--tz', zone, '--now', now, '-q']);
  expect(made.stderr).not.toContain('Error');
  return made.stdout.trim();
}

describe('a create that reached the server but whose answer failed', () => {
  it('edit finds the landed copy and finishes: one schedule, the old one deleted', async () => {
    h.letta.now = () => Date.parse(WINTER);
    const old = await create();
    h.letta.inject(/^POST /, { status: 500, body: '{"detail":"late"}', land: true });
    const edit = await h.run(['recurring', 'edit', old, '--agent-id', AGENT, '--cron', '0 15 * * *', '--now', WINTER]);
    expect(edit.code).toBe(0);
    expect(crons()).toEqual(['0 15 * * *']);
    const [only] = onServer();
    expect(edit.stdout.trim()).toBe(only!.id);
    expect(edit.stderr).toContain('had landed');
    expect(state().intents.find((i) => i.schedule_id === only!.id)).toMatchObject({ status: 'active', replaces: [old] });
  });

  it('an edit interrupted while its create was out: run again, or sync, finishes it without a second copy', async () => {
    for (const finish of [['recurring', 'edit', '{old}', '--agent-id', AGENT, '--cron', '0 15 * * *'], ['sync']]) {
      h.letta.reset(() => Date.parse(WINTER));
      rmSync(statePath(), { force: true });
      const old = await create();
      h.letta.inject(/^POST /, { hang: true, land: true });
      const controller = new AbortController();
      const running = h.run(['recurring', 'edit', old, '--agent-id', AGENT, '--cron', '0 15 * * *', '--now', WINTER], { signal: controller.signal });
      while (h.letta.requests('POST').length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
      controller.abort();
      const stopped = await running;
      expect(stopped.code).toBe(130);
      expect(stopped.stderr).toMatch(/may have been created/i);
      expect(onServer()).toHaveLength(2);

      const again = await h.run([...finish.map((a) => (a === '{old}' ? old : a)), '--now', WINTER]);
      expect(again.stderr).not.toContain('Error');
      expect(again.code).toBe(0);
      expect(h.letta.requests('POST')).toHaveLength(2); // the original create and the interrupted one: nothing more
      expect(crons()).toEqual(['0 15 * * *']);
    }
  });

  it('an edit that stopped after recording its replacement is finished, not repeated, when run again', async () => {
    const old = await create();
    const busy = { status: 500, body: '{"detail":"busy"}' };
    h.letta.inject(/^DELETE /, busy, busy, busy);
    const first = await h.run(['recurring', 'edit', old, '--agent-id', AGENT, '--cron', '0 15 * * *', '--now', WINTER]);
    expect(first.code).toBe(1);
    expect(onServer()).toHaveLength(2);
    const again = await h.run(['recurring', 'edit', old, '--agent-id', AGENT, '--cron', '0 15 * * *', '--now', WINTER]);
    expect(again.code).toBe(0);
    expect(h.letta.requests('POST')).toHaveLength(2);
    expect(crons()).toEqual(['0 15 * * *']);
    expect(again.stderr).toContain(`already replaced by ${onServer()[0]!.id}`);
  });
});

describe('series and look-alikes', () => {
  it('a member whose create landed unanswered is found by sync even when the server fills in message defaults', async () => {
    h.letta.now = () => Date.parse(WINTER);
    h.letta.fillDefaults = true;
    h.letta.inject(/^POST /, { pass: true }, { pass: true }, { status: 500, body: '{"detail":"late"}', land: true });
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', 'every 7 minutes', '--count', '5', '--now', WINTER]);
    expect(made.code).toBe(1);
    expect(onServer()).toHaveLength(3);
    const synced = await h.run(['sync', '--now', WINTER]);
    expect(synced.code).toBe(0);
    const instants = onServer().map((s) => s.schedule.scheduled_at);
    expect(instants).toHaveLength(5);
    expect(new Set(instants).size).toBe(5);
    expect(state().series[0]!.members).toHaveLength(5);
  });

  it('sync never adopts a look-alike it did not create', async () => {
    const old = await create();
    const lookAlike = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 13 * * 1-5' }, 'Standup');
    const synced = await h.run(['sync', '--now', SUMMER]);
    expect(synced.code).toBe(0);
    expect(h.letta.schedules.has(lookAlike.id)).toBe(true);
    expect(h.letta.schedules.has(old)).toBe(false);
    expect(crons()).toEqual(['0 13 * * 1-5', '0 13 * * 1-5']);
    expect(state().intents.some((i) => i.schedule_id === lookAlike.id)).toBe(false);
  });
});

describe('forgetting', () => {
  it('one empty list answer marks nothing gone: each missing schedule is confirmed by a GET first', async () => {
    const id = await create();
    h.letta.inject(/^GET .*\/schedule$/, { status: 200, body: JSON.stringify({ scheduled_messages: [], has_next_page: false }) });
    const synced = await h.run(['sync', '--now', WINTER]);
    expect(synced.code).toBe(0);
    expect(synced.stdout).not.toContain('deleted outside');
    expect(state().intents.find((i) => i.schedule_id === id)?.status).toBe('active');
  });

  it('a list the pager had to cut short is an error for sync, and nothing is marked gone', async () => {
    const id = await create();
    const page = JSON.stringify({ scheduled_messages: [onServer()[0]], has_next_page: true });
    h.letta.inject(/^GET .*\/schedule$/, { status: 200, body: page }, { status: 200, body: page });
    const synced = await h.run(['sync', '--now', WINTER]);
    expect(synced.code).toBe(1);
    expect(synced.stderr).toMatch(/cut short/);
    expect(state().intents.find((i) => i.schedule_id === id)?.status).toBe('active');
  });

  it('a record marked gone is looked at again, and followed again when its schedule is there', async () => {
    const id = await create();
    const saved = state();
    saved.intents[0]!.status = 'gone';
    writeFileSync(statePath(), JSON.stringify(saved));
    const synced = await h.run(['sync', '--now', SUMMER]);
    expect(synced.code).toBe(0);
    expect(synced.stdout).toContain(`Replaced ${id}`);
    expect(crons()).toEqual(['0 13 * * 1-5']);
  });
});

describe('changing commands against each other', () => {
  it('twenty resumes of one paused schedule at once make one schedule', async () => {
    const id = await create();
    expect((await h.run(['recurring', 'pause', id, '--now', WINTER])).code).toBe(0);
    h.letta.latencyMs = 20;
    const results = await Promise.all(Array.from({ length: 20 }, () => h.run(['recurring', 'resume', id, '--now', WINTER])));
    for (const result of results) expect(result.code).toBe(0);
    expect(onServer()).toHaveLength(1);
    expect(h.letta.requests('POST')).toHaveLength(2);
  });

  it.each([
    ['pause', (id: string) => ['recurring', 'pause', id], 0],
    ['delete', (id: string) => ['recurring', 'delete', id], 0],
    ['edit', (id: string) => ['recurring', 'edit', id, '--agent-id', AGENT, '--message', 'Changed'], 1],
  ] as const)('%s during a sync that replaces the schedule: no schedule resurrected or doubled', async (_name, command, left) => {
    const id = await create();
    h.letta.latencyMs = 60;
    const sync = h.run(['sync', '--now', SUMMER]);
    while (h.letta.requests('GET').length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const change = await h.run([...command(id), '--now', SUMMER]);
    const synced = await sync;
    expect(synced.code).toBe(0);
    expect(change.stderr).not.toContain('This is a bug');
    expect(change.code).toBe(0);
    expect(onServer()).toHaveLength(left);
    const again = await h.run(['sync', '--now', SUMMER]);
    expect(again.code).toBe(0);
    expect(onServer()).toHaveLength(left);
  });
});
