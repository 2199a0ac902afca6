import type { Command } from '@commander-js/extra-typings';
import { CliError, InterruptedError, NotFoundError } from '../../errors';
import { contentShown, type ScheduledMessage, type ScheduleKind } from '../../letta/types';
import { printDetailOf, type DetailRow } from '../../output/detail';
import { bothZones, localAndUtc } from '../../output/when';
import type { Runtime } from '../../runtime';
import { findPaused, findIntent, setMembers, findSeries, seriesEnded, isSeriesId, isSetId, type Intent, type PausedSchedule } from '../../state/records';
import { defineCommand } from '../command';
import { whyNotOnLetta } from '../../not-on-letta';
import { agentOption, NEXT_RUNS_SHOWN } from '../options';
import { clockOf, cronInZone, findSchedule, NOUN, withAdditions } from '../shared/schedule';
import { describeCron, nextRuns } from '../../time/cron';
import { readRecordOrNothing, successorInRecord } from '../shared/state';
import { resolveScheduleIds } from '../shared/ids';
import { shownNextRun } from '../shared/next-run';
import { cronOnClock, keptAt as keptText } from '../../output/kept-at';

/** `onetime get` and `recurring get`: one schedule, times in the user's zone and in UTC. */
export default (kind: ScheduleKind) =>
  defineCommand({
    path: [NOUN[kind], 'get'],
    description: `Show one ${kind} schedule`,
    examples: [`letta-switchboard ${NOUN[kind]} get SCHEDULE_ID --agent-id support-bot`, `letta-switchboard ${NOUN[kind]} get SCHEDULE_ID --json`],
    globals: ['output', 'time', 'api'],
    declare: (command: Command) => command.argument('<id>', 'schedule id').addOption(agentOption()),
    async run(rt, _options, given) {
      // Resolved first, so an id recorded against another server is refused before anything is read.
      const [id] = (await resolveScheduleIds(rt, [given])) as [string];
      // A series is one-time schedules, so either kind shows it; a set is recurring schedules.
      if (isSeriesId(id) || (kind === 'recurring' && isSetId(id))) return printGroup(rt, id);
      const { item, paused } = await scheduleOrPaused(rt, kind, id);
      // A paused schedule's rule is in its saved copy, and it has no next fires until resumed.
      const intent = paused ? paused.intent : findIntent(await readRecordOrNothing(rt), item.id);
      const document = { ...withAdditions(item), ...(kind === 'recurring' ? recurringAdditions(item, intent, paused ? undefined : rt.now()) : {}) };
      await printDetailOf(rt.out, {
        document: paused ? { ...document, paused: true, paused_at: paused.paused_at } : document,
        quiet: [item.id],
        rows: () => detailRows(rt, kind, item, paused),
      });
    },
  });

/**
 * A recurring schedule's --json additions, the fields `recurring create --json` gives: the zone and local cron the
 * record keeps it at (else UTC and null), what it means on that clock, and its next fires (UTC; none without `now`).
 */
export function recurringAdditions(item: Pick<ScheduledMessage, 'schedule'>, intent: Intent | undefined, now: number | undefined) {
  const cron = item.schedule.cron_expression ?? '';
  const { timezone, local_cron } = clockOf(intent);
  let next_runs: string[] = [];
  try {
    if (now !== undefined) next_runs = nextRuns(cron, now, NEXT_RUNS_SHOWN).map((ms) => new Date(ms).toISOString());
  } catch {
    // A cron this tool cannot read (made elsewhere): the text says what Letta says, and so does next_scheduled_time.
  }
  return { timezone, local_cron, description: `${describeCron(local_cron ?? cron)} (${timezone})`, next_runs };
}

/** One schedule as labelled lines: its times in the user's zone and in UTC, what the record keeps it at, its set, its messages. */
async function detailRows(rt: Runtime, kind: ScheduleKind, item: ScheduledMessage, paused: PausedSchedule | undefined): Promise<DetailRow[]> {
  const zone = rt.zone();
  const next = shownNextRun(rt, item);
  const now = rt.io.stdoutIsTTY ? rt.now() : undefined;
  const rows: DetailRow[] = [
    ['ID', item.id],
    ['Agent', item.agent_id ?? ''],
    ['Type', kind],
  ];
  if (paused) rows.push(['Paused', () => `since ${bothZones(zone, Date.parse(paused.paused_at), 'paused_at', now)}; not on Letta. Resume with: letta-switchboard recurring resume ${item.id}`]);
  if (kind === 'one-time') rows.push(['Runs at', () => bothZones(zone, next.value, next.field, now)]);
  else {
    const cron = item.schedule.cron_expression ?? '';
    const local = cronInZone(cron, zone, rt.now());
    rows.push(['Cron', `${cron} (UTC)`], ['Means', () => `${describeCron(cron)} (UTC)`]);
    const kept = await keptAt(rt, item.id);
    if (kept) rows.push(['Kept at', kept]);
    const set = await setOf(rt, item.id);
    if (set) rows.push(['Set', set]);
    if (local && local !== cron.trim()) rows.push(['Local cron', `${local} (${zone})`], ['Local', () => `${describeCron(local)} (${zone})`]);
    if (!paused) rows.push(['Next run', () => bothZones(zone, next.value, next.field, now)]);
  }
  for (const message of item.message?.messages ?? []) rows.push(['Role', String(message.role)], ['Message', contentShown(message.content)]);
  return rows;
}

