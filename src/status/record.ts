import { onServer, serverNamed, type State } from '../state/records';
import type { SyncOutcomeRecord } from '../state/sync-outcome';
import { expectedUtcCron } from '../sync/local-rule';
import { followsLocalClock } from '../sync/plan';
import { awaitsLostMember, isGoneMember } from '../sync/series';
import { isSeasonalChange, nextOffsetChange } from '../time/zone';
import { sameCron } from '../time/cron-fields';

/** A sync older than this, while DST-kept schedules exist, is overdue (the printed job runs hourly). */
export const SYNC_OVERDUE_MS = 2 * 3_600_000;
/** A series whose last member fires within this is running dry: a day's margin over the hourly sync. */
export const RUNS_DRY_WITHIN_MS = 24 * 3_600_000;

export interface RecordStatus {
  server: string;
  last_sync: (SyncOutcomeRecord & { overdue: boolean }) | null;
  /** Schedules whose recorded UTC cron no longer gives their local time (sync would replace them). */
  wrong_local_time: Array<{ id: string; agent_id: string; zone: string; local_rule: string; utc_cron: string; expected_cron: string }>;
  /** Schedules the rule cannot be kept for (their times now fall on different UTC days, say). */
  problems: Array<{ id: string; message: string }>;
  /** The next offset change of each zone DST-kept schedules follow, and which ids it moves. */
  /** `seasonal`: daylight saving time; false for a move for good (Asia/Almaty in March 2024). */
  dst_changes: Array<{ zone: string; at: string; offset_before_minutes: number; offset_after_minutes: number; seasonal: boolean; moves: string[] }>;
  series: Array<{ series_id: string; agent_id: string; phrase: string; waiting: number; last_member_at: string | null; runs_dry_at: string | null; complete: boolean; running_dry: boolean }>;
  /** `unfinished`: its pause stopped before its delete was done, so it may still be on Letta, firing. */
  paused: Array<{ id: string; agent_id: string; paused_at: string; unfinished?: true }>;
  /** Records not acted on, and why. */
  skipped: Array<{ where: string; why: string }>;
  /**
   * Creates whose answer was lost (kill -9, Ctrl-C, a timeout): the next sync records the schedule if it landed, else drops
   * the attempt. `replacing`: the schedule an edit or sync was replacing; `resuming`: the paused id; `series_id`: a series' members.
   */
  unfinished_creates: Array<{ agent_id: string; phrase: string; attempted_at: string; replacing?: string; resuming?: string; series_id?: string }>;
  /**
   * Deletes cut short (killed, interrupted, their answer lost, a series' member refused): what they were deleting may
   * still be on Letta, firing. Deleting the id again finishes it; sync finds out for one schedule and finishes a series.
   */
  unfinished_deletes: Array<{ id: string; agent_id: string; kind: 'one-time' | 'recurring' | 'series'; sent_at: string }>;
  /** One line per thing a person should act on; empty when all is well. */
  needs_action: string[];
}

/** Which records a status covers. */
export interface RecordScope {
  /** Only this agent's records (the last sync and set-aside records are the server's, whatever the agent). */
  agentId?: string;
  /**
   * A server other than the one in use: only records that name it (records from before servers were
   * told apart, and set-aside records that name none, count for the server in use), and each line
   * that needs action names the server and how to reach it.
   */
  elsewhere?: boolean;
}

/**
 * What the record says needs attention on one server, as of `now`: pure (the
 * record, the last sync's outcome and the clock in; facts out), so `status`,
 * the once-a-day notice and tests read the same thing.
 */
