import { describe, expect, it } from 'vitest';
import type { ScheduledMessage } from '../../src/letta/types';
import {
  activeIntents,
  activeSeries,
  addSeriesMembers,
  currentId,
  emptyState,
  findIntent,
  findPaused,
  findSeries,
  isSeriesId,
  markGone,
  newIntent,
  newSeries,
  newSeriesId,
  recordIntent,
  recordPaused,
  markPaused,
  recordReplacement,
  recordSeries,
  seriesOf,
  takePaused,
  upcomingMembers,
  type Series,
} from '../../src/state/records';
import { parseState } from '../../src/state/parse';
import { weekdayIntent } from '../helpers/records';

const AT = '2026-11-20T15:00:00.000Z';

const intent = weekdayIntent;

function series(id: string, extra: Partial<Series> = {}): Series {
  return {
    series_id: id,
    agent_id: 'agent-1',
    phrase: 'first monday of the month at 9am',
    zone: 'Europe/London',
    rule: 'first monday of the month at 9am',
    horizon: '2027-01-05T09:00:00.000Z',
    template: { messages: [{ role: 'user', content: 'standup' }], max_steps: 3 },
    members: [
      { schedule_id: 'sm-a', instant: '2026-12-07T09:00:00.000Z' },
      { schedule_id: 'sm-b', instant: '2027-01-04T09:00:00.000Z' },
    ],
    status: 'active',
    created_at: AT,
    ...extra,
  };
}

describe('intents', () => {
  it('makes a new intent active, dated, with no lineage', () => {
    const made = newIntent(
      { schedule_id: 'sm-1', agent_id: 'agent-1', kind: 'one-time', phrase: 'tomorrow at 9am', zone: 'Asia/Kolkata', local_rule: '2026-11-21 09:00', instants: ['2026-11-21T03:30:00.000Z'] },
      Date.parse(AT),
    );
    expect(made).toEqual({
      schedule_id: 'sm-1',
      agent_id: 'agent-1',
      kind: 'one-time',
      phrase: 'tomorrow at 9am',
      zone: 'Asia/Kolkata',
      local_rule: '2026-11-21 09:00',
      instants: ['2026-11-21T03:30:00.000Z'],
      created_at: AT,
      replaces: [],
      status: 'active',
    });
    // What it makes is what the file accepts.
    expect(parseState(JSON.stringify({ version: 1, intents: [made] }), '/s/state.json').intents).toEqual([made]);
  });

  it('records, finds and replaces by schedule id', () => {
    const state = emptyState();
    recordIntent(state, intent('sm-1'));
    recordIntent(state, intent('sm-2', { agent_id: 'agent-2' }));
    recordIntent(state, intent('sm-1', { phrase: 'every weekday at 10am' }));
    expect(state.intents).toHaveLength(2);
    expect(findIntent(state, 'sm-1')?.phrase).toBe('every weekday at 10am');
    expect(findIntent(state, 'sm-9')).toBeUndefined();
    expect(activeIntents(state).map((i) => i.schedule_id)).toEqual(['sm-1', 'sm-2']);
    expect(activeIntents(state, 'agent-2').map((i) => i.schedule_id)).toEqual(['sm-2']);
  });

  it('keeps lineage across repeated replacements and follows it to the current id', () => {
    const state = emptyState();
    recordIntent(state, intent('sm-1'));
    recordReplacement(state, 'sm-1', intent('sm-2', { utc_crons: ['0 13 * * 1-5'] }), '2027-03-15T00:00:00.000Z');
    recordReplacement(state, 'sm-2', intent('sm-3', { utc_crons: ['0 14 * * 1-5'] }), '2027-11-08T00:00:00.000Z');
    expect(findIntent(state, 'sm-3')).toMatchObject({ status: 'active', replaces: ['sm-2', 'sm-1'] });
    expect(findIntent(state, 'sm-1')).toMatchObject({ status: 'replaced', replaced_by: 'sm-2', status_at: '2027-03-15T00:00:00.000Z' });
    expect(findIntent(state, 'sm-2')).toMatchObject({ status: 'replaced', replaced_by: 'sm-3' });
    expect(activeIntents(state).map((i) => i.schedule_id)).toEqual(['sm-3']);
    expect(currentId(state, 'sm-1')).toBe('sm-3');
    expect(currentId(state, 'sm-3')).toBe('sm-3');
    expect(currentId(state, 'unknown')).toBe('unknown');
  });

  it('records a replacement of a schedule it never knew (an adopted or edited one)', () => {
    const state = emptyState();
    recordReplacement(state, 'sm-dashboard', intent('sm-new'), AT);
    expect(state.intents).toEqual([intent('sm-new', { replaces: ['sm-dashboard'] })]);
  });

  it('does not loop on a lineage that points back at itself', () => {
    const state = emptyState();
    recordIntent(state, intent('a', { status: 'replaced', replaced_by: 'b' }));
    recordIntent(state, intent('b', { status: 'replaced', replaced_by: 'a' }));
    expect(['a', 'b']).toContain(currentId(state, 'a'));
  });

  it('marks a schedule deleted elsewhere as gone, once', () => {
    const state = emptyState();
    recordIntent(state, intent('sm-1'));
    expect(markGone(state, 'sm-1', '2027-01-01T00:00:00.000Z')).toBe(true);
    expect(markGone(state, 'sm-1', '2027-02-01T00:00:00.000Z')).toBe(true);
    expect(findIntent(state, 'sm-1')).toMatchObject({ status: 'gone', status_at: '2027-01-01T00:00:00.000Z' });
    expect(markGone(state, 'sm-unknown', AT)).toBe(false);
    expect(activeIntents(state)).toEqual([]);
  });
});

