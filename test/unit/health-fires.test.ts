import { describe, expect, it } from 'vitest';
import { classify, matchFires, needsAttention, runFailed, scheduleHealth, TOLERANCE, type ScheduleFacts, type SentFire } from '../../src/health/fires';
import { sinceInstant } from '../../src/time/since';

const DUE = Date.parse('2026-11-20T14:00:00Z');
const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-22T15:00:00Z');
const sent = (at: number, status = 'success', runId?: string): SentFire => ({ id: `f-${at}`, sentAt: at, status, ...(runId ? { runId } : {}) });
const daily: ScheduleFacts = { id: 'sm-1', agentId: 'agent-1', kind: 'recurring', cron: '0 14 * * *', nextScheduledTime: Date.parse('2026-11-23T14:00:00Z') };

describe('the tolerance, at its edges', () => {
  const classOf = (offset: number) =>
    classify(
      matchFires([DUE], [sent(DUE + offset)]).find((pair) => pair.due !== undefined)!,
      undefined,
      NOW,
    );

  it('on time up to ON_TIME_MS after due, late just after', () => {
    expect(classOf(TOLERANCE.ON_TIME_MS)).toBe('ok');
    expect(classOf(TOLERANCE.ON_TIME_MS + 1000)).toBe('late');
  });

  it('a send up to EARLY_MS before due is that fire; earlier, it is not, and the fire is missed', () => {
    expect(classOf(-TOLERANCE.EARLY_MS)).toBe('ok');
    const pairs = matchFires([DUE], [sent(DUE - TOLERANCE.EARLY_MS - 1000)]);
    expect(pairs.map((p) => [p.due !== undefined, p.sent !== undefined])).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(classify(pairs[1]!, undefined, NOW)).toBe('missed');
    expect(classify(pairs[0]!, undefined, NOW)).toBe('unexpected');
  });

  it('nothing sent is pending within the grace time, missed after it', () => {
    expect(classify({ due: DUE }, undefined, DUE + TOLERANCE.GRACE_MS - 1)).toBe('pending');
    expect(classify({ due: DUE }, undefined, DUE + TOLERANCE.GRACE_MS)).toBe('missed');
  });

  it('a late send belongs to its fire only until the next fire is due', () => {
    const next = DUE + HOUR;
    const pairs = matchFires([DUE, next], [sent(next + 10_000)]);
    expect(pairs).toEqual([{ due: DUE }, { due: next, sent: sent(next + 10_000) }]);
  });

  it('fires a minute apart: each send on time is its own fire, early by less than half the gap is the next', () => {
    const MINUTE = 60_000;
    const due = [DUE, DUE + MINUTE, DUE + 2 * MINUTE];
    const pairs = matchFires(due, [sent(DUE + 4000), sent(DUE + MINUTE + 4000), sent(DUE + 2 * MINUTE - 20_000)]);
    expect(pairs.map((p) => [p.due, p.sent?.sentAt])).toEqual([
      [DUE, DUE + 4000],
      [DUE + MINUTE, DUE + MINUTE + 4000],
      [DUE + 2 * MINUTE, DUE + 2 * MINUTE - 20_000],
    ]);
    const health = scheduleHealth({
      schedule: { ...daily, cron: '* * * * *', createdAt: DUE - 1000, nextScheduledTime: DUE + 3 * MINUTE },
      from: DUE - 1000,
      now: DUE + 2 * MINUTE + 30_000,
      sent: [sent(DUE + 4000), sent(DUE + MINUTE + 4000), sent(DUE + 2 * MINUTE + 4000)],
    });
    expect(health.fires.map((f) => f.class)).toEqual(['ok', 'ok', 'ok']);
    expect(needsAttention(health)).toBe(false);
  });

  it('a second send for one fire is unexpected, not the next fire', () => {
    const pairs = matchFires([DUE, DUE + HOUR], [sent(DUE + 1000), sent(DUE + 2000)]);
    expect(pairs.map((p) => [p.due, p.sent?.sentAt])).toEqual([
      [DUE, DUE + 1000],
      [undefined, DUE + 2000],
      [DUE + HOUR, undefined],
    ]);
  });
});