/** The schedule as Letta has it, else (a recurring id paused on this machine) its saved copy, marked paused. */
async function scheduleOrPaused(rt: Runtime, kind: ScheduleKind, id: string): Promise<{ item: ScheduledMessage; paused?: PausedSchedule }> {
  try {
    return { item: await findSchedule(rt, kind, id) };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const state = await readRecordOrNothing(rt);
    const paused = kind === 'recurring' ? findPaused(state, id) : undefined;
    if (paused) return { item: paused.schedule, paused };
    // Replaced here (an edit, a sync, a resume): the schedule that stands for it now.
    const successor = await successorInRecord(rt, id);
    if (successor !== undefined) return scheduleOrPaused(rt, kind, successor);
    throw error;
  }
}

/** What the record keeps a schedule at, "08:00 on weekdays, Europe/London (sync keeps it there across DST)", when it follows a local clock. */
async function keptAt(rt: Runtime, id: string): Promise<string | undefined> {
  const intent = findIntent(await readRecordOrNothing(rt), id);
  if (intent?.status === 'paused') {
    const kept = keptText({ ...intent, status: 'active' });
    return kept && `${kept} (resume makes it again at that time)`;
  }
  const kept = intent && keptText(intent);
  return kept && `${kept} (sync keeps it there across DST)`;
}

/** For one schedule of a set: the set and the schedules made with it, which fire beside it. */
async function setOf(rt: Runtime, id: string): Promise<string | undefined> {
  const state = await readRecordOrNothing(rt);
  const setId = findIntent(state, id)?.set_id;
  if (!setId) return undefined;
  const siblings = setMembers(state, setId)
    .filter((member) => member.schedule_id !== id)
    .map((member) => member.schedule_id);
  const others = siblings.length > 0 ? ` with ${siblings.join(', ')}` : '';
  return `${setId}${others}, made from '${findIntent(state, id)!.phrase}'; delete all of it with: letta-switchboard recurring delete ${setId}`;
}

