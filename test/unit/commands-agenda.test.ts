import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONCURRENCY } from '../../src/concurrency';
import { runIn, useHarness } from '../helpers/harness';

/** The UID's tag of a server: the first 8 hex digits of the SHA-256 of its normalised base URL. */
const serverTagOf = (url: string) => createHash('sha256').update(new URL(url).href).digest('hex').slice(0, 8);

const BOT = 'agent-11111111-1111-1111-1111-111111111111';
const TWIN = 'agent-22222222-2222-2222-2222-222222222222';
// Wednesday 07:00 in New York; the clocks go forward on Sunday 2027-03-14.
const NOW = '2027-03-10T12:00:00Z';
const NY = ['--now', NOW, '--tz', 'America/New_York'];

describe('agenda', () => {
  const suite = useHarness();
  // Letta's clock at the agenda's now: a schedule it made with a next run long before then would be stuck.
  beforeEach(() => (suite.letta.now = () => Date.parse(NOW)));
  const runCli = (args: string[], options: { terminal?: number } = {}) => runIn(suite.letta, args, suite.env, options);

  function twoAgents() {
    const { letta } = suite;
    const standup = letta.addSchedule(BOT, { type: 'recurring', cron_expression: '0 14 * * 1-5' }, 'Morning standup\nthen the details');
    const report = letta.addSchedule(BOT, { type: 'one-time', scheduled_at: Date.parse('2027-03-11T14:00:20Z') }, 'Quarterly report');
    const stale = letta.addSchedule(BOT, { type: 'one-time', scheduled_at: Date.parse('2027-03-01T10:00:00Z') }, 'Never fired');
    const weekly = letta.addSchedule(TWIN, { type: 'recurring', cron_expression: '30 16 * * 1' }, 'Weekly review, with notes; and more');
    return { standup, report, stale, weekly };
  }

  it('lists every fire of two agents in time order, tab-separated in a pipe, with the DST move, the pile-up and the stale one-time flagged', async () => {
    const { standup, report, stale, weekly } = twoAgents();
    const result = await runCli(['agenda', '--all-agents', ...NY]);
    expect(result.stderr).toContain(
      `Note: Clocks in America/New_York go forward 1 hour on Sun 2027-03-14 at 02:00 EST: 2 recurring schedules (${standup.id}, ${weekly.id}) fire 1 hour later in local time from then on, because Letta reads crons in UTC.`,
    );
    expect(result.code).toBe(0);
    const dst = 'DST moved it: 10:00, was 09:00';
    const rows = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows).toEqual([
      ['Mon 2027-03-01 05:00 EST', '2027-03-01 10:00 UTC', 'support-bot', 'one-time', 'Never fired', stale.id, 'time passed, still scheduled'],
      ['Wed 2027-03-10 09:00 EST', '2027-03-10 14:00 UTC', 'support-bot', 'recurring', 'Morning standup', standup.id, ''],
      ['Thu 2027-03-11 09:00 EST', '2027-03-11 14:00 UTC', 'support-bot', 'recurring', 'Morning standup', standup.id, '2 fires of this agent this minute'],
      ['Thu 2027-03-11 09:00 EST', '2027-03-11 14:00 UTC', 'support-bot', 'one-time', 'Quarterly report', report.id, '2 fires of this agent this minute'],
      ['Fri 2027-03-12 09:00 EST', '2027-03-12 14:00 UTC', 'support-bot', 'recurring', 'Morning standup', standup.id, ''],
      ['Mon 2027-03-15 10:00 EDT', '2027-03-15 14:00 UTC', 'support-bot', 'recurring', 'Morning standup', standup.id, dst],
      ['Mon 2027-03-15 12:30 EDT', '2027-03-15 16:30 UTC', 'twin', 'recurring', 'Weekly review, with notes; and more', weekly.id, 'DST moved it: 12:30, was 11:30'],
      ['Tue 2027-03-16 10:00 EDT', '2027-03-16 14:00 UTC', 'support-bot', 'recurring', 'Morning standup', standup.id, dst],
    ]);
    // Both agents were listed, a few at a time.
    expect(
      suite.letta
        .requests('GET', /\/schedule$/)
        .map((r) => r.path)
        .sort(),
    ).toEqual(suite.letta.agents.map((a) => `/v1/agents/${a.id}/schedule`).sort());
  });

  it('gives one JSON array with times, flags and ids', async () => {
    const { standup } = twoAgents();
    const result = await runCli(['agenda', '--json', ...NY, '--days', '6']);
    expect(result.code).toBe(0);
    const fires = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(fires).toHaveLength(7);
    expect(fires[5]).toMatchObject({
      at: '2027-03-15T14:00:00.000Z',
      local: 'Mon 2027-03-15 10:00 EDT',
      timezone: 'America/New_York',
      schedule_id: standup.id,
      agent_id: BOT,
      agent_name: 'support-bot',
      kind: 'recurring',
      cron_expression: '0 14 * * 1-5',
      message: 'Morning standup',
      paused: false,
      flags: [{ type: 'dst-shift', offset_before_minutes: -300, offset_after_minutes: -240, text: expect.any(String) }],
    });
  });

  it('narrows to one agent and to a window ending at a phrase', async () => {
    const { standup, report, stale } = twoAgents();
    const result = await runCli(['agenda', '--agent-id', 'support-bot', '--until', 'friday at 8am', '-q', ...NY]);
    expect(result.code).toBe(0);
    // Each schedule once, in the order of its first fire; twin's Monday review is outside both the agent and the window.
    expect(result.stdout).toBe(`${stale.id}\n${standup.id}\n${report.id}\n`);
    expect(suite.letta.requests('GET', /\/schedule$/).map((r) => r.path)).toEqual([`/v1/agents/${BOT}/schedule`]);
  });

  it('--until a day without a time runs through the end of that local day, as --until on create does', async () => {
    const friday = suite.letta.addSchedule(BOT, { type: 'one-time', scheduled_at: Date.parse('2027-03-12T20:00:00Z') }, 'Friday afternoon');
    const saturday = suite.letta.addSchedule(BOT, { type: 'one-time', scheduled_at: Date.parse('2027-03-13T05:30:00Z') }, 'Saturday, just after midnight');
    const wholeDay = await runCli(['agenda', '--agent-id', 'support-bot', '--until', 'friday', '-q', ...NY]);
    expect(wholeDay.code).toBe(0);
    expect(wholeDay.stdout.split('\n')).toContain(friday.id);
    expect(wholeDay.stdout.split('\n')).not.toContain(saturday.id);
    const morning = await runCli(['agenda', '--agent-id', 'support-bot', '--until', 'friday at 9am', '-q', ...NY]);
    expect(morning.stdout.split('\n')).not.toContain(friday.id);
  });

  it('writes an iCalendar file that a calendar parser reads back', async () => {
    const { standup, report, stale } = twoAgents();
    const file = join(suite.env.HOME!, 'fires.ics');
    const result = await runCli(['agenda', ...NY, '--days', '3', '--ics', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => [event.uid, event.startDate.toJSDate().toISOString()])).toEqual([
      [`${stale.id}-20270301T100000Z-${serverTagOf(suite.letta.url)}@letta-switchboard`, '2027-03-01T10:00:00.000Z'],
      [`${standup.id}-20270310T140000Z-${serverTagOf(suite.letta.url)}@letta-switchboard`, '2027-03-10T14:00:00.000Z'],
      [`${standup.id}-20270311T140000Z-${serverTagOf(suite.letta.url)}@letta-switchboard`, '2027-03-11T14:00:00.000Z'],
      [`${report.id}-20270311T140020Z-${serverTagOf(suite.letta.url)}@letta-switchboard`, '2027-03-11T14:00:20.000Z'],
      [`${standup.id}-20270312T140000Z-${serverTagOf(suite.letta.url)}@letta-switchboard`, '2027-03-12T14:00:00.000Z'],
    ]);
    expect(events[1]!.summary).toBe('support-bot: Morning standup');
    expect(events[1]!.description).toContain(`Schedule: ${standup.id} (recurring)\nCron (UTC): 0 14 * * 1-5`);
    expect(result.stderr).toContain(`Wrote 5 events to ${file}`);
  });

  it('groups rows by local day under day headers on a terminal', async () => {
    const { standup, weekly } = twoAgents();
    const result = await runCli(['agenda', ...NY, '--days', '6', '--no-color'], { terminal: 200 });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TIME\s+WHEN\s+UTC\s+AGENT\s+KIND\s+MESSAGE\s+SCHEDULE\s+NOTE$/);
    expect(lines.filter((line) => /^\w+day \d+ \w+ 2027$/.test(line))).toEqual([
      'Monday 1 March 2027',
      'Wednesday 10 March 2027',
      'Thursday 11 March 2027',
      'Friday 12 March 2027',
      'Monday 15 March 2027',
    ]);
    const monday = lines.slice(lines.indexOf('Monday 15 March 2027') + 1);
    expect(monday[0]).toMatch(
      new RegExp(`^10:00 EDT\\s+in \\d+ days\\s+2027-03-15 14:00\\s+support-bot\\s+recurring\\s+Morning standup\\s+${standup.id.replace(/^[a-z_]+-/, '')}\\s+DST moved it: 10:00, was 09:00$`),
    );
    expect(monday[1]).toMatch(new RegExp(`^12:30 EDT .*twin .*${weekly.id.replace(/^[a-z_]+-/, '')}`));
  });

  it('writes the calendar to stdout with --ics -', async () => {
    const { standup } = twoAgents();
    const result = await runCli(['agenda', ...NY, '--days', '1', '--ics', '-']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const uids = new ICAL.Component(ICAL.parse(result.stdout)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent).uid);
    expect(uids).toContain(`${standup.id}-20270310T140000Z-${serverTagOf(suite.letta.url)}@letta-switchboard`);
  });

  it('refuses a bad window and an unwritable calendar file, with the right exit codes', async () => {
    twoAgents();
    const cases: Array<[string[], number, RegExp]> = [
      [['--days', '0'], 2, /--days '0' must be a whole number from 1 to 366/],
      [['--days', 'x'], 2, /--days 'x'/],
      [['--days', '3', '--until', 'friday'], 2, /cannot be used with/],
      [['--until', 'yesterday'], 2, /in the past/],
      [['--until', 'in 400 days'], 2, /--until 'in 400 days' is 400 days ahead; an agenda covers at most 366 days/],
      [['--until', 'the twelfth of never'], 2, /Error:/],
      [['--agent-id', 'support-bot', '--all-agents'], 2, /cannot be used with/],
      [['--ics', join(suite.env.HOME!, 'no', 'such', 'folder', 'x.ics')], 2, /Cannot write the calendar file/],
    ];
    for (const [args, code, message] of cases) {
      const result = await runCli(['agenda', ...NY, ...args]);
      expect([result.code, result.stderr], args.join(' ')).toEqual([code, expect.stringMatching(message)]);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(/This is a bug/);
    }
  });

  it('says so when nothing fires in the window', async () => {
    const result = await runCli(['agenda', ...NY]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Nothing fires between 2027-03-10 07:00 EST and 2027-03-17 08:00 EDT\.\n/);
    expect(JSON.parse((await runCli(['agenda', ...NY, '--json'])).stdout)).toEqual([]);
  });

  it("shows a paused series' fires still to come, flagged paused, as a paused schedule's are; --id of it says no blank line", async () => {
    const made = await runCli(['recurring', 'create', ...NY, '--agent-id', BOT, '--message', 'Water the plants', '--cron', 'every day at 9am', '--count', '3', '-q']);
    expect(made.code, made.stderr).toBe(0);
    const series = made.stdout.trim();
    expect((await runCli(['recurring', 'pause', ...NY, series])).code).toBe(0);
    for (const args of [
      ['--id', series],
      ['--agent-id', BOT],
    ]) {
      const agenda = await runCli(['agenda', ...NY, ...args]);
      expect(agenda.code).toBe(0);
      expect(agenda.stderr).toMatch(/^Note: Clocks in America\/New_York go forward[^\n]*\n$/);
      const rows = agenda.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t'));
      expect(rows.map((row) => [row[0], row[3], row[4], row[6]])).toEqual(
        ['Wed 2027-03-10 09:00 EST', 'Thu 2027-03-11 09:00 EST', 'Fri 2027-03-12 09:00 EST'].map((at) => [at, 'series', 'Water the plants', 'paused since 2027-03-10']),
      );
    }
    const json = JSON.parse((await runCli(['agenda', ...NY, '--id', series, '--json'])).stdout) as Array<{ series_id: string; paused: boolean }>;
    expect(json.map((fire) => [fire.series_id, fire.paused])).toEqual([
      [series, true],
      [series, true],
      [series, true],
    ]);
    // Resumed, they are Letta's again and shown once each.
    expect((await runCli(['recurring', 'resume', ...NY, series])).code).toBe(0);
    const after = await runCli(['agenda', ...NY, '--id', series]);
    expect(after.stdout.trim().split('\n')).toHaveLength(3);
    expect(after.stdout).not.toContain('paused');
  });

  it('asks --concurrency agents at a time (8 by default)', async () => {
    const { letta } = suite;
    letta.agents = Array.from({ length: 20 }, (_, i) => ({ id: `agent-${String(i).padStart(8, '0')}-0000-0000-0000-000000000000`, name: `bot-${i}` }));
    for (const agent of letta.agents) letta.addSchedule(agent.id, { type: 'recurring', cron_expression: '0 13 * * *' }, `hello from ${agent.name}`);
    letta.latencyMs = 30;
    const result = await runCli(['agenda', ...NY, '--days', '1']);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(20);
    expect(letta.maxInFlight).toBeGreaterThan(4);
    expect(letta.maxInFlight).toBeLessThanOrEqual(DEFAULT_CONCURRENCY);

    letta.maxInFlight = 0;
    const two = await runCli(['agenda', ...NY, '--days', '1', '--concurrency', '2']);
    expect(two.stdout).toBe(result.stdout);
    expect(letta.maxInFlight).toBe(2);
    expect((await runCli(['agenda', '--concurrency', '0'])).code).toBe(2);
  });

  it('shows each member of a series as a series fire', async () => {
    const created = await runCli(['recurring', 'create', '--agent-id', 'support-bot', '--message', 'Monthly review', '--cron', 'first monday of the month at 9am', ...NY, '-q']);
    expect(created.code).toBe(0);
    const seriesId = created.stdout.trim();
    const result = await runCli(['agenda', ...NY, '--days', '60', '--json']);
    expect(result.code).toBe(0);
    const fires = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(fires.map((fire) => [fire.local, fire.kind, fire.series_id, fire.message])).toEqual([
      ['Mon 2027-04-05 09:00 EDT', 'series', seriesId, 'Monthly review'],
      ['Mon 2027-05-03 09:00 EDT', 'series', seriesId, 'Monthly review'],
    ]);
  });
});
