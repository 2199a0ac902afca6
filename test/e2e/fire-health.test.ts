import { beforeEach, describe, expect, it } from 'vitest';
import { FakeLetta, TEST_KEY } from '../helpers/fake-letta';
import { AGENT, NOW, cliNow, useFakeLetta } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
beforeEach(() => ({ letta } = suite));

const cli = cliNow(suite);
const at = (iso: string) => Date.parse(iso);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * A daily 14:00 UTC schedule made on 2026-11-17 (NOW is 2026-11-22 15:00 UTC),
 * whose six fires went: on time, failed in history, a run that stopped on an
 * error, nothing sent, 25 minutes late, on time.
 */
function dailyWithEveryOutcome() {
  const daily = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, 'Daily digest');
  daily.created_at = '2026-11-17T00:00:00.000Z';
  daily.next_scheduled_time = '2026-11-23T14:00:00.000Z';
  letta.addFire(daily.id, at('2026-11-17T14:00:12Z'));
  letta.addFire(daily.id, at('2026-11-18T14:00:05Z'), { status: 'failed', noRun: true });
  letta.addFire(daily.id, at('2026-11-19T14:00:03Z'), { stopReason: 'insufficient_credits' });
  letta.addFire(daily.id, at('2026-11-21T14:25:00Z'));
  letta.addFire(daily.id, at('2026-11-22T14:00:30Z'), { stopReason: 'end_turn' });
  return daily;
}

/** An hourly schedule whose scheduler stopped after the 11:00 fire: next_scheduled_time stuck at 12:00. */
function stuckHourly() {
  const hourly = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 * * * *' }, 'Hourly check');
  hourly.created_at = '2026-11-22T09:30:00.000Z';
  hourly.next_scheduled_time = '2026-11-22T12:00:00.000Z';
  letta.addFire(hourly.id, at('2026-11-22T10:00:02Z'));
  letta.addFire(hourly.id, at('2026-11-22T11:00:02Z'));
  return hourly;
}

function healthy() {
  const weekly = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '30 9 * * 1' }, 'Weekly review');
  weekly.created_at = '2026-11-01T00:00:00.000Z';
  weekly.next_scheduled_time = '2026-11-23T09:30:00.000Z';
  letta.addFire(weekly.id, at('2026-11-16T09:30:04Z'));
  return weekly;
}

type Json = Record<string, any>;

