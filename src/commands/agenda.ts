import { Option, type Command } from '@commander-js/extra-typings';
import { buildAgenda, type Agenda, type Fire } from '../agenda/fires';
import { AlreadyReported, ApiError, CliError, NetworkError, UsageError } from '../errors';
import type { Runtime } from '../runtime';
import { findIntent, type PausedSchedule } from '../state/records';
import { carriedMessages, scheduleLineage } from '../health/lineage';
import type { ScheduleFacts } from '../health/fires';
import { pausedFacts, scheduleFacts } from '../health/read';
import { pastOneTimes as recordedPastOneTimes, type PastOneTime } from '../health/past-one-times';
import type { ScheduledMessage } from '../letta/types';
import { defineCommand } from './command';
import { SUMMARIES } from './summaries';
import { agentOption, allAgentsOption, concurrencyOption, groupOption, integer } from './options';
import { schedulesInScope } from './shared/scope';
import { agendaSchedule } from '../agenda/sources';
import { sinceInstant } from '../time/since';
import { addOutcomes } from '../agenda/outcomes';
import { endOfSpan } from '../time/index';
import { groupFilter } from './shared/groups';
import { resolveScheduleIds } from './shared/ids';
import { readRecord, serverOf, stateStore } from './shared/state';
import { followsLocalClock } from '../sync/plan';
import { agendaNotes, agendaRow, dayHeader, dayKey, fireJson, rowCells, AGENDA_HEADERS, cutNote } from '../agenda/rows';
import { printList, GIVE_UP, RELATIVE_HEADER, relativeCell } from '../output/list';
import { shortIds } from '../output/short-id';
import { oneLine } from '../output/inert';
import { formatLocal } from '../time/zone';
import { toICalendar } from '../agenda/ics';
import { replaceOutputFile } from '../files/output-file';

const MAX_DAYS = 366;
const DEFAULT_DAYS = 7;
const DAY = 86_400_000;