export function recordStatus(state: State, server: string, lastSync: SyncOutcomeRecord | undefined, now: number, { agentId, elsewhere = false }: RecordScope = {}): RecordStatus {
  const agentOf = (item: { agent_id?: unknown; schedule?: { agent_id?: unknown } }) => item.agent_id ?? item.schedule?.agent_id;
  const ours = <T extends { server?: string; agent_id?: unknown; schedule?: { agent_id?: unknown } }>(items: T[]) =>
    items.filter((item) => (elsewhere ? item.server === server : onServer(item, server)) && (agentId === undefined || agentOf(item) === agentId));
  const kept = ours(state.intents).filter((i) => i.status === 'active' && followsLocalClock(i));
  const wrong: RecordStatus['wrong_local_time'] = [];
  const problems: RecordStatus['problems'] = [];
  for (const intent of kept) {
    const cron = intent.utc_crons?.[0] ?? '';
    try {
      const expected = expectedUtcCron(intent.local_rule, intent.zone, now);
      if (expected && !sameCron(expected.cron, cron))
        wrong.push({ id: intent.schedule_id, agent_id: intent.agent_id, zone: intent.zone, local_rule: intent.local_rule, utc_cron: cron, expected_cron: expected.cron });
    } catch (error) {
      problems.push({ id: intent.schedule_id, message: (error as Error).message });
    }
  }
  const zones = [...new Set(kept.map((i) => i.zone))].sort();
  const dst_changes = zones.flatMap((zone) => {
    const change = nextOffsetChange(zone, now);
    if (!change) return [];
    return [
      {
        zone,
        at: new Date(change.at).toISOString(),
        offset_before_minutes: change.before,
        offset_after_minutes: change.after,
        seasonal: isSeasonalChange(zone, change),
        moves: kept.filter((i) => i.zone === zone).map((i) => i.schedule_id),
      },
    ];
  });
  const series = ours(state.series)
    .filter((one) => one.status === 'active')
    .map((one) => {
      const waiting = one.members.filter((m) => !isGoneMember(m) && Date.parse(m.instant) > now);
      const last = waiting.at(-1)?.instant ?? null;
      const complete = (one.count !== undefined && one.members.length >= one.count) || (one.until !== undefined && Date.parse(one.horizon) >= Date.parse(one.until));
      const runsDry = complete ? null : (last ?? new Date(now).toISOString());
      return {
        series_id: one.series_id,
        agent_id: one.agent_id,
        phrase: one.phrase,
        waiting: waiting.length,
        last_member_at: last,
        runs_dry_at: runsDry,
        complete,
        running_dry: runsDry !== null && Date.parse(runsDry) - now < RUNS_DRY_WITHIN_MS,
      };
    });
  const copies = ours(state.paused.map((p) => ({ ...p, server: serverNamed('paused', p) })));
  const paused: RecordStatus['paused'] = [
    ...copies.map((p) => ({
      id: p.old_id,
      agent_id: p.schedule.agent_id,
      paused_at: p.paused_at,
      ...(p.deleting === true ? { unfinished: true as const } : {}),
    })),
    ...ours(state.series)
      .filter((one) => one.status === 'paused')
      .map((one) => ({ id: one.series_id, agent_id: one.agent_id, paused_at: one.paused_at ?? one.created_at })),
  ];
  // A record set aside counts for the server it names, else for the server in use.
  const skipped = (state.skipped ?? [])
    .filter((s) => (elsewhere ? skippedServer(s.raw) === server : onServer({ server: skippedServer(s.raw) }, server)))
    .map((s) => ({ where: s.where, why: s.problem }));
  // A create whose answer was lost: a new schedule's placeholder, the successor of an edit or a sync's replacement (the old
  // schedule and a copy that landed may both fire until it is finished), a resume of a paused schedule, a series' members.
  const unfinished: RecordStatus['unfinished_creates'] = [
    ...ours(state.intents)
      .filter((i) => i.status === 'creating' || i.attempt !== undefined)
      .map((i) => ({ agent_id: i.agent_id, phrase: i.phrase, attempted_at: i.attempt?.at ?? i.created_at, ...(i.status === 'creating' ? {} : { replacing: i.schedule_id }) })),
    ...copies
      .filter((p) => p.resume_attempt !== undefined)
      .map((p) => ({ agent_id: p.schedule.agent_id, phrase: p.intent?.phrase ?? p.old_id, attempted_at: p.resume_attempted_at ?? p.paused_at, resuming: p.old_id })),
    ...ours(state.series)
      .filter((one) => awaitsLostMember(one, now))
      .map((one) => ({ agent_id: one.agent_id, phrase: one.phrase, attempted_at: one.status_at ?? one.created_at, series_id: one.series_id })),
  ];
  const unfinishedDeletes: RecordStatus['unfinished_deletes'] = [
    ...ours(state.intents)
      .filter((i) => i.status === 'active' && typeof i.delete_unanswered_at === 'string')
      .map((i) => ({ id: i.schedule_id, agent_id: i.agent_id, kind: i.kind, sent_at: i.delete_unanswered_at! })),
    ...ours(state.series)
      .filter((one) => one.delete_unfinished === true)
      .map((one) => ({ id: one.series_id, agent_id: one.agent_id, kind: 'series' as const, sent_at: one.status_at ?? one.created_at })),
  ];
  const overdue = lastSync === undefined || now - Date.parse(lastSync.at) > SYNC_OVERDUE_MS;
  const needs: string[] = [];
  const sync = elsewhere ? `letta-switchboard sync --base-url ${server}` : 'letta-switchboard sync';
  // A schedule kept in a zone without offset changes (UTC) never drifts; only those and series need the sync job.
  const keptCount = kept.filter((i) => nextOffsetChange(i.zone, now)).length + series.length;
  // As with an overdue sync: a failed one needs action only where it keeps something, else a sync once run against a
  // mistyped URL, with nothing recorded there, would make every status exit 6 from then on.
  if (keptCount > 0 && lastSync && !lastSync.ok) needs.push(`The last sync (${lastSync.at}) failed: ${lastSync.errors[0] ?? `exit ${lastSync.exit_code}`} (once mended, run ${sync})`);
  if (keptCount > 0 && overdue)
    needs.push(lastSync ? `The last sync was ${lastSync.at}: overdue (run it hourly: ${sync} --print-cron)` : `sync has never run against this server (run it hourly: ${sync} --print-cron)`);
  for (const w of wrong) needs.push(`${w.id} fires at the wrong local time now (${w.utc_cron} UTC; ${w.expected_cron} keeps ${w.local_rule} in ${w.zone}): run ${sync}`);
  for (const p of problems) needs.push(`${p.id}: ${p.message}`);
  for (const s of series) if (s.running_dry) needs.push(`Series ${s.series_id} runs dry ${s.runs_dry_at}: run ${sync}`);
  for (const s of skipped) needs.push(`A record is set aside: ${s.why}`);
  for (const p of paused.filter((one) => one.unfinished))
    needs.push(`${p.id} is saved as paused, but its pause stopped before deleting it from Letta, where it may still fire: run ${sync} to finish the pause`);
  if (unfinished.length > 0)
    needs.push(
      `${unfinished.length} create${unfinished.length === 1 ? "'s" : "s'"} answer was lost ('${unfinished[0]!.phrase}'${unfinished.length > 1 ? ', ...' : ''}): run ${sync} to record what landed`,
    );
  for (const d of unfinishedDeletes)
    needs.push(`A delete of ${d.id} (${d.sent_at}) was cut short: it may still be on Letta, where it fires: run ${deleteAgain(d, elsewhere ? server : undefined)} to finish it`);
  const named = elsewhere ? needs.map((line) => `On ${server}: ${line}`) : needs;
  return {
    server,
    last_sync: lastSync ? { ...lastSync, overdue } : null,
    wrong_local_time: wrong,
    problems,
    dst_changes,
    series,
    paused,
    skipped,
    unfinished_creates: unfinished,
    unfinished_deletes: unfinishedDeletes,
    needs_action: named,
  };
}

