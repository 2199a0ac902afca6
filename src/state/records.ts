import { randomUUID } from 'node:crypto';
import type { ScheduledMessage } from '../letta/types';

/**
 * The record of intent: what the user meant by each schedule this tool made,
 * so Letta's UTC-only schedules can be kept matching it. Everything here is
 * pure; src/state/store.ts reads and writes it.
 *
 * Field names are the file's (snake_case, like the config file and Letta's
 * own JSON). Unknown fields are kept as they are when the file is rewritten.
 */
export const STATE_VERSION = 1;

export type IntentKind = 'one-time' | 'recurring';
/** `replaced`: an edit or sync made a successor; `gone`: deleted outside this tool (or by it). */
export type IntentStatus = 'active' | 'gone' | 'replaced';

/** What a command knows when it records a new schedule. */
export interface IntentFields {
  schedule_id: string;
  agent_id: string;
  kind: IntentKind;
  /** What the user gave: the phrase, or a raw cron or instant. */
  phrase: string;
  /** The IANA zone the phrase was read in. */
  zone: string;
  /** The rule in local time: a local cron ("0 9 * * 1-5") or the rule's text. */
  local_rule: string;
  /** Recurring: the UTC cron(s) sent to Letta. */
  utc_crons?: string[];
  /** One-time: the instants sent (ISO 8601, UTC). */
  instants?: string[];
}

export interface Intent extends IntentFields {
  /** ISO 8601. */
  created_at: string;
  /** The ids this schedule replaced, the most recent first (its lineage). */
  replaces: string[];
  /** The successor, once `status` is `replaced`. */
  replaced_by?: string;
  status: IntentStatus;
  /** ISO 8601: when the status last changed. */
  status_at?: string;
  [other: string]: unknown;
}

export type SeriesStatus = 'active' | 'complete' | 'gone';

export interface SeriesMember {
  schedule_id: string;
  /** ISO 8601, UTC. */
  instant: string;
  [other: string]: unknown;
}

/** What a command knows when it starts a series. */
export interface SeriesFields {
  agent_id: string;
  phrase: string;
  zone: string;
  /** The rule's text in local time. */
  rule: string;
  /** The user's end, if any: an ISO 8601 instant, and/or a number of runs. */
  until?: string;
  count?: number;
  /** ISO 8601: members exist up to this instant; `sync` tops up beyond it. */
  horizon: string;
  /** The fields every member is created with besides its schedule (messages, callback_url, max_steps, ...). */
  template: Record<string, unknown>;
}

/** A rule no cron can say (or one with an end), kept as one-time schedules up to a horizon. */
export interface Series extends SeriesFields {
  series_id: string;
  members: SeriesMember[];
  status: SeriesStatus;
  created_at: string;
  [other: string]: unknown;
}

/** A schedule deleted from Letta to pause it: everything needed to create it again. */
export interface PausedSchedule {
  /** The schedule exactly as Letta returned it, every field. */
  schedule: ScheduledMessage;
  /** Its id on Letta before the pause. */
  old_id: string;
  /** ISO 8601. */
  paused_at: string;
  intent?: Intent;
  [other: string]: unknown;
}

export interface State {
  version: typeof STATE_VERSION;
  intents: Intent[];
  series: Series[];
  paused: PausedSchedule[];
  [other: string]: unknown;
}

export function emptyState(): State {
  return { version: STATE_VERSION, intents: [], series: [], paused: [] };
}

export function newSeriesId(): string {
  return `series-${randomUUID()}`;
}

export function isSeriesId(id: string): boolean {
  return id.startsWith('series-');
}

// ---- intents ----

/** A new active intent made at `now` (Unix ms), with no lineage yet. */
export function newIntent(fields: IntentFields, now: number): Intent {
  return { ...fields, created_at: new Date(now).toISOString(), replaces: [], status: 'active' };
}

export function findIntent(state: State, scheduleId: string): Intent | undefined {
  return state.intents.find((intent) => intent.schedule_id === scheduleId);
}

/** Active intents, optionally of one agent. */
export function activeIntents(state: State, agentId?: string): Intent[] {
  return state.intents.filter((intent) => intent.status === 'active' && (agentId === undefined || intent.agent_id === agentId));
}

