import { describe, expect, it } from 'vitest';
import { buildAgenda, type AgendaSchedule } from '../../src/agenda/fires';
import { utcCron } from '../../src/time/utc-cron';
import { agendaNotes, agendaRow, dayHeader, firstLine, localWithWeekday, utcText } from '../../src/agenda/rows';

const DAY = 86_400_000;
// Wednesday 2027-03-10 07:00 in New York; clocks go forward on Sunday 2027-03-14.
const NOW = Date.parse('2027-03-10T12:00:00Z');
const NY = 'America/New_York';

const recurring = (id: string, cron: string, agent = 'support-bot', extra: Partial<AgendaSchedule> = {}): AgendaSchedule => ({
  id,
  agentId: `agent-${agent}`,
  agentName: agent,
  kind: 'recurring',
  cron,
  text: `${id} says hello`,
  ...extra,
});
const once = (id: string, iso: string, agent = 'support-bot', extra: Partial<AgendaSchedule> = {}): AgendaSchedule => ({
  id,
  agentId: `agent-${agent}`,
  agentName: agent,
  kind: 'one-time',
  scheduledAt: Date.parse(iso),
  text: `${id} once`,
  ...extra,
});
const week = { from: NOW, to: NOW + 7 * DAY, zone: NY };
const iso = (ms: number) => new Date(ms).toISOString();