/** Every fire of every schedule in a window, across agents; or an iCalendar file of them. */
export default defineCommand({
  path: ['agenda'],
  description: SUMMARIES.agenda.description,
  examples: [
    'letta-switchboard agenda',
    'letta-switchboard agenda --agent-id support-bot --days 30',
    'letta-switchboard agenda --until "next friday at 6pm"',
    'letta-switchboard agenda --ics schedules.ics',
    'letta-switchboard agenda --since 1d',
    'letta-switchboard agenda --id set-...',
  ],
  globals: ['output', 'time', 'api', 'dryRun'],
  keepsSchedules: true,
  declare: (command: Command) =>
    command
      .addOption(agentOption())
      .addOption(allAgentsOption())
      .addOption(new Option('--days <n>', `how many days ahead, 1-${MAX_DAYS} (default ${DEFAULT_DAYS})`).argParser(integer('--days', 1, MAX_DAYS)).conflicts('until'))
      .option('--until <when>', "the end of the window instead: 'friday at 6pm', '2027-01-01', ISO 8601")
      .option('--ics <file>', "write the fires as an iCalendar file; '-' writes it to stdout")
      .option('--since <when>', "also the past fires from this far back ('1d', '12h', a date), each with what happened")
      .addOption(groupOption())
      .addOption(concurrencyOption()),
  async run(rt, options) {
    if (options.ics === '-' && (rt.out.json || rt.out.quiet))
      throw new UsageError(
        `--ics - writes the calendar to stdout, which cannot also hold ${rt.out.json ? '--json' : "-q's ids"}`,
        'Write the calendar to a file (--ics FILE): --json and -q then print as they do without --ics.',
      );
    const now = rt.now();
    const zone = rt.zone();
    const to = options.until === undefined ? now + (options.days ?? DEFAULT_DAYS) * DAY : await windowEnd(options.until, now, zone);
    // Read before any request: a --since that cannot be read costs nothing.
    const from = options.since === undefined ? now : sinceInstant(options.since, now, zone);

    const group = options.id === undefined ? undefined : await groupOf(rt, options.id.trim());
    const inGroup = (id: string) => group === undefined || group.ids.has(id);
    const scope = await schedulesInScope(rt, !!options.allAgents, options.concurrency, group?.agentId);
    const { names, agentIds } = scope;
    const schedules = scope.schedules.filter((item) => inGroup(item.id));
    const local = await localRecords(rt, agentIds);
    const listed = new Set(schedules.map((item) => item.id));
    const context = (id: string) => ({ seriesId: local.seriesOf.get(id), setId: local.setOf.get(id) });
    // One Letta still lists (a pause cut short) is shown as Letta has it.
    const paused = local.paused.filter((saved) => inGroup(saved.old_id) && !listed.has(saved.old_id));
    const sources = [
      ...schedules.map((item) => agendaSchedule(item, { agentName: names.get(item.agent_id), ...context(item.id), keptZone: local.keptIn.get(item.id), keptRule: local.ruleOf.get(item.id), now })),
      ...paused.map((saved) => agendaSchedule(saved.schedule, { agentName: names.get(saved.schedule.agent_id), ...context(saved.old_id), pausedSince: saved.paused_at })),
    ];
    // Letta lets a one-time schedule go once it is due: the past ones made here (series members too) come from the record.
    const past = options.since === undefined ? [] : local.pastOneTimes(from, now).filter(({ facts }) => inGroup(facts.id) && !listed.has(facts.id));
    sources.push(...past.map(({ facts, made }) => agendaSchedule(asListed(facts, made), { agentName: names.get(facts.agentId), ...context(facts.id) })));
    // The schedules an edit, sync or resume replaced: their fires before then are the listed schedule's past.
    const replacedBefore = options.since === undefined ? [] : local.replacedBefore(schedules.map((item) => item.id)).filter(({ facts }) => !listed.has(facts.id) && (facts.endedAt ?? Infinity) > from);
    // Shown with the messages of the schedule that carried them on (a sync's or a resume's); the record keeps none of its own.
    const messagesOf = new Map(schedules.map((item) => [item.id, item.message as unknown as Record<string, unknown>] as const));
    sources.push(
      ...replacedBefore.map(({ facts, carriedBy }) =>
        agendaSchedule(asListed(facts, (carriedBy === undefined ? undefined : messagesOf.get(carriedBy)) ?? { messages: [] }), { agentName: names.get(facts.agentId), ...context(facts.id) }),
      ),
    );
    const replaced = replacedBefore.map(({ facts }) => facts);
    const agenda = buildAgenda(sources, { from, to, zone });
    // A paused schedule's past is what it did before the pause, judged from the copy the pause saved.
    const judged = [...schedules.map((item) => scheduleFacts(item)), ...past.map((one) => one.facts), ...replaced, ...paused.map((saved) => pausedFacts(saved, local.createdAt.get(saved.old_id)))];
    const unread = options.since === undefined ? undefined : await addOutcomes(rt, agenda, judged, from, options.concurrency);

    if (options.ics !== undefined) await writeCalendar(rt, options.ics, agenda, now, zone);
    // A script's --json or -q still gets its data on stdout beside --ics FILE; the file is the calendar's.
    if (options.ics === undefined || (options.ics !== '-' && (rt.out.json || rt.out.quiet))) await printAgenda(rt, agenda, zone, { from, to });
    if (unread?.exit !== undefined) {
      // All is shown; the outcomes that could not be read make it a partial answer (the first failure's exit code), as status does.
      const { schedules, runs, exit } = unread;
      const histories =
        schedules.length === 0 ? '' : `The past fires of ${schedules.length} schedule${schedules.length === 1 ? '' : 's'} could not be read (${schedules.join(', ')}); their outcomes are unknown`;
      const unreadRuns =
        runs.length === 0
          ? ''
          : `${runs.length === 1 ? 'The run' : `${runs.length} runs`} behind sends (${runs.join(', ')}) could not be read; how ${runs.length === 1 ? 'that fire' : 'those fires'} ended is unknown`;
      const message = [histories, unreadRuns].filter(Boolean).join('; ');
      const error = exit === 5 ? new NetworkError(message, undefined, 'timeout') : new ApiError(message, 500);
      rt.out.note(`${rt.out.paintErr.red('Error:')} ${error.message}`);
      throw new AlreadyReported(error);
    }
  },
});

/** The end of the window from a one-time phrase, a day without a time being that whole day (as --until on create); it must be after now. */
async function windowEnd(phrase: string, now: number, zone: string): Promise<number> {
  const end = await endOfSpan(phrase, { now, zone });
  if (end <= now) throw new UsageError(`--until '${phrase}' is not in the future`, "Give a later time, e.g. --until 'next friday at 6pm', or use --days N.");
  // As far as --days goes, and the whole of the day it ends on.
  if (end - now > (MAX_DAYS + 1) * DAY)
    throw new UsageError(`--until '${phrase}' is ${Math.ceil((end - now) / DAY)} days ahead; an agenda covers at most ${MAX_DAYS} days`, `Give an end within a year, or use --days ${MAX_DAYS}.`);
  return end;
}

