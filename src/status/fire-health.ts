import { CliError } from '../errors';
import { FIRE_CLASSES, needsAttention, TOLERANCE, type FireClass, type ScheduleFacts, type ScheduleHealth } from '../health/fires';
import { readFireHealth, scheduleFacts } from '../health/read';
import { FIRE_HEADERS, fireCells, SCHEDULE_HEADERS, scheduleCells, scheduleJson, worstNote } from '../health/rows';
import type { ScheduledMessage } from '../letta/types';
import type { Runtime } from '../runtime';
import type { State } from '../state/records';
import { formatLocal } from '../time/zone';
import type { StatusSection } from './section';
import { compareText } from '../text-order';

/** The newest sends of each schedule whose run is read for its stop reason. */
export const RUNS_PER_SCHEDULE = 20;

export interface FireHealthOptions {
  schedules: ScheduledMessage[];
  /** The agents in scope (whose series in the record of intent count too). */
  agentIds: string[];
  /** Agent names by id, for the rows. */
  names: Map<string, string>;
  /** Unix ms: the start of the window. */
  from: number;
  concurrency: number;
  /** Every fire, not only one line per schedule. */
  detail: boolean;
}

/** What the record of intent adds about a schedule: when it was made (if the server does not say), and its series. */
export type Recorded = (scheduleId: string) => { createdAt?: number; seriesId?: string; replacedBy?: string };

interface RecordOfIntent {
  about: Recorded;
  /**
   * Series members due in [from, now] that Letta no longer lists (it lets a
   * one-time schedule go once it fired): still judged, from the record.
   */
  pastMembers(agentIds: string[], from: number, now: number, listed: Set<string>): ScheduleFacts[];
  /** Schedules an edit, resume or sync replaced within the window: the fires due before the replacement are theirs. */
  replaced(agentIds: string[], from: number, listed: Set<string>): ScheduleFacts[];
}

/**
 * The record of intent read once, through its own lookups (findIntent,
 * seriesOf). It is never required: unreadable, it adds nothing (said once).
 */
async function readRecord(rt: Runtime): Promise<RecordOfIntent> {
  const [{ stateStore, serverOf }, { findIntent, seriesOf, onServer }, { isGoneMember }, { pastFacts }] = await Promise.all([
    import('../commands/shared/state'),
    import('../state/records'),
    import('../sync/series'),
    import('../health/lineage'),
  ]);
  let state: State;
  try {
    state = await (await stateStore(rt)).read();
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    rt.out.warn(`${error.message}; creation times and series from the record of intent are not used.`);
    return { about: () => ({}), pastMembers: () => [], replaced: () => [] };
  }
  return {
    about: (scheduleId) => {
      const series = seriesOf(state, scheduleId);
      const created = Date.parse(findIntent(state, scheduleId)?.created_at ?? series?.created_at ?? '');
      const replacedBy = findIntent(state, scheduleId)?.replaced_by;
      return { ...(Number.isFinite(created) ? { createdAt: created } : {}), ...(series ? { seriesId: series.series_id } : {}), ...(replacedBy ? { replacedBy } : {}) };
    },
    replaced: (agentIds, from, listed) =>
      state.intents
        .filter((intent) => intent.status === 'replaced' && agentIds.includes(intent.agent_id) && onServer(intent, serverOf(rt)) && !listed.has(intent.schedule_id))
        .flatMap((intent) => pastFacts(intent) ?? [])
        .filter((facts) => facts.endedAt !== undefined && facts.endedAt >= from),
    pastMembers: (agentIds, from, now, listed) =>
      state.series
        .filter((series) => agentIds.includes(series.agent_id))
        .flatMap((series) => {
          // A series deleted before an instant had nothing due then.
          const ended = series.status === 'gone' ? Date.parse(String(series.status_at ?? '')) : NaN;
          const created = Date.parse(series.created_at);
          return series.members
            .filter((member) => !isGoneMember(member) && !listed.has(member.schedule_id))
            .map((member) => ({ member, at: Date.parse(member.instant) }))
            .filter(({ at }) => at >= from && at <= now && !(at > ended))
            .map(({ member, at }) => ({
              id: member.schedule_id,
              agentId: series.agent_id,
              kind: 'one-time' as const,
              scheduledAt: at,
              held: false,
              ...(Number.isFinite(created) ? { createdAt: created } : {}),
            }));
        }),
  };
}

const ORDER = ['stuck', 'missed', 'failed', 'late', 'unknown', 'ok'];

/** The note said once when the server has no history route. */
export function noHistoryNote(status: number): string {
  return `This server has no fire history (GET .../schedule/ID/history answered ${status}): only stuck schedules can be told, by a next run time in the past or a one-time schedule still held after its time.`;
}

