import { Option, type Command } from '@commander-js/extra-typings';
import type { Agenda, Fire } from '../agenda/fires';
import { CliError, UsageError } from '../errors';
import type { ScheduledMessage } from '../letta/types';
import type { Runtime } from '../runtime';
import type { PausedSchedule } from '../state/records';
import { defineCommand } from './command';
import { agentOption, integer } from './options';

const MAX_DAYS = 366;
const DEFAULT_DAYS = 7;
const DAY = 86_400_000;

/** Every fire of every schedule in a window, across agents; or an iCalendar file of them. */
export default defineCommand({
  path: ['agenda'],
  description: 'Every fire of every schedule in the coming days, across agents, in local time and UTC; --ics writes a calendar file',
  examples: [
    'letta-switchboard agenda',
    'letta-switchboard agenda --agent-id support-bot --days 30',
    'letta-switchboard agenda --until "next friday at 6pm"',
    'letta-switchboard agenda --ics schedules.ics',
  ],
  globals: ['output', 'time', 'api'],
  declare: (command: Command) =>
    command
      .addOption(agentOption())
      .addOption(new Option('--all-agents', 'every agent (the default when no agent is set anywhere)').conflicts('agentId'))
      .addOption(new Option('--days <n>', `how many days ahead, 1-${MAX_DAYS} (default ${DEFAULT_DAYS})`).argParser(integer('--days', 1, MAX_DAYS)).conflicts('until'))
      .option('--until <when>', "the end of the window instead: 'friday at 6pm', '2027-01-01', ISO 8601")
      .option('--ics <file>', "write the fires as an iCalendar file; '-' writes it to stdout"),
  async run(rt, options) {
    const now = rt.now();
    const zone = rt.zone();
    const to = options.until === undefined ? now + (options.days ?? DEFAULT_DAYS) * DAY : await windowEnd(options.until, now, zone);
    const [{ buildAgenda }, { agendaSchedule }] = await Promise.all([import('../agenda/fires'), import('../agenda/sources')]);

    const { schedules, names, agentIds } = await fetchSchedules(rt, !!options.allAgents);
    const local = await localRecords(rt, agentIds);
    const sources = [
      ...schedules.map((item) => agendaSchedule(item, { agentName: names.get(item.agent_id), seriesId: local.seriesOf.get(item.id), keptZone: local.keptIn.get(item.id) })),
      ...local.paused.map((saved) => agendaSchedule(saved.schedule, { agentName: names.get(saved.schedule.agent_id), pausedSince: saved.paused_at })),
    ];
    const agenda = buildAgenda(sources, { from: now, to, zone });

    if (options.ics !== undefined) return writeCalendar(rt, options.ics, agenda.fires, now);
    await printAgenda(rt, agenda, zone, { from: now, to });
  },
});

/** The end of the window from a one-time phrase; it must be after now. */
async function windowEnd(phrase: string, now: number, zone: string): Promise<number> {
  const { meaningOfOnce } = await import('../time/index');
  const end = (await meaningOfOnce(phrase, { now, zone })).scheduled_at;
  if (end <= now) throw new UsageError(`--until '${phrase}' is not in the future`, "Give a later time, e.g. --until 'next friday at 6pm', or use --days N.");
  return end;
}

/** The schedules of one agent or of all of them (a few agents at a time, as `list` does), and the agents' names. */
async function fetchSchedules(rt: Runtime, allAgentsFlag: boolean): Promise<{ schedules: ScheduledMessage[]; names: Map<string, string>; agentIds: string[] }> {
  const api = await rt.api();
  const [{ mapLimited }, { AGENT_CONCURRENCY }] = await Promise.all([import('../concurrency'), import('../letta/api')]);
  const names = new Map<string, string>();
  for await (const page of api.agentPages()) for (const agent of page) names.set(agent.id, agent.name || agent.id);
  const agent = rt.agentOrNone();
  const agentIds = allAgentsFlag || !agent ? [...names.keys()] : [await rt.agentId(agent)];
  const perAgent = mapLimited(agentIds, AGENT_CONCURRENCY, async (agentId) => {
    const items: ScheduledMessage[] = [];
    for await (const page of api.schedulePages(agentId)) for (const item of page) items.push({ ...item, agent_id: item.agent_id || agentId });
    return items;
  });
  const schedules: ScheduledMessage[] = [];
  for (const result of perAgent) schedules.push(...(await result));
  return { schedules, names, agentIds };
}