describe('status: fire health', () => {
  it('classifies every fire of a schedule: ok, failed (history and run), missed, late', async () => {
    const daily = dailyWithEveryOutcome();
    const r = await cli('status', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(6);
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.needs_attention).toBe(true);
    const [schedule] = doc.fire_health.schedules as Json[];
    expect(schedule).toMatchObject({ schedule_id: daily.id, worst: 'missed', stuck: false, history: true, counts: { ok: 2, failed: 2, missed: 1, late: 1, pending: 0 } });
    expect((schedule!.fires as Json[]).map((f) => [f.due, f.class, f.stop_reason])).toEqual([
      ['2026-11-22T14:00:00.000Z', 'ok', 'end_turn'],
      ['2026-11-21T14:00:00.000Z', 'late', 'end_turn'],
      ['2026-11-20T14:00:00.000Z', 'missed', null],
      ['2026-11-19T14:00:00.000Z', 'failed', 'insufficient_credits'],
      ['2026-11-18T14:00:00.000Z', 'failed', null],
      ['2026-11-17T14:00:00.000Z', 'ok', 'end_turn'],
    ]);
    expect(schedule!.fires[1]).toMatchObject({ sent_at: '2026-11-21T14:25:00.000Z', delay_seconds: 1500 });
    expect(schedule!.fires[4]).toMatchObject({ history_status: 'failed', run_id: null });
    // Only the published routes, the history route and the runs were asked.
    const paths = letta.received.map(
      (q) =>
        `${q.method} ${q.path
          .replace(daily.id, 'ID')
          .replace(/run-fire-\d+/, 'RUN')
          .replace(AGENT, 'AGENT')}`,
    );
    expect(new Set(paths)).toEqual(new Set(['GET /v1/agents/', 'GET /v1/agents/AGENT/schedule', 'GET /v1/agents/AGENT/schedule/ID/history', 'GET /v1/runs/RUN']));
  });

  it('one line per schedule in a pipe, the worst case named, the stuck one first; exit 6', async () => {
    const daily = dailyWithEveryOutcome();
    const hourly = stuckHourly();
    const weekly = healthy();
    const r = await cli('status');
    expect(r.code).toBe(6);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.map((row) => row.slice(0, 9))).toEqual([
      [hourly.id, 'support-bot', 'recurring', '2', '0', '0', '3', 'yes', 'stuck'],
      [daily.id, 'support-bot', 'recurring', '2', '1', '2', '1', 'no', 'missed'],
      [weekly.id, 'support-bot', 'recurring', '1', '0', '0', '0', 'no', 'ok'],
    ]);
    expect(rows[0]![9]).toBe('next run 2026-11-22 12:00 UTC is 3h00m in the past');
    expect(rows[1]![9]).toBe('nothing sent for 2026-11-20 14:00 UTC');
    expect(r.stderr).toBe('Fire health: 3 schedules checked since 2026-11-15 15:00 UTC: 2 need attention (1 stuck schedule; fires: 5 ok, 1 late, 2 failed, 4 missed)\n');
  });

  it('judges from the creation time the record of intent holds when the server gives none', async () => {
    letta.now = () => at('2026-11-20T00:00:00Z');
    const made = await runCli(['--now', '2026-11-20T00:00:00Z', 'recurring', 'create', '--message', 'Digest', '--cron', 'every day at 9am', '--tz', 'UTC'], { env: suite.env });
    letta.now = () => at(NOW);
    expect(made.code).toBe(0);
    const item = letta.schedules.get(made.stdout.trim())!;
    delete (item as { created_at?: string }).created_at;
    item.next_scheduled_time = '2026-11-23T09:00:00.000Z';
    for (const day of ['20', '21', '22']) letta.addFire(item.id, at(`2026-11-${day}T09:00:05Z`));
    const r = await cli('status', '--json');
    expect(r.code).toBe(0);
    const [schedule] = JSON.parse(r.stdout).fire_health.schedules as Json[];
    expect(schedule).toMatchObject({ from: '2026-11-20T00:00:00.000Z', worst: 'ok', counts: { ok: 3, missed: 0 } });
  });

  it('a fire due within the grace time is pending, not missed', async () => {
    const soon = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '55 14 * * *' }, 'Just due');
    soon.created_at = '2026-11-22T14:00:00.000Z';
    soon.next_scheduled_time = '2026-11-22T14:55:00.000Z';
    const r = await cli('status', '--json');
    expect(r.code).toBe(0);
    const [schedule] = JSON.parse(r.stdout).fire_health.schedules as Json[];
    expect(schedule!.fires.map((f: Json) => f.class)).toEqual(['pending']);
  });

  it('exit 0 and nothing notified when all is well; --notify-ok sends the all-clear', async () => {
    healthy();
    const quiet = await cli('status', '--notify', `${letta.url}/notify/hook`);
    expect(quiet.code).toBe(0);
    expect(letta.notified).toEqual([]);
    const ok = await cli('status', '--notify', `${letta.url}/notify/hook`, '--notify-ok');
    expect(ok.code).toBe(0);
    expect(letta.notified).toHaveLength(1);
    expect(letta.notified[0]!.body).toMatchObject({ needs_attention: false, problems: [] });
  });

  it('--notify POSTs a small summary of what needs action, without the Letta key', async () => {
    const daily = dailyWithEveryOutcome();
    const hourly = stuckHourly();
    const r = await cli('status', '--notify', `${letta.url}/notify/hook`);
    expect(r.code).toBe(6);
    expect(letta.notified).toHaveLength(1);
    const [note] = letta.notified;
    expect(note!.path).toBe('/notify/hook');
    expect(note!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(note!.headers)).not.toContain(TEST_KEY);
    expect(JSON.stringify(note!.body)).not.toContain(TEST_KEY);
    const body = note!.body as Json;
    expect(body.needs_attention).toBe(true);
    expect(body.problems).toEqual([
      `${hourly.id} (support-bot): stuck, next run 2026-11-22 12:00 UTC is 3h00m in the past`,
      `${daily.id} (support-bot): missed, nothing sent for 2026-11-20 14:00 UTC`,
    ]);
    expect(body.text).toMatch(/^letta-switchboard status: 2 things need attention\. /);
    expect(Object.keys(body).sort()).toEqual(['checked_at', 'needs_attention', 'problems', 'summary', 'text']);
  });

  it('a notify target that fails is tried once more, never more, and said', async () => {
    dailyWithEveryOutcome();
    letta.inject(/^POST \/notify\//, { status: 500, body: 'down' }, { status: 500, body: 'down' }, { status: 500, body: 'down' });
    const r = await cli('status', '--notify', `${letta.url}/notify/hook`);
    expect(r.code).toBe(6);
    expect(letta.requests('POST', /^\/notify\//)).toHaveLength(2);
    expect(r.stderr).toContain(`Error: Could not notify ${letta.url}: it answered 500`);
  });

  it('a notify target that never answers is given up on after the timeout, tried twice at most', async () => {
    dailyWithEveryOutcome();
    letta.inject(/^POST \/notify\//, { hang: true }, { hang: true }, { hang: true });
    const r = await cli('status', '--notify', `${letta.url}/notify/hook`, '--timeout', '300');
    expect(r.code).toBe(6);
    expect(letta.requests('POST', /^\/notify\//)).toHaveLength(2);
    expect(r.stderr).toContain('it gave no answer within 300 ms');
  });

  it('a failed notification fails an all-clear run with exit 5', async () => {
    healthy();
    letta.inject(/^POST \/notify\//, { status: 404, body: 'no such hook' });
    const r = await cli('status', '--notify', `${letta.url}/notify/hook`, '--notify-ok');
    expect(r.code).toBe(5);
    // A 404 is not worth a second try.
    expect(letta.requests('POST', /^\/notify\//)).toHaveLength(1);
  });

  it('refuses a notify address that is not an http(s) URL before any request (exit 2)', async () => {
    const r = await cli('status', '--notify', 'ftp://example.invalid/x');
    expect(r.code).toBe(2);
    expect(letta.received).toEqual([]);
  });

  it('reads many schedules with at most --concurrency history requests in flight', async () => {
    for (let i = 0; i < 12; i++) healthy();
    letta.latencyMs = 15;
    const r = await cli('status', '--concurrency', '3', '--json');
    expect(r.code).toBe(0);
    expect(letta.requests('GET', /\/history$/)).toHaveLength(12);
    expect(letta.maxInFlight).toBeLessThanOrEqual(3);
    expect(letta.maxInFlight).toBeGreaterThan(1);
  });
});

describe('without the history route', () => {
  for (const status of [404, 405] as const) {
    it(`(${status}) says so once, still finds the stuck schedule and the one-time still held after its time`, async () => {
      letta.historyRoute = status;
      stuckHourly();
      healthy();
      const overdue = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: at('2026-11-21T09:00:00Z') }, 'Never fired');
      const r = await cli('status', '--json', '--concurrency', '1');
      expect(r.code).toBe(6);
      expect(r.stderr.match(/has no fire history/g)).toHaveLength(1);
      expect(r.stderr).toContain(`answered ${status}`);
      const doc = JSON.parse(r.stdout).fire_health as Json;
      expect(doc.history_route).toBe(false);
      // In the order Letta listed them (JSON is written as each is judged; the table sorts worst first).
      expect(doc.schedules.map((s: Json) => [s.worst, s.stuck])).toEqual([
        ['stuck', true],
        ['unknown', false],
        ['stuck', true],
      ]);
      expect(doc.schedules.find((s: Json) => s.schedule_id === overdue.id).note).toBe('still held 1d06h after its time 2026-11-21 09:00 UTC');
      // Found out on the first answer: the route is not asked again for the schedules after it.
      expect(letta.requests('GET', /\/history$/)).toHaveLength(1);
    });
  }

  it('the missing route alone does not change the exit code', async () => {
    letta.historyRoute = 404;
    healthy();
    const r = await cli('status');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('has no fire history');
  });

  it('history says so and shows the due times it can tell', async () => {
    letta.historyRoute = 405;
    const weekly = healthy();
    const r = await cli('history', weekly.id, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.history_route).toBe(false);
    expect(doc.fires.map((f: Json) => [f.due, f.class])).toEqual([
      ['2026-11-16T09:30:00.000Z', 'unknown'],
      ['2026-11-09T09:30:00.000Z', 'unknown'],
      ['2026-11-02T09:30:00.000Z', 'unknown'],
    ]);
  });
});

describe('history', () => {
  it('of a series shows a member Letta let go with no history as unknown, not left out', async () => {
    letta.now = () => at('2026-11-18T00:00:00Z');
    const made = await runCli(['--now', '2026-11-18T00:00:00Z', 'recurring', 'create', '--message', 'Five', '--cron', 'every day at 9am', '--count', '3', '--tz', 'UTC', '-q'], { env: suite.env });
    letta.now = () => at(NOW);
    expect(made.code, made.stderr).toBe(0);
    const members = [...letta.schedules.keys()].sort();
    letta.addFire(members[0]!, at('2026-11-18T09:00:05Z'));
    for (const id of members.slice(0, 2)) letta.schedules.delete(id);
    const r = await cli('history', made.stdout.trim(), '--json');
    expect(r.code, r.stderr).toBe(0);
    const fires = (JSON.parse(r.stdout).fires as Json[]).map((fire) => [fire.schedule_id, fire.class]);
    expect(fires).toEqual([
      [members[2], 'missed'],
      [members[1], 'unknown'],
      [members[0], 'ok'],
    ]);
    const text = await cli('history', made.stdout.trim());
    expect(text.stderr).toContain(`Note: Letta has no history for ${members[1]} (it no longer holds that schedule): its fires are unknown.`);
  });

  it('newest first, due time in local and UTC, sent time, class, run and outcome', async () => {
    const daily = dailyWithEveryOutcome();
    const r = await cli('history', daily.id, '--since', '3d', '--tz', 'America/New_York');
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.map((row) => row.slice(1))).toEqual([
      ['Sun 2026-11-22 09:00 EST', '2026-11-22 14:00 UTC', '2026-11-22T14:00:30Z', '+30s', 'ok', expect.stringMatching(/^run-fire-/), 'end_turn'],
      ['Sat 2026-11-21 09:00 EST', '2026-11-21 14:00 UTC', '2026-11-21T14:25:00Z', '+25m00s', 'late', expect.stringMatching(/^run-fire-/), 'end_turn'],
      ['Fri 2026-11-20 09:00 EST', '2026-11-20 14:00 UTC', '-', '-', 'missed', '-', '-'],
    ]);
    expect(rows.every((row) => row[0] === daily.id)).toBe(true);
  });

  it('a schedule made elsewhere keeps its fires once an edit replaced it: missed stays missed', async () => {
    const daily = dailyWithEveryOutcome();
    const edited = await cli('recurring', 'edit', daily.id, '--message', 'Daily digest, shorter', '-q');
    expect(edited.code).toBe(0);
    const newId = edited.stdout.trim();
    const r = await cli('history', newId, '--since', '3d', '--json');
    expect(r.code).toBe(0);
    const fires = (JSON.parse(r.stdout) as Json).fires as Json[];
    expect(fires.filter((f) => f.schedule_id === daily.id).map((f) => [f.due, f.class])).toEqual([
      ['2026-11-22T14:00:00.000Z', 'ok'],
      ['2026-11-21T14:00:00.000Z', 'late'],
      ['2026-11-20T14:00:00.000Z', 'missed'],
    ]);
    const status = await cli('status', '--json');
    expect(status.code).toBe(6);
    const before = (JSON.parse(status.stdout).fire_health.schedules as Json[]).find((one) => one.schedule_id === daily.id);
    expect(before).toMatchObject({ replaced_by: newId, worst: 'missed', counts: { ok: 2, failed: 2, missed: 1, late: 1 } });
  });

  it('reads a long history page by page, and --limit keeps the newest', async () => {
    letta.maxHistoryPage = 50;
    const hourly = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 * * * *' }, 'Hourly');
    hourly.created_at = '2026-11-17T14:30:00.000Z';
    hourly.next_scheduled_time = '2026-11-22T16:00:00.000Z';
    for (let due = at('2026-11-17T15:00:00Z'); due < at(NOW); due += 60 * MINUTE) letta.addFire(hourly.id, due + 5 * SECOND);
    const all = await cli('history', hourly.id, '--json', '--limit', '1000');
    expect(all.code).toBe(0);
    const fires = JSON.parse(all.stdout).fires as Json[];
    expect(fires).toHaveLength(121);
    // The fire due this very minute is still within the grace time.
    expect(fires.map((f) => f.class)).toEqual(['pending', ...Array(120).fill('ok')]);
    const pages = letta.requests('GET', /\/history$/);
    expect(pages.map((p) => p.query.offset)).toEqual([undefined, '50', '100']);

    const newest = await cli('history', hourly.id, '--limit', '2');
    expect(
      newest.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t')[2]),
    ).toEqual(['2026-11-22 15:00 UTC', '2026-11-22 14:00 UTC']);
    expect(newest.stderr).toContain('Showing the newest 2 of 121 fires');
  });

  it('stops paging once a page is older than --since', async () => {
    letta.maxHistoryPage = 10;
    const hourly = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 * * * *' }, 'Hourly');
    hourly.created_at = '2026-11-01T00:00:00.000Z';
    for (let due = at('2026-11-12T15:00:00Z'); due <= at(NOW); due += 60 * MINUTE) letta.addFire(hourly.id, due + 5 * SECOND);
    const r = await cli('history', hourly.id, '--since', '12h', '--json', '--limit', '1000');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fires).toHaveLength(13);
    // Two pages of ten hold the window; the third is wholly older, so the other 21 are never asked for.
    expect(letta.requests('GET', /\/history$/)).toHaveLength(3);
  });

  it('an unknown schedule is exit 3', async () => {
    const r = await cli('history', 'sm-nope');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("No schedule 'sm-nope'");
  });
});

describe('agenda --since', () => {
  it('shows past fires with their outcome beside the coming ones, in local time and UTC', async () => {
    const daily = dailyWithEveryOutcome();
    const r = await cli('agenda', '--since', '2d', '--days', '2', '--tz', 'America/New_York');
    expect(r.code).toBe(0);
    const rows = r.stdout
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.map((row) => [row[0], row[1], row[5], row[6]])).toEqual([
      ['Sat 2026-11-21 09:00 EST', '2026-11-21 14:00 UTC', daily.id, 'late (sent +25m00s, end_turn)'],
      ['Sun 2026-11-22 09:00 EST', '2026-11-22 14:00 UTC', daily.id, 'ok (sent +30s, end_turn)'],
      ['Mon 2026-11-23 09:00 EST', '2026-11-23 14:00 UTC', daily.id, ''],
      ['Tue 2026-11-24 09:00 EST', '2026-11-24 14:00 UTC', daily.id, ''],
    ]);
  });

  it('a past fire shares its minute only with fires of schedules made by then', async () => {
    const daily = dailyWithEveryOutcome();
    const later = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, 'Made today');
    later.created_at = '2026-11-22T14:30:00.000Z';
    const r = await cli('agenda', '--since', '2d', '--days', '2', '--json');
    expect(r.code).toBe(0);
    const fires = JSON.parse(r.stdout) as Json[];
    const flagged = (f: Json) => f.flags.some((flag: Json) => flag.type === 'same-minute');
    expect(fires.filter((f) => f.schedule_id === daily.id && Date.parse(f.at) < Date.parse(NOW)).map(flagged)).toEqual([false, false]);
    // Ahead, both fire at 14:00: said.
    expect(fires.filter((f) => Date.parse(f.at) > Date.parse(NOW)).every(flagged)).toBe(true);
    expect(fires.filter((f) => f.schedule_id === later.id).map((f) => f.at)).toEqual(['2026-11-23T14:00:00.000Z', '2026-11-24T14:00:00.000Z']);
  });

  it('names a missed and a failed fire, and leaves out fires from before the schedule was made', async () => {
    const daily = dailyWithEveryOutcome();
    const r = await cli('agenda', '--since', '7d', '--days', '1', '--json');
    expect(r.code).toBe(0);
    const fires = JSON.parse(r.stdout) as Json[];
    expect(fires.map((f) => [f.at, f.flags.map((flag: Json) => flag.text).join('; ')])).toEqual([
      ['2026-11-17T14:00:00.000Z', 'ok (sent +12s, end_turn)'],
      ['2026-11-18T14:00:00.000Z', 'failed (sent +5s, history: failed)'],
      ['2026-11-19T14:00:00.000Z', 'failed (sent +3s, insufficient_credits)'],
      ['2026-11-20T14:00:00.000Z', 'missed: nothing sent'],
      ['2026-11-21T14:00:00.000Z', 'late (sent +25m00s, end_turn)'],
      ['2026-11-22T14:00:00.000Z', 'ok (sent +30s, end_turn)'],
      ['2026-11-23T14:00:00.000Z', ''],
    ]);
    expect(fires.every((f) => f.schedule_id === daily.id)).toBe(true);
    // The fields under the names status --json gives them.
    expect(fires[4]!.flags).toEqual([{ type: 'outcome', class: 'late', delay_seconds: 1500, stop_reason: 'end_turn', error: null, text: 'late (sent +25m00s, end_turn)' }]);
  });
});

/**
 * A series of three daily members (2026-11-19 to 21, 14:00 UTC) made on the
 * 19th: Letta let go of the first and last once they fired, and still holds
 * the middle one, never sent.
 */
async function seriesWithOneMiss() {
  letta.now = () => at('2026-11-19T00:00:00Z');
  const made = await runCli(['--now', '2026-11-19T00:00:00Z', 'recurring', 'create', '--message', 'Water', '--cron', 'every day at 9am', '--count', '3', '--tz', 'America/New_York'], {
    env: suite.env,
  });
  letta.now = () => at(NOW);
  expect(made.code).toBe(0);
  const members = [...letta.schedules.values()];
  expect(members.map((m) => m.schedule.scheduled_at)).toEqual([at('2026-11-19T14:00:00Z'), at('2026-11-20T14:00:00Z'), at('2026-11-21T14:00:00Z')]);
  letta.addFire(members[0]!.id, at('2026-11-19T14:00:04Z'));
  letta.addFire(members[2]!.id, at('2026-11-21T14:00:09Z'), { stopReason: 'llm_api_error' });
  letta.schedules.delete(members[0]!.id);
  letta.schedules.delete(members[2]!.id);
  return { seriesId: made.stdout.trim(), members };
}

describe('history of a series and of a paused schedule', () => {
  it('a series id: every member, the one Letta still holds after its time missed and stuck, the fired ones by their runs', async () => {
    const { seriesId, members } = await seriesWithOneMiss();
    const r = await cli('history', seriesId, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.kind).toBe('series');
    expect(doc.fires.map((f: Json) => [f.schedule_id, f.due, f.class])).toEqual([
      [members[2]!.id, '2026-11-21T14:00:00.000Z', 'failed'],
      [members[1]!.id, '2026-11-20T14:00:00.000Z', 'missed'],
      [members[0]!.id, '2026-11-19T14:00:00.000Z', 'ok'],
    ]);
    expect(doc.stuck).toEqual([{ schedule_id: members[1]!.id, since: '2026-11-20T14:00:00.000Z' }]);
  });

  it('status judges the members Letta let go of from the record, as series', async () => {
    const { seriesId, members } = await seriesWithOneMiss();
    const r = await cli('status', '--json');
    expect(r.code).toBe(6);
    const schedules = JSON.parse(r.stdout).fire_health.schedules as Json[];
    // The one Letta still lists first, then those judged from the record.
    expect(schedules.map((s) => [s.schedule_id, s.series_id, s.worst, s.stuck])).toEqual([
      [members[1]!.id, seriesId, 'stuck', true],
      [members[0]!.id, seriesId, 'ok', false],
      [members[2]!.id, seriesId, 'failed', false],
    ]);
  });

  it("status calls a set's schedules `set`, as agenda does, with set_id under --json", async () => {
    const made = await cli('recurring', 'create', '--message', 'Check in', '--cron', 'every weekday at 9am and at 11am on weekends', '--tz', 'America/New_York', '--json');
    expect(made.code).toBe(0);
    const setId = JSON.parse(made.stdout).set_id as string;
    expect(setId).toMatch(/^set-/);
    const doc = JSON.parse((await cli('status', '--json')).stdout);
    const schedules = doc.fire_health.schedules as Json[];
    expect(schedules).toHaveLength(2);
    expect(schedules.map((s) => [s.kind, s.set_id])).toEqual([
      ['recurring', setId],
      ['recurring', setId],
    ]);
    const table = await cli('status');
    const kinds = table.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t')[2]);
    expect(kinds).toEqual(['set', 'set']);
  });

  it('a paused id: its fires up to the pause, none due after it', async () => {
    const daily = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, 'Daily digest');
    daily.created_at = '2026-11-17T00:00:00.000Z';
    letta.addFire(daily.id, at('2026-11-17T14:00:02Z'));
    letta.addFire(daily.id, at('2026-11-18T14:00:02Z'));
    expect((await runCli(['--now', '2026-11-19T12:00:00Z', 'recurring', 'pause', daily.id], { env: suite.env })).code).toBe(0);
    expect(letta.schedules.has(daily.id)).toBe(false);
    const r = await cli('history', daily.id, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.kind).toBe('paused');
    expect(doc.fires.map((f: Json) => [f.due, f.class])).toEqual([
      ['2026-11-18T14:00:00.000Z', 'ok'],
      ['2026-11-17T14:00:00.000Z', 'ok'],
    ]);
    expect(doc.stuck).toEqual([]);
  });
});

