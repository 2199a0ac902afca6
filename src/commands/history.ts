import type { Command } from '@commander-js/extra-typings';
import { scheduleHealth, type ScheduleFacts } from '../health/fires';
import { scheduleLineage, setLineage, pastFacts, type LineageChange, type RecordedLineage } from '../health/lineage';
import { CliError, NotFoundError } from '../errors';
import { counted } from '../output/counted';
import type { Runtime } from '../runtime';
import { findSeries, findPaused, findIntent, isSeriesId, isSetId, currentId, instantOf, type State } from '../state/records';
import { defineCommand } from './command';
import { whyNotOnLetta } from '../not-on-letta';
import { SUMMARIES } from './summaries';
import { agentOption, concurrencyOption, integer } from './options';
import { sinceInstant } from '../time/since';
import { readFireHealth, scheduleFacts } from '../health/read';
import { FIRE_HEADERS, fireCells, fireJson, worstNote } from '../health/rows';
import { printRows, noHistoryNote, withShortIds, healthColumns, OUTCOME_COLUMN } from '../status/fire-health';
import { formatLocal } from '../time/zone';
import { resolveScheduleIds } from './shared/ids';
import { stateStore } from './shared/state';
import { findSchedule } from './shared/schedule';
import { neverDue } from '../sync/series';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 10_000;

/** `history ID`: the fires of a schedule (or of every member of a series, or of a paused schedule before its pause). */
export default defineCommand({
  path: ['history'],
  description: SUMMARIES.history.description,
  examples: [
    'letta-switchboard history SCHEDULE_ID',
    'letta-switchboard history SCHEDULE_ID --since 2d --limit 10',
    'letta-switchboard history series-... --json | jq ".fires[] | select(.class != \\"ok\\")"',
  ],
  globals: ['output', 'time', 'api'],
  declare: (command: Command) =>
    command
      .argument('<id>', 'schedule, set, series or paused schedule id')
      .addOption(agentOption())
      .option('--since <when>', "how far back: '30d', '12h', '2w', or a date", '30d')
      .option('--limit <n>', `at most this many fires, newest first (default ${DEFAULT_LIMIT})`, integer('--limit', 1, MAX_LIMIT), DEFAULT_LIMIT)
      .addOption(concurrencyOption()),
  async run(rt, options, id) {
    const now = rt.now();
    const zone = rt.zone();
    const from = sinceInstant(options.since, now, zone);
    const [full] = await resolveScheduleIds(rt, [id.trim()]);
    const target = await historyTarget(rt, full!, options.concurrency);
    // Several schedules (a series, a set, a lineage): one whose history cannot be read is shown as unknown, the others as read.
    const reading = await readFireHealth(await rt.api(), target.schedules, { from, now, concurrency: options.concurrency, runsPerSchedule: options.limit, partial: target.schedules.length > 1 });
    // A series member Letta no longer holds, with no history left: its due fire is still shown, as unknown, not left out.
    const unheld = new Set(target.schedules.filter((facts) => facts.held === false).map((facts) => facts.id));
    const healths = [
      ...reading.healths,
      ...target.schedules.filter((facts) => unheld.has(facts.id) && reading.gone.includes(facts.id)).map((facts) => scheduleHealth({ schedule: facts, from, now, sent: undefined })),
    ];
    const fires = healths
      .flatMap((health) => health.fires.map((fire) => ({ scheduleId: health.schedule.id, fire })))
      .sort((a, b) => (b.fire.due ?? b.fire.sent!.sentAt) - (a.fire.due ?? a.fire.sent!.sentAt))
      .slice(0, options.limit);
    // Where the lineage changed within the window: the fires before it are the replaced schedule's.
    const changes = target.changes.filter((change) => change.at >= from && change.at <= now);
    const unreadRuns = healths.flatMap((health) =>
      health.fires.flatMap((fire) => (fire.run?.readError === undefined ? [] : [{ runId: fire.sent!.runId!, error: fire.run.readError, exit: fire.run.readExit ?? 1 }])),
    );
    const unread = healths.flatMap((health) => (health.readError === undefined ? [] : [{ id: health.schedule.id, error: health.readError, exit: health.readExit ?? 1 }]));
    const out = rt.out;
    await show();
    // A history or a run Letta failed to give: the rest is shown all the same, and the exit code says it is partial.
    if (unread.length > 0) throw unreadSchedulesError(unread, unreadRuns.length);
    if (unreadRuns.length > 0) throw unreadRunsError(unreadRuns);

    async function show(): Promise<void> {
      if (reading.missingRoute !== undefined) out.note(`Note: ${noHistoryNote(reading.missingRoute)}`);
      for (const one of unread) out.note(`Note: ${one.id}: its fires could not be read (${one.error}); they are shown as unknown.`);
      if (out.json) {
        return out.document({
          id,
          kind: target.kind,
          agent_id: target.agentId,
          history_route: reading.missingRoute === undefined,
          since: new Date(from).toISOString(),
          fires: fires.map(({ scheduleId, fire }) => ({ schedule_id: scheduleId, ...fireJson(fire, zone) })),
          lineage: changes.map((change) => ({
            schedule_id: change.from,
            replaced_by: change.to,
            replaced_at: new Date(change.at).toISOString(),
            replaced_how: change.how,
            ...(change.seasonal === undefined ? {} : { seasonal: change.seasonal }),
          })),
          stuck: reading.healths.filter((health) => health.stuckSince !== undefined).map((health) => ({ schedule_id: health.schedule.id, since: new Date(health.stuckSince!).toISOString() })),
        });
      }
      if (out.quiet) {
        for (const { fire } of fires) if (fire.sent?.runId) out.line(fire.sent.runId);
        return;
      }
      const rows = fires.map(({ scheduleId, fire }) => [scheduleId, ...fireCells(fire, zone)]);
      const changeLine = (change: LineageChange) => `${change.from} replaced by ${replacedBy(change)} on ${formatLocal(zone, change.at)}: ${change.to} from then on`;
      if (out.io.stdoutIsTTY && rows.length > 0) {
        const { renderTable } = await import('../output/table');
        const [head, ...lines] = renderTable(healthColumns(['SCHEDULE', ...FIRE_HEADERS], OUTCOME_COLUMN), withShortIds(rows), out.io.columns);
        const text = [out.paint.bold(head ?? '')];
        const pending = [...changes];
        fires.forEach(({ fire }, i) => {
          while (pending.length > 0 && (fire.due ?? fire.sent!.sentAt) < pending[0]!.at) text.push(out.paint.dim(`-- ${changeLine(pending.shift()!)}`));
          text.push(lines[i] ?? '');
        });
        for (const change of pending) text.push(out.paint.dim(`-- ${changeLine(change)}`));
        out.line(text.join('\n'));
      } else {
        await printRows(rt, ['SCHEDULE', ...FIRE_HEADERS], rows, OUTCOME_COLUMN);
        for (const change of changes) out.info(`Note: ${changeLine(change)}.`);
      }
      const total = healths.reduce((sum, health) => sum + health.fires.length, 0);
      if (total === 0) out.info(`Nothing was due or sent since ${formatLocal(zone, from)}.`);
      else if (total > fires.length) out.info(`Showing the newest ${fires.length} of ${total} fires since ${formatLocal(zone, from)}; use --limit or --since for more.`);
      for (const health of reading.healths) {
        if (health.worst !== 'ok' && health.worst !== 'unknown') out.info(`${health.schedule.id}: ${health.worst}, ${worstNote(health, zone, now)}`);
      }
      for (const gone of reading.gone) out.info(`Note: Letta has no history for ${gone} (it no longer holds that schedule)${unheld.has(gone) ? ': its fires are unknown' : ''}.`);
    }
  },
});

