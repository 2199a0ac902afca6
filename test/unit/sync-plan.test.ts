import { describe, expect, it } from 'vitest';
import type { ScheduledMessage } from '../../src/letta/types';
import { expectedUtcCron, localCronFromUtc, patternOfCron } from '../../src/sync/local-rule';
import { followsLocalClock, planSync, type SyncAction } from '../../src/sync/plan';
import type { Intent, Series } from '../../src/state/records';
import { localCronInstants, seriesInstants, topUpInstants, type InstantSource } from '../../src/sync/series';
import { intentFromCreate } from '../../src/sync/intent';

const AGENT = 'agent-1';
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const source: InstantSource = (series, after, until, max) => localCronInstants(series.rule, series.zone, after, until, max);

function intent(over: Partial<Intent> = {}): Intent {
  return {
    schedule_id: 'sm-1',
    agent_id: AGENT,
    kind: 'recurring',
    phrase: 'every weekday at 9am',
    zone: 'America/New_York',
    local_rule: '0 9 * * 1-5',
    utc_crons: ['0 14 * * 1-5'],
    created_at: '2026-11-20T00:00:00.000Z',
    replaces: [],
    status: 'active',
    ...over,
  };
}

function remote(id: string, schedule: ScheduledMessage['schedule']): ScheduledMessage {
  return { id, agent_id: AGENT, message: { messages: [{ role: 'user', content: 'hi' }] }, schedule };
}

function lettaWith(...items: ScheduledMessage[]) {
  return new Map([[AGENT, new Map(items.map((item) => [item.id, item]))]]);
}

describe('the UTC cron right for the next local fire', () => {
  it.each([
    // zone, local rule, before the change, cron then, after the change, cron then
    ['America/New_York', '0 9 * * 1-5', '2026-11-20T00:00Z', '0 14 * * 1-5', '2027-03-13T00:00Z', '0 13 * * 1-5'],
    ['Australia/Sydney', '0 9 * * 1-5', '2026-11-20T00:00Z', '0 22 * * 0-4', '2027-04-06T00:00Z', '0 23 * * 0-4'],
    ['Australia/Adelaide', '30 8 * * *', '2026-11-20T00:00Z', '0 22 * * *', '2027-04-06T00:00Z', '0 23 * * *'],
    // 7pm Monday in New York is Tuesday 00:00 UTC in winter, still Monday (23:00) in summer.
    ['America/New_York', '0 19 * * 1', '2026-11-20T00:00Z', '0 0 * * 2', '2027-03-20T00:00Z', '0 23 * * 1'],
    ['Europe/London', '15 7 1 * *', '2026-11-20T00:00Z', '15 7 1 * *', '2027-04-01T12:00Z', '15 6 1 * *'],
  ])('%s %s', (zone, local, before, cronBefore, after, cronAfter) => {
    expect(expectedUtcCron(local, zone, at(before))?.cron).toBe(cronBefore);
    expect(expectedUtcCron(local, zone, at(after))?.cron).toBe(cronAfter);
  });

  it('uses the offset of the next fire, not of now, when a change lies between them', () => {
    // Friday evening before the Sunday 14 March 2027 change: the next weekday fire is Monday, in EDT.
    expect(expectedUtcCron('0 9 * * 1-5', 'America/New_York', at('2027-03-12T20:00Z'))?.cron).toBe('0 13 * * 1-5');
    // Friday morning before the fire: that fire is still in EST.
    expect(expectedUtcCron('0 9 * * 1-5', 'America/New_York', at('2027-03-12T12:00Z'))?.cron).toBe('0 14 * * 1-5');
  });

  it('reads any plain cron as minutes on days, and refuses what is no plain cron', () => {
    expect(patternOfCron('*/20 9-10 * * 1-5')).toEqual({ minutes: [540, 560, 580, 600, 620, 640], days: { weekdays: [1, 2, 3, 4, 5], monthDays: null, months: null } });
    expect(patternOfCron('0 9 1,15 3 *')).toEqual({ minutes: [540], days: { weekdays: null, monthDays: [1, 15], months: [3] } });
    expect(patternOfCron('0 9 1 * 1')).toBeNull();
    expect(patternOfCron('0 9 * * MON')).toBeNull();
    expect(patternOfCron('every 2 hours')).toBeNull();
    expect(expectedUtcCron('every 2 hours', 'America/New_York', at('2027-03-13T00:00Z'))).toBeNull();
  });

  it('keeps a half-hour zone on the local minute', () => {
    expect(expectedUtcCron('30 * * * *', 'Asia/Kolkata', at('2027-03-13T00:00Z'))?.cron).toBe('0 * * * *');
    expect(expectedUtcCron('0 9 * * 1-5', 'Asia/Kolkata', at('2027-03-13T00:00Z'))?.cron).toBe('30 3 * * 1-5');
  });

  it('reads a UTC cron on a zone clock (adopt)', () => {
    expect(localCronFromUtc('0 14 * * 1-5', 'America/New_York', at('2026-11-20T00:00Z'))).toBe('0 9 * * 1-5');
    expect(localCronFromUtc('0 0 * * 2', 'America/New_York', at('2026-11-20T00:00Z'))).toBe('0 19 * * 1');
    expect(localCronFromUtc('0 22 * * 0-4', 'Australia/Sydney', at('2026-11-20T00:00Z'))).toBe('0 9 * * 1-5');
    expect(localCronFromUtc('30 4 * * *', 'Asia/Kolkata', at('2026-11-20T00:00Z'))).toBe('0 10 * * *');
    expect(localCronFromUtc('0 9 * * MON', 'Asia/Kolkata', at('2026-11-20T00:00Z'))).toBeNull();
  });
});