describe('status --dry-run --notify', () => {
  it('prints the notification it would send, with no key, and sends nothing', async () => {
    dailyWithEveryOutcome();
    const r = await cli('status', '--notify', `${letta.url}/notify/hook`, '--dry-run');
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(`POST ${letta.url}/notify/hook\nContent-Type: application/json`);
    expect(r.stderr).not.toMatch(/authorization/i);
    expect(letta.notified).toEqual([]);
  });
});

describe('a replaced schedule still on Letta', () => {
  it('an edit whose delete of the old schedule failed: status needs action (exit 6) naming it, and sync clears it', async () => {
    const made = await cli('recurring', 'create', '--message', 'Standup', '--cron', 'every day at 9am', '--tz', 'UTC', '-q');
    const old = made.stdout.trim();
    letta.inject(/^DELETE /, { status: 500 }, { status: 500 }, { status: 500 });
    const edit = await cli('recurring', 'edit', old, '--message', 'New standup');
    expect(edit.code).toBe(1);
    expect(edit.stderr).toContain('Both exist now');
    expect(letta.schedules.size).toBe(2);
    const status = await cli('status');
    expect(status.code).toBe(6);
    expect(status.stdout).toMatch(new RegExp(`^${old}\\t.*\\treplaced by sm-\\d+, yet still on Letta \\(both fire\\); `, 'm'));
    expect(status.stderr).toContain('1 needs attention');
    const json = await cli('status', '--json');
    expect(json.code).toBe(6);
    const entry = (JSON.parse(json.stdout) as { fire_health: { schedules: Array<Record<string, unknown>> } }).fire_health.schedules.find((one) => one.schedule_id === old);
    expect(entry).toMatchObject({ still_on_letta: true, needs_attention: true });
    expect((await cli('sync')).code).toBe(0);
    expect(letta.schedules.has(old)).toBe(false);
    expect((await cli('status')).code).toBe(0);
  });
});

describe('a replaced schedule still on Letta, its successor edited again', () => {
  it('status names it and sync deletes it, through the lineage', async () => {
    const made = await cli('recurring', 'create', '--message', 'Standup', '--cron', 'every day at 9am', '--tz', 'UTC', '-q');
    const first = made.stdout.trim();
    letta.inject(/^DELETE /, { status: 500 }, { status: 500 }, { status: 500 });
    expect((await cli('recurring', 'edit', first, '--message', 'Second')).code).toBe(1);
    const second = [...letta.schedules.keys()].find((id) => id !== first)!;
    expect((await cli('recurring', 'edit', second, '--message', 'Third')).code).toBe(0);
    expect(letta.schedules.has(first)).toBe(true);
    expect((await cli('status')).code).toBe(6);
    const synced = await cli('sync');
    expect(synced.code, synced.stderr).toBe(0);
    expect(letta.schedules.has(first)).toBe(false);
    expect(letta.schedules.size).toBe(1);
    expect((await cli('status')).code).toBe(0);
  });
});