describe('a run not ended', () => {
  it('is pending up to RUN_ENDS_MS after its send, failed after', () => {
    const at = sent(DUE + 5_000, 'success', 'run-1');
    for (const status of ['created', 'running']) {
      expect(classify({ due: DUE, sent: at }, { status, stopReason: null }, at.sentAt + TOLERANCE.RUN_ENDS_MS), status).toBe('pending');
      expect(classify({ due: DUE, sent: at }, { status, stopReason: null }, at.sentAt + TOLERANCE.RUN_ENDS_MS + 1), status).toBe('failed');
    }
    expect(classify({ due: DUE, sent: at }, { status: 'completed', stopReason: 'end_turn' }, at.sentAt + 5 * TOLERANCE.RUN_ENDS_MS)).toBe('ok');
  });
});

describe('runFailed', () => {
  it('an error stop reason, a failed or cancelled run, fails; a normal end does not; an unknown reason is not taken as an error', () => {
    for (const stopReason of ['error', 'llm_api_error', 'no_tool_call', 'max_steps', 'max_tokens_exceeded', 'insufficient_credits', 'context_window_overflow_in_system_prompt', 'some_new_error'])
      expect(runFailed({ status: 'completed', stopReason }), stopReason).toBe(true);
    for (const stopReason of ['end_turn', 'tool_rule', 'requires_approval', 'paused_for_review', 'toString', 'constructor', null])
      expect(runFailed({ status: 'completed', stopReason }), String(stopReason)).toBe(false);
    expect(runFailed({ status: 'failed' })).toBe(true);
    expect(runFailed({ status: 'cancelled' })).toBe(true);
    expect(runFailed(undefined)).toBe(false);
  });
});

describe('scheduleHealth', () => {
  it('judges only from the creation time, and names the worst', () => {
    const health = scheduleHealth({ schedule: { ...daily, createdAt: Date.parse('2026-11-21T00:00:00Z') }, from: NOW - 7 * 24 * HOUR, now: NOW, sent: [sent(Date.parse('2026-11-22T14:00:05Z'))] });
    expect(health.fires.map((f) => [new Date(f.due!).toISOString(), f.class])).toEqual([
      ['2026-11-22T14:00:00.000Z', 'ok'],
      ['2026-11-21T14:00:00.000Z', 'missed'],
    ]);
    expect(health.worst).toBe('missed');
    expect(needsAttention(health)).toBe(true);
  });

  it('a run that stopped on an error makes an on-time fire failed', () => {
    const runs = new Map([['run-1', { status: 'completed', stopReason: 'llm_api_error' }]]);
    const health = scheduleHealth({ schedule: { ...daily, createdAt: NOW - 2 * HOUR }, from: 0, now: NOW, sent: [sent(Date.parse('2026-11-22T14:00:01Z'), 'success', 'run-1')], runs });
    expect(health.fires.map((f) => f.class)).toEqual(['failed']);
  });

  it('a schedule found gone at some time: nothing after its last send is expected of it, what came before is judged', () => {
    const schedule = { ...daily, createdAt: NOW - 5 * 24 * HOUR, held: false, endedBy: NOW - HOUR };
    const sends = [sent(Date.parse('2026-11-19T14:00:02Z')), sent(Date.parse('2026-11-20T14:00:03Z'))];
    const health = scheduleHealth({ schedule, from: 0, now: NOW, sent: sends });
    // The 18th was due and not sent (missed); after the 20th it was deleted at a time no one knows, so the 21st and 22nd are not claimed.
    expect(health.fires.map((f) => [new Date(f.due!).toISOString().slice(0, 10), f.class])).toEqual([
      ['2026-11-20', 'ok'],
      ['2026-11-19', 'ok'],
      ['2026-11-18', 'missed'],
    ]);
    expect(scheduleHealth({ schedule, from: 0, now: NOW, sent: [] }).fires).toEqual([]);
  });

  it('late fires alone are shown but need no action', () => {
    const health = scheduleHealth({ schedule: { ...daily, createdAt: NOW - 2 * HOUR }, from: 0, now: NOW, sent: [sent(Date.parse('2026-11-22T14:30:00Z'))] });
    expect(health.worst).toBe('late');
    expect(needsAttention(health)).toBe(false);
  });

  it('stuck: a next run time older than the grace time; a one-time schedule still held after its time with nothing sent', () => {
    const stuck = scheduleHealth({ schedule: { ...daily, nextScheduledTime: NOW - TOLERANCE.GRACE_MS - 1 }, from: NOW - HOUR, now: NOW, sent: [] });
    expect(stuck.stuckSince).toBe(NOW - TOLERANCE.GRACE_MS - 1);
    const fresh = scheduleHealth({ schedule: { ...daily, nextScheduledTime: NOW - TOLERANCE.GRACE_MS + 1 }, from: NOW - HOUR, now: NOW, sent: [] });
    expect(fresh.stuckSince).toBeUndefined();
    const once: ScheduleFacts = { id: 'sm-2', agentId: 'agent-1', kind: 'one-time', scheduledAt: DUE };
    expect(scheduleHealth({ schedule: once, from: 0, now: NOW, sent: [] }).worst).toBe('stuck');
    expect(scheduleHealth({ schedule: once, from: 0, now: NOW, sent: [sent(DUE + 1000)] }).worst).toBe('ok');
    expect(scheduleHealth({ schedule: { ...once, held: false }, from: 0, now: NOW, sent: [] }).worst).toBe('missed');
  });

  it('without history: every due fire unknown, stuck still told, nothing else needs action', () => {
    const health = scheduleHealth({ schedule: { ...daily, createdAt: NOW - 30 * HOUR }, from: 0, now: NOW, sent: undefined });
    expect(health.fires.map((f) => f.class)).toEqual(['unknown', 'unknown']);
    expect(health.worst).toBe('unknown');
    expect(needsAttention(health)).toBe(false);
  });

  it('a cron that cannot be read is named, and its schedule judged unknown rather than ok', () => {
    const health = scheduleHealth({ schedule: { ...daily, cron: '61 * * * *' }, from: 0, now: NOW, sent: [] });
    expect(health.unreadable).toBeDefined();
    expect(health.worst).toBe('unknown');
  });

  it('a paused schedule has no fires due after its pause', () => {
    const health = scheduleHealth({ schedule: { ...daily, createdAt: NOW - 80 * HOUR, endedAt: NOW - 30 * HOUR, held: false }, from: 0, now: NOW, sent: [] });
    expect(health.fires.map((f) => new Date(f.due!).toISOString())).toEqual(['2026-11-20T14:00:00.000Z', '2026-11-19T14:00:00.000Z']);
  });
});