describe('planSync', () => {
  const instants = source;

  it('replaces a schedule whose cron went wrong after a DST change, and then has nothing to do', () => {
    const now = at('2027-03-13T00:00Z');
    const record = intent();
    const plan = planSync({ now, intents: [record], series: [], letta: lettaWith(remote('sm-1', { type: 'recurring', cron_expression: '0 14 * * 1-5' })), instants });
    expect(plan).toEqual([
      expect.objectContaining({ type: 'replace', old_id: 'sm-1', old_cron: '0 14 * * 1-5', new_cron: '0 13 * * 1-5', local_rule: '0 9 * * 1-5', next_fire: at('2027-03-15T13:00Z') }),
    ]);
    const after = intent({ schedule_id: 'sm-2', utc_crons: ['0 13 * * 1-5'], replaces: ['sm-1'] });
    const old = intent({ status: 'replaced', replaced_by: 'sm-2' });
    expect(planSync({ now, intents: [old, after], series: [], letta: lettaWith(remote('sm-2', { type: 'recurring', cron_expression: '0 13 * * 1-5' })), instants })).toEqual([]);
  });

  it('plans at most `limit` actions, those `skip` passes over left out and not counted, in the order of the whole plan', () => {
    const now = at('2027-03-13T00:00Z');
    const ids = ['sm-1', 'sm-2', 'sm-3', 'sm-4', 'sm-5'];
    const input = {
      now,
      intents: ids.map((id) => intent({ schedule_id: id })),
      series: [],
      letta: lettaWith(...ids.map((id) => remote(id, { type: 'recurring', cron_expression: '0 14 * * 1-5' }))),
      instants,
    };
    const whole = planSync(input);
    expect(whole.map((a) => (a as { old_id: string }).old_id)).toEqual(ids);
    expect(planSync({ ...input, limit: 2 })).toEqual(whole.slice(0, 2));
    const skipped = planSync({ ...input, limit: 2, skip: (a) => (a as { old_id: string }).old_id === 'sm-1' });
    expect(skipped).toEqual(whole.slice(1, 3));
  });

  it('has nothing to do while the cron is right', () => {
    const plan = planSync({ now: at('2026-12-01T00:00Z'), intents: [intent()], series: [], letta: lettaWith(remote('sm-1', { type: 'recurring', cron_expression: '0 14 * * 1-5' })), instants });
    expect(plan).toEqual([]);
  });

  it('marks a schedule deleted elsewhere as gone, and never replaces it', () => {
    const plan = planSync({ now: at('2027-03-13T00:00Z'), intents: [intent()], series: [], letta: lettaWith(), instants });
    expect(plan).toEqual([{ type: 'gone', agent_id: AGENT, id: 'sm-1', kind: 'recurring', fired: false }]);
  });

  it('says a one-time schedule whose time passed has fired', () => {
    const once = intent({ kind: 'one-time', local_rule: '2026-12-01 09:00 EST', utc_crons: undefined, instants: ['2026-12-01T14:00:00.000Z'] });
    expect(planSync({ now: at('2026-12-02T00:00Z'), intents: [once], series: [], letta: lettaWith(), instants })).toEqual([
      { type: 'gone', agent_id: AGENT, id: 'sm-1', kind: 'one-time', fired: true },
    ]);
  });

  it('retries the delete of a replaced schedule that still exists, and forgets one that does not', () => {
    const records = [
      intent({ schedule_id: 'sm-0', status: 'replaced', replaced_by: 'sm-2' }),
      intent({ schedule_id: 'sm-1', status: 'replaced', replaced_by: 'sm-2' }),
      intent({ schedule_id: 'sm-2', utc_crons: ['0 13 * * 1-5'], replaces: ['sm-1', 'sm-0'] }),
    ];
    const letta = lettaWith(remote('sm-1', { type: 'recurring', cron_expression: '0 14 * * 1-5' }), remote('sm-2', { type: 'recurring', cron_expression: '0 13 * * 1-5' }));
    expect(planSync({ now: at('2027-03-13T00:00Z'), intents: records, series: [], letta, instants })).toEqual([{ type: 'delete-replaced', agent_id: AGENT, intent_id: 'sm-2', old_id: 'sm-1' }]);
  });

  it('when a replacement never appeared, replaces the old schedule again instead of calling the intent gone', () => {
    const records = [intent({ status: 'replaced', replaced_by: 'sm-2' }), intent({ schedule_id: 'sm-2', utc_crons: ['0 13 * * 1-5'], replaces: ['sm-1'] })];
    const plan = planSync({ now: at('2027-03-13T00:00Z'), intents: records, series: [], letta: lettaWith(remote('sm-1', { type: 'recurring', cron_expression: '0 14 * * 1-5' })), instants });
    expect(plan.map((a) => a.type)).toEqual(['replace']);
    expect(plan[0]).toMatchObject({ old_id: 'sm-1', intent_id: 'sm-2', new_cron: '0 13 * * 1-5' });
  });

  it('uses a replacement recorded as attempted whose answer was lost, instead of creating another; never a look-alike it did not attempt', () => {
    const letta = lettaWith(remote('sm-1', { type: 'recurring', cron_expression: '0 14 * * 1-5' }), remote('sm-7', { type: 'recurring', cron_expression: '0 13 * * 1-5' }));
    const messages = letta.get(AGENT)!.get('sm-7')!.message.messages;
    const attempt = { at: '2027-03-13T00:00:00.000Z', schedule: { type: 'recurring' as const, cron_expression: '0 13 * * 1-5' }, messages, successor: intent({ utc_crons: ['0 13 * * 1-5'] }) };
    const plan = planSync({ now: at('2027-03-13T00:00Z'), intents: [intent({ attempt })], series: [], letta, instants });
    expect(plan).toEqual([{ type: 'finish', agent_id: AGENT, intent_id: 'sm-1', old_id: 'sm-1', landed_id: 'sm-7' }]);
    const unattempted = planSync({ now: at('2027-03-13T00:00Z'), intents: [intent()], series: [], letta, instants });
    expect(unattempted).toEqual([expect.objectContaining({ type: 'replace', old_id: 'sm-1', new_cron: '0 13 * * 1-5' })]);
  });

  it('skips agents it was not asked about and intents already gone', () => {
    const letta = new Map([['agent-other', new Map()]]);
    expect(planSync({ now: at('2027-03-13T00:00Z'), intents: [intent(), intent({ schedule_id: 'sm-9', status: 'gone' })], series: [], letta, instants })).toEqual([]);
  });

  it('reports a rule that can no longer be one UTC cron, without touching it', () => {
    // 23:30 and 00:30 local on Mondays in a zone where DST moves one of them across the UTC date line.
    const record = intent({ local_rule: '30 0,23 * * 1', zone: 'Europe/London', utc_crons: ['30 0,23 * * 1'] });
    const plan = planSync({ now: at('2027-04-01T00:00Z'), intents: [record], series: [], letta: lettaWith(remote('sm-1', { type: 'recurring', cron_expression: '30 0,23 * * 1' })), instants });
    expect(plan).toEqual([expect.objectContaining({ type: 'problem', id: 'sm-1' })]);
  });
});

