import { CliError } from '../errors';
import { FIRE_CLASSES, needsAttention, TOLERANCE, type FireClass, type ScheduleFacts, type ScheduleHealth, type Worst } from '../health/fires';
import { FireHealthReader, scheduleFacts } from '../health/read';
import { FIRE_HEADERS, fireCells, SCHEDULE_HEADERS, scheduleCells, scheduleJson, worstNote, type HealthRowContext } from '../health/rows';
import type { ScheduledMessage } from '../letta/types';
import type { Runtime } from '../runtime';
import type { State } from '../state/records';
import { formatLocal } from '../time/zone';
import type { StatusSection, Verdict } from './section';
import { forEachInOrder, windowFor, type Limiter } from '../concurrency';
import { compareText } from '../text-order';
import { whyNotOnLetta } from '../not-on-letta';
import { shortIds } from '../output/short-id';
import type { TableColumn } from '../output/table';

const NOT_ON_LETTA = `recorded here, not on Letta (${whyNotOnLetta()})`;

/** The newest sends of each schedule whose run is read for its stop reason. */
export const RUNS_PER_SCHEDULE = 20;

export interface FireHealthOptions {
  /** The schedules in scope, a page at a time (src/commands/shared/scope.ts). */
  pages: AsyncIterable<ScheduledMessage[]>;
  /** The agents in scope (whose series in the record of intent count too). */
  agentIds: string[];
  /** Agent names by id, for the rows. */
  names: Promise<Map<string, string>>;
  /** Unix ms: the start of the window. */
  from: number;
  /** The slots every request takes (shared with the pages' requests): --concurrency of them. */
  slots: Limiter;
  /** Every fire, not only one line per schedule. */
  detail: boolean;
}

/** What the record of intent adds about a schedule: when it was made (if the server does not say), and its series. */
export type Recorded = (scheduleId: string) => { createdAt?: number; seriesId?: string; setId?: string; replacedBy?: string; pausedSeries?: string; pausedAt?: number };

interface RecordOfIntent {
  about: Recorded;
  /**
   * One-time schedules made here (series members too) due in [from, now]: those Letta no longer lists (it lets a one-time
   * schedule go once it fired) are still judged, from the record.
   */
  pastOneTimes(agentIds: string[], from: number, now: number): ScheduleFacts[];
  /** Schedules an edit, resume or sync replaced within the window: the fires due before the replacement are theirs (if Letta no longer lists them). */
  replaced(agentIds: string[], from: number): ScheduleFacts[];
  /** Schedules paused within the window: their fires before the pause are judged, from the copy the pause saved. */
  pausedWithin(agentIds: string[], from: number): ScheduleFacts[];
  /** What the record follows on this server that Letta should list now: recurring schedules, and series still to fire (by series id). */
  followed(agentIds: string[], now: number): Array<{ id: string; agentId: string; kind: string; ids: string[] }>;
}

/**
 * The record of intent read once, through its own lookups (findIntent,
 * seriesOf). It is never required: unreadable, it adds nothing (said once).
 */