describe('fires in a window', () => {
  it('lists a UTC cron fire by fire and flags the ones that move in local time after the DST change', () => {
    const agenda = buildAgenda([recurring('sm-weekday', '0 14 * * 1-5')], week);
    expect(agenda.fires.map((fire) => iso(fire.at))).toEqual([
      '2027-03-10T14:00:00.000Z',
      '2027-03-11T14:00:00.000Z',
      '2027-03-12T14:00:00.000Z',
      '2027-03-15T14:00:00.000Z',
      '2027-03-16T14:00:00.000Z',
    ]);
    const rows = agenda.fires.map((fire) => agendaRow(fire, NY));
    expect(rows.map((row) => row.local)).toEqual(['Wed 2027-03-10 09:00 EST', 'Thu 2027-03-11 09:00 EST', 'Fri 2027-03-12 09:00 EST', 'Mon 2027-03-15 10:00 EDT', 'Tue 2027-03-16 10:00 EDT']);
    expect(rows.map((row) => row.note)).toEqual(['', '', '', 'DST moved it: 10:00, was 09:00', 'DST moved it: 10:00, was 09:00']);
    expect(agenda.offsetChanges).toHaveLength(1);
    expect(agendaNotes(agenda, NY)).toEqual([
      'Clocks in America/New_York go forward 1 hour on Sun 2027-03-14 at 02:00 EST: 1 recurring schedule (sm-weekday) fires 1 hour later in local time from then on, because Letta reads crons in UTC.',
    ]);
  });

  it('a cron kept in UTC or another zone is not flagged, and the note says it fires at another local time from the change, as it should', () => {
    // Chicago's clocks change the same night: sync makes its schedule anew then, so it is not said to move here.
    const agenda = buildAgenda(
      [
        recurring('sm-utc', '0 14 * * *', 'support-bot', { keptZone: null }),
        recurring('sm-paris', '0 8 * * *', 'twin', { keptZone: 'Europe/Paris' }),
        recurring('sm-chicago', '0 15 * * *', 'third', { keptZone: 'America/Chicago' }),
      ],
      week,
    );
    expect(agenda.fires.flatMap((fire) => fire.flags)).toEqual([]);
    expect(agendaNotes(agenda, NY)).toEqual([
      "Clocks in America/New_York go forward 1 hour on Sun 2027-03-14 at 02:00 EST: no recurring schedule in this agenda that keeps this clock moves with it. 2 that keep UTC or another zone's time (sm-paris, sm-utc) fire 1 hour later here from then on, as they keep that time.",
    ]);
  });

  it('does not flag crons whose fires only relabel across the change (hourly, every 15 minutes)', () => {
    const agenda = buildAgenda([recurring('sm-hourly', '0 * * * *'), recurring('sm-quarter', '*/15 * * * *', 'twin')], week);
    expect(agenda.fires.filter((fire) => fire.schedule.id === 'sm-hourly')).toHaveLength(7 * 24 + 1); // both ends of the window are on the hour
    expect(agenda.fires.flatMap((fire) => fire.flags)).toEqual([]);
    expect(agendaNotes(agenda, NY)[0]).toContain('no recurring schedule in this agenda moves with it');
  });

  it('flags the fall-back change in a southern zone too, and nothing in a zone without DST', () => {
    // Sydney goes back from AEDT to AEST on Sunday 2027-04-04.
    const from = Date.parse('2027-04-01T00:00:00Z');
    const sydney = buildAgenda([recurring('sm-x', '0 22 * * *')], { from, to: from + 7 * DAY, zone: 'Australia/Sydney' });
    const rows = sydney.fires.map((fire) => agendaRow(fire, 'Australia/Sydney'));
    expect(rows[0]!.local).toBe('Fri 2027-04-02 09:00 AEDT');
    expect(rows.at(-1)!.local).toBe('Thu 2027-04-08 08:00 AEST');
    expect(rows.at(-1)!.note).toBe('DST moved it: 08:00, was 09:00');
    expect(agendaNotes(sydney, 'Australia/Sydney')[0]).toMatch(/^Clocks in Australia\/Sydney go back 1 hour on Sun 2027-04-04 at 03:00 AEDT: .*earlier/);

    const kolkata = buildAgenda([recurring('sm-x', '0 22 * * *')], { from, to: from + 7 * DAY, zone: 'Asia/Kolkata' });
    expect(kolkata.fires).toHaveLength(7);
    expect(kolkata.offsetChanges).toEqual([]);
    expect(agendaRow(kolkata.fires[0]!, 'Asia/Kolkata').local).toBe('Fri 2027-04-02 03:30 IST');
  });

  it('merges agents and kinds in time order and flags several fires of one agent in the same minute', () => {
    const agenda = buildAgenda([recurring('sm-b', '0 14 * * *', 'twin'), recurring('sm-a', '0 14 * * *'), once('sm-c', '2027-03-11T14:00:30Z'), once('sm-d', '2027-03-11T13:59:00Z', 'twin')], {
      from: NOW,
      to: Date.parse('2027-03-11T23:00:00Z'),
      zone: 'UTC',
    });
    expect(agenda.fires.map((fire) => `${iso(fire.at).slice(5, 19)} ${fire.schedule.id}`)).toEqual([
      '03-10T14:00:00 sm-a',
      '03-10T14:00:00 sm-b',
      '03-11T13:59:00 sm-d',
      '03-11T14:00:00 sm-a',
      '03-11T14:00:00 sm-b',
      '03-11T14:00:30 sm-c',
    ]);
    const notes = agenda.fires.map((fire) => agendaRow(fire, 'UTC').note);
    // Different agents at the same minute are fine; sm-a and sm-c share support-bot's 14:00 minute.
    expect(notes).toEqual(['', '', '', '2 fires of this agent this minute', '', '2 fires of this agent this minute']);
  });

  it('orders fires at the same instant by agent name as people sort names, then by schedule id, however the schedules came', () => {
    const names = ['bob', 'Alice', 'émile', 'Zoe', 'alice', 'Bob'];
    const schedules = names.flatMap((name, i) => [recurring(`sm-${i}b`, '0 14 * * *', name), once(`sm-${i}a`, '2027-03-10T14:00:00Z', name)]);
    const expected = [...names].sort(new Intl.Collator().compare).flatMap((name) => [`${name} sm-${names.indexOf(name)}a`, `${name} sm-${names.indexOf(name)}b`]);
    for (const order of [schedules, [...schedules].reverse()]) {
      const agenda = buildAgenda(order, { from: NOW, to: NOW + DAY / 2, zone: 'UTC' });
      expect(agenda.fires.map((fire) => `${fire.schedule.agentName} ${fire.schedule.id}`)).toEqual(expected);
    }
    expect(expected.slice(0, 4)).toEqual(['alice sm-4a', 'alice sm-4b', 'Alice sm-1a', 'Alice sm-1b']);
  });

  it('writes each instant the same in every zone, asked in any order, past the number of instants it remembers', () => {
    const zones = [NY, 'Australia/Sydney', 'UTC'];
    // Every 37 minutes across the March change, more instants than a zone's memo keeps.
    const instants = Array.from({ length: 6_000 }, (_, i) => NOW - 30 * DAY + i * 37 * 60_000);
    const forwards = instants.flatMap((at) => zones.map((zone) => `${localWithWeekday(zone, at)} | ${utcText(at)}`));
    const backwards = [...instants].reverse().flatMap((at) => [...zones].reverse().map((zone) => `${localWithWeekday(zone, at)} | ${utcText(at)}`));
    expect(backwards.reverse()).toEqual(forwards);
    expect(forwards.slice(0, 3)).toEqual(['Mon 2027-02-08 07:00 EST | 2027-02-08 12:00 UTC', 'Mon 2027-02-08 23:00 AEDT | 2027-02-08 12:00 UTC', 'Mon 2027-02-08 12:00 UTC | 2027-02-08 12:00 UTC']);
    const summer = Date.parse('2027-03-15T14:00:00Z');
    expect([localWithWeekday(NY, summer), localWithWeekday('Australia/Sydney', summer)]).toEqual(['Mon 2027-03-15 10:00 EDT', 'Tue 2027-03-16 01:00 AEDT']);
  });

  it('shows a one-time schedule whose time has passed but still exists, and leaves out later ones', () => {
    const agenda = buildAgenda([once('sm-old', '2027-03-01T10:00:00Z'), once('sm-late', '2027-04-01T10:00:00Z'), once('sm-in', '2027-03-12T10:00:00Z')], week);
    expect(agenda.fires.map((fire) => [fire.schedule.id, agendaRow(fire, NY).note])).toEqual([
      ['sm-old', 'time passed, still scheduled'],
      ['sm-in', ''],
    ]);
  });

  it('shows paused schedules as paused and does not count them in a pile-up', () => {
    const agenda = buildAgenda([recurring('sm-p', '0 14 * * *', 'support-bot', { pausedSince: '2027-03-09T08:00:00.000Z' }), recurring('sm-q', '0 14 * * *')], {
      from: NOW,
      to: NOW + DAY,
      zone: 'UTC',
    });
    expect(agenda.fires.map((fire) => [fire.schedule.id, agendaRow(fire, 'UTC').note])).toEqual([
      ['sm-p', 'paused since 2027-03-09'],
      ['sm-q', ''],
    ]);
  });

  it('says the day a schedule was paused on the agenda clock', () => {
    const agenda = buildAgenda([recurring('sm-p', '0 14 * * *', 'support-bot', { pausedSince: '2027-03-10T02:00:00.000Z' })], { from: NOW, to: NOW + DAY, zone: NY });
    expect(agendaRow(agenda.fires[0]!, NY).note).toBe('paused since 2027-03-09');
  });

  it('labels series members, takes the first non-empty line of a message, and reports unreadable crons', () => {
    const agenda = buildAgenda([once('sm-s', '2027-03-12T10:00:00Z', 'twin', { seriesId: 'series-1', text: '\n  Weekly report\nsecond line' }), recurring('sm-bad', '0 25 * * *')], week);
    expect(agendaRow(agenda.fires[0]!, NY)).toMatchObject({ kind: 'series', message: 'Weekly report', agent: 'twin', utc: '2027-03-12 10:00 UTC' });
    expect(agenda.unreadable.map((item) => item.scheduleId)).toEqual(['sm-bad']);
    expect(agendaNotes(agenda, NY).some((note) => note.includes('sm-bad'))).toBe(true);
    expect(firstLine('')).toBe('');
  });

  it('stops at the per-schedule limit and says so', () => {
    const agenda = buildAgenda([recurring('sm-minute', '* * * * *')], { ...week, limitPerSchedule: 50 });
    expect(agenda.fires).toHaveLength(50);
    expect(agendaNotes(agenda, NY)).toContain('Only the first 50 fires of sm-minute are shown.');
  });

  it('includes fires exactly at both ends of the window', () => {
    const from = Date.parse('2027-03-10T14:00:00Z');
    expect(
      utcCron('0 14 * * *')
        .firesIn(from, from + DAY, 100)
        .instants.map(iso),
    ).toEqual(['2027-03-10T14:00:00.000Z', '2027-03-11T14:00:00.000Z']);
  });

  it('names days by the local calendar', () => {
    expect(dayHeader(NY, Date.parse('2027-03-11T03:00:00Z'))).toBe('Wednesday 10 March 2027');
  });
});