/**
 * What the record of intent adds: paused schedules and series membership. The
 * record is never required; one that cannot be read is named and left out.
 */
async function localRecords(rt: Runtime, agentIds: string[]): Promise<{ paused: PausedSchedule[]; seriesOf: Map<string, string>; keptIn: Map<string, string | null> }> {
  const [{ openState }, { followsLocalClock }] = await Promise.all([import('../state/store'), import('../sync/plan')]);
  const store = openState(rt.env, rt.home, { signal: rt.signal });
  try {
    const state = await store.read();
    const agents = new Set(agentIds);
    const seriesOf = new Map(state.series.flatMap((series) => series.members.map((member) => [member.schedule_id, series.series_id] as const)));
    // The zone whose clock a recorded schedule keeps (null: an interval, on no clock), so only moves sync would fix are flagged.
    const keptIn = new Map(state.intents.filter((i) => i.status === 'active' && i.kind === 'recurring').map((i) => [i.schedule_id, followsLocalClock(i) ? i.zone : null] as const));
    return { paused: state.paused.filter((saved) => agents.has(saved.schedule.agent_id)), seriesOf, keptIn };
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    rt.out.warn(`${error.message}; paused schedules and series are not shown.`);
    return { paused: [], seriesOf: new Map(), keptIn: new Map() };
  }
}

/** Rows grouped by local day on a terminal; tab-separated rows in a pipe; one JSON array with --json; schedule ids with -q. Notes on stderr. */
async function printAgenda(rt: Runtime, agenda: Agenda, zone: string, window: { from: number; to: number }): Promise<void> {
  const [{ agendaNotes, agendaRow, dayHeader, dayKey, fireJson, rowCells, AGENDA_HEADERS }, { printList, renderTable }, { oneLine }, { formatLocal }] = await Promise.all([
    import('../agenda/rows'),
    import('../output/list'),
    import('../output/inert'),
    import('../time/zone'),
  ]);
  const out = rt.out;
  const fires = agenda.fires;
  if (out.io.stdoutIsTTY && !out.json && !out.quiet && fires.length > 0) {
    const rows = fires.map((fire) => agendaRow(fire, zone));
    const cells = rows.map((row) => [row.local.slice(15), row.utc.replace(' UTC', ''), row.agent, row.kind, row.message, row.schedule, row.note].map(oneLine));
    const [head, ...lines] = renderTable(['TIME', 'UTC', 'AGENT', 'KIND', 'MESSAGE', 'SCHEDULE', 'NOTE'], cells, out.io.columns, 4);
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

/** The fires as an iCalendar file, written whole (a temp file renamed into place), or to stdout with '-'. */
async function writeCalendar(rt: Runtime, target: string, fires: Fire[], now: number): Promise<void> {
  const { toICalendar } = await import('../agenda/ics');
  const live = fires.filter((fire) => fire.schedule.pausedSince === undefined);
  const text = toICalendar(live, { now });
  const skipped = fires.length - live.length;
  const leftOut = skipped > 0 ? `${skipped} fire${skipped === 1 ? '' : 's'} of paused schedules left out` : '';
  if (target === '-') {
    rt.out.raw(text);
    if (leftOut) rt.out.info(`Note: ${leftOut}.`);
    return;
  }
  const [{ writeFileSync, renameSync, rmSync }, { randomBytes }] = await Promise.all([import('node:fs'), import('node:crypto')]);
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new CliError(`Cannot write the calendar file ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'Check the folder exists and is writable, or use --ics - to write to stdout.');
  }
  rt.out.success(`Wrote ${live.length} event${live.length === 1 ? '' : 's'} to ${target}${leftOut ? ` (${leftOut})` : ''}`);
}