async function readRecord(rt: Runtime): Promise<RecordOfIntent> {
  const [{ stateStore, serverOf }, { findIntent, seriesOf, onServer }, { pastOneTimes }, { pastFacts }, { pausedFacts }] = await Promise.all([
    import('../commands/shared/state'),
    import('../state/records'),
    import('../health/past-one-times'),
    import('../health/lineage'),
    import('../health/read'),
  ]);
  let state: State;
  try {
    state = await (await stateStore(rt)).read();
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    rt.out.warn(`${error.message}; creation times and series from the record of intent are not used.`);
    return { about: () => ({}), pastOneTimes: () => [], replaced: () => [], pausedWithin: () => [], followed: () => [] };
  }
  return {
    about: (scheduleId) => {
      const series = seriesOf(state, scheduleId);
      const intent = findIntent(state, scheduleId);
      const created = Date.parse(intent?.created_at ?? series?.created_at ?? '');
      const replacedBy = intent?.replaced_by;
      // A member its series' pause took off Letta (or was to: a pause cut short leaves it there, firing).
      const paused = series?.status === 'paused' && series.members.some((m) => m.schedule_id === scheduleId && m.paused === true);
      const pausedAt = Date.parse(state.paused.find((saved) => saved.old_id === scheduleId)?.paused_at ?? '');
      return {
        ...(Number.isFinite(pausedAt) ? { pausedAt } : {}),
        ...(Number.isFinite(created) ? { createdAt: created } : {}),
        ...(series ? { seriesId: series.series_id } : {}),
        ...(intent?.set_id ? { setId: intent.set_id } : {}),
        ...(replacedBy ? { replacedBy } : {}),
        ...(paused ? { pausedSeries: series.series_id } : {}),
      };
    },
    replaced: (agentIds, from) =>
      state.intents
        .filter((intent) => intent.status === 'replaced' && agentIds.includes(intent.agent_id))
        .flatMap((intent) => pastFacts(intent) ?? [])
        .filter((facts) => facts.endedAt !== undefined && facts.endedAt >= from),
    pausedWithin: (agentIds, from) =>
      state.paused
        .filter((saved) => agentIds.includes(saved.schedule.agent_id) && Date.parse(saved.paused_at) >= from)
        .map((saved) => {
          const created = Date.parse(findIntent(state, saved.old_id)?.created_at ?? '');
          return pausedFacts(saved, Number.isFinite(created) ? created : undefined);
        }),
    pastOneTimes: (agentIds, from, now) => pastOneTimes(state, new Set(agentIds), from, now).map(({ facts }) => facts),
    followed: (agentIds, now) => {
      const server = serverOf(rt);
      const ahead = (instant: string | undefined) => Date.parse(instant ?? '') > now;
      return [
        ...state.intents
          .filter((i) => i.status === 'active' && onServer(i, server) && agentIds.includes(i.agent_id) && (i.kind === 'recurring' || ahead(i.instants?.at(-1))))
          .map((i) => ({ id: i.schedule_id, agentId: i.agent_id, kind: i.set_id === undefined ? i.kind : 'set', ids: [i.schedule_id] })),
        ...state.series
          .filter((one) => one.status === 'active' && onServer(one, server) && agentIds.includes(one.agent_id))
          .map((one) => ({ id: one.series_id, agentId: one.agent_id, kind: 'series', ids: one.members.filter((m) => !m.gone && ahead(m.instant)).map((m) => m.schedule_id) }))
          .filter((one) => one.ids.length > 0),
      ];
    },
  };
}

/**
 * Where a schedule ranks in the table and the list of problems: its worst fire, or what the record of intent tells of it
 * (still on Letta after this tool replaced or paused it; followed here, yet not on Letta). Those two are no fire's verdict,
 * so not `stuck` (which they rank next to) however urgent.
 */
type Rank = Worst | 'left-on-letta' | 'not-on-letta';
const ORDER: Rank[] = ['stuck', 'left-on-letta', 'not-on-letta', 'missed', 'failed', 'late', 'unknown', 'ok'];

/** The note said once when the server has no history route. */
export function noHistoryNote(status: number): string {
  return `This server has no fire history (GET .../schedule/ID/history answered ${status}): only stuck schedules can be told, by a next run time in the past or a one-time schedule still held after its time.`;
}

/** What is said of fires judged ok or late whose run was not read. */
export const notReadNote = `ok or late on the history's word alone: only each schedule's newest ${RUNS_PER_SCHEDULE} sends have their runs read for how they ended`;

/** A schedule's rank in the table: worst first, then by id. */
function byWorst(a: { worst: Rank; id: string }, b: { worst: Rank; id: string }): number {
  return ORDER.indexOf(a.worst) - ORDER.indexOf(b.worst) || compareText(a.id, b.id);
}

/**
 * Fire health over a window: every schedule's fires classified, one line each (every fire with
 * `detail`). Schedules are judged as their pages come and let go once counted: under --json each
 * is written as it is judged, in the order read; a table or a pipe keeps only its text rows, to
 * show them worst first.
 */