/** Fire health over a window: every schedule's fires classified, one line each (every fire with `detail`). */
export async function fireHealthSection(rt: Runtime, options: FireHealthOptions): Promise<StatusSection> {
  const now = rt.now();
  const zone = rt.zone();
  const record = await readRecord(rt);
  const local = record.about;
  const listed = options.schedules.map((item) => scheduleFacts(item, local(item.id).createdAt));
  const listedIds = new Set(listed.map((item) => item.id));
  const facts = [...listed, ...record.pastMembers(options.agentIds, options.from, now, listedIds), ...record.replaced(options.agentIds, options.from, listedIds)];
  const reading = await readFireHealth(await rt.api(), facts, { from: options.from, now, concurrency: options.concurrency, runsPerSchedule: RUNS_PER_SCHEDULE });
  if (reading.missingRoute !== undefined) rt.out.note(`Note: ${noHistoryNote(reading.missingRoute)}`);
  const healths = [...reading.healths].sort((a, b) => ORDER.indexOf(a.worst) - ORDER.indexOf(b.worst) || compareText(a.schedule.id, b.schedule.id));
  const context = (health: ScheduleHealth) => ({
    agentName: options.names.get(health.schedule.agentId),
    seriesId: local(health.schedule.id).seriesId,
    replacedBy: local(health.schedule.id).replacedBy,
  });

  const totals = Object.fromEntries(FIRE_CLASSES.map((name) => [name, 0])) as Record<FireClass | 'stuck', number>;
  totals.stuck = 0;
  for (const health of healths) {
    for (const name of FIRE_CLASSES) totals[name] += health.counts[name];
    if (health.stuckSince !== undefined) totals.stuck++;
  }
  const attention = healths.filter(needsAttention);
  const historyRoute = reading.missingRoute === undefined;
  const problems = attention.map((health) => `${health.schedule.id} (${context(health).agentName ?? health.schedule.agentId}): ${health.worst}, ${worstNote(health, zone, now)}`);
  const stuck = `${totals.stuck} stuck schedule${totals.stuck === 1 ? '' : 's'}`;
  const fires = historyRoute ? `; fires: ${totals.ok} ok, ${totals.late} late, ${totals.failed} failed, ${totals.missed} missed` : '';
  const summary = `${healths.length} schedule${healths.length === 1 ? '' : 's'} checked since ${formatLocal(zone, options.from)}: ${attention.length} need${attention.length === 1 ? 's' : ''} attention (${stuck}${fires})`;

  return {
    name: 'fire_health',
    needsAttention: attention.length > 0,
    problems,
    summary,
    json: {
      since: new Date(options.from).toISOString(),
      now: new Date(now).toISOString(),
      timezone: zone,
      history_route: historyRoute,
      tolerance_seconds: { early: TOLERANCE.EARLY_MS / 1000, on_time: TOLERANCE.ON_TIME_MS / 1000, grace: TOLERANCE.GRACE_MS / 1000 },
      needs_attention: attention.length > 0,
      totals,
      schedules: healths.map((health) => scheduleJson(health, zone, now, context(health))),
      gone: reading.gone,
    },
    async print() {
      const out = rt.out;
      if (out.quiet) {
        for (const health of attention) out.line(health.schedule.id);
      } else if (options.detail) {
        await printFires(rt, healths, zone);
      } else {
        await printRows(
          rt,
          SCHEDULE_HEADERS,
          healths.map((health) => scheduleCells(health, zone, now, context(health))),
          SCHEDULE_HEADERS.length - 1,
        );
      }
      for (const id of reading.gone) out.note(`Note: Letta has no history for ${id} (it no longer holds that schedule).`);
      if (!out.quiet) out.note(summary);
    },
  };
}

/** A table on a terminal (the last column giving up width), tab-separated rows in a pipe (which never loads the table code). */
export async function printRows(rt: Runtime, headers: string[], rows: string[][], flexible: number): Promise<void> {
  const out = rt.out;
  if (rows.length === 0) return;
  if (!out.io.stdoutIsTTY) {
    for (const row of rows) out.line(row.join('\t'));
    return;
  }
  const columns = headers.map((header, i) => ({ header, flexible: i === flexible }));
  const { renderTable } = await import('../output/table');
  const [head, ...lines] = renderTable(columns, rows, out.io.columns);
  out.line([out.paint.bold(head ?? ''), ...lines].join('\n'));
}

/** --verbose: every fire of every schedule, newest first; each row starts with its schedule's id. */
function printFires(rt: Runtime, healths: ScheduleHealth[], zone: string): Promise<void> {
  const rows = healths.flatMap((health) => health.fires.map((fire) => [health.schedule.id, ...fireCells(fire, zone)]));
  return printRows(rt, ['SCHEDULE', ...FIRE_HEADERS], rows, -1);
}
