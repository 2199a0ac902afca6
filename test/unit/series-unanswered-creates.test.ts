import { describe, expect, it } from 'vitest';
import { namedByRecord } from '../../src/sync/run';
import { recordStatus } from '../../src/status/record';
import { emptyState, type Series, type SeriesStatus, type State } from '../../src/state/records';
import { weekdayIntent } from '../helpers/records';

const AGENT = 'agent-1';
const NOW = Date.parse('2027-03-01T00:00:00Z');

/** A series at 9am (UTC) every day with one member waiting, and creates sent without an answer at `attempted`. */
function series(status: SeriesStatus, attempted: string[]): Series {
  return {
    series_id: 'series-1',
    agent_id: AGENT,
    phrase: 'every day at 9am until april',
    zone: 'UTC',
    rule: '0 9 * * *',
    horizon: '2027-03-01T09:00:00.000Z',
    template: { messages: [{ role: 'user', content: 'Stretch' }] },
    members: [{ schedule_id: 'sm-member', instant: '2027-03-01T09:00:00.000Z' }],
    status,
    created_at: '2027-02-28T12:00:00.000Z',
    attempted,
  };
}

const record = (over: Partial<State>): State => ({ ...emptyState(), intents: [weekdayIntent('sm-1'), weekdayIntent('sm-2')], ...over });

const SERVER = 'http://127.0.0.1:1/';

describe("which of an agent's listed schedules sync keeps", () => {
  it('those its records name, under the ids the records hold, when no create waits to be found', () => {
    const state = record({ series: [series('active', [])] });
    const named = namedByRecord(state, AGENT, NOW);
    expect([...(named?.keys() ?? [])].sort()).toEqual(['sm-1', 'sm-2', 'sm-member']);
    expect(named?.get('sm-1')).toBe(state.intents[0]!.schedule_id);
  });

  it("all of them while an active series' next member was sent and went unanswered (its copy is looked for among the others)", () => {
    expect(namedByRecord(record({ series: [series('active', ['2027-03-02T09:00:00.000Z'])] }), AGENT, NOW)).toBeUndefined();
  });

  it('all of them while a series this version cannot extend has unanswered creates (which of them are due it cannot tell)', () => {
    const unknown = { ...series('active', ['2027-03-02T09:00:00.000Z']), rule: 'on every blue moon' };
    expect(namedByRecord(record({ series: [unknown] }), AGENT, NOW)).toBeUndefined();
  });

  it.each([
    ['a series since marked gone', series('gone', ['2027-03-02T09:00:00.000Z'])],
    ['a series since deleted', series('deleted', ['2027-03-02T09:00:00.000Z'])],
    ['an instant now past', series('active', ['2027-02-20T09:00:00.000Z'])],
  ])('only the named when the unanswered create is of %s (sync never looks for it)', (_, one) => {
    expect([...(namedByRecord(record({ series: [one] }), AGENT, NOW)?.keys() ?? [])].sort()).toEqual(['sm-1', 'sm-2', 'sm-member']);
  });

  it('all of them while a schedule, a new one or a resume waits for its lost create', () => {
    const attempt = { at: '2027-02-28T12:00:00.000Z', schedule: { type: 'recurring' as const, cron_expression: '0 14 * * 1-5' }, messages: [], successor: weekdayIntent('sm-3') };
    expect(namedByRecord(record({ intents: [weekdayIntent('sm-1', { attempt })] }), AGENT, NOW)).toBeUndefined();
    expect(namedByRecord(record({ intents: [weekdayIntent('', { status: 'creating', attempt })] }), AGENT, NOW)).toBeUndefined();
  });

  it("another agent's records change nothing", () => {
    const other = { ...series('active', ['2027-03-02T09:00:00.000Z']), agent_id: 'agent-2' };
    expect([...(namedByRecord(record({ series: [other] }), AGENT, NOW)?.keys() ?? [])].sort()).toEqual(['sm-1', 'sm-2']);
  });
});

describe('what status calls an unfinished create of a series', () => {
  const unfinished = (one: Series) => recordStatus({ ...emptyState(), series: [{ ...one, server: SERVER }] }, SERVER, undefined, NOW).unfinished_creates;

  it("an active series' next member sent and unanswered: sync records it if it landed", () => {
    expect(unfinished(series('active', ['2027-03-02T09:00:00.000Z']))).toEqual([expect.objectContaining({ agent_id: AGENT, series_id: 'series-1' })]);
  });

  it.each([
    ['a series since marked gone', series('gone', ['2027-03-02T09:00:00.000Z'])],
    ['a series since deleted', series('deleted', ['2027-03-02T09:00:00.000Z'])],
    ['an instant now past', series('active', ['2027-02-20T09:00:00.000Z'])],
  ])('none for an unanswered create of %s: sync never looks for it', (_, one) => {
    expect(unfinished(one)).toEqual([]);
  });
});
