import { CronExpressionParser } from 'cron-parser';
import { UsageError } from '../errors';
import type { SeriesRecord } from './records';

/** How far ahead a series is created: 60 days, and at most 50 schedules waiting at once. */
export const HORIZON_DAYS = 60;
export const HORIZON_MEMBERS = 50;
/** A member closer than this to now could be past by the time Letta reads it. */
export const LEAD_MS = 60_000;

const DAY_MS = 86_400_000;

/** The instants a series rule fires at after `afterMs` (exclusive), up to `untilMs` (inclusive), at most `max`. */
export type InstantSource = (series: Pick<SeriesRecord, 'rule' | 'zone'>, afterMs: number, untilMs: number, max: number) => number[];

/** A local cron evaluated on the zone's clock, so every instant is the local time the rule names, DST or not. */
export function localCronInstants(localCron: string, zone: string, afterMs: number, untilMs: number, max: number): number[] {
  const expression = CronExpressionParser.parse(localCron, { tz: zone, currentDate: new Date(afterMs) });
  const instants: number[] = [];
  while (instants.length < max && expression.hasNext()) {
    const at = expression.next().getTime();
    if (at > untilMs) break;
    if (at > afterMs) instants.push(at);
  }
  return instants;
}

/** The instants of a recorded series rule. */
export const seriesInstants: InstantSource = (series, afterMs, untilMs, max) => {
  if (series.rule.local_cron !== undefined) return localCronInstants(series.rule.local_cron, series.zone, afterMs, untilMs, max);
  throw new UsageError(`The series rule '${series.rule.phrase}' cannot be extended by this version of letta-switchboard`);
};

/** The next instants a series needs to reach its horizon, given the members it has. */
export function topUpInstants(series: SeriesRecord, now: number, source: InstantSource): number[] {
  const horizon = Math.min(series.until ?? Infinity, now + HORIZON_DAYS * DAY_MS);
  const waiting = series.members.filter((m) => m.status === 'pending' && m.at > now).length;
  const room = Math.min(HORIZON_MEMBERS - waiting, series.count === null ? Infinity : series.count - series.members.length);
  if (room <= 0) return [];
  const last = Math.max(now + LEAD_MS - 1, ...series.members.map((m) => m.at));
  return source(series, last, horizon, room);
}

export interface NewSeries {
  seriesId: string;
  agentId: string;
  phrase: string;
  zone: string;
  rule: SeriesRecord['rule'];
  until: number | null;
  count: number | null;
  body: SeriesRecord['body'];
  now: number;
}

/** A series before any member exists; its first members are `topUpInstants(series, now, ...)`. */
export function newSeries({ seriesId, agentId, phrase, zone, rule, until, count, body, now }: NewSeries): SeriesRecord {
  return { series_id: seriesId, agent_id: agentId, phrase, zone, rule, until, count, body, members: [], created_at: new Date(now).toISOString(), status: 'active' };
}

/** The next member still to fire, and how many are waiting (listed or not yet created). */
export function seriesProgress(series: SeriesRecord, now: number): { next: number | undefined; waiting: number } {
  const waiting = series.members.filter((m) => m.status === 'pending' && m.at > now);
  return { next: waiting[0]?.at, waiting: waiting.length };
}