/** A failure whose exit code is the first failure's (1 Letta failing, 5 no answer in time), as for several ids. */
class PartialHistory extends CliError {
  override readonly exitCode: number;
  constructor(message: string, hint: string, exitCode: number) {
    super(message, hint);
    this.exitCode = exitCode;
  }
}

/** The runs behind sends that Letta kept failing to give: their fires are shown, judged on the history's word alone. */
function unreadRunsError(runs: Array<{ runId: string; error: string; exit: number }>): CliError {
  const [first] = runs;
  const others = runs.length > 1 ? ` (and ${counted(runs.length - 1, 'other run')})` : '';
  return new PartialHistory(
    `The history was read, but not the run ${first!.runId}${others} behind a send: ${first!.error}`,
    `Its fire is shown judged on the history's word alone (OUTCOME 'run not read', run_error in --json); run history again to read the run.`,
    first!.exit,
  );
}

/** Schedules of a series, set or lineage whose history Letta kept failing to give (or never answered): their fires are shown as unknown. */
function unreadSchedulesError(schedules: Array<{ id: string; error: string; exit: number }>, runs: number): CliError {
  const [first] = schedules;
  const others = schedules.length > 1 ? ` (and ${counted(schedules.length - 1, 'other schedule')})` : '';
  const alsoRuns = runs > 0 ? `; ${counted(runs, 'run')} behind sends could not be read either` : '';
  return new PartialHistory(
    `The fires of ${first!.id}${others} could not be read: ${first!.error}${alsoRuns}`,
    'They are shown as unknown, the others as read; run history again to read them.',
    first!.exit,
  );
}

/** How a replacement is said: "sm-1 replaced by sync (DST moved its UTC cron) on ...", a zone's move for good said as agenda says it. */
function replacedBy(change: LineageChange): string {
  if (change.how === 'edit') return 'an edit';
  if (change.how === 'resume') return 'a resume (paused before)';
  return `sync (${change.seasonal === false ? 'an offset change for good' : 'DST'} moved its UTC cron)`;
}