export async function fireHealthSection(rt: Runtime, options: FireHealthOptions): Promise<StatusSection> {
  const now = rt.now();
  const zone = rt.zone();
  const out = rt.out;
  const record = await readRecord(rt);
  const local = record.about;
  // Judged from the record unless Letta still lists them (then as listed).
  const fromRecord = [...record.pastOneTimes(options.agentIds, options.from, now), ...record.replaced(options.agentIds, options.from), ...record.pausedWithin(options.agentIds, options.from)];
  const recordIds = new Set(fromRecord.map((facts) => facts.id));
  const listedFromRecord = new Set<string>();
  // Replaced (by an edit, a resume or sync) yet still listed: its delete failed, and it fires beside its successor. Or
  // paused with its series yet still listed: the pause was cut short, and it fires while the series is paused.
  const leftOver = new Set<string>();
  // What the record follows that Letta does not list (deleted outside, or paused on another machine): said once listed whole.
  const listed = new Set<string>();
  const notOnLetta: Array<{ id: string; agentId: string; kind: string; ids: string[] }> = [];
  async function* schedules(): AsyncGenerator<ScheduleFacts> {
    for await (const page of options.pages) {
      for (const item of page) {
        listed.add(item.id);
        if (recordIds.has(item.id)) listedFromRecord.add(item.id);
        if (local(item.id).replacedBy !== undefined || local(item.id).pausedSeries !== undefined) leftOver.add(item.id);
        yield scheduleFacts(item, local(item.id).createdAt);
      }
    }
    for (const facts of fromRecord) if (!listedFromRecord.has(facts.id)) yield facts;
    notOnLetta.push(...record.followed(options.agentIds, now).filter((one) => one.ids.every((id) => !listed.has(id))));
    listed.clear();
  }
  const reader = new FireHealthReader(await rt.api(), { from: options.from, now, concurrency: options.slots, runsPerSchedule: RUNS_PER_SCHEDULE, partial: true });

  const totals = Object.fromEntries(FIRE_CLASSES.map((name) => [name, 0])) as Record<FireClass | 'stuck', number>;
  totals.stuck = 0;
  let checked = 0;
  let runsNotRead = 0;
  /** Schedules judged unknown (no history route, a rule that cannot be read, fires that could not be read). */
  let unknown = 0;
  const gone: string[] = [];
  const attention: Array<{ worst: Rank; id: string; problem: string }> = [];
  /** Schedules that could not be judged (unknown): their fires could not be read, or Letta holds a cron that cannot be; with why, and the exit code of that failure. */
  const unchecked: Array<{ id: string; problem: string; exit: number }> = [];
  /** Runs behind sends that could not be read: only their fires are unknown in how they ended. */
  const unreadRuns: Array<{ runId: string; problem: string; exit: number }> = [];
  const rows: Array<{ worst: Rank; id: string; cells: string[][] }> = [];

  /** Every schedule judged, each handed to `show` in the order read once counted; then the verdict. */
  const judgeAll = async (show: (health: ScheduleHealth, context: HealthRowContext) => void): Promise<Verdict> => {
    // Awaited once the first schedule is judged: the names are read beside the first pages.
    let names: Map<string, string> | undefined;
    const take = async (judged: ScheduleHealth | 'gone', facts: ScheduleFacts) => {
      if (judged === 'gone') return void gone.push(facts.id);
      names ??= await options.names;
      const health = judged;
      const context = {
        agentName: names.get(health.schedule.agentId),
        seriesId: local(health.schedule.id).seriesId,
        setId: local(health.schedule.id).setId,
        replacedBy: local(health.schedule.id).replacedBy,
        pausedSeries: local(health.schedule.id).pausedSeries,
        // Judged from the pause's saved copy (one Letta still lists is judged as listed: its pause was cut short).
        pausedAt: facts.held === false ? local(health.schedule.id).pausedAt : undefined,
        stillOnLetta: leftOver.has(facts.id),
      };
      checked++;
      for (const name of FIRE_CLASSES) totals[name] += health.counts[name];
      if (health.stuckSince !== undefined) totals.stuck++;
      runsNotRead += health.runsNotRead ?? 0;
      if (health.worst === 'unknown') unknown++;
      const who = `${facts.id} (${context.agentName ?? health.schedule.agentId})`;
      if (health.readError !== undefined) unchecked.push({ id: facts.id, problem: `${who}: its fires could not be read (${health.readError})`, exit: health.readExit ?? 1 });
      // A cron Letta holds that cannot be read is an answer not understood (exit 1), as a garbled history is: nothing of it is judged.
      else if (health.unreadable !== undefined) unchecked.push({ id: facts.id, problem: `${who}: its cron cannot be read (${health.unreadable})`, exit: 1 });
      for (const fire of health.fires) {
        const run = fire.run;
        if (run?.readError === undefined) continue;
        const due = fire.due === undefined ? `sent ${formatLocal(zone, fire.sent!.sentAt)}` : `due ${formatLocal(zone, fire.due)}`;
        unreadRuns.push({
          runId: fire.sent!.runId!,
          problem: `${who}: the run ${fire.sent!.runId} of its fire ${due} could not be read (${run.readError}); how that fire ended is unknown`,
          exit: run.readExit ?? 1,
        });
      }
      if (context.stillOnLetta) {
        attention.push({
          worst: 'left-on-letta',
          id: facts.id,
          problem:
            context.replacedBy !== undefined
              ? `${facts.id} (${context.agentName ?? health.schedule.agentId}): replaced by ${context.replacedBy}, yet still on Letta, where both fire: run letta-switchboard sync to delete it`
              : `${facts.id} (${context.agentName ?? health.schedule.agentId}): its series ${context.pausedSeries} is paused, yet it is still on Letta, where it fires: run letta-switchboard sync to finish the pause`,
        });
      } else if (needsAttention(health)) {
        attention.push({ worst: health.worst, id: facts.id, problem: `${facts.id} (${context.agentName ?? health.schedule.agentId}): ${health.worst}, ${worstNote(health, zone, now)}` });
      }
      show(health, context);
    };
    await forEachInOrder(schedules(), windowFor(options.slots), (facts) => reader.judge(facts), take);
    // Read even when no schedule needed them, so a failure to read them is not lost.
    names ??= await options.names;
    for (const one of notOnLetta) {
      const what = one.kind === 'series' ? `series ${one.id}` : one.id;
      attention.push({
        worst: 'not-on-letta',
        id: one.id,
        problem: `${what} (${names.get(one.agentId) ?? one.agentId}): ${NOT_ON_LETTA}: run letta-switchboard sync to stop following it, or to follow it once resumed there`,
      });
      if (!out.quiet && !out.json) rows.push({ worst: 'not-on-letta', id: one.id, cells: [[one.id, names.get(one.agentId) ?? one.agentId, one.kind, '-', '-', '-', '-', '-', '-', NOT_ON_LETTA]] });
    }
    attention.sort(byWorst);
    const stuck = `${totals.stuck} stuck schedule${totals.stuck === 1 ? '' : 's'}`;
    // A send no fire accounts for (a second send for one fire, a run by hand) is shown, not alarming: counted when there is one.
    const unexpected = totals.unexpected > 0 ? `, ${totals.unexpected} unexpected` : '';
    const fires = reader.missingRoute === undefined ? `; fires: ${totals.ok} ok, ${totals.late} late, ${totals.failed} failed, ${totals.missed} missed${unexpected}` : '';
    const unread = unchecked.length === 0 ? '' : `; ${unchecked.length} of ${checked} could not be read`;
    const missing = notOnLetta.length === 0 ? '' : `; ${notOnLetta.length} recorded here not on Letta`;
    const runsFailed =
      unreadRuns.length === 0
        ? ''
        : `; ${unreadRuns.length} ${unreadRuns.length === 1 ? "fire's run" : "fires' runs"} could not be read (how ${unreadRuns.length === 1 ? 'it' : 'they'} ended is unknown)`;
    const runsUnread = runsNotRead === 0 ? '' : `; ${runsNotRead} ${runsNotRead === 1 ? 'fire' : 'fires'} ${runsNotRead === 1 ? 'is' : 'are'} ${notReadNote}`;
    return {
      needsAttention: attention.length > 0,
      problems: attention.map((one) => one.problem),
      ids: attention.map((one) => one.id),
      // "Fire health:" first: the record's own findings are said apart, and this count is of the fires alone.
      summary: `Fire health: ${checked} schedule${checked === 1 ? '' : 's'} checked since ${formatLocal(zone, options.from)}: ${attention.length} need${attention.length === 1 ? 's' : ''} attention (${stuck}${fires})${missing}${unread}${runsFailed}${runsUnread}`,
      unchecked: unchecked.map((one) => one.problem),
      unreadRuns: unreadRuns.map((one) => one.problem),
      // The first failure's exit code, as for several ids: 1 Letta failing, 5 no answer in time.
      ...(unchecked.length + unreadRuns.length > 0 ? { uncheckedExit: (unchecked[0] ?? unreadRuns[0])!.exit } : {}),
      checked,
    };
  };
  const notes = () => {
    if (reader.missingRoute !== undefined) out.note(`Note: ${noHistoryNote(reader.missingRoute)}`);
    // Those this tool replaced (sync, edit, resume) are gone as they should be: counted in one line, not a line each.
    const replaced = gone.filter((id) => local(id).replacedBy !== undefined);
    for (const id of gone) if (local(id).replacedBy === undefined) out.note(`Note: Letta has no history for ${id} (it no longer holds that schedule).`);
    if (replaced.length === 1) out.note("Note: 1 schedule replaced here (by sync, edit, resume or apply) is no longer on Letta, which keeps no history of it; its successor's fires are counted.");
    else if (replaced.length > 1)
      out.note(`Note: ${replaced.length} schedules replaced here (by sync, edit, resume or apply) are no longer on Letta, which keeps no history of them; their successors' fires are counted.`);
    for (const one of unchecked) out.note(`Note: ${one.problem}; judged unknown.`);
    for (const one of unreadRuns) out.note(`Note: ${one.problem}; it is judged on the history's word alone.`);
  };
  let summary = '';
  let problems: string[] = [];

  return {
    name: 'fire_health',
    async writeJson(json) {
      json.begin('{', 'fire_health');
      json.value(new Date(options.from).toISOString(), 'since');
      json.value(new Date(now).toISOString(), 'now');
      json.value(zone, 'timezone');
      json.value({ early: TOLERANCE.EARLY_MS / 1000, on_time: TOLERANCE.ON_TIME_MS / 1000, grace: TOLERANCE.GRACE_MS / 1000 }, 'tolerance_seconds');
      json.begin('[', 'schedules');
      const verdict = await judgeAll((health, context) => json.value(scheduleJson(health, zone, now, context)));
      json.end(']');
      json.value(reader.missingRoute === undefined, 'history_route');
      json.value(verdict.needsAttention, 'needs_attention');
      json.value(totals, 'totals');
      json.value(runsNotRead, 'runs_not_read');
      json.value(gone, 'gone');
      json.value(
        notOnLetta.map((one) => ({ id: one.id, agent_id: one.agentId, kind: one.kind, why: whyNotOnLetta() })),
        'not_on_letta',
      );
      json.value(
        unchecked.map((one) => one.id),
        'unchecked',
      );
      json.value(
        unreadRuns.map((one) => one.runId),
        'unread_runs',
      );
      json.end('}');
      notes();
      // The document holds the counts; a person watching (or a cron mail) is told in one line that some fires were not judged in full, as a warning is said.
      if (runsNotRead > 0 || unknown > 0 || unchecked.length > 0 || unreadRuns.length > 0) out.note(verdict.summary);
      return verdict;
    },
    async read() {
      const verdict = await judgeAll((health, context) => {
        if (out.quiet) return;
        const { id } = health.schedule;
        rows.push({ worst: health.worst, id, cells: options.detail ? health.fires.map((fire) => [id, ...fireCells(fire, zone)]) : [scheduleCells(health, zone, now, context)] });
      });
      rows.sort(byWorst);
      summary = verdict.summary;
      problems = verdict.problems;
      return verdict;
    },
    async print() {
      if (!out.quiet) {
        const headers = options.detail ? ['SCHEDULE', ...FIRE_HEADERS] : SCHEDULE_HEADERS;
        await printRows(
          rt,
          headers,
          rows.flatMap((row) => row.cells),
          options.detail ? OUTCOME_COLUMN : SCHEDULE_HEADERS.length - 1,
        );
      }
      notes();
      // Under -q, stdout holds only the ids: what each needs is said here, so an exit 6 says why, as the record's part does.
      if (out.quiet) for (const problem of problems) out.note(problem);
      else out.note(summary);
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
  const { renderTable } = await import('../output/table');
  const [head, ...lines] = renderTable(healthColumns(headers, flexible), withShortIds(rows), out.io.columns);
  out.line([out.paint.bold(head ?? ''), ...lines].join('\n'));
}

/** In a table of fires (SCHEDULE, then FIRE_HEADERS), the last column, OUTCOME, gives up width first: the due time stays whole. */
export const OUTCOME_COLUMN = FIRE_HEADERS.length;

/** Dropped in this order on a narrow terminal before any column is cut: which schedule, when it was due and what happened stay readable. */
const GIVE_UP: Record<string, number> = { KIND: 1, AGENT: 2, 'DUE UTC': 3, 'SENT UTC': 4, RUN: 5 };

/** The columns of a fire-health table on a terminal. */
export function healthColumns(headers: string[], flexible: number): TableColumn[] {
  return headers.map((header, i) => ({ header, flexible: i === flexible, ...(GIVE_UP[header] === undefined ? {} : { giveUp: GIVE_UP[header] }) }));
}

/** Rows whose first cell, a schedule id, is shown short on a terminal, as `list` and `agenda` show it (and any command takes it back). */
export function withShortIds(rows: string[][]): string[][] {
  const short = shortIds(rows.map((row) => row[0] ?? ''));
  return rows.map(([id = '', ...rest]) => [short.get(id) ?? id, ...rest]);
}
