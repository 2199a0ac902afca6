import { CronExpressionParser } from 'cron-parser';
import { UsageError } from '../errors';
import type { Series, SeriesMember } from '../state/records';
import { nextInstants, type SeriesRule } from '../time/series';
import { patternOfCron } from './local-rule';

/** How far ahead a series is created: 60 days, and at most 50 schedules waiting at once. */
export const HORIZON_DAYS = 60;
export const HORIZON_MEMBERS = 50;
/** What a new series' first members must cover: an hourly sync, with an hour's margin, before it runs dry. */
export const MIN_COVERAGE_MS = 2 * 3_600_000;
/** A member closer than this to now could be past by the time Letta reads it. */
export const LEAD_MS = 60_000;

const DAY_MS = 86_400_000;

/** What a series' instants are computed from: its rule's text (a local cron) or, for a rule no cron says, the whole rule. */
export type SeriesRuleOf = Pick<Series, 'rule' | 'zone'> & { series_rule?: unknown };

/** The instants a series rule fires at after `afterMs` (exclusive), up to `untilMs` (inclusive), at most `max`. */
export type InstantSource = (series: SeriesRuleOf, afterMs: number, untilMs: number, max: number) => number[];

/** A member deleted outside this tool before it fired (recorded so it is never re-created or counted). */
export function isGoneMember(member: SeriesMember): boolean {
  return member.gone === true;
}

/** A member that was never due: gone before its instant (one deleted here after it fired keeps its fire, for health). */
export function neverDue(member: SeriesMember): boolean {
  return isGoneMember(member) && !(Date.parse(String(member.deleted_at ?? '')) > Date.parse(member.instant));
}

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

/** The instants of a recorded series rule: a local cron, or a rule no cron can say (kept whole in `series_rule`). */
export const seriesInstants: InstantSource = (series, afterMs, untilMs, max) => {
  if (patternOfCron(series.rule) !== null) return localCronInstants(series.rule, series.zone, afterMs, untilMs, max);
  const rule = series.series_rule as SeriesRule | undefined;
  if (rule && typeof rule === 'object' && typeof rule.kind === 'string') return nextInstants(rule, series.zone, afterMs, max, untilMs);
  throw new UsageError(`The series rule '${series.rule}' cannot be extended by this version of letta-switchboard`);
};

/** A series' next `max` instants after `afterMs`, within its own end, whether its members are made yet or not: what it will run. */
export function laterInstants(series: SeriesRuleOf & Pick<Series, 'until'>, afterMs: number, max: number): number[] {
  if (max <= 0) return [];
  const until = series.until === undefined ? afterMs + FAR_YEARS * 366 * DAY_MS : Date.parse(series.until);
  return seriesInstants(series, afterMs, until, max);
}

/** The end of what a series may hold as of `now`: its own end, or 60 days ahead. */
export function horizonOf(series: Pick<Series, 'until'>, now: number): number {
  const until = series.until === undefined ? Infinity : Date.parse(series.until);
  return Math.min(until, now + HORIZON_DAYS * DAY_MS);
}

/** The next instants a series needs to reach its horizon, given the members it has. */
export function topUpInstants(series: SeriesRuleOf & Pick<Series, 'until' | 'count' | 'members'>, now: number, source: InstantSource): number[] {
  const waiting = series.members.filter((m) => !isGoneMember(m) && Date.parse(m.instant) > now).length;
  const room = Math.min(HORIZON_MEMBERS - waiting, series.count === undefined ? Infinity : series.count - series.members.length);
  if (room <= 0) return [];
  const last = Math.max(now + LEAD_MS - 1, ...series.members.map((m) => Date.parse(m.instant)));
  const within = source(series, last, horizonOf(series, now), room);
  if (within.length > 0 || waiting > 0) return within;
  // A rule that runs less often than the horizon ("every 2 years on march 1", "every friday the 13th"): its next run,
  // however far (within its own end), so a series always has one member waiting.
  const until = series.until === undefined ? now + FAR_YEARS * 366 * DAY_MS : Date.parse(series.until);
  return source(series, last, until, 1);
}

/** How far a series' next run is looked for when none falls within the horizon. */
const FAR_YEARS = 50;

/** Of a series' next instants (topUpInstants), those whose create was sent and went unanswered: a copy of each may have landed. */
export function unansweredOf(series: Pick<Series, 'attempted'>, next: number[]): number[] {
  const attempted = new Set((series.attempted ?? []).map((instant) => Date.parse(instant)));
  return next.filter((at) => attempted.has(at));
}

/**
 * Whether sync looks for a landed copy of one of the series' unanswered creates: only an active series is topped up,
 * and only at its next instants (an attempt left on a series that has ended, or on an instant now past, is never
 * looked for). A rule this version cannot extend cannot tell: true (sync then stops at the series with its own error).
 */
export function awaitsLostMember(series: Series, now: number): boolean {
  if (series.status !== 'active' || (series.attempted?.length ?? 0) === 0) return false;
  try {
    return unansweredOf(series, topUpInstants(series, now, seriesInstants)).length > 0;
  } catch (error) {
    if (error instanceof UsageError) return true;
    throw error;
  }
}

/** The next member still to fire, and how many are waiting. */
export function seriesProgress(series: Series, now: number): { next: number | undefined; waiting: number } {
  const waiting = series.members.filter((m) => !isGoneMember(m) && Date.parse(m.instant) > now);
  return { next: waiting[0] === undefined ? undefined : Date.parse(waiting[0].instant), waiting: waiting.length };
}