interface HistoryTarget {
  kind: 'schedule' | 'series' | 'set' | 'paused';
  agentId: string;
  schedules: ScheduleFacts[];
  /** Where the lineage changed (an edit, resume or sync replaced a schedule), newest first. */
  changes: LineageChange[];
}

/**
 * The schedules behind an id: a series' members, a set's schedules, a
 * recorded schedule with those it replaced, and a paused schedule's saved
 * copy come from the record of intent; anything else is a schedule on
 * Letta (looked for among the agents when none is given, `concurrency` at a time).
 */
async function historyTarget(rt: Runtime, id: string, concurrency: number): Promise<HistoryTarget> {
  let state: State | undefined;
  try {
    state = await (await stateStore(rt)).read();
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    rt.out.warn(`${error.message}; series, set and paused ids and earlier schedules cannot be looked up.`);
  }
  if (state && isSeriesId(id)) {
    const series = findSeries(state, id);
    if (!series) throw new NotFoundError(`No series '${id}' in the record of intent`, 'List them with: letta-switchboard recurring list');
    const created = Date.parse(series.created_at);
    const held = new Set<string>();
    const api = await rt.api();
    for await (const page of api.schedulePages(series.agent_id)) for (const item of page) held.add(item.id);
    return {
      kind: 'series',
      agentId: series.agent_id,
      changes: [],
      // A member never due has no fire to judge, as status has it; nor has one its series' pause took off Letta before its time.
      schedules: series.members
        .filter((member) => !neverDue(member) && !(member.paused === true && !held.has(member.schedule_id)))
        .map((member) => ({
          id: member.schedule_id,
          agentId: series.agent_id,
          kind: 'one-time' as const,
          scheduledAt: Date.parse(member.instant),
          held: held.has(member.schedule_id),
          ...(Number.isFinite(created) ? { createdAt: created } : {}),
        })),
    };
  }
  const recorded = state && findIntent(state, id);
  const ofSet = state?.intents.find((intent) => intent.set_id === id);
  const lineage = state && (isSetId(id) ? ofSet && setLineage(state, id) : recorded && scheduleLineage(state, id));
  if (isSetId(id) && !lineage) throw new NotFoundError(`No set '${id}' in the record of intent`, 'List them with: letta-switchboard recurring list');
  if (state && lineage) {
    const kind = isSetId(id) ? 'set' : findPaused(state, currentId(state, id)) ? 'paused' : 'schedule';
    return { kind, ...(await lineageSchedules(rt, state, (recorded ?? ofSet)!.agent_id, lineage)) };
  }
  const paused = state && findPaused(state, id);
  if (paused) {
    const facts = scheduleFacts(paused.schedule);
    // Paused: Letta no longer holds it, so nothing after the pause was due.
    const endedAt = Date.parse(paused.paused_at);
    return { kind: 'paused', agentId: paused.schedule.agent_id, changes: [], schedules: [{ ...facts, held: false, nextScheduledTime: null, ...(Number.isFinite(endedAt) ? { endedAt } : {}) }] };
  }
  const item = await findSchedule(rt, undefined, id, concurrency);
  const createdAt = Date.parse((state && findIntent(state, item.id)?.created_at) ?? '');
  return { kind: 'schedule', agentId: item.agent_id, changes: [], schedules: [scheduleFacts(item, Number.isFinite(createdAt) ? createdAt : undefined)] };
}

/**
 * A recorded lineage as fire health sees it: the schedules standing now as
 * Letta has them (one recorded as standing but gone from Letta is judged from
 * the record, its end not known), and those they replaced from the record.
 */
async function lineageSchedules(rt: Runtime, state: State, agentId: string, lineage: RecordedLineage): Promise<Omit<HistoryTarget, 'kind'>> {
  const api = await rt.api();
  const standing = await Promise.all(
    lineage.current.map(async (current): Promise<ScheduleFacts[]> => {
      const intent = findIntent(state, current)!;
      const createdAt = Date.parse(intent.created_at);
      try {
        return [scheduleFacts({ ...(await api.getSchedule(agentId, current)), agent_id: agentId }, Number.isFinite(createdAt) ? createdAt : undefined)];
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        // Letta lets a one-time schedule go once it is due: its fire is judged as status judges it.
        if (intent.kind === 'one-time' && (instantOf(intent.instants?.[0]) ?? Infinity) <= rt.now()) return [pastFacts({ ...intent, status_at: undefined })].flatMap((facts) => facts ?? []);
        // Deleted elsewhere, found so now (as sync would mark it): when is not known, so nothing after its last send is expected of it.
        rt.out.info(`Note: ${current} is not on Letta (${whyNotOnLetta()}): nothing after its last send is expected of it.`);
        return [pastFacts({ ...intent, status: 'gone', status_at: new Date(rt.now()).toISOString() })].flatMap((facts) => facts ?? []);
      }
    }),
  );
  return { agentId, schedules: [...standing.flat(), ...lineage.past], changes: lineage.changes };
}