/** A set or series id: what it was made from and each of its schedules (ids on stdout, one a line, with -q). */
async function printGroup(rt: Runtime, id: string): Promise<void> {
  const state = await readRecordOrNothing(rt);
  const series = findSeries(state, id);
  // Kept in the record for status's history, a deleted series is no more found here than by delete.
  if (series?.delete_unfinished === true) {
    throw new NotFoundError(
      `Series '${id}' was being deleted${series.status_at ? ` (${series.status_at})` : ''} and its delete was cut short: some of its schedules may still be on Letta`,
      `Finish it with: letta-switchboard recurring delete ${id}`,
    );
  }
  if (series && seriesEnded(series)) {
    const how = series.status === 'deleted' ? 'was deleted' : 'is gone from Letta (none of its schedules is left)';
    throw new NotFoundError(`Series '${id}' ${how}${series.status_at ? ` (${series.status_at})` : ''}`, 'List the series standing with: letta-switchboard recurring list');
  }
  const recorded = series ? [] : state.intents.filter((i) => i.set_id === id);
  if (!series && recorded.length === 0) throw new NotFoundError(`No set or series '${id}' in the record of intent`, 'List them with: letta-switchboard recurring list');
  // A set's schedules as they stand: one replaced (by sync or resume) is shown by its successor, and a set none of whose schedules stands is no more found than a series.
  const standing = recorded.filter((i) => i.status === 'active' || i.status === 'paused');
  if (!series && standing.length === 0) {
    const last = recorded.reduce((a, b) => ((b.status_at ?? '') > (a.status_at ?? '') ? b : a));
    const how = recorded.some((i) => i.status === 'deleted') ? 'was deleted' : 'is gone from Letta (none of its schedules is left)';
    throw new NotFoundError(`Set '${id}' ${how}${last.status_at ? ` (${last.status_at})` : ''}`, 'List the sets standing with: letta-switchboard recurring list');
  }
  const members = series
    ? series.members
        .filter((m) => !m.gone)
        .map((m) => ({
          id: m.schedule_id,
          when: m.instant,
          local: localAndUtc(rt.zone(), m.instant, 'instant').local,
          status: m.paused ? 'paused' : Date.parse(m.instant) > rt.now() ? 'waiting' : 'fired',
        }))
    : // A member a sync found deleted outside (gone) is still one of the set's crons, not firing: shown, as list counts it.
      recorded
        .filter((i) => i.status === 'active' || i.status === 'paused' || i.status === 'gone')
        .map((i) => ({ id: i.schedule_id, when: i.utc_crons?.[0] ?? '', local: ruleOnItsClock(i), status: i.status === 'gone' ? 'missing' : i.status }));
  const made = series ?? recorded[0]!;
  const out = rt.out;
  // The record says what should stand; Letta's list says what does: one deleted outside this tool is not firing.
  const missing = await missingFromLetta(
    rt,
    made.agent_id,
    members.filter((m) => m.status === 'active' || m.status === 'waiting').map((m) => m.id),
  );
  const shown = members.map((m) => (missing?.includes(m.id) ? { ...m, status: 'missing' } : m));
  const missingIds = shown.filter((m) => m.status === 'missing').map((m) => m.id);
  const recreate = `for all of it to fire again, delete ${id} and create it again`;
  // A set's schedule resumed on the machine that paused it is followed by sync here, when its record holds its
  // messages' fingerprint; a series' members are not.
  const followed = !series && missingIds.every((missingId) => recorded.find((i) => i.schedule_id === missingId)?.messages_key !== undefined);
  const remedy = !followed ? recreate : `paused there, ${missingIds.length === 1 ? 'it fires' : 'they fire'} again once resumed there (sync here follows it); else, ${recreate}`;
  if (missingIds.length > 0)
    out.warn(
      `${missingIds.length} of its ${members.length} schedules ${missingIds.length === 1 ? 'is' : 'are'} not on Letta (${whyNotOnLetta()}), not firing: ${missingIds.join(', ')}. ${remedy[0]!.toUpperCase()}${remedy.slice(1)}.`,
    );
  if (out.json)
    return out.document({
      id,
      kind: series ? 'series' : 'set',
      agent_id: made.agent_id,
      phrase: made.phrase,
      timezone: made.zone,
      status: series?.status,
      members: shown,
      missing_ids: missing === undefined ? null : missingIds,
    });
  if (out.quiet) return shown.forEach((m) => out.line(m.id));
  out.info(`${series ? 'Series' : 'Set'} ${id}: '${made.phrase}' (${made.zone}), agent ${made.agent_id}`);
  if (series?.status === 'paused') out.info(`Paused since ${series.paused_at}; not on Letta. Resume with: letta-switchboard recurring resume ${id}`);
  // Each member's time on a local clock beside Letta's UTC: a series member's instant on the user's clock, a set member's rule on the clock it keeps.
  for (const m of shown) out.line(`${m.id}\t${m.local}\t${m.when}\t${m.status}`);
}

/**
 * Which of `ids` the agent's schedule list on Letta lacks (one listing); undefined when Letta could not be read, said
 * on stderr, so the record's view is still shown.
 */
async function missingFromLetta(rt: Runtime, agentId: string, ids: string[]): Promise<string[] | undefined> {
  if (ids.length === 0) return [];
  try {
    const listed = new Set<string>();
    for await (const page of (await rt.api()).schedulePages(agentId)) for (const item of page) listed.add(item.id);
    return ids.filter((id) => !listed.has(id));
  } catch (error) {
    if (!(error instanceof CliError) || error instanceof InterruptedError) throw error;
    rt.out.warn(`Letta's list of the agent's schedules could not be read (${error.message}): shown from this machine's record alone, not checked against Letta.`);
    return undefined;
  }
}

/**
 * A set member's time on the clock it keeps ("09:00 on weekdays, America/New_York"), paused or not; a member of an
 * interval (kept on no clock) by its own UTC cron, since the set's phrase is no one member's time.
 */
function ruleOnItsClock(intent: Intent): string {
  const utc = intent.utc_crons?.[0] ?? '';
  return cronOnClock(intent.local_rule, intent.zone) ?? cronOnClock(utc, 'UTC') ?? `${utc} (UTC)`;
}
