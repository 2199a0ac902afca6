import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, cliNow, useFakeLetta } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

/** Fire health says what is true of each schedule: its notes, and what it could not read. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
beforeEach(() => ({ letta } = suite));

const cli = cliNow(suite);
const at = (iso: string) => Date.parse(iso);
const rows = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t'));

describe('status: the note of a schedule with nothing wrong', () => {
  it('a fire due within the grace time is said to be due, not "nothing was due"', async () => {
    const soon = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: at('2026-11-22T14:55:00Z') }, 'Just due');
    soon.created_at = '2026-11-22T14:00:00.000Z';
    const r = await cli('status');
    expect(r.code).toBe(0);
    expect(rows(r.stdout)).toEqual([[soon.id, 'support-bot', 'one-time', '0', '0', '0', '0', 'no', 'ok', '2026-11-22 14:55 UTC: due, nothing sent yet']]);
  });

  it('a schedule with nothing due in the window still says so', async () => {
    const later = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: at('2026-11-23T09:00:00Z') }, 'Tomorrow');
    later.created_at = '2026-11-22T14:00:00.000Z';
    const r = await cli('status');
    expect(r.code).toBe(0);
    expect(rows(r.stdout)[0]![9]).toBe('nothing was due');
  });
});

describe('history: a recorded schedule deleted elsewhere', () => {
  it('has no missed fires after its last send, and is said to be gone', async () => {
    const made = await runCli(['--now', '2026-11-18T00:00:00Z', 'recurring', 'create', '--message', 'Digest', '--cron', 'every day at 9am', '--tz', 'UTC', '-q'], { env: suite.env });
    expect(made.code).toBe(0);
    const id = made.stdout.trim();
    for (const day of ['18', '19']) letta.addFire(id, at(`2026-11-${day}T09:00:05Z`));
    // Deleted in Letta's own app: this machine's record still has it as standing.
    letta.schedules.delete(id);
    const r = await cli('history', id);
    expect(r.code).toBe(0);
    expect(rows(r.stdout).map((row) => [row[0], row[2], row[5]])).toEqual([
      [id, '2026-11-19 09:00 UTC', 'ok'],
      [id, '2026-11-18 09:00 UTC', 'ok'],
    ]);
    expect(r.stderr).toContain(`Note: ${id} is not on Letta (deleted outside letta-switchboard, or paused on another machine): nothing after its last send is expected of it.`);
  });
});

describe('fires whose run was not read', () => {
  /** An hourly schedule sent on time 25 times; the oldest send's run stopped on an error, beyond the 20 newest whose runs are read. */
  function hourlyOf25() {
    const hourly = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 * * * *' }, 'Hourly');
    hourly.created_at = '2026-11-21T13:30:00.000Z';
    hourly.next_scheduled_time = '2026-11-22T15:00:00.000Z';
    for (let hour = 0; hour < 25; hour++) letta.addFire(hourly.id, at('2026-11-21T14:00:04Z') + hour * 3_600_000, hour === 0 ? { stopReason: 'llm_api_error' } : {});
    return hourly;
  }

  it('status says how many fires are judged on the history alone, in the summary and --json', async () => {
    hourlyOf25();
    const r = await cli('status');
    expect(r.code).toBe(0);
    expect(rows(r.stdout)[0]!.slice(3, 7)).toEqual(['25', '0', '0', '0']);
    expect(r.stderr).toContain("; 5 fires are ok or late on the history's word alone: only each schedule's newest 20 sends have their runs read for how they ended");
    const json = JSON.parse((await cli('status', '--json')).stdout);
    expect(json.fire_health.runs_not_read).toBe(5);
    expect(json.fire_health.schedules[0].runs_not_read).toBe(5);
  });

  it('status --json says it in one line on stderr too, stdout the document alone', async () => {
    hourlyOf25();
    const table = await cli('status');
    const summary = table.stderr.trimEnd().split('\n').at(-1)!;
    expect(summary).toMatch(/^Fire health: .*; 5 fires are ok or late on the history's word alone/);
    const r = await cli('status', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${summary}\n`);
    expect(JSON.parse(r.stdout).fire_health.runs_not_read).toBe(5);
  });

  it('status --json on a server with no fire history says its summary after the note, every schedule being unknown', async () => {
    hourlyOf25();
    letta.historyRoute = 404;
    const r = await cli('status', '--json');
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Note: This server has no fire history/);
    expect(lines[1]).toMatch(/^Fire health: 1 schedule checked since /);
    expect(JSON.parse(r.stdout).fire_health.schedules[0].worst).toBe('unknown');
  });

  it('agenda --since says so too', async () => {
    hourlyOf25();
    const r = await cli('agenda', '--since', '2d', '--days', '1');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Note: 5 past fires are ok or late on the history's word alone");
  });

  it('nothing is said when every run was read', async () => {
    const daily = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, 'Daily');
    daily.created_at = '2026-11-20T00:00:00.000Z';
    for (const day of ['20', '21', '22']) letta.addFire(daily.id, at(`2026-11-${day}T14:00:04Z`));
    const r = await cli('status', '--json');
    expect(JSON.parse(r.stdout).fire_health.runs_not_read).toBe(0);
    expect((await cli('status')).stderr).not.toContain("history's word");
  });
});

describe('status -q', () => {
  it('prints the ids on stdout and says on stderr what each needs', async () => {
    const daily = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, 'Daily');
    daily.created_at = '2026-11-20T00:00:00.000Z';
    letta.addFire(daily.id, at('2026-11-20T14:00:04Z'));
    letta.addFire(daily.id, at('2026-11-22T14:00:04Z'), { stopReason: 'max_steps' });
    const r = await cli('status', '-q');
    expect(r.code).toBe(6);
    expect(r.stdout).toBe(`${daily.id}\n`);
    expect(r.stderr).toBe(`${daily.id} (support-bot): missed, nothing sent for 2026-11-21 14:00 UTC\n`);
  });
});

describe('status: a one-time schedule made here, which Letta let go once it was due', () => {
  async function sendLater(): Promise<string> {
    letta.now = () => at('2026-11-21T12:00:00Z');
    const made = await runCli(['--now', '2026-11-21T12:00:00Z', 'send', '--message', 'Remind me', '--execute-at', '2026-11-22 09:00', '--tz', 'UTC', '-q'], { env: suite.env });
    letta.now = () => at(NOW);
    expect(made.code).toBe(0);
    return made.stdout.trim();
  }

  it('is judged from the record: a failed run is exit 6', async () => {
    const id = await sendLater();
    letta.addFire(id, at('2026-11-22T09:00:03Z'), { stopReason: 'llm_api_error' });
    letta.schedules.delete(id);
    const r = await cli('status');
    expect(r.code).toBe(6);
    expect(rows(r.stdout)).toEqual([[id, 'support-bot', 'one-time', '0', '0', '1', '0', 'no', 'failed', '2026-11-22 09:00 UTC: run llm_api_error']]);
  });

  it('history judges it the same, and does not call it deleted elsewhere', async () => {
    const id = await sendLater();
    letta.addFire(id, at('2026-11-22T09:00:03Z'), { stopReason: 'llm_api_error' });
    letta.schedules.delete(id);
    const r = await cli('history', id);
    expect(r.code).toBe(0);
    expect(rows(r.stdout).map((row) => [row[0], row[5], row[7]])).toEqual([[id, 'failed', 'llm_api_error']]);
    expect(r.stderr).not.toContain('deleted elsewhere');
  });

  it('is judged still once sync has marked it gone after its time', async () => {
    const id = await sendLater();
    letta.addFire(id, at('2026-11-22T09:00:03Z'), { stopReason: 'max_steps' });
    letta.schedules.delete(id);
    expect((await cli('sync')).code).toBe(0);
    const r = await cli('status', '-q');
    expect(r.code).toBe(6);
    expect(r.stdout).toBe(`${id}\n`);
    expect(r.stderr).toContain(`${id} (support-bot): failed, 2026-11-22 09:00 UTC: run max_steps`);
  });

  it('one deleted elsewhere before it was due (so sync found) had nothing due', async () => {
    const id = await sendLater();
    letta.schedules.delete(id);
    // Letta still answers its history: empty.
    letta.history.set(id, []);
    expect((await runCli(['--now', '2026-11-22T08:00:00Z', 'sync'], { env: suite.env })).code).toBe(0);
    const r = await cli('status', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fire_health.schedules).toEqual([]);
  });
});

describe('agenda --since: the past fires Letta no longer lists', () => {
  it("shows a series' fired members and a one-time schedule made here, each with its outcome", async () => {
    letta.now = () => at('2026-11-20T00:00:00Z');
    const series = await runCli(['--now', '2026-11-20T00:00:00Z', 'recurring', 'create', '--message', 'Pills', '--cron', 'every day at 9am', '--count', '3', '--tz', 'UTC', '-q'], { env: suite.env });
    const once = await runCli(['--now', '2026-11-20T00:00:00Z', 'send', '--message', 'Call back', '--execute-at', '2026-11-21 12:00', '--tz', 'UTC', '-q'], { env: suite.env });
    letta.now = () => at(NOW);
    expect([series.code, once.code]).toEqual([0, 0]);
    const members = [...letta.schedules.values()].filter((item) => item.id !== once.stdout.trim()).sort((a, b) => a.schedule.scheduled_at! - b.schedule.scheduled_at!);
    letta.addFire(members[0]!.id, at('2026-11-20T09:00:05Z'));
    letta.addFire(members[1]!.id, at('2026-11-21T09:00:05Z'), { stopReason: 'max_steps' });
    letta.addFire(once.stdout.trim(), at('2026-11-21T12:00:02Z'));
    // Letta lets each go once it has fired; the third member has not been sent yet and is still held.
    for (const id of [members[0]!.id, members[1]!.id, once.stdout.trim()]) letta.schedules.delete(id);
    const r = await cli('agenda', '--since', '3d', '--days', '1');
    expect(r.code).toBe(0);
    expect(rows(r.stdout).map((row) => [row[1], row[3], row[5], row[6]])).toEqual([
      ['2026-11-20 09:00 UTC', 'series', members[0]!.id, 'ok (sent +5s, end_turn)'],
      ['2026-11-21 09:00 UTC', 'series', members[1]!.id, 'failed (sent +5s, max_steps)'],
      ['2026-11-21 12:00 UTC', 'one-time', once.stdout.trim(), 'ok (sent +2s, end_turn)'],
      ['2026-11-22 09:00 UTC', 'series', members[2]!.id, 'missed: nothing sent'],
    ]);
  });
});

describe('a run that failed after a stop reason that reads as fine', () => {
  it('is said as failed, with its reason, in the row, the note and --verbose', async () => {
    const daily = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 12 * * *' }, 'Daily');
    daily.created_at = '2026-11-22T00:00:00.000Z';
    letta.addFire(daily.id, at('2026-11-22T12:00:02Z'), { runStatus: 'failed', stopReason: 'end_turn' });
    const r = await cli('status');
    expect(r.code).toBe(6);
    expect(rows(r.stdout)[0]![9]).toBe('2026-11-22 12:00 UTC: run failed (end_turn)');
    const verbose = await cli('status', '--verbose');
    expect(rows(verbose.stdout)[0]!.slice(5)).toEqual(['failed', expect.stringMatching(/^run-fire-/), 'failed (end_turn)']);
  });
});

describe('status: a schedule paused within the window', () => {
  it('has its fires before the pause judged: a miss is exit 6, none after the pause', async () => {
    const made = await runCli(['--now', '2026-11-18T00:00:00Z', 'recurring', 'create', '--message', 'Digest', '--cron', 'every day at 9am', '--tz', 'UTC', '-q'], { env: suite.env });
    expect(made.code).toBe(0);
    const id = made.stdout.trim();
    letta.schedules.get(id)!.created_at = '2026-11-18T00:00:00.000Z';
    for (const day of ['19', '20']) letta.addFire(id, at(`2026-11-${day}T09:00:05Z`));
    expect((await runCli(['--now', '2026-11-20T12:00:00Z', 'recurring', 'pause', id], { env: suite.env })).code).toBe(0);
    const r = await cli('status');
    expect(r.code).toBe(6);
    expect(rows(r.stdout)).toEqual([[id, 'support-bot', 'recurring', '2', '0', '0', '1', 'no', 'missed', 'paused since 2026-11-20 12:00 UTC; nothing sent for 2026-11-18 09:00 UTC']]);
    const [schedule] = JSON.parse((await cli('status', '--json')).stdout).fire_health.schedules;
    expect(schedule).toMatchObject({ schedule_id: id, paused_at: '2026-11-20T12:00:00.000Z', counts: { ok: 2, missed: 1 } });
  });
});