/** The set or series --id names, from the record of intent (which it needs); one recorded against another server is refused, naming it. */
async function groupOf(rt: Runtime, id: string) {
  const [resolved] = await resolveScheduleIds(rt, [id]);
  return groupFilter(await readRecord(rt), resolved!);
}

/**
 * What the record of intent adds: paused schedules and series membership. The
 * record is never required; one that cannot be read is named and left out.
 */
async function localRecords(
  rt: Runtime,
  agentIds: string[],
): Promise<{
  paused: PausedSchedule[];
  /** Unix ms: when a paused schedule (or series member) was made, as the record has it. */
  createdAt: Map<string, number>;
  seriesOf: Map<string, string>;
  setOf: Map<string, string>;
  keptIn: Map<string, string | null>;
  ruleOf: Map<string, string>;
  pastOneTimes: (from: number, now: number) => PastOneTime[];
  /** `carriedBy`: the listed schedule that has its messages, when a sync or resume carried them over unchanged. */
  replacedBefore: (ids: string[]) => Array<{ facts: ScheduleFacts; carriedBy?: string }>;
}> {
  try {
    // Only this server's records (the store's): another server's paused schedules and series are not shown here.
    const state = await (await stateStore(rt)).readShared();
    const agents = new Set(agentIds);
    const seriesOf = new Map(state.series.flatMap((series) => series.members.map((member) => [member.schedule_id, series.series_id] as const)));
    const setOf = new Map(state.intents.flatMap((intent) => (intent.set_id === undefined ? [] : [[intent.schedule_id, intent.set_id] as const])));
    // The zone whose clock a recorded schedule keeps (null: an interval, on no clock), so only moves sync would fix are flagged.
    const kept = state.intents.filter((i) => i.status === 'active' && i.kind === 'recurring');
    const keptIn = new Map(kept.map((i) => [i.schedule_id, followsLocalClock(i) ? i.zone : null] as const));
    const ruleOf = new Map(kept.filter((i) => followsLocalClock(i) && i.local_rule !== undefined).map((i) => [i.schedule_id, i.local_rule!] as const));
    // A paused series' members still to come, as its resume makes them again: shown flagged, as a paused schedule is.
    const pausedMembers = state.series
      .filter((series) => series.status === 'paused' && agents.has(series.agent_id))
      .flatMap((series) =>
        series.members
          .filter((member) => member.paused === true && member.gone !== true)
          .map((member) => ({
            schedule: {
              id: member.schedule_id,
              agent_id: series.agent_id,
              message: series.template,
              schedule: { type: 'one-time', scheduled_at: Date.parse(member.instant) },
            } as unknown as ScheduledMessage,
            old_id: member.schedule_id,
            paused_at: series.paused_at ?? series.status_at ?? series.created_at,
          })),
      );
    const pastOneTimes = (from: number, now: number) => recordedPastOneTimes(state, agents, from, now);
    const replacedBefore = (ids: string[]) => {
      const found = new Map<string, { facts: ScheduleFacts; carriedBy?: string }>();
      for (const id of ids) {
        if (findIntent(state, id) === undefined) continue;
        const lineage = scheduleLineage(state, id);
        if (lineage === undefined) continue;
        const carried = carriedMessages(lineage);
        for (const facts of lineage.past) {
          const carriedBy = carried.get(facts.id);
          found.set(facts.id, carriedBy === undefined ? { facts } : { facts, carriedBy });
        }
      }
      return [...found.values()];
    };
    const paused = [...state.paused.filter((saved) => agents.has(saved.schedule.agent_id)), ...pausedMembers];
    const createdAt = new Map(
      paused.flatMap((saved) => {
        const made = Date.parse(findIntent(state, saved.old_id)?.created_at ?? state.series.find((series) => series.members.some((m) => m.schedule_id === saved.old_id))?.created_at ?? '');
        return Number.isFinite(made) ? [[saved.old_id, made] as const] : [];
      }),
    );
    return { paused, createdAt, seriesOf, setOf, keptIn, ruleOf, pastOneTimes, replacedBefore };
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    rt.out.warn(`${error.message}; paused schedules and series are not shown.`);
    return { paused: [], createdAt: new Map(), seriesOf: new Map(), setOf: new Map(), keptIn: new Map(), ruleOf: new Map(), pastOneTimes: () => [], replacedBefore: () => [] };
  }
}