describe('series', () => {
  it('makes a new active series with its own id and no members yet', () => {
    const made = newSeries(
      {
        agent_id: 'agent-1',
        phrase: 'every other tuesday at 5pm',
        zone: 'Australia/Sydney',
        rule: 'every other tuesday at 5pm',
        count: 6,
        horizon: AT,
        template: { messages: [{ role: 'user', content: 'x' }] },
      },
      Date.parse(AT),
    );
    expect(isSeriesId(made.series_id)).toBe(true);
    expect(made).toMatchObject({ members: [], status: 'active', created_at: AT, count: 6 });
    expect(parseState(JSON.stringify({ version: 1, series: [made] }), '/s/state.json').series).toEqual([made]);
  });

  it('finds a series by its id and by a member', () => {
    const state = emptyState();
    recordSeries(state, series('series-1'));
    recordSeries(state, series('series-2', { agent_id: 'agent-2', members: [{ schedule_id: 'sm-c', instant: AT }] }));
    expect(findSeries(state, 'series-2')?.agent_id).toBe('agent-2');
    expect(seriesOf(state, 'sm-b')?.series_id).toBe('series-1');
    expect(seriesOf(state, 'sm-z')).toBeUndefined();
    expect(activeSeries(state, 'agent-1').map((s) => s.series_id)).toEqual(['series-1']);
    recordSeries(state, series('series-1', { status: 'gone' }));
    expect(state.series).toHaveLength(2);
    expect(activeSeries(state).map((s) => s.series_id)).toEqual(['series-2']);
  });

  it('tops up in instant order, never adding a member twice, and only moves the horizon out', () => {
    const one = series('series-1');
    addSeriesMembers(
      one,
      [
        { schedule_id: 'sm-d', instant: '2027-03-01T09:00:00.000Z' },
        { schedule_id: 'sm-c', instant: '2027-02-01T09:00:00.000Z' },
        { schedule_id: 'sm-b', instant: '2027-01-04T09:00:00.000Z' },
      ],
      '2027-03-02T00:00:00.000Z',
    );
    expect(one.members.map((m) => m.schedule_id)).toEqual(['sm-a', 'sm-b', 'sm-c', 'sm-d']);
    expect(one.horizon).toBe('2027-03-02T00:00:00.000Z');
    addSeriesMembers(one, [], '2026-12-31T00:00:00.000Z');
    expect(one.horizon).toBe('2027-03-02T00:00:00.000Z');
    expect(upcomingMembers(one, Date.parse('2027-01-10T00:00:00.000Z')).map((m) => m.schedule_id)).toEqual(['sm-c', 'sm-d']);
  });

  it('makes series ids that are told apart from schedule ids', () => {
    const id = newSeriesId();
    expect(isSeriesId(id)).toBe(true);
    expect(newSeriesId()).not.toBe(id);
    expect(isSeriesId('sm-1234')).toBe(false);
  });
});

