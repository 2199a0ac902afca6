import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

const h = useHarness();
const CREATE = new RegExp(`^POST /v1/agents/${AGENT}/schedule$`);

type Json = Record<string, unknown>;
const intents = (): Json[] => (JSON.parse(readFileSync(join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json'), 'utf8')) as { intents: Json[] }).intents;
const recurring = (...args: string[]) => h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--tz', 'Europe/London', ...args]);
const onetime = () => h.run(['onetime', 'create', '--agent-id', AGENT, '--message', 'Ping', '--execute-at', 'tomorrow at 9am', '--tz', 'Europe/London']);
const sync = () => h.run(['sync', '--agent-id', AGENT]);
const changing = (requests: Array<{ method: string }>) => requests.filter((r) => r.method !== 'GET');

describe('a plain create is recorded as attempted before it is sent', () => {
  it('answered: one record under the real id, no placeholder left', async () => {
    const made = await recurring('--cron', 'every weekday at 8am', '-q');
    expect(made.code, made.stderr).toBe(0);
    const id = made.stdout.trim();
    expect(intents()).toEqual([expect.objectContaining({ schedule_id: id, status: 'active', phrase: 'every weekday at 8am', zone: 'Europe/London', replaces: [] })]);
    expect(intents()[0]).not.toHaveProperty('attempt');
  });

  for (const [kind, create] of [
    ['recurring', () => recurring('--cron', 'every weekday at 8am')],
    ['one-time', onetime],
  ] as const) {
    it(`${kind}: the answer lost after it landed, the record holds the attempt; sync records the schedule once`, async () => {
      h.letta.inject(CREATE, { status: 500, body: '{"detail":"boom"}', land: true });
      const lost = await create();
      expect(lost.code).toBe(1);
      expect(lost.stderr).toContain('may have been created');
      expect(h.letta.schedules.size).toBe(1);
      const [placeholder] = intents();
      expect(placeholder).toMatchObject({ status: 'creating', agent_id: AGENT, zone: 'Europe/London', server: `${h.letta.url}/` });
      expect(String(placeholder!.schedule_id)).toMatch(/^creating-/);

      // A dry run says what it would record, and records nothing.
      const dry = await h.run(['sync', '--dry-run']);
      expect(dry.stderr).toContain(`Would record ${[...h.letta.schedules.keys()][0]}: a create whose answer was lost had landed`);
      expect(intents()[0]).toMatchObject({ status: 'creating' });
      const synced = await sync();
      expect(synced.code, synced.stderr).toBe(0);
      const [landed] = [...h.letta.schedules.keys()];
      expect(synced.stdout).toContain(`Recorded ${landed}: a create whose answer was lost had landed`);
      expect(changing(synced.requests)).toEqual([]);
      expect(intents()).toEqual([expect.objectContaining({ schedule_id: landed, status: 'active', kind, zone: 'Europe/London', replaces: [] })]);
      expect(intents()[0]).not.toHaveProperty('attempt');
      // Nothing doubled, and a second sync has nothing to do.
      expect(h.letta.schedules.size).toBe(1);
      const again = await sync();
      expect(changing(again.requests)).toEqual([]);
      expect(again.stdout).not.toContain('Recorded');
      expect(intents()).toHaveLength(1);
    });
  }

  it('a create that may have been sent but did not land is dropped by the next sync, which says so and how to make it', async () => {
    h.letta.inject(CREATE, { status: 500, body: '{"detail":"boom"}' });
    expect((await recurring('--cron', 'every weekday at 8am')).code).toBe(1);
    expect(intents()).toEqual([expect.objectContaining({ status: 'creating' })]);
    const synced = await sync();
    expect(synced.code, synced.stderr).toBe(0);
    expect(changing(synced.requests)).toEqual([]);
    expect(synced.stdout).toMatch(/^The create of 'every weekday at 8am' sent \S+ had not landed: dropped from the record \(agent \S+\); create it again to make it$/m);
    expect(synced.stdout + synced.stderr).not.toContain('deleted outside');
    expect(intents()).toEqual([]);
    expect(h.letta.schedules.size).toBe(0);
  });

  it('a create that certainly did not land (a 4xx) leaves no placeholder', async () => {
    h.letta.inject(CREATE, { status: 422, body: '{"detail":"bad cron"}' });
    const refused = await recurring('--cron', 'every weekday at 8am');
    expect(refused.code).toBe(1);
    expect(intents()).toEqual([]);
  });

  it('a set whose second create is lost: the first is recorded, sync finds the second as one of the set', async () => {
    h.letta.inject(CREATE, { pass: true }, { status: 502, body: '', land: true });
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', 'every 90 minutes', '--tz', 'UTC']);
    expect(made.code).toBe(1);
    expect(made.stderr).toContain('May have been created (the answer was lost): 30 1-22/3 * * *');
    const [first, second] = [...h.letta.schedules.keys()];
    expect(intents().map((i) => i.status)).toEqual(['active', 'creating']);
    const setId = intents()[0]!.set_id;
    expect(setId).toMatch(/^set-/);
    expect((await sync()).code).toBe(0);
    expect(intents().map((i) => [i.schedule_id, i.status, i.set_id, i.utc_crons])).toEqual([
      [first, 'active', setId, ['0 */3 * * *']],
      [second, 'active', setId, ['30 1-22/3 * * *']],
    ]);
    const got = await h.run(['recurring', 'get', String(setId), '-q']);
    expect(got.stdout.trim().split('\n')).toEqual([first, second]);
  });

  it('two identical creates both lost: each landed copy is claimed once, never both by one', async () => {
    h.letta.inject(CREATE, { status: 500, body: '', land: true }, { status: 500, body: '', land: true });
    expect((await recurring('--cron', 'every weekday at 8am')).code).toBe(1);
    expect((await recurring('--cron', 'every weekday at 8am')).code).toBe(1);
    expect(intents().map((i) => i.status)).toEqual(['creating', 'creating']);
    expect((await sync()).code).toBe(0);
    expect(new Set(intents().map((i) => i.schedule_id))).toEqual(new Set(h.letta.schedules.keys()));
    expect(intents().map((i) => i.status)).toEqual(['active', 'active']);
  });
});

describe('a look-alike made before a lost create was sent is never taken for its landing', () => {
  // The same message at the same cron, made by another client a day before: someone else's schedule.
  const lookAlike = (ago = 86_400_000) => {
    const made = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 8 * * 1-5' }, 'Stretch');
    made.created_at = new Date(h.letta.now() - ago).toISOString();
    return made.id;
  };

  it('sync drops a create that did not land, and leaves the look-alike alone', async () => {
    const theirs = lookAlike();
    h.letta.inject(CREATE, { status: 500, body: '{"detail":"boom"}' });
    expect((await recurring('--cron', 'every weekday at 8am')).code).toBe(1);
    const synced = await sync();
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stdout).not.toContain(`Recorded ${theirs}`);
    expect(intents()).toEqual([]);
    expect(changing(synced.requests)).toEqual([]);
    expect([...h.letta.schedules.keys()]).toEqual([theirs]);
  });

  it('sync takes the copy that landed, not the older look-alike', async () => {
    const theirs = lookAlike();
    h.letta.inject(CREATE, { status: 500, body: '{"detail":"boom"}', land: true });
    expect((await recurring('--cron', 'every weekday at 8am')).code).toBe(1);
    const ours = [...h.letta.schedules.keys()].find((id) => id !== theirs)!;
    const synced = await sync();
    expect(synced.stdout).toContain(`Recorded ${ours}: a create whose answer was lost had landed`);
    expect(intents()).toEqual([expect.objectContaining({ schedule_id: ours, status: 'active' })]);
  });

  it.each([
    ['a day', 86_400_000],
    ['half an hour', 1_800_000],
  ])("an edit whose create did not land deletes nothing and takes no one else's schedule, made %s before", async (_when, ago) => {
    const mine = (await recurring('--cron', 'every weekday at 9am', '-q')).stdout.trim();
    const theirs = lookAlike(ago);
    h.letta.inject(CREATE, { status: 500, body: '{"detail":"boom"}' });
    const edited = await h.run(['recurring', 'edit', mine, '--cron', 'every weekday at 8am', '--tz', 'Europe/London']);
    expect(edited.code).not.toBe(0);
    expect(edited.stderr).not.toContain(`had landed as ${theirs}`);
    expect(h.letta.schedules.has(mine)).toBe(true);
    expect(h.letta.schedules.has(theirs)).toBe(true);
    expect(intents()).toEqual([expect.objectContaining({ schedule_id: mine, status: 'active' })]);
  });
});

describe("--now moves the command's clock, not when a create was sent", () => {
  it('an edit run with --now a month ahead of the server still takes its landed copy', async () => {
    // The server's clock is the machine's; the command reads its phrases a month ahead.
    h.letta.now = () => Date.now();
    const ahead = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const mine = (await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', 'every weekday at 9am', '--tz', 'Europe/London', '--now', ahead, '-q'])).stdout.trim();
    h.letta.inject(CREATE, { status: 500, body: '{"detail":"boom"}', land: true });
    const edited = await h.run(['recurring', 'edit', mine, '--cron', 'every weekday at 8am', '--tz', 'Europe/London', '--now', ahead]);
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stderr).toContain('had landed as');
    expect(h.letta.schedules.size).toBe(1);
    expect(intents().filter((i) => i.status === 'active')).toEqual([expect.objectContaining({ replaces: [mine] })]);
  });
});