/** A schedule Letta let go (a one-time one once due, one replaced), as it listed it: its id, agent, timing and the message it was made with. */
function asListed(facts: ScheduleFacts, made: Record<string, unknown>): ScheduledMessage {
  const schedule = facts.kind === 'recurring' ? { type: 'recurring', cron_expression: facts.cron } : { type: 'one-time', scheduled_at: facts.scheduledAt };
  return { id: facts.id, agent_id: facts.agentId, message: made, schedule } as unknown as ScheduledMessage;
}

/** Rows grouped by local day on a terminal; tab-separated rows in a pipe; one JSON array with --json; schedule ids with -q. Notes on stderr. */
async function printAgenda(rt: Runtime, agenda: Agenda, zone: string, window: { from: number; to: number }): Promise<void> {
  const out = rt.out;
  const fires = agenda.fires;
  if (out.io.stdoutIsTTY && !out.json && !out.quiet && fires.length > 0) {
    const rows = fires.map((fire) => agendaRow(fire, zone));
    const short = shortIds(rows.map((row) => row.schedule));
    const now = rt.now();
    const cells = rows.map((row, i) =>
      [row.local.slice(15), relativeCell(fires[i]!.at, now), row.utc.replace(' UTC', ''), row.agent, row.kind, row.message, short.get(row.schedule) ?? row.schedule, row.note].map(oneLine),
    );
    const columns = [
      { header: 'TIME' },
      { header: RELATIVE_HEADER, giveUp: GIVE_UP.relative },
      { header: 'UTC', giveUp: GIVE_UP.utc },
      { header: 'AGENT', giveUp: GIVE_UP.agent },
      { header: 'KIND' },
      { header: 'MESSAGE', flexible: true },
      { header: 'SCHEDULE', giveUp: GIVE_UP.id },
      { header: 'NOTE' },
    ];
    // Loaded here: the table's text widths cost start-up time that --json, -q and pipes do not need.
    const { renderTable } = await import('../output/table');
    const [head, ...lines] = renderTable(columns, cells, out.io.columns);
    const text: string[] = [out.paint.bold(head ?? '')];
    fires.forEach((fire, i) => {
      const day = dayKey(zone, fire.at);
      if (i === 0 || day !== dayKey(zone, fires[i - 1]!.at)) text.push(out.paint.underline(dayHeader(zone, fire.at)));
      text.push(lines[i] ?? '');
    });
    out.line(text.join('\n'));
  } else {
    const seen = new Set<string>();
    // -q lists each schedule once, however often it fires.
    const listed = out.quiet ? fires.filter((fire) => !seen.has(fire.schedule.id) && seen.add(fire.schedule.id)) : fires;
    await printList(
      out,
      {
        columns: AGENDA_HEADERS.map((header, i) => ({ header, cell: (fire: Fire) => rowCells(agendaRow(fire, zone))[i] ?? '' })),
        id: (fire) => fire.schedule.id,
        json: (fire) => fireJson(fire, zone),
        empty: '',
      },
      [listed],
    );
  }
  if (fires.length === 0 && !out.json && !out.quiet) out.info(`Nothing fires between ${formatLocal(zone, window.from)} and ${formatLocal(zone, window.to)}.`);
  for (const note of agendaNotes(agenda, zone)) out.info(`Note: ${note}`);
}

/** The fires as an iCalendar file, written whole (a temp file renamed into place; only ever over a regular file), or to stdout with '-'. */
async function writeCalendar(rt: Runtime, target: string, agenda: Agenda, now: number, zone: string): Promise<void> {
  if (agenda.cut) rt.out.warn(cutNote(agenda.cut, zone));
  const fires = agenda.fires;
  const live = fires.filter((fire) => fire.schedule.pausedSince === undefined);
  const text = toICalendar(live, { now, server: serverOf(rt) });
  const skipped = fires.length - live.length;
  const leftOut = skipped > 0 ? `${skipped} fire${skipped === 1 ? '' : 's'} of paused schedules left out` : '';
  if (target === '-') {
    rt.out.file(text);
    if (leftOut) rt.out.info(`Note: ${leftOut}.`);
    return;
  }
  const events = `${live.length} event${live.length === 1 ? '' : 's'} to ${target}${leftOut ? ` (${leftOut})` : ''}`;
  if (rt.dryRun) {
    rt.out.note(`Dry run: would write ${events}; nothing written.`);
    return;
  }
  replaceOutputFile(target, text, 'calendar file', `use --ics - and redirect it (--ics - > ${target})`, 'agenda.ics');
  if (!rt.out.quiet) rt.out.success(`Wrote ${events}`);
}
