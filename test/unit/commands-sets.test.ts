import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

const h = useHarness();

const statePath = () => join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json');
const intents = () => (JSON.parse(readFileSync(statePath(), 'utf8')) as { intents: Array<Record<string, unknown>> }).intents;
const posts = (requests: Array<{ method: string; body: unknown }>) => requests.filter((r) => r.method === 'POST').map((r) => r.body);
const body = (cron: string, content = 'Stretch') => ({ schedule: { type: 'recurring', cron_expression: cron }, messages: [{ role: 'user', content }] });

const create = (cron: string, ...args: string[]) => h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', cron, '--now', '2026-11-20T12:00:00Z', ...args]);

describe('recurring create with a phrase that is a set of crons', () => {
  it('creates one schedule per cron, in order, with the exact bodies, and prints every id', async () => {
    const r = await create('every 90 minutes', '--tz', 'UTC');
    expect(r.code).toBe(0);
    expect(posts(r.requests)).toEqual([body('0 */3 * * *'), body('30 1-22/3 * * *')]);
    const ids = r.stdout.trim().split('\n');
    expect(ids).toHaveLength(2);
    expect(ids.every((id) => h.letta.schedules.has(id))).toBe(true);
    expect(ids.map((id) => h.letta.schedules.get(id)!.schedule.cron_expression)).toEqual(['0 */3 * * *', '30 1-22/3 * * *']);
    expect(r.stderr).toContain('Created 2 recurring schedules');
    expect(r.stderr).toContain('Cron     0 */3 * * * (UTC)\n  Means    On the hour, every 3 hours (UTC)');
    expect(r.stderr).toMatch(/Cron {5}30 1-22\/3 \* \* \* \(UTC\)\n {2}Means {4}At 30 minutes past the hour, every 3 hours/);
  });

  it('get of one schedule of a set names the set and the schedule beside it', async () => {
    const ids = (await create('every 90 minutes', '--tz', 'UTC', '-q')).stdout.trim().split('\n');
    const got = await h.run(['recurring', 'get', ids[0]!, '--agent-id', AGENT]);
    expect(got.code).toBe(0);
    expect(got.stdout).toMatch(new RegExp(`Set +set-\\S+ with ${ids[1]}, made from 'every 90 minutes'; delete all of it with: letta-switchboard recurring delete set-`));
  });

  it('a set of clock times in a zone: each cron is its local time in UTC, and -q prints one id a line', async () => {
    const r = await create('every day at 9:00 and 17:30', '--tz', 'America/New_York', '-q');
    expect(r.code).toBe(0);
    expect(posts(r.requests)).toEqual([body('0 14 * * *'), body('30 22 * * *')]);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(new Set(lines)).toEqual(new Set(h.letta.schedules.keys()));
    expect(r.stderr).not.toContain('Created');
    expect(r.stderr).not.toContain(lines[0]);
  });

  it('--json: the single-cron shape plus cron_expressions and one entry per schedule', async () => {
    const r = await create('weekdays at 9am and weekends at 11am', '--tz', 'Europe/Paris', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const crons = posts(r.requests).map((b) => (b as { schedule: { cron_expression: string } }).schedule.cron_expression);
    expect(crons).toHaveLength(2);
    expect(doc.cron_expressions).toEqual(crons);
    expect(doc.cron_expression).toBe(crons[0]);
    expect(doc.agent_id).toBe(AGENT);
    expect(doc.message).toEqual({ messages: [{ role: 'user', content: 'Stretch' }] });
    expect(doc.schedules).toHaveLength(2);
    expect(doc.schedules.map((s: { cron_expression: string }) => s.cron_expression)).toEqual(crons);
    for (const s of doc.schedules) {
      expect(h.letta.schedules.has(s.id)).toBe(true);
      expect(Object.keys(s).sort()).toEqual(['cron_expression', 'id', 'next_scheduled_at']);
    }
    expect(doc.id).toBe(doc.schedules[0].id);
  });

  it('the second create refused: the first is deleted again (no half of the set fires), each named, with the failure exit code', async () => {
    failAfterFirstCreate({ status: 400, body: JSON.stringify({ detail: 'Too many schedules' }) });
    const r = await create('every 45 minutes', '--tz', 'UTC').finally(restore);
    expect(r.code).toBe(1);
    expect(posts(r.requests)).toHaveLength(2);
    const first = r.requests
      .find((req) => req.method === 'DELETE')
      ?.path.split('/')
      .at(-1);
    expect(r.requests.filter((req) => req.method === 'DELETE')).toHaveLength(1);
    expect(h.letta.schedules.size).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Created 1 of 3 schedules for 'every 45 minutes': ${first} (0,45 */3 * * *).`);
    expect(r.stderr).toContain('Not created: 30 1-22/3 * * *, 15 2-23/3 * * *.');
    expect(r.stderr).toContain('nothing of it exists. Run the command again to make it whole.');
    expect(r.stderr).toContain('Too many schedules');
    // Recorded as deleted with this tool: sync neither keeps it nor reports it gone.
    expect(intents().map((i) => [i.schedule_id, i.status])).toEqual([[first, 'deleted']]);
    const again = await create('every 45 minutes', '--tz', 'UTC', '-q');
    expect(again.code).toBe(0);
    expect([...h.letta.schedules.values()].map((s) => s.schedule.cron_expression)).toEqual(['0,45 */3 * * *', '30 1-22/3 * * *', '15 2-23/3 * * *']);
  });

  it('--json after a refused second create: nothing exists, so no document, only the error', async () => {
    failAfterFirstCreate({ status: 400, body: JSON.stringify({ detail: 'Too many schedules' }) });
    const r = await create('every 90 minutes', '--tz', 'UTC', '--json').finally(restore);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(h.letta.schedules.size).toBe(0);
    expect(r.stderr).toContain('Too many schedules');
  });

  it('a refused create whose first schedule cannot be deleted again: the document holds what exists, and the set id to delete it by', async () => {
    failAfterFirstCreate({ status: 400, body: JSON.stringify({ detail: 'Too many schedules' }) });
    h.letta.inject(/^DELETE /, ...Array.from({ length: 3 }, () => ({ status: 500, body: '{"detail":"boom"}' })));
    const r = await create('every 90 minutes', '--tz', 'UTC', '--json').finally(restore);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const [first] = [...h.letta.schedules.keys()];
    expect(doc.schedules).toEqual([expect.objectContaining({ id: first, cron_expression: '0 */3 * * *' })]);
    expect(doc.not_created).toEqual(['30 1-22/3 * * *']);
    expect(r.stderr).toContain(`Could not be deleted again: ${first} (0 */3 * * *); delete with: letta-switchboard recurring delete ${doc.set_id}`);
    // The one that exists is recorded, so sync keeps it.
    expect(intents().map((i) => [i.schedule_id, i.status])).toEqual([[first, 'active']]);
  });

  it('Ctrl-C while the schedules of a refused set are deleted again: exit 130, and what still exists is named', async () => {
    const controller = new AbortController();
    failAfterFirstCreate({ status: 400, body: JSON.stringify({ detail: 'Too many schedules' }) });
    h.letta.inject(/^DELETE /, { hang: true });
    const running = h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', 'every 90 minutes', '--tz', 'UTC', '--now', '2026-11-20T12:00:00Z'], {
      signal: controller.signal,
    });
    while (h.letta.requests('DELETE').length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    const r = await running.finally(restore);
    expect(r.code).toBe(130);
    const [first] = [...h.letta.schedules.keys()];
    expect(r.stderr).toContain(`Could not be deleted again: ${first} (0 */3 * * *)`);
  });

  it('an answer lost on the second create: never sent again, said to be possibly created', async () => {
    failAfterFirstCreate({ status: 502, body: '' });
    const r = await create('every 45 minutes', '--tz', 'UTC', '-q').finally(restore);
    expect(r.code).toBe(1);
    expect(posts(r.requests)).toHaveLength(2);
    const [first] = [...h.letta.schedules.keys()];
    expect(r.stdout).toBe(`${first}\n`);
    expect(r.stderr).toContain(`Created 1 of 3 schedules for 'every 45 minutes': ${first} (0,45 */3 * * *).`);
    expect(r.stderr).toContain('May have been created (the answer was lost): 30 1-22/3 * * *.');
    expect(r.stderr).toContain("Do not run this create again: 'letta-switchboard sync' records it if it landed, or creates it.");
    expect(r.stderr).not.toContain('before trying again');
    expect(r.stderr).toContain('Not created: 15 2-23/3 * * *.');
  });

  it('under --json, the cron whose answer was lost is said to be possibly created, not among those not created', async () => {
    failAfterFirstCreate({ status: 502, body: '' });
    const r = await create('every 45 minutes', '--tz', 'UTC', '--json').finally(restore);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ may_have_been_created: ['30 1-22/3 * * *'], not_created: ['15 2-23/3 * * *'] });
  });

  it('interrupted while the second create is out: it may exist, the third does not, exit 130', async () => {
    const controller = new AbortController();
    failAfterFirstCreate({ hang: true });
    const running = h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', 'every 45 minutes', '--tz', 'UTC', '--now', '2026-11-20T12:00:00Z', '-q'], {
      signal: controller.signal,
    });
    while (h.letta.requests('POST').length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    const r = await running.finally(restore);
    expect(r.code).toBe(130);
    expect(posts(r.requests)).toHaveLength(2);
    const [first] = [...h.letta.schedules.keys()];
    expect(r.stdout).toBe(`${first}\n`);
    expect(r.stderr).toContain(`Created 1 of 3 schedules for 'every 45 minutes': ${first} (0,45 */3 * * *).`);
    expect(r.stderr).toContain('May have been created (the answer was lost): 30 1-22/3 * * *.');
    expect(r.stderr).toContain('Not created: 15 2-23/3 * * *.');
    // Recorded as still to make: sync makes the set whole, never one or two of its crons firing on their own.
    expect(r.stderr).toContain('Recorded as still to make');
    expect((await h.run(['sync', '--now', '2026-11-20T12:00:00Z'])).code).toBe(0);
    expect([...h.letta.schedules.values()].map((s) => s.schedule.cron_expression).sort()).toEqual(['0,45 */3 * * *', '15 2-23/3 * * *', '30 1-22/3 * * *']);
  });

  it('an answer lost on the second create with no record to write to: the crons not sent are not said to be recorded', async () => {
    const notAFolder = join(h.env.HOME!, 'state-is-a-file');
    writeFileSync(notAFolder, '');
    failAfterFirstCreate({ status: 502, body: '' });
    const r = await h
      .run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', 'every 45 minutes', '--tz', 'UTC', '--now', '2026-11-20T12:00:00Z'], {
        env: { LETTA_SWITCHBOARD_STATE_DIR: notAFolder },
      })
      .finally(restore);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Not created: 15 2-23/3 * * *.');
    expect(r.stderr).toContain('Not recorded in the record of intent');
    expect(r.stderr).not.toContain('Recorded as still to make');
  });

  it('an answer lost on the first create: nothing surely exists, and the rest are named as not created', async () => {
    h.letta.inject(/^POST .*\/schedule$/, { status: 503, body: '' });
    const r = await create('every 90 minutes', '--tz', 'UTC', '--json');
    expect(r.code).toBe(1);
    expect(posts(r.requests)).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("Created 0 of 2 schedules for 'every 90 minutes'.");
    expect(r.stderr).toContain('May have been created (the answer was lost): 0 */3 * * *.');
    expect(r.stderr).toContain('Not created: 30 1-22/3 * * *.');
  });

  it('the first create failing creates nothing and is the plain error', async () => {
    h.letta.inject(/^POST .*\/schedule$/, { status: 400, body: JSON.stringify({ detail: 'Bad' }) });
    const r = await create('every 90 minutes', '--tz', 'UTC');
    expect(r.code).toBe(1);
    expect(posts(r.requests)).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(h.letta.schedules.size).toBe(0);
  });

  it('--dry-run shows every POST and creates nothing', async () => {
    const r = await create('every day at 9:00 and 17:30', '--tz', 'Europe/London', '--dry-run');
    expect(r.code).toBe(0);
    expect(posts(r.requests)).toEqual([]);
    expect(h.letta.schedules.size).toBe(0);
    expect(r.stdout.match(/^POST .*\/schedule$/gm)).toHaveLength(2);
    expect(r.stdout).toContain('"cron_expression": "0 9 * * *"');
    expect(r.stdout).toContain('"cron_expression": "30 17 * * *"');
    expect(existsSync(statePath())).toBe(false);
  });

  it('records one intent per cron, each with its own local rule, and sync keeps each across DST', async () => {
    const r = await create('every day at 9:00 and 17:30', '--tz', 'America/New_York', '-q');
    expect(r.code).toBe(0);
    const ids = r.stdout.trim().split('\n');
    expect(intents()).toEqual([
      expect.objectContaining({ schedule_id: ids[0], kind: 'recurring', zone: 'America/New_York', local_rule: '0 9 * * *', utc_crons: ['0 14 * * *'], phrase: 'every day at 9:00 and 17:30' }),
      expect.objectContaining({ schedule_id: ids[1], kind: 'recurring', zone: 'America/New_York', local_rule: '30 17 * * *', utc_crons: ['30 22 * * *'], phrase: 'every day at 9:00 and 17:30' }),
    ]);
    const synced = await h.run(['sync', '--now', '2027-03-20T00:00:00Z']);
    expect(synced.code).toBe(0);
    expect(
      posts(synced.requests)
        .map((b) => (b as { schedule: { cron_expression: string } }).schedule.cron_expression)
        .sort(),
    ).toEqual(['0 13 * * *', '30 21 * * *']);
    expect(
      synced.requests
        .filter((q) => q.method === 'DELETE')
        .map((q) => q.path.split('/').at(-1))
        .sort(),
    ).toEqual([...ids].sort());
  });
});

const addSchedule = () => Object.getPrototypeOf(h.letta).addSchedule as typeof h.letta.addSchedule;

/** Let the first create through, then answer the next create with this fault. */
function failAfterFirstCreate(fault: Parameters<typeof h.letta.inject>[1]) {
  const add = addSchedule().bind(h.letta);
  let made = 0;
  h.letta.addSchedule = (...args: Parameters<typeof add>) => {
    if (++made === 1) h.letta.inject(/^POST .*\/schedule$/, fault);
    return add(...args);
  };
}

function restore() {
  delete (h.letta as { addSchedule?: unknown }).addSchedule;
}

describe('a set is whole', () => {
  it('has an id that deletes every schedule of it; deleting one member in a pipe warns and names the others', async () => {
    const r = await create('every 90 minutes', '--tz', 'UTC', '--json');
    const { set_id: setId, schedules } = JSON.parse(r.stdout) as { set_id: string; schedules: Array<{ id: string }> };
    expect(setId).toMatch(/^set-/);
    const [first, second] = schedules.map((s) => s.id);
    const one = await h.run(['recurring', 'delete', first!]);
    expect(one.code).toBe(0);
    expect(one.stderr).toContain(`${first} is one of the schedules made from 'every 90 minutes' (set ${setId}); ${second} keeps firing`);
    expect(h.letta.schedules.has(second!)).toBe(true);

    const again = await create('every 90 minutes', '--tz', 'UTC', '--json');
    const whole = JSON.parse(again.stdout) as { set_id: string; schedules: Array<{ id: string }> };
    const deleted = await h.run(['recurring', 'delete', whole.set_id]);
    expect(deleted.code).toBe(0);
    for (const { id } of whole.schedules) expect(h.letta.schedules.has(id)).toBe(false);
  });

  it('on a terminal, deleting one member asks first; no deletes nothing', async () => {
    const r = await create('every 90 minutes', '--tz', 'UTC', '--json');
    const [first] = (JSON.parse(r.stdout) as { schedules: Array<{ id: string }> }).schedules.map((s) => s.id);
    const refused = await h.run(['recurring', 'delete', first!], { terminal: 100, stdin: 'n\n' });
    expect(refused.code).toBe(2);
    expect(h.letta.schedules.has(first!)).toBe(true);
  });
});

describe('recurring create --json and parse --json', () => {
  it.each([
    ['one cron', 'every weekday at 9am'],
    ['a set', '9am on weekdays and 11am on weekends'],
    ['a series no cron says', 'every other monday at 9am'],
    ['a series with its own count', 'every day at 9am for 3 days'],
  ])('give the same next runs for %s (%s)', async (_kind, phrase) => {
    // Ahead of the real clock: the server refuses one-time schedules (a series' members) before it.
    const now = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', phrase, '--tz', 'America/New_York', '--now', now, '--json']);
    expect(made.code, made.stderr).toBe(0);
    const parsed = await h.run(['parse', phrase, '--tz', 'America/New_York', '--now', now, '--json']);
    const runs = (stdout: string) => {
      const { next_runs, next_runs_local } = JSON.parse(stdout) as { next_runs: string[]; next_runs_local: string[] };
      return { next_runs, next_runs_local };
    };
    expect(runs(made.stdout)).toEqual(runs(parsed.stdout));
    expect(runs(made.stdout).next_runs).toHaveLength(phrase.includes('3 days') ? 3 : 5);
  });
});

describe('set and series ids in every command', () => {
  it('get, pause, resume and run accept a set id; edit says precisely why not for a whole set or series', async () => {
    const r = await create('every 90 minutes', '--tz', 'UTC', '--json');
    const { set_id: setId, schedules } = JSON.parse(r.stdout) as { set_id: string; schedules: Array<{ id: string }> };
    const shown = await h.run(['recurring', 'get', setId, '-q']);
    expect(shown.stdout.trim().split('\n')).toEqual(schedules.map((s) => s.id));
    const paused = await h.run(['recurring', 'pause', setId]);
    expect(paused.code).toBe(0);
    expect(paused.stderr).toContain(`Resume with: letta-switchboard recurring resume ${setId}\n`);
    expect(h.letta.schedules.size).toBe(0);
    const ran = await h.run(['run', setId]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('Echo: Stretch');
    const resumed = await h.run(['recurring', 'resume', setId]);
    expect(resumed.code).toBe(0);
    expect(h.letta.schedules.size).toBe(2);
    const edit = await h.run(['recurring', 'edit', setId, '--message', 'x']);
    expect(edit.code).toBe(2);
    expect(edit.stderr).toContain('an edit replaces one schedule with one');

    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', 'every day at 9am', '--count', '3', '-q']);
    expect(made.code).toBe(0);
    const series = made.stdout.trim();
    const got = await h.run(['recurring', 'get', series, '--json']);
    expect(JSON.parse(got.stdout)).toMatchObject({ id: series, kind: 'series', members: [expect.anything(), expect.anything(), expect.anything()] });
    expect((await h.run(['run', series])).stdout).toContain('Echo: Stretch');
  });

  it("get of a series shows each schedule's time on the user's clock beside UTC, as the lists do", async () => {
    for (const [phrase, made, shown, local, utc] of [
      ['every other monday at 9am', 'Europe/London', 'America/New_York', '2026-11-23 04:00 EST', '2026-11-23T09:00:00.000Z'],
      ['every 3 days at 8:30pm', 'Asia/Kolkata', 'Asia/Kolkata', '2026-11-23 20:30 IST', '2026-11-23T15:00:00.000Z'],
      ['first monday of the month at 10am', 'Australia/Sydney', 'Europe/London', '2026-12-06 23:00 GMT', '2026-12-06T23:00:00.000Z'],
    ] as const) {
      const series = (await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Tea', '--cron', phrase, '--tz', made, '-q'])).stdout.trim();
      const got = await h.run(['recurring', 'get', series, '--tz', shown]);
      expect({ phrase, code: got.code }).toEqual({ phrase, code: 0 });
      const first = got.stdout.split('\n')[0]!.split('\t');
      expect({ phrase, first }).toEqual({ phrase, first: [expect.stringMatching(/^sm-/), local, utc, 'waiting'] });
      const json = JSON.parse((await h.run(['recurring', 'get', series, '--tz', shown, '--json'])).stdout) as { members: Array<Record<string, string>> };
      expect(json.members[0]).toMatchObject({ when: utc, local, status: 'waiting' });
    }
  });

  it("get of a set shows each schedule's time on the clock it keeps beside its UTC cron, as a series' get does", async () => {
    for (const [phrase, zone, rows] of [
      [
        'weekdays at 9am and weekends at 11am',
        'America/New_York',
        [
          ['09:00 on weekdays, America/New_York', '0 14 * * 1-5'],
          ['11:00 at weekends, America/New_York', '0 16 * * 0,6'],
        ],
      ],
      [
        'weekdays at 9am and weekends at 11am',
        'UTC',
        [
          ['09:00 on weekdays, UTC', '0 9 * * 1-5'],
          ['11:00 at weekends, UTC', '0 11 * * 0,6'],
        ],
      ],
      [
        'every 90 minutes',
        'UTC',
        [
          ['on the hour, every 3 hours, UTC', '0 */3 * * *'],
          ['30 minutes past the hour, every 3 hours, between 01:00 AM and 10:59 PM, UTC', '30 1-22/3 * * *'],
        ],
      ],
    ] as const) {
      const made = await create(phrase, '--tz', zone, '--json');
      const { set_id: setId } = JSON.parse(made.stdout) as { set_id: string };
      const got = await h.run(['recurring', 'get', setId]);
      expect({ phrase, zone, code: got.code }).toEqual({ phrase, zone, code: 0 });
      const shown = got.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t'));
      expect(shown).toEqual(rows.map(([local, utc]) => [expect.stringMatching(/^sm-/), local, utc, 'active']));
      const json = JSON.parse((await h.run(['recurring', 'get', setId, '--json'])).stdout) as { members: Array<Record<string, string>> };
      expect(json.members.map((m) => [m.local, m.when, m.status])).toEqual(rows.map(([local, utc]) => [local, utc, 'active']));
    }
  });

  it('run of a set one of whose schedules an edit gave another message is refused, naming each; paused too; sent once when they agree', async () => {
    const r = await create('weekdays at 9am and weekends at 10am', '--tz', 'America/New_York', '--json');
    const { set_id: setId, schedules } = JSON.parse(r.stdout) as { set_id: string; schedules: Array<{ id: string }> };
    const edited = await h.run(['recurring', 'edit', schedules[1]!.id, '--message', 'Stretch more', '-q']);
    expect(edited.code, edited.stderr).toBe(0);
    const newId = edited.stdout.trim();
    for (const pause of [false, true]) {
      if (pause) expect((await h.run(['recurring', 'pause', setId])).code).toBe(0);
      const ran = await h.run(['run', setId]);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain(`${setId} is a set whose schedules send different messages: ${schedules[0]!.id} (["Stretch"]), ${newId} (["Stretch more"])`);
      expect(ran.requests.filter((q) => q.method === 'POST')).toEqual([]);
    }
    expect((await h.run(['recurring', 'resume', setId])).code).toBe(0);
    const other = await create('every 90 minutes', '--tz', 'UTC', '--json');
    const set2 = JSON.parse(other.stdout) as { set_id: string; schedules: Array<{ id: string }> };
    h.letta.schedules.delete(set2.schedules[0]!.id);
    const ran = await h.run(['run', set2.set_id]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.requests.filter((q) => q.method === 'POST').map((q) => q.body)).toEqual([{ messages: [{ role: 'user', content: 'Stretch' }] }]);
  });

  it('recurring paused --json names the set of each paused schedule of a set, and of none other', async () => {
    const r = await create('weekdays at 9am and weekends at 10am', '--tz', 'America/New_York', '--json');
    const { set_id: setId, schedules } = JSON.parse(r.stdout) as { set_id: string; schedules: Array<{ id: string }> };
    const single = await create('every day at 8am', '--tz', 'America/New_York', '-q');
    const both = await h.run(['recurring', 'pause', setId, single.stdout.trim()]);
    expect(both.code).toBe(0);
    expect(both.stderr).toContain(`Resume with: letta-switchboard recurring resume ${setId} ${single.stdout.trim()}\n`);
    const paused = JSON.parse((await h.run(['recurring', 'paused', '--json'])).stdout) as Array<{ old_id: string; set_id?: string }>;
    expect(paused.map((row) => [row.old_id, row.set_id]).sort()).toEqual([...schedules.map((s) => [s.id, setId]), [single.stdout.trim(), undefined]].sort());
  });

  it("a set's get shows the schedules standing after a sync replaced them; a deleted set is not found, as a series", async () => {
    const r = await create('weekdays at 9am and weekends at 10am', '--tz', 'America/New_York', '--json');
    const { set_id: setId } = JSON.parse(r.stdout) as { set_id: string };
    expect((await h.run(['sync', '--now', '2027-04-01T12:00:00Z'])).code).toBe(0);
    const standing = [...h.letta.schedules.keys()];
    expect(standing).toHaveLength(2);
    const shown = await h.run(['recurring', 'get', setId, '-q']);
    expect(shown.stdout.trim().split('\n')).toEqual(standing);
    expect((await h.run(['recurring', 'delete', setId])).code).toBe(0);
    const got = await h.run(['recurring', 'get', setId]);
    expect(got.code).toBe(3);
    expect(got.stderr).toMatch(new RegExp(`^Error: Set '${setId}' was deleted`));
    expect(got.stdout).toBe('');
  });

  it('a deleted series is not found by get or list --id, and a second delete finds it done; onetime get shows one standing', async () => {
    const series = (await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Water', '--cron', 'every day at 9am', '--count', '3', '-q'])).stdout.trim();
    const shown = await h.run(['onetime', 'get', series, '-q']);
    expect(shown.code).toBe(0);
    expect(shown.stdout.trim().split('\n')).toHaveLength(3);
    expect((await h.run(['recurring', 'delete', series])).code).toBe(0);
    expect((await h.run(['recurring', 'list', '--id', series])).code).toBe(3);
    expect((await h.run(['onetime', 'list', '--id', series])).code).toBe(3);
    const got = await h.run(['recurring', 'get', series]);
    expect(got.code).toBe(3);
    expect(got.stderr).toMatch(new RegExp(`^Error: Series '${series}' was deleted`));
    expect(got.stdout).toBe('');
    // Deleting it again is done already, not unknown (a script re-run).
    const again = await h.run(['recurring', 'delete', series]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`${series} was already deleted`);
  });
});

describe('adopt of a set or series id', () => {
  it('says precisely why not', async () => {
    const refused = await h.run(['recurring', 'adopt', 'set-0000', '--tz', 'Europe/London']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('was made by letta-switchboard and is recorded already');
    expect(refused.requests).toEqual([]);
  });
});