describe('sinceInstant', () => {
  it('reads spans and dates back from now, and refuses the future, nonsense and more than a year', () => {
    expect(sinceInstant('7d', NOW, 'UTC')).toBe(NOW - 7 * 24 * HOUR);
    expect(sinceInstant('12h', NOW, 'UTC')).toBe(NOW - 12 * HOUR);
    expect(sinceInstant('90m', NOW, 'UTC')).toBe(NOW - 90 * 60_000);
    expect(sinceInstant('2w', NOW, 'UTC')).toBe(NOW - 14 * 24 * HOUR);
    expect(sinceInstant('2026-11-20', NOW, 'America/New_York')).toBe(Date.parse('2026-11-20T05:00:00Z'));
    expect(() => sinceInstant('2026-11-23', NOW, 'UTC')).toThrow(/not in the past/);
    expect(() => sinceInstant('lately', NOW, 'UTC')).toThrow(/not a span or a date/);
    expect(() => sinceInstant('400d', NOW, 'UTC')).toThrow(/more than 366 days/);
  });

  it('reads a span written out, with or without "ago" or "the last", as the short form; today and yesterday from their midnight', () => {
    const spans: Array<[string, number]> = [
      ['3 days', 3 * 24 * HOUR],
      ['2 days ago', 2 * 24 * HOUR],
      ['1 day', 24 * HOUR],
      ['a day ago', 24 * HOUR],
      ['the last 2 hours', 2 * HOUR],
      ['past 36 hours', 36 * HOUR],
      ['last 24 hrs', 24 * HOUR],
      ['an hour', HOUR],
      ['90 minutes ago', 90 * 60_000],
      ['10 mins', 10 * 60_000],
      ['1 min', 60_000],
      ['2 weeks', 14 * 24 * HOUR],
      ['1 wk ago', 7 * 24 * HOUR],
      ['  4   Days ', 4 * 24 * HOUR],
      ['5 d', 5 * 24 * HOUR],
    ];
    for (const [text, back] of spans) expect(sinceInstant(text, NOW, 'UTC'), text).toBe(NOW - back);
    // 10:00 on Sunday 22 November in New York (EST).
    expect(sinceInstant('today', NOW, 'America/New_York')).toBe(Date.parse('2026-11-22T05:00:00Z'));
    expect(sinceInstant('Yesterday', NOW, 'America/New_York')).toBe(Date.parse('2026-11-21T05:00:00Z'));
    expect(sinceInstant('yesterday', NOW, 'Asia/Tokyo')).toBe(Date.parse('2026-11-21T15:00:00Z'));
    // The day the clocks went back in New York: yesterday's midnight was still EDT.
    expect(sinceInstant('yesterday', Date.parse('2026-11-02T15:00:00Z'), 'America/New_York')).toBe(Date.parse('2026-11-01T04:00:00Z'));
    for (const text of ['0 days', 'in 2 days', '2 days from now', 'last week', '2 fortnights', 'tomorrow', 'constructor', '1 constructor'])
      expect(() => sinceInstant(text, NOW, 'UTC'), text).toThrow(/not a span or a date|not in the past|is in the future/);
    expect(() => sinceInstant('400 days', NOW, 'UTC')).toThrow(/more than 366 days/);
  });

  it('reads a span of several units, a weekday (the latest, or with "last" the one before today) and a time today', () => {
    const spans: Array<[string, number]> = [
      ['1h30m', 90 * 60_000],
      ['1h 30m', 90 * 60_000],
      ['2d12h', 60 * HOUR],
      ['30m1h', 90 * 60_000],
      ['1 hour 30 minutes', 90 * 60_000],
      ['1 hour and 30 minutes ago', 90 * 60_000],
      ['the last 2 days, 4 hours', 52 * HOUR],
      ['1.5h', 90 * 60_000],
      ['1w 2d', 9 * 24 * HOUR],
    ];
    for (const [text, back] of spans) expect(sinceInstant(text, NOW, 'UTC'), text).toBe(NOW - back);
    // NOW is 10:00 on Sunday 22 November in New York (EST).
    const days: Array<[string, string]> = [
      ['sunday', '2026-11-22T05:00:00Z'],
      ['last sunday', '2026-11-15T05:00:00Z'],
      ['monday', '2026-11-16T05:00:00Z'],
      ['last monday', '2026-11-16T05:00:00Z'],
      ['Thurs', '2026-11-19T05:00:00Z'],
      ['sat', '2026-11-21T05:00:00Z'],
      ['9am', '2026-11-22T14:00:00Z'],
      ['at 8:30 am', '2026-11-22T13:30:00Z'],
      ['today at 7:15am', '2026-11-22T12:15:00Z'],
      ['12am', '2026-11-22T05:00:00Z'],
      ['0:00', '2026-11-22T05:00:00Z'],
    ];
    for (const [text, at] of days) expect(sinceInstant(text, NOW, 'America/New_York'), text).toBe(Date.parse(at));
    for (const text of ['1h1h', 'am', '13pm', '24:00', 'mondays', 'past monday', '1 hour 30']) expect(() => sinceInstant(text, NOW, 'UTC'), text).toThrow(/not a span or a date/);
    for (const text of ['11pm', '14:30']) expect(() => sinceInstant(text, NOW, 'America/New_York'), text).toThrow(/not in the past/);
  });

  it('reads a day with a time on it, and a date with a time written with a space, on the clock of the zone', () => {
    // NOW is 10:00 on Sunday 22 November in New York (EST).
    const at: Array<[string, string]> = [
      ['yesterday at 9am', '2026-11-21T14:00:00Z'],
      ['yesterday 17:30', '2026-11-21T22:30:00Z'],
      ['friday at 5pm', '2026-11-20T22:00:00Z'],
      ['last sunday, 8 am', '2026-11-15T13:00:00Z'],
      ['today at 9:45', '2026-11-22T14:45:00Z'],
      ['2026-11-20 09:00', '2026-11-20T14:00:00Z'],
      ['2026-11-20 9:05', '2026-11-20T14:05:00Z'],
      ['2026-11-21 23:59:30', '2026-11-22T04:59:30Z'],
    ];
    for (const [text, iso] of at) expect(sinceInstant(text, NOW, 'America/New_York'), text).toBe(Date.parse(iso));
    for (const text of ['yesterday at 25:00', 'someday at 9am', 'monday at']) expect(() => sinceInstant(text, NOW, 'UTC'), text).toThrow(/not a span or a date/);
    expect(() => sinceInstant('today at 11pm', NOW, 'America/New_York')).toThrow(/not in the past/);
  });
});