describe('series', () => {
  function series(over: Partial<Series> = {}): Series {
    return {
      series_id: 'series-1',
      agent_id: AGENT,
      phrase: 'every day at 9am',
      zone: 'America/New_York',
      rule: '0 9 * * *',
      horizon: '2027-03-01T00:00:00.000Z',
      template: { messages: [{ role: 'user', content: 'hi' }] },
      members: [],
      created_at: '2027-03-01T00:00:00.000Z',
      status: 'active',
      ...over,
    };
  }
  const member = (ms: number, i: number) => ({ schedule_id: `sm-${i}`, instant: iso(ms) });

  it('fills up to 50 members within 60 days', () => {
    const now = at('2027-03-01T00:00Z');
    const more = topUpInstants(series(), now, source);
    expect(more).toHaveLength(50);
    expect(iso(more[0]!)).toBe('2027-03-01T14:00:00.000Z');
  });

  it('keeps each instant at 9am local across the DST change', () => {
    const more = topUpInstants(series(), at('2027-03-10T00:00Z'), source);
    expect(more.slice(0, 6).map(iso)).toEqual([
      '2027-03-10T14:00:00.000Z',
      '2027-03-11T14:00:00.000Z',
      '2027-03-12T14:00:00.000Z',
      '2027-03-13T14:00:00.000Z',
      '2027-03-14T13:00:00.000Z',
      '2027-03-15T13:00:00.000Z',
    ]);
  });

  it('follows a rule no cron can say, at its local time across the DST change', async () => {
    const { meaningOfSchedule } = await import('../../src/time/index');
    const now = at('2027-02-20T00:00Z');
    const meaning = await meaningOfSchedule('first monday of the month at 9am', { now, zone: 'America/New_York' });
    expect(meaning.type).toBe('series');
    const rule = meaning.type === 'series' ? meaning.rule : undefined;
    const first = series({ rule: 'first monday of the month at 9am', series_rule: rule });
    expect(topUpInstants(first, now, seriesInstants).map(iso)).toEqual(['2027-03-01T14:00:00.000Z', '2027-04-05T13:00:00.000Z']);
    expect(() => topUpInstants(series({ rule: 'first monday of the month at 9am' }), now, seriesInstants)).toThrow(/cannot be extended/);
  });

  it('stops at 60 days for a sparse rule', () => {
    const weekly = series({ rule: '0 9 * * 1' });
    const more = topUpInstants(weekly, at('2027-03-01T00:00Z'), source);
    expect(more).toHaveLength(9); // Mondays from 1 March to 29 April
    expect(more.at(-1)! - at('2027-03-01T00:00Z')).toBeLessThanOrEqual(60 * 86_400_000);
  });

  it('stops at --count and at --until', () => {
    expect(topUpInstants(series({ count: 5 }), at('2027-03-01T00:00Z'), source)).toHaveLength(5);
    expect(topUpInstants(series({ until: '2027-03-03T23:59:00.000Z' }), at('2027-03-01T00:00Z'), source)).toHaveLength(3);
  });

  it('tops up after the last member, never before it, and only to the horizon', () => {
    const now = at('2027-03-01T00:00Z');
    const first = topUpInstants(series(), now, source);
    const members = first.map(member);
    expect(topUpInstants(series({ members }), now, source)).toEqual([]);
    // Ten days on, ten have fired: ten more after the last.
    const later = at('2027-03-11T00:00Z');
    const more = topUpInstants(series({ members }), later, source);
    expect(more).toHaveLength(10);
    expect(more[0]).toBeGreaterThan(Date.parse(members.at(-1)!.instant));
  });

  it('plans a top-up, marks members deleted elsewhere, and gives up on a series deleted elsewhere', () => {
    const now = at('2027-03-01T00:00Z');
    const instants = topUpInstants(series({ count: 3 }), now, source);
    const members = instants.map(member);
    const whole = series({ count: 4, members });
    const all = lettaWith(...members.map((m) => remote(m.schedule_id, { type: 'one-time', scheduled_at: Date.parse(m.instant) })));
    const plan: SyncAction[] = planSync({ now, intents: [], series: [whole], letta: all, instants: source });
    expect(plan).toEqual([{ type: 'top-up', agent_id: AGENT, series_id: 'series-1', zone: 'America/New_York', instants: [at('2027-03-04T14:00Z')], landed: [] }]);

    const some = lettaWith(remote('sm-0', { type: 'one-time', scheduled_at: Date.parse(members[0]!.instant) }));
    expect(planSync({ now, intents: [], series: [whole], letta: some, instants: source }).map((a) => a.type)).toEqual(['member-gone', 'member-gone', 'top-up']);
    expect(planSync({ now, intents: [], series: [whole], letta: lettaWith(), instants: source })).toEqual([{ type: 'series-gone', agent_id: AGENT, series_id: 'series-1' }]);
  });
});