/** The command that finishes a delete cut short: the same delete again (a series' with either kind's command). */
export function deleteAgain(d: RecordStatus['unfinished_deletes'][number], server?: string): string {
  return `letta-switchboard ${d.kind === 'one-time' ? 'onetime' : 'recurring'} delete ${d.id}${server === undefined ? '' : ` --base-url ${server}`}`;
}

/** The server a record set aside names, if it names one (a paused copy may name it only in its intent). */
function skippedServer(raw: unknown): string | undefined {
  return serverNamed('paused', raw);
}

/** The servers other than `server` this machine has records (set aside ones too) or a sync outcome for, in order. */
export function otherServers(state: State, outcomes: Record<string, SyncOutcomeRecord>, server: string): string[] {
  const named = [...state.intents, ...state.series, ...state.paused, ...(state.skipped ?? []).map((s) => ({ server: skippedServer(s.raw) }))]
    .map((item) => item.server)
    .filter((one): one is string => typeof one === 'string');
  return [...new Set([...named, ...Object.keys(outcomes)])].filter((one) => one !== server).sort();
}

/** Whether a status has anything to show: a server this machine recorded nothing for has no record to speak of. */
export function hasRecord(status: RecordStatus): boolean {
  return (
    !!status.last_sync ||
    status.dst_changes.length > 0 ||
    status.series.length > 0 ||
    status.paused.length > 0 ||
    status.skipped.length > 0 ||
    status.unfinished_creates.length > 0 ||
    status.unfinished_deletes.length > 0 ||
    status.needs_action.length > 0
  );
}

/**
 * The one-line notice commands that read the record print on stderr (at most
 * once a day): the last sync failed, or is overdue while DST-kept schedules exist.
 */
export function staleSyncNotice(state: State, server: string, lastSync: SyncOutcomeRecord | undefined, now: number): string | undefined {
  // As in recordStatus: a schedule kept in a zone whose offset never changes (UTC) never drifts.
  const kept =
    state.intents.some((i) => onServer(i, server) && i.status === 'active' && followsLocalClock(i) && nextOffsetChange(i.zone, now)) ||
    state.series.some((s) => onServer(s, server) && s.status === 'active');
  if (!kept) return undefined;
  if (lastSync && !lastSync.ok) return `The last sync (${lastSync.at}) failed; local times may drift. See: letta-switchboard status`;
  if (!lastSync || now - Date.parse(lastSync.at) > SYNC_OVERDUE_MS) return `sync has not run ${lastSync ? `since ${lastSync.at}` : 'yet'}; local times may drift. See: letta-switchboard status`;
  return undefined;
}