describe('paused schedules', () => {
  const schedule: ScheduledMessage = {
    id: 'sm-paused',
    agent_id: 'agent-1',
    message: { messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], callback_url: 'https://hook.example.com', max_steps: 4 },
    schedule: { type: 'recurring', cron_expression: '0 14 * * 1-5' },
    next_scheduled_time: '2026-11-23T14:00:00Z',
    some_future_field: { kept: true },
  };

  it('keeps the whole schedule as Letta returned it, with its intent, until resumed', () => {
    const state = emptyState();
    recordPaused(state, schedule, AT, intent('sm-paused'));
    // Until its delete is done, the copy says the schedule may still be on Letta.
    expect(findPaused(state, 'sm-paused')).toEqual({ schedule, old_id: 'sm-paused', paused_at: AT, intent: intent('sm-paused'), deleting: true });
    markPaused(state, 'sm-paused', AT);
    expect(findPaused(state, 'sm-paused')).toEqual({ schedule, old_id: 'sm-paused', paused_at: AT, intent: intent('sm-paused') });
    // Written and read back, every field survives.
    const again = parseState(JSON.stringify(state), '/s/state.json');
    expect(again.paused[0]!.schedule).toEqual(schedule);
    expect(takePaused(again, 'sm-paused')?.schedule).toEqual(schedule);
    expect(again.paused).toEqual([]);
    expect(takePaused(again, 'sm-paused')).toBeUndefined();
  });

  it('pausing the same schedule again replaces its record', () => {
    const state = emptyState();
    recordPaused(state, schedule, AT);
    recordPaused(state, schedule, '2026-12-01T00:00:00.000Z');
    expect(state.paused).toHaveLength(1);
    expect(state.paused[0]!.paused_at).toBe('2026-12-01T00:00:00.000Z');
    expect(state.paused[0]!.intent).toBeUndefined();
  });
});

describe('parsing the record', () => {
  it('accepts a full record and fills in missing lists', () => {
    const full = { version: 1, intents: [intent('sm-1', { kind: 'one-time', utc_crons: undefined, instants: [AT] })], series: [series('series-1')], paused: [] };
    expect(parseState(JSON.stringify(full), '/s/state.json')).toEqual({ ...JSON.parse(JSON.stringify(full)), version: 2 });
    expect(parseState('{"version":1}', '/s/state.json')).toEqual(emptyState());
  });

  it('sets aside a record that cannot be understood, naming it, and keeps the rest', () => {
    const data = { version: 1, series: [series('s', { count: 0 }), series('t')] };
    const read = parseState(JSON.stringify(data), '/s/state.json');
    expect(read.series.map((s) => s.series_id)).toEqual(['t']);
    expect(read.skipped).toEqual([{ where: 'series[0]', problem: 'series[0].count must be a positive whole number', list: 'series', raw: data.series[0] }]);
  });

  it.each([
    [{ version: 1, series: [series('s', { count: 0 })] }, 'series[0].count must be a positive whole number'],
    [{ version: 1, series: [series('s', { template: 'x' as never })] }, 'series[0].template must be an object'],
    [{ version: 1, series: [series('s', { series_rule: 'x' as never })] }, 'series[0].series_rule must be an object'],
    [{ version: 1, intents: [intent('a', { replaces: 'b' as never })] }, 'intents[0].replaces must be a list of strings'],
    [{ version: 1, intents: [intent('a', { kind: 'weekly' as never })] }, 'intents[0].kind must be one of one-time, recurring'],
    [{ version: 1, intents: [intent('a', { server: 7 as never })] }, 'intents[0].server must be a string'],
  ])('sets aside %j', (data, problem) => {
    expect(parseState(JSON.stringify(data), '/s/state.json').skipped?.map((s) => s.problem)).toEqual([problem]);
  });

  it('refuses a file whose version it does not know', () => {
    expect(() => parseState('{"version":"1"}', '/s/state.json')).toThrow(/version must be 2/);
  });
});