describe('what a create records', () => {
  it.each([
    // phrase, zone, the zone and local rule recorded (null: not kept on a clock)
    ['every weekday at 9am', 'America/New_York', 'America/New_York', '0 9 * * 1-5'],
    ['every monday at 7pm', 'Australia/Sydney', 'Australia/Sydney', '0 19 * * 1'],
    ['every hour at :30', 'Australia/Lord_Howe', 'Australia/Lord_Howe', '30 * * * *'],
    // A raw cron is UTC by definition: kept in UTC, where no change ever moves it.
    ['0 9 * * 1-5', 'America/New_York', 'UTC', '0 9 * * 1-5'],
    ['every hour', 'Asia/Kolkata', 'Asia/Kolkata', null],
    ['every 2 hours', 'America/New_York', 'America/New_York', null],
  ])('%s in %s is kept in %s as %s', async (phrase, zone, recordedZone, localRule) => {
    const { meaningOfRecurring } = await import('../../src/time/index');
    const meaning = await meaningOfRecurring(phrase, { now: at('2026-11-20T00:00Z'), zone });
    const record = intentFromCreate('sm-1', AGENT, meaning, at('2026-11-20T00:00Z'));
    expect(record).toMatchObject({ schedule_id: 'sm-1', agent_id: AGENT, kind: 'recurring', phrase, utc_crons: [meaning.cron_expression], status: 'active' });
    expect(followsLocalClock(record)).toBe(localRule !== null);
    expect(record.zone).toBe(recordedZone);
    if (localRule !== null) expect(record.local_rule).toBe(localRule);
  });
});