/** Add an intent, or replace the one with the same schedule id. */
export function recordIntent(state: State, intent: Intent): void {
  const at = state.intents.findIndex((known) => known.schedule_id === intent.schedule_id);
  if (at >= 0) state.intents[at] = intent;
  else state.intents.push(intent);
}

/**
 * `next` replaced the schedule `oldId` (an edit, or a sync after a DST change):
 * the old one is marked replaced and `next` inherits its lineage.
 */
export function recordReplacement(state: State, oldId: string, next: Intent, at: string): void {
  const old = findIntent(state, oldId);
  const lineage = [...new Set([oldId, ...(old?.replaces ?? []), ...next.replaces])];
  recordIntent(state, { ...next, replaces: lineage });
  if (old) Object.assign(old, { status: 'replaced', replaced_by: next.schedule_id, status_at: at } satisfies Partial<Intent>);
}

/** The schedule no longer exists on Letta. Returns false when it was not recorded. */
export function markGone(state: State, scheduleId: string, at: string): boolean {
  const intent = findIntent(state, scheduleId);
  if (!intent) return false;
  if (intent.status !== 'gone') Object.assign(intent, { status: 'gone', status_at: at } satisfies Partial<Intent>);
  return true;
}

/** The id that stands for `scheduleId` now: itself, or its latest successor. */
export function currentId(state: State, scheduleId: string): string {
  const seen = new Set<string>();
  let id = scheduleId;
  for (let intent = findIntent(state, id); intent?.replaced_by && !seen.has(id); intent = findIntent(state, id)) {
    seen.add(id);
    id = intent.replaced_by;
  }
  return id;
}

// ---- series ----

/** A new active series made at `now` (Unix ms); members are added with `addSeriesMembers`. */
export function newSeries(fields: SeriesFields, now: number): Series {
  return { series_id: newSeriesId(), ...fields, members: [], status: 'active', created_at: new Date(now).toISOString() };
}

export function findSeries(state: State, seriesId: string): Series | undefined {
  return state.series.find((series) => series.series_id === seriesId);
}

/** The series a one-time schedule belongs to, if any. */
export function seriesOf(state: State, scheduleId: string): Series | undefined {
  return state.series.find((series) => series.members.some((member) => member.schedule_id === scheduleId));
}

export function activeSeries(state: State, agentId?: string): Series[] {
  return state.series.filter((series) => series.status === 'active' && (agentId === undefined || series.agent_id === agentId));
}

/** Add a series, or replace the one with the same id. */
export function recordSeries(state: State, series: Series): void {
  const at = state.series.findIndex((known) => known.series_id === series.series_id);
  if (at >= 0) state.series[at] = series;
  else state.series.push(series);
}

/** Add members (kept in instant order, no id twice) and move the horizon out to `horizon` if later. */
export function addSeriesMembers(series: Series, members: SeriesMember[], horizon: string): void {
  const known = new Set(series.members.map((member) => member.schedule_id));
  for (const member of members) {
    if (!known.has(member.schedule_id)) series.members.push(member);
    known.add(member.schedule_id);
  }
  series.members.sort((a, b) => Date.parse(a.instant) - Date.parse(b.instant));
  if (Date.parse(horizon) > Date.parse(series.horizon)) series.horizon = horizon;
}

/** Members still to fire after `now` (Unix ms). */
export function upcomingMembers(series: Series, now: number): SeriesMember[] {
  return series.members.filter((member) => Date.parse(member.instant) > now);
}

// ---- paused ----

export function findPaused(state: State, oldId: string): PausedSchedule | undefined {
  return state.paused.find((paused) => paused.old_id === oldId);
}

export function recordPaused(state: State, schedule: ScheduledMessage, at: string, intent?: Intent): PausedSchedule {
  const paused: PausedSchedule = { schedule, old_id: schedule.id, paused_at: at, ...(intent ? { intent } : {}) };
  const index = state.paused.findIndex((known) => known.old_id === schedule.id);
  if (index >= 0) state.paused[index] = paused;
  else state.paused.push(paused);
  return paused;
}

/** Remove and return a paused schedule (on resume). */
export function takePaused(state: State, oldId: string): PausedSchedule | undefined {
  const index = state.paused.findIndex((paused) => paused.old_id === oldId);
  return index >= 0 ? state.paused.splice(index, 1)[0] : undefined;
}
