import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { AGENT, NOW } from '../helpers/suite';

const h = useHarness();
const SCHEDULES = `/v1/agents/${AGENT}/schedule`;

function state() {
  return JSON.parse(readFileSync(join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json'), 'utf8')) as { intents: Array<Record<string, unknown>> };
}

/** A schedule made elsewhere, with every field a message can carry. */
function richSchedule(schedule: { type: string; cron_expression?: string; scheduled_at?: number }) {
  const item = h.letta.addSchedule(AGENT, schedule);
  item.message = {
    messages: [
      {
        role: 'system',
        content: [
          { type: 'text', text: 'Part one' },
          { type: 'text', text: 'Part two' },
        ],
      },
      { role: 'user', content: 'Second message' },
    ],
    callback_url: 'https://example.com/hook',
    max_steps: 4,
    include_return_message_types: ['assistant_message'],
  } as typeof item.message;
  return item;
}

describe('recurring edit', () => {
  it('creates the new schedule carrying every unchanged field, reads it back, then deletes the old', async () => {
    const old = richSchedule({ type: 'recurring', cron_expression: '0 14 * * 1-5' });
    const result = await h.run(['recurring', 'edit', old.id, '--agent-id', AGENT, '--cron', 'every weekday at 8am', '--tz', 'America/New_York']);
    expect(result.stderr).not.toContain('Error');
    expect(result.code).toBe(0);
    const newId = result.stdout.trim();
    expect(result.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${SCHEDULES}/${old.id}`,
      `POST ${SCHEDULES}`,
      `GET ${SCHEDULES}/${newId}`,
      // The old one still there, and no other machine's copy of it made meanwhile: one list tells both.
      `GET ${SCHEDULES}`,
      `DELETE ${SCHEDULES}/${old.id}`,
    ]);
    expect(result.requests[1]!.body).toEqual({
      schedule: { type: 'recurring', cron_expression: '0 13 * * 1-5' },
      messages: old.message.messages,
      callback_url: 'https://example.com/hook',
      max_steps: 4,
      include_return_message_types: ['assistant_message'],
    });
    expect(result.stderr).toContain(`${old.id} → ${newId}`);
    // Old → new in local time and UTC.
    expect(result.stderr).toContain('Cron      0 9 * * 1-5 in America/New_York (0 14 * * 1-5 UTC) → 0 8 * * 1-5 in America/New_York (0 13 * * 1-5 UTC)');
    expect(result.stderr).toContain('Next run  2026-11-23 09:00 EST (2026-11-23T14:00:00.000Z) → 2026-11-23 08:00 EST (2026-11-23T13:00:00.000Z)');
    expect([...h.letta.schedules.keys()]).toEqual([newId]);
    expect(state().intents).toEqual([
      expect.objectContaining({ schedule_id: old.id, status: 'replaced', replaced_by: newId }),
      expect.objectContaining({ schedule_id: newId, status: 'active', zone: 'America/New_York', local_rule: '0 8 * * 1-5', replaces: [old.id] }),
    ]);
    // From now on sync keeps it at 8am local.
    const synced = await h.run(['sync', '--now', '2027-03-16T00:00:00Z']);
    expect(synced.requests.find((r) => r.method === 'POST')?.body).toMatchObject({ schedule: { cron_expression: '0 12 * * 1-5' } });
  });

  it("changes only the first message's text, keeping the schedule, the other messages and the other fields, and says what it kept", async () => {
    const old = richSchedule({ type: 'recurring', cron_expression: '30 6 * * *' });
    const result = await h.run(['recurring', 'edit', old.id, '--message', 'New text', '--json']);
    expect(result.code).toBe(0);
    const post = result.requests.find((r) => r.method === 'POST')!;
    expect(post.body).toEqual({
      schedule: { type: 'recurring', cron_expression: '30 6 * * *' },
      messages: [
        { role: 'system', content: 'New text' },
        { role: 'user', content: 'Second message' },
      ],
      callback_url: 'https://example.com/hook',
      max_steps: 4,
      include_return_message_types: ['assistant_message'],
    });
    expect(JSON.parse(result.stdout)).toMatchObject({ old_id: old.id, changed: ['message text (kept: 1 other message)'] });
  });

  it('get and run of the id an edit replaced act on the schedule that replaced it, and say so', async () => {
    const old = richSchedule({ type: 'recurring', cron_expression: '30 6 * * *' });
    const edited = await h.run(['recurring', 'edit', old.id, '--message', 'New text', '--json']);
    const newId = JSON.parse(edited.stdout).id as string;
    const got = await h.run(['recurring', 'get', old.id, '--json']);
    expect(got.code, got.stderr).toBe(0);
    expect(JSON.parse(got.stdout).id).toBe(newId);
    expect(got.stderr).toContain(`${old.id} was replaced by ${newId}; acting on ${newId}.`);
    const ran = await h.run(['run', old.id]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toContain(`${old.id} was replaced by ${newId}`);
    expect(ran.requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      messages: [
        { role: 'system', content: 'New text' },
        { role: 'user', content: 'Second message' },
      ],
    });
    // An id nothing replaced is still not found.
    expect((await h.run(['recurring', 'get', 'sm-999999'])).code).toBe(3);
  });

  it('a schedule that followed a clock, given a raw cron, says it no longer will', async () => {
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--cron', 'every day at 9am', '--tz', 'America/New_York', '-q']);
    const id = made.stdout.trim();
    const edited = await h.run(['recurring', 'edit', id, '--cron', '0 15 * * *', '--force']);
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stderr).toContain(`${id} followed the clock of America/New_York ('every day at 9am'); '0 15 * * *' is a cron on UTC's clock, which sync keeps as it is across DST.`);
    // A phrase keeps the clock, and says nothing of it.
    const again = await h.run(['recurring', 'edit', JSON.parse((await h.run(['recurring', 'list', '--json'])).stdout)[0].id, '--cron', 'every day at 10am', '--force']);
    expect(again.stderr).not.toContain('followed the clock');
  });

  it('a resume run again says the cron of the schedule it already made', async () => {
    const old = richSchedule({ type: 'recurring', cron_expression: '30 6 * * *' });
    expect((await h.run(['recurring', 'pause', old.id])).code).toBe(0);
    const first = JSON.parse((await h.run(['recurring', 'resume', old.id, '--json'])).stdout)[0];
    const again = JSON.parse((await h.run(['recurring', 'resume', old.id, '--json'])).stdout)[0];
    expect(first).toMatchObject({ cron_expression: '30 6 * * *', created: true });
    expect(again).toMatchObject({ new_id: first.new_id, cron_expression: '30 6 * * *', created: false });
  });

  it('refuses when the old schedule fires within the next minute, unless forced', async () => {
    const old = richSchedule({ type: 'recurring', cron_expression: '0 9 * * *' });
    old.next_scheduled_time = new Date(Date.parse(NOW) + 30_000).toISOString();
    const refused = await h.run(['recurring', 'edit', old.id, '--agent-id', AGENT, '--message', 'x']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('fires in 30 s');
    expect(refused.stderr).toContain('--force');
    expect(refused.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    const forced = await h.run(['recurring', 'edit', old.id, '--agent-id', AGENT, '--message', 'x', '--force']);
    expect(forced.code).toBe(0);
  });

  it('refuses when the cron fires within the next minute though the server lists a later next run', async () => {
    // NOW is 15:00:00 UTC: each cron below fires in 30 s or under a minute, while the server says an hour from now.
    for (const [cron, seconds] of [
      ['0 15 * * *', 0],
      ['1 15 * * *', 60],
      ['*/1 * * * *', 0],
    ] as const) {
      const old = richSchedule({ type: 'recurring', cron_expression: cron });
      old.next_scheduled_time = new Date(Date.parse(NOW) + 3_600_000).toISOString();
      const at = Date.parse(NOW) + seconds * 1000;
      const r = await h.run(['recurring', 'edit', old.id, '--agent-id', AGENT, '--message', 'x', '--now', new Date(at - 30_000).toISOString()]);
      expect(r.code, `${cron}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`${old.id} fires in 30 s (${new Date(at).toISOString()})`);
      expect(r.requests.filter((q) => q.method !== 'GET')).toEqual([]);
    }
    // A one-time schedule by its own instant, likewise.
    const once = richSchedule({ type: 'one-time', scheduled_at: Date.parse(NOW) + 20_000 });
    once.next_scheduled_time = new Date(Date.parse(NOW) + 3_600_000).toISOString();
    const refused = await h.run(['onetime', 'edit', once.id, '--agent-id', AGENT, '--message', 'x']);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('fires in 20 s');
    // Two minutes before, neither fires within the minute: the edit goes ahead.
    const later = richSchedule({ type: 'recurring', cron_expression: '5 15 * * *' });
    later.next_scheduled_time = new Date(Date.parse(NOW) + 3_600_000).toISOString();
    expect((await h.run(['recurring', 'edit', later.id, '--agent-id', AGENT, '--message', 'x', '--now', '2026-11-22T15:03:00Z'])).code).toBe(0);
  });

  it('--dry-run shows both changing requests and sends neither', async () => {
    const old = richSchedule({ type: 'recurring', cron_expression: '0 14 * * 1-5' });
    const result = await h.run(['recurring', 'edit', old.id, '--agent-id', AGENT, '--message', 'x', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(result.stdout + result.stderr).toContain('POST');
    expect(result.stdout + result.stderr).toContain(`DELETE`);
    expect(h.letta.schedules.has(old.id)).toBe(true);
  });

  it('a failed create leaves the old schedule and says so', async () => {
    const old = richSchedule({ type: 'recurring', cron_expression: '0 14 * * 1-5' });
    h.letta.inject(/^POST /, { status: 400, body: JSON.stringify({ detail: 'Bad' }) });
    const result = await h.run(['recurring', 'edit', old.id, '--agent-id', AGENT, '--message', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${old.id} is unchanged`);
    expect([...h.letta.schedules.keys()]).toEqual([old.id]);
  });

  it('a delete whose answer was lost (it may have been done) says both may exist', async () => {
    const old = richSchedule({ type: 'recurring', cron_expression: '0 14 * * 1-5' });
    h.letta.inject(/^DELETE /, { reset: true, land: true }, { reset: true, land: true }, { reset: true, land: true });
    const result = await h.run(['recurring', 'edit', old.id, '--agent-id', AGENT, '--message', 'x']);
    expect(result.code).not.toBe(0);
    const newId = [...h.letta.schedules.keys()].find((id) => id !== old.id)!;
    expect(result.stderr).toContain(`Both may exist now (the delete of ${old.id} was sent and its answer lost): ${old.id} (old) and ${newId} (new)`);
  });

  it('a failed delete says both exist', async () => {
    const old = richSchedule({ type: 'recurring', cron_expression: '0 14 * * 1-5' });
    h.letta.inject(/^DELETE /, { status: 500 }, { status: 500 }, { status: 500 });
    const result = await h.run(['recurring', 'edit', old.id, '--agent-id', AGENT, '--message', 'x']);
    expect(result.code).toBe(1);
    const newId = [...h.letta.schedules.keys()].find((id) => id !== old.id)!;
    expect(result.stderr).toContain(`Both exist now: ${old.id} (old) and ${newId} (new)`);
    // The next sync finishes the job.
    const synced = await h.run(['sync']);
    expect(synced.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${SCHEDULES}`, `DELETE ${SCHEDULES}/${old.id}`]);
    expect([...h.letta.schedules.keys()]).toEqual([newId]);
  });
});

describe('an edit of a schedule whose delete was cut short', () => {
  it('the new schedule is not taken for one being deleted: sync and status say nothing of a delete, and one deleted elsewhere is so', async () => {
    const old = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    expect((await h.run(['recurring', 'adopt', old.id, '--tz', 'UTC'])).code).toBe(0);
    h.letta.inject(/^DELETE /, { reset: true }, { reset: true }, { reset: true });
    expect((await h.run(['recurring', 'delete', old.id])).code).toBe(5);
    const edited = await h.run(['recurring', 'edit', old.id, '--message', 'Changed', '-q']);
    expect(edited.code, edited.stderr).toBe(0);
    const id = edited.stdout.trim();
    expect([...h.letta.schedules.keys()]).toEqual([id]);

    const synced = await h.run(['sync']);
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stdout + synced.stderr).not.toContain('a delete of it');
    const status = await h.run(['status', '--json']);
    expect(JSON.parse(status.stdout).record.unfinished_deletes).toEqual([]);

    h.letta.schedules.delete(id);
    const after = await h.run(['sync']);
    expect(after.stdout + after.stderr).toContain(`${id} was deleted outside letta-switchboard`);
  });
});

describe('a delete of an id an edit replaced, once the replacement is deleted', () => {
  it('says the replacement was already deleted, not the id asked (which was replaced, not deleted)', async () => {
    const old = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    const edited = await h.run(['recurring', 'edit', old.id, '--message', 'Changed', '-q']);
    const id = edited.stdout.trim();
    expect((await h.run(['recurring', 'delete', id])).code).toBe(0);
    const again = await h.run(['recurring', 'delete', old.id]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`${old.id} was replaced by ${id}; acting on ${id}.`);
    expect(again.stderr).toContain(`${id} was already deleted (by letta-switchboard`);
    expect(again.stderr).not.toContain(`${old.id} was already deleted`);
    expect(JSON.parse((await h.run(['recurring', 'delete', old.id, '--json'])).stdout)).toEqual([expect.objectContaining({ id: old.id, deleted: true, already_deleted: true })]);
  });
});

describe('onetime edit', () => {
  it('moves the time, carrying the rest', async () => {
    const old = richSchedule({ type: 'one-time', scheduled_at: Date.parse(NOW) + 86_400_000 });
    const result = await h.run(['onetime', 'edit', old.id, '--execute-at', 'tomorrow at 3pm', '--tz', 'America/New_York']);
    expect(result.code).toBe(0);
    const post = result.requests.find((r) => r.method === 'POST')!;
    expect(post.body).toMatchObject({ schedule: { type: 'one-time', scheduled_at: Date.parse('2026-11-23T20:00:00Z') }, callback_url: 'https://example.com/hook', max_steps: 4 });
    expect(result.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `${SCHEDULES}/${old.id}` });
    expect(result.stderr).toContain('Runs at  2026-11-23 10:00 EST (2026-11-23T15:00:00.000Z) → 2026-11-23 15:00 EST (2026-11-23T20:00:00.000Z)');
    expect(result.stderr).not.toContain('Message');
  });

  it('says what changed in the message and role, old → new', async () => {
    const old = h.letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse(NOW) + 86_400_000 }, 'Old words');
    const result = await h.run(['onetime', 'edit', old.id, '--message', 'New words', '--role', 'system']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^ {2}Message {2}Old words → New words$/m);
    expect(result.stderr).toMatch(/^ {2}Role {5}user → system$/m);
    expect(result.stderr).not.toContain('Runs at');
  });
});

describe('recurring adopt', () => {
  it('records a schedule made elsewhere as local time, and sync then keeps it', async () => {
    const old = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' });
    const adopted = await h.run(['recurring', 'adopt', old.id, '--tz', 'America/New_York']);
    expect(adopted.code).toBe(0);
    expect(adopted.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(state().intents).toEqual([expect.objectContaining({ schedule_id: old.id, zone: 'America/New_York', local_rule: '0 9 * * 1-5', status: 'active' })]);
    expect(adopted.stderr).not.toMatch(/at At/i);
    expect(adopted.stderr).toContain('Local cron  not recorded (UTC only) → 0 9 * * 1-5 in America/New_York');
    expect(adopted.stderr).toContain('Next run    2026-11-23 09:00 EST (2026-11-23T14:00:00.000Z)');
    const synced = await h.run(['sync', '--now', '2027-03-16T00:00:00Z']);
    expect(synced.code).toBe(0);
    expect(synced.requests.find((r) => r.method === 'POST')?.body).toMatchObject({ schedule: { cron_expression: '0 13 * * 1-5' } });
  });

  it('an id a pause and resume replaced adopts the schedule that stands for it, as other commands take it', async () => {
    const old = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' });
    expect((await h.run(['recurring', 'pause', old.id])).code).toBe(0);
    expect((await h.run(['recurring', 'resume', old.id])).code).toBe(0);
    const [now] = [...h.letta.schedules.keys()];
    expect(now).not.toBe(old.id);
    const adopted = await h.run(['recurring', 'adopt', old.id, '--tz', 'America/New_York', '--json']);
    expect(adopted.code, adopted.stderr).toBe(0);
    expect(adopted.stderr).toContain(`${old.id} was replaced by ${now}; acting on ${now}.`);
    expect(JSON.parse(adopted.stdout)).toMatchObject({ id: now, zone: 'America/New_York', local_rule: '0 9 * * 1-5' });
  });

  it('--dry-run says what it would record and leaves the record as it was', async () => {
    const old = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' });
    const planned = await h.run(['recurring', 'adopt', old.id, '--tz', 'America/New_York', '--dry-run']);
    expect(planned.code).toBe(0);
    expect(planned.stderr).toContain(`Would adopt ${old.id}`);
    expect(planned.stderr).toContain('Local cron  not recorded (UTC only) → 0 9 * * 1-5 in America/New_York');
    expect(planned.stderr).toContain('Dry run: the record of intent is unchanged.');
    expect(planned.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect((await h.run(['recurring', 'get', old.id, '--json'])).stdout).not.toContain('America/New_York');
    expect((await h.run(['recurring', 'adopt', old.id, '--tz', 'America/New_York'])).stderr).toContain('Local cron  not recorded (UTC only)');
  });

  it('without --tz uses the configured zone (never TZ or the system zone alone)', async () => {
    const old = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' });
    expect((await h.run(['recurring', 'adopt', old.id])).code).toBe(2);
    await h.run(['config', 'set-timezone', 'America/Chicago']);
    const adopted = await h.run(['recurring', 'adopt', old.id]);
    expect(adopted.code).toBe(0);
    expect(state().intents).toEqual([expect.objectContaining({ schedule_id: old.id, zone: 'America/Chicago', local_rule: '0 8 * * 1-5' })]);
  });

  it('needs a zone, and a cron at no clock time cannot be adopted', async () => {
    const old = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '*/5 * * * MON' });
    expect((await h.run(['recurring', 'adopt', old.id])).code).toBe(2);
    const result = await h.run(['recurring', 'adopt', old.id, '--tz', 'America/New_York']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no time of day');
  });
});

describe('an edit that changes nothing (run again, or asked for what the schedule already is)', () => {
  const changing = (result: { requests: Array<{ method: string }> }) => result.requests.filter((r) => r.method !== 'GET');

  it('exits 0, prints the id, says nothing changed and sends nothing, for every field given as it is', async () => {
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--cron', 'every weekday at 9am', '--tz', 'Europe/Paris', '-q']);
    const id = made.stdout.trim();
    const before = JSON.stringify(state());
    for (const again of [
      ['--message', 'Standup'],
      ['--cron', 'every weekday at 9am', '--tz', 'Europe/Paris'],
      ['--cron', 'every weekday at 9am', '--tz', 'Europe/Paris', '--message', 'Standup', '--role', 'user'],
      ['--role', 'user'],
    ]) {
      const result = await h.run(['recurring', 'edit', id, ...again]);
      expect({ again, code: result.code, stdout: result.stdout }).toEqual({ again, code: 0, stdout: `${id}\n` });
      expect(result.stderr).toContain(`Nothing to change: ${id} already is that; nothing was sent`);
      expect(changing(result)).toEqual([]);
    }
    expect(JSON.stringify(state())).toBe(before);
    expect([...h.letta.schedules.keys()]).toEqual([id]);
  });

  it('an edit run twice makes one change: the second finds it made, by the old id or the new', async () => {
    const old = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Old');
    const first = await h.run(['recurring', 'edit', old.id, '--message', 'New']);
    expect(first.code).toBe(0);
    const newId = first.stdout.trim();
    for (const given of [old.id, newId]) {
      const again = await h.run(['recurring', 'edit', given, '--message', 'New', '--json']);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ old_id: newId, id: newId, changed: [] });
      expect(changing(again)).toEqual([]);
    }
    expect([...h.letta.schedules.keys()]).toEqual([newId]);
  });

  it('is not refused for firing within the minute (nothing is sent to race it)', async () => {
    const old = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Same');
    old.next_scheduled_time = new Date(Date.parse(NOW) + 30_000).toISOString();
    const result = await h.run(['recurring', 'edit', old.id, '--message', 'Same']);
    expect(result.code).toBe(0);
    expect(changing(result)).toEqual([]);
  });

  it('onetime edit: the same time and message is nothing to change too', async () => {
    const old = h.letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse('2026-11-23T15:00:00Z') }, 'Once');
    const result = await h.run(['onetime', 'edit', old.id, '--execute-at', 'tomorrow at 10am', '--tz', 'America/New_York', '--message', 'Once']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${old.id}\n`);
    expect(result.stderr).toContain('Nothing to change');
    expect(changing(result)).toEqual([]);
  });

  it('says the old time on the clock it was kept on and the new on the clock it was read in (another zone, or the recorded one)', async () => {
    for (const [made, from, to, oldCron, newCron, oldNext, newNext] of [
      [
        'every weekday at 10am',
        'America/New_York',
        'Europe/London',
        '0 10 * * 1-5 in America/New_York (0 15 * * 1-5 UTC)',
        '0 10 * * 1-5 in Europe/London (0 10 * * 1-5 UTC)',
        '2026-11-23 10:00 EST',
        '2026-11-23 10:00 GMT',
      ],
      [
        'every day at 9:30',
        'Asia/Kolkata',
        'Australia/Sydney',
        '30 9 * * * in Asia/Kolkata (0 4 * * * UTC)',
        '30 9 * * * in Australia/Sydney (30 22 * * * UTC)',
        '2026-11-23 09:30 IST',
        '2026-11-23 09:30 AEDT',
      ],
      [
        'mondays at 8am',
        'Europe/London',
        'America/New_York',
        '0 8 * * 1 in Europe/London (0 8 * * 1 UTC)',
        '0 8 * * 1 in America/New_York (0 13 * * 1 UTC)',
        '2026-11-23 08:00 GMT',
        '2026-11-23 08:00 EST',
      ],
    ] as const) {
      const id = (await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Tz', '--cron', made, '--tz', from, '-q'])).stdout.trim();
      const moved = await h.run(['recurring', 'edit', id, '--tz', to]);
      expect(moved.code, moved.stderr).toBe(0);
      expect(moved.stderr).toContain(`Cron      ${oldCron} → ${newCron}`);
      expect(moved.stderr).toMatch(new RegExp(`Next run  ${oldNext} \\(.*\\) → ${newNext} `));
    }
    // Without --tz a new phrase is read in the recorded zone, and both sides are said on that clock, not the process zone's.
    const kept = (await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Kept', '--cron', 'every day at 7am', '--tz', 'Asia/Tokyo', '-q'])).stdout.trim();
    const retimed = await h.run(['recurring', 'edit', kept, '--cron', 'every day at 8am']);
    expect(retimed.stderr).toContain('Cron      0 7 * * * in Asia/Tokyo (0 22 * * * UTC) → 0 8 * * * in Asia/Tokyo (0 23 * * * UTC)');
    const once = (await h.run(['onetime', 'create', '--agent-id', AGENT, '--message', 'Once', '--execute-at', 'tomorrow at 10am', '--tz', 'Asia/Kolkata', '-q'])).stdout.trim();
    const moved = await h.run(['onetime', 'edit', once, '--execute-at', 'tomorrow at 11am']);
    expect(moved.stderr).toContain('Runs at  2026-11-23 10:00 IST (2026-11-23T04:30:00.000Z) → 2026-11-23 11:00 IST (2026-11-23T05:30:00.000Z)');
  });

  it('recurring edit --json gives the time fields create --json gives: zone, local cron, description, five next runs', async () => {
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--cron', 'every weekday at 9am', '--tz', 'America/New_York', '--json']);
    const created = JSON.parse(made.stdout);
    const retimed = JSON.parse((await h.run(['recurring', 'edit', created.id, '--cron', 'every weekday at 10am', '--json'])).stdout);
    expect(retimed).toMatchObject({ timezone: 'America/New_York', local_cron: '0 10 * * 1-5', cron_expression: '0 15 * * 1-5', description: expect.any(String) });
    expect(retimed.next_runs).toHaveLength(5);
    expect(retimed.next_runs[0]).toMatch(/T15:00:00\.000Z$/);
    for (const key of ['timezone', 'local_cron', 'description', 'next_runs']) expect(retimed, key).toHaveProperty(key);
    // A message alone changed: the time is the schedule's own, on the clock the record keeps.
    const reworded = JSON.parse((await h.run(['recurring', 'edit', retimed.id, '--message', 'Standup now', '--json'])).stdout);
    expect(reworded).toMatchObject({ timezone: 'America/New_York', local_cron: '0 10 * * 1-5' });
    expect(reworded.next_runs).toEqual(retimed.next_runs);
    for (const key of ['timezone', 'local_cron', 'description', 'next_runs']) expect(created, key).toHaveProperty(key);
  });

  it('a new phrase without --tz is read in the zone the schedule was made in, and says so; --tz reads it in another', async () => {
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--cron', 'every weekday at 9am', '--tz', 'America/New_York', '-q']);
    expect(made.code).toBe(0);
    const edited = await h.run(['recurring', 'edit', made.stdout.trim(), '--cron', 'every weekday at 10am', '--json']);
    expect(edited.code).toBe(0);
    const doc = JSON.parse(edited.stdout);
    expect(doc.schedule).toEqual({ type: 'recurring', cron_expression: '0 15 * * 1-5' });
    expect(doc.notes).toContain('read in America/New_York, the zone the schedule was made in; give --tz to read it in another');
    expect(state().intents.find((i) => i.schedule_id === doc.id)).toMatchObject({ zone: 'America/New_York', local_rule: '0 10 * * 1-5' });
    const london = await h.run(['recurring', 'edit', doc.id, '--cron', 'every weekday at 10am', '--tz', 'Europe/London', '--json']);
    expect(JSON.parse(london.stdout).schedule).toEqual({ type: 'recurring', cron_expression: '0 10 * * 1-5' });
    expect(JSON.parse(london.stdout).notes.join()).not.toContain('the zone the schedule was made in');
  });

  it('a phrase recorded in UTC keeps UTC against a configured zone; a raw cron is read in the configured zone', async () => {
    const inUtc = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--cron', 'every day at 9am', '--tz', 'UTC', '-q']);
    const raw = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Raw', '--cron', '0 9 * * *', '-q']);
    expect((await h.run(['config', 'set-timezone', 'Europe/Paris'])).code).toBe(0);
    const edited = JSON.parse((await h.run(['recurring', 'edit', inUtc.stdout.trim(), '--cron', 'every day at 10am', '--json'])).stdout);
    expect(edited.schedule.cron_expression).toBe('0 10 * * *');
    expect(edited.notes).toContain('read in UTC, the zone the schedule was made in; give --tz to read it in another');
    const rawEdited = JSON.parse((await h.run(['recurring', 'edit', raw.stdout.trim(), '--cron', 'every day at 10am', '--json'])).stdout);
    expect(rawEdited.schedule.cron_expression).toBe('0 9 * * *');
    expect(rawEdited.notes.join()).not.toContain('the zone the schedule was made in');
  });

  it('nothing asked at all is still bad usage (exit 2), as is --tz alone for a one-time schedule (it has no phrase to re-read)', async () => {
    const recurring = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    const once = h.letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse(NOW) + 86_400_000 });
    for (const args of [
      ['recurring', 'edit', recurring.id],
      ['onetime', 'edit', once.id],
      ['onetime', 'edit', once.id, '--tz', 'Europe/Paris'],
    ]) {
      const result = await h.run(args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).toContain('Nothing to change: give');
      expect(changing(result)).toEqual([]);
    }
  });

  it('--tz alone on a schedule made from a 5-field cron (UTC) is refused, not "already is that"; with --cron or --message it warns', async () => {
    for (const [cron, zone] of [
      ['0 9 * * *', 'Asia/Kolkata'],
      ['30 14 * * 1-5', 'Europe/London'],
      ['*/15 * * * *', 'America/New_York'],
    ] as const) {
      const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Raw', '--cron', cron, '-q']);
      const id = made.stdout.trim();
      const alone = await h.run(['recurring', 'edit', id, '--tz', zone]);
      expect({ cron, code: alone.code }).toEqual({ cron, code: 2 });
      expect(alone.stderr).toContain(`${id} was made from the 5-field cron '${cron}', which is read as UTC: --tz ${zone} does not apply to it`);
      expect(alone.stderr).not.toContain('Nothing to change');
      expect(changing(alone)).toEqual([]);
      const reworded = await h.run(['recurring', 'edit', id, '--message', 'Reworded', '--tz', zone]);
      expect(reworded.code).toBe(0);
      expect(reworded.stderr).toContain(`A 5-field cron is read as UTC; --tz ${zone} does not apply to it`);
      const recronned = await h.run(['recurring', 'edit', reworded.stdout.trim(), '--cron', '0 7 * * *', '--tz', zone]);
      expect(recronned.code).toBe(0);
      expect(recronned.requests.find((r) => r.method === 'POST')?.body).toMatchObject({ schedule: { cron_expression: '0 7 * * *' } });
      expect(recronned.stderr).toContain(`A 5-field cron is read as UTC; --tz ${zone} does not apply to it`);
    }
  });

  it('--tz beside --message or --role of a schedule made elsewhere (no phrase recorded) changes the message and says the time stays; alone it is refused', async () => {
    for (const [cron, zone, extra] of [
      ['0 9 * * *', 'Europe/London', ['--message', 'Reworded']],
      ['30 14 * * 1-5', 'Asia/Kolkata', ['--role', 'system']],
      ['*/10 * * * *', 'Australia/Sydney', ['--message', 'Again', '--role', 'assistant']],
    ] as const) {
      const old = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: cron }, 'Elsewhere');
      const alone = await h.run(['recurring', 'edit', old.id, '--tz', zone]);
      expect({ cron, code: alone.code }).toEqual({ cron, code: 2 });
      expect(alone.stderr).toContain('--tz alone re-reads the phrase the schedule was made from, and none is recorded for it');
      const edited = await h.run(['recurring', 'edit', old.id, ...extra, '--tz', zone]);
      expect({ cron, code: edited.code }).toEqual({ cron, code: 0 });
      expect(edited.stderr).toContain(`--tz ${zone} leaves the time as it is: no phrase is recorded for this schedule to read in that zone`);
      expect(edited.requests.find((r) => r.method === 'POST')?.body).toMatchObject({ schedule: { type: 'recurring', cron_expression: cron } });
    }
  });

  it('a new phrase that is a series or a set is refused with what to do instead, naming no flag edit lacks, and nothing is sent', async () => {
    const id = (await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Tea', '--cron', 'every day at 9am', '--tz', 'Europe/London', '-q'])).stdout.trim();
    for (const phrase of ['daily at 9am for 3 weeks', 'every other tuesday at 3pm', 'every weekday at 9am until friday', 'every monday at 8am 5 times', 'last day of the month at 6pm']) {
      const r = await h.run(['recurring', 'edit', id, '--cron', phrase]);
      expect({ phrase, code: r.code }).toEqual({ phrase, code: 2 });
      expect(r.stderr).toContain(`'${phrase}' `);
      expect(r.stderr).toContain('an edit replaces one schedule with one, and cannot make a series');
      expect(r.stderr).toContain(`Create the series with: letta-switchboard recurring create --cron "${phrase}"`);
      expect(r.stderr).not.toContain('--until and --count');
      expect(changing(r)).toEqual([]);
    }
    for (const phrase of ['every 90 minutes', 'mondays at 9am and fridays at 4pm', 'every day at 9:00 and 17:30']) {
      const r = await h.run(['recurring', 'edit', id, '--cron', phrase]);
      expect({ phrase, code: r.code }).toEqual({ phrase, code: 2 });
      expect(r.stderr).toContain(`'${phrase}' needs 2 crons; an edit replaces one schedule with one`);
      expect(r.stderr).not.toContain('Create one schedule per cron');
      expect(changing(r)).toEqual([]);
    }
    expect([...h.letta.schedules.keys()]).toEqual([id]);
  });

  it('nothing asked of an id an edit replaced is bad usage too (exit 2), not an edit run again', async () => {
    const old = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Before');
    expect((await h.run(['recurring', 'edit', old.id, '--message', 'After'])).code).toBe(0);
    const result = await h.run(['recurring', 'edit', old.id]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Nothing to change: give');
    // Refused before anything is read or sent.
    expect(result.requests).toEqual([]);
  });

  it('the same UTC cron read on another clock changes the record, not the schedule: sync then keeps it on that clock', async () => {
    // 09:00 UTC is 09:00 in London in winter: the cron stays, but sync is to keep it at 09:00 London time from now on.
    const old = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Tea');
    const result = await h.run(['recurring', 'edit', old.id, '--cron', 'every day at 9am', '--tz', 'Europe/London']);
    expect(result.code).toBe(0);
    expect(changing(result)).toEqual([]);
    expect(result.stderr).toContain('Kept at  09:00 every day, Europe/London (recorded; sync keeps it there across DST)');
    expect(state().intents).toEqual([expect.objectContaining({ schedule_id: old.id, status: 'active', zone: 'Europe/London', local_rule: '0 9 * * *', server: new URL(h.letta.url).href })]);
    const summer = await h.run(['sync', '--now', '2027-04-01T00:00:00Z']);
    expect(summer.requests.find((r) => r.method === 'POST')?.body).toMatchObject({ schedule: { cron_expression: '0 8 * * *' } });

    // And back: the same cron as a raw UTC cron takes the clock away again.
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Kept', '--cron', 'every day at 9am', '--tz', 'Europe/London', '-q']);
    const id = made.stdout.trim();
    const raw = await h.run(['recurring', 'edit', id, '--cron', '0 9 * * *']);
    expect(raw.code).toBe(0);
    expect(changing(raw)).toEqual([]);
    expect(raw.stderr).toContain('Kept as  0 9 * * * in UTC');
    expect(state().intents.find((i) => i.schedule_id === id)).toMatchObject({ zone: 'UTC', local_rule: '0 9 * * *', status: 'active' });
  });

  it("--tz alone on a set's schedule reads its own local time in the new zone, not the whole set's phrase", async () => {
    for (const [phrase, zone, local, utc] of [
      ['weekdays at 9am and weekends at 11am', 'Europe/London', '0 9 * * 1-5', '0 9 * * 1-5'],
      ['every monday at 9am and tuesday at 5:30pm', 'Asia/Tokyo', '0 9 * * 1', '0 0 * * 1'],
      ['every day at 9:00 and 17:30', 'Europe/Berlin', '0 9 * * *', '0 8 * * *'],
    ] as const) {
      const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'hi', '--cron', phrase, '--tz', 'America/New_York']);
      expect(made.code, made.stderr).toBe(0);
      const first = made.stdout.trim().split('\n')[0]!;
      const setId = (state().intents.find((intent) => intent.schedule_id === first) as { set_id: string }).set_id;
      const moved = await h.run(['recurring', 'edit', first, '--tz', zone, '--json']);
      expect(moved.code, `${phrase}: ${moved.stderr}`).toBe(0);
      expect(JSON.parse(moved.stdout)).toMatchObject({ old_id: first, left_set: setId });
      const newId = (JSON.parse(moved.stdout) as { id: string }).id;
      expect(h.letta.schedules.get(newId)!.schedule.cron_expression, phrase).toBe(utc);
      expect(state().intents.find((intent) => intent.schedule_id === newId)).toMatchObject({ zone, local_rule: local });
    }
  });

  it("a set's schedule given a new time leaves the set, said; given a new message, it stays", async () => {
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'hi', '--cron', 'every monday at 9am and tuesday at 5:30pm', '--tz', 'America/New_York']);
    expect(made.code).toBe(0);
    const [first, second] = made.stdout.trim().split('\n') as [string, string];
    const setId = (state().intents.find((intent) => intent.schedule_id === first) as { set_id: string }).set_id;
    const retimed = await h.run(['recurring', 'edit', first, '--cron', 'every wednesday at 3pm', '--tz', 'America/New_York', '--json']);
    expect(retimed.code).toBe(0);
    expect(JSON.parse(retimed.stdout)).toMatchObject({ old_id: first, left_set: setId });
    const reworded = await h.run(['recurring', 'edit', second, '--message', 'hello']);
    expect(reworded.code).toBe(0);
    expect(reworded.stderr).not.toContain('left set-');
    const newest = reworded.stdout.trim();
    expect(state().intents.find((intent) => intent.schedule_id === newest)).toMatchObject({ set_id: setId });
  });
});
