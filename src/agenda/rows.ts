import { span } from '../output/when';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../time/names';
import { formatClock, formatDate, formatLocal, wallTime, zoneAbbreviation } from '../time/zone';
import type { Agenda, Fire, FireFlag, KeptClockChange, OffsetChange } from './fires';

const MINUTE = 60_000;
const SYNC_HINT = 'run letta-switchboard sync';
const STATUS_HINT = 'see letta-switchboard status';
const pad = (n: number) => String(n).padStart(2, '0');

export const AGENDA_HEADERS = ['LOCAL', 'UTC', 'AGENT', 'KIND', 'MESSAGE', 'SCHEDULE', 'NOTE'];

/** One fire as a row of text cells, in the order of AGENDA_HEADERS. */
export interface AgendaRow {
  local: string;
  utc: string;
  agent: string;
  kind: string;
  message: string;
  schedule: string;
  note: string;
}

/** How many instants each memo below keeps (per zone) before it starts afresh: memory stays flat however long the list. */
const REMEMBERED = 4096;

/**
 * A text of an instant in a zone, worked out once per instant: fires of a
 * hundred agents on one cron share every instant, and reading a zone's clock
 * and name costs more than the rest of a row.
 */
function perInstant(write: (zone: string, at: number) => string): (zone: string, at: number) => string {
  const zones = new Map<string, Map<number, string>>();
  return (zone, at) => {
    let texts = zones.get(zone);
    if (!texts) zones.set(zone, (texts = new Map()));
    let text = texts.get(at);
    if (text === undefined) {
      if (texts.size >= REMEMBERED) texts.clear();
      text = write(zone, at);
      texts.set(at, text);
    }
    return text;
  };
}

/** "Mon 2026-11-30 09:00 EST" */
export const localWithWeekday = perInstant((zone, at) => {
  const w = wallTime(zone, at);
  return `${WEEKDAY_NAMES[w.weekday]!.slice(0, 3)} ${w.year}-${pad(w.month)}-${pad(w.day)} ${formatClock(w.hour, w.minute)} ${zoneAbbreviation(zone, at)}`;
});

const utcTexts = perInstant((_, at) => `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`);

/** "2026-11-30 14:00 UTC" */
export function utcText(at: number): string {
  return utcTexts('UTC', at);
}

const isoTexts = perInstant((_, at) => new Date(at).toISOString());

/** "Monday 30 November 2026": the header of a day's rows on a terminal. */
export function dayHeader(zone: string, at: number): string {
  const w = wallTime(zone, at);
  return `${WEEKDAY_NAMES[w.weekday]} ${w.day} ${MONTH_NAMES[w.month - 1]} ${w.year}`;
}

/** The local calendar day of an instant, for grouping rows. */
export function dayKey(zone: string, at: number): string {
  const w = wallTime(zone, at);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

export function firstLine(text: string): string {
  return (
    text
      .split(/\r\n|\r|\n/)
      .find((line) => line.trim() !== '')
      ?.trim() ?? ''
  );
}

export function kindLabel(fire: Fire): string {
  if (fire.schedule.seriesId !== undefined) return 'series';
  if (fire.schedule.setId !== undefined) return 'set';
  return fire.schedule.kind;
}

/** What a flag says to a person reading the row. */
export function flagText(flag: FireFlag, zone: string, at: number): string {
  switch (flag.type) {
    case 'dst-shift': {
      const before = wallTime(zone, at - (flag.offsetAfter - flag.offsetBefore) * MINUTE);
      const after = wallTime(zone, at);
      // Recorded on this clock, it is replaced by sync at the change (the row shows Letta's cron as it stands).
      return `${flag.seasonal ? 'DST' : 'an offset change for good'} moved it: ${formatClock(after.hour, after.minute)}, was ${formatClock(before.hour, before.minute)}${flag.keptBySync ? `; sync puts it back at ${formatClock(before.hour, before.minute)}` : ''}`;
    }
    case 'wrong-local-time': {
      const fires = wallTime(flag.zone, at);
      const asked = wallTime(flag.zone, flag.askedAt);
      return `wrong local time: ${formatClock(fires.hour, fires.minute)}${flag.zone === zone ? '' : ` in ${flag.zone}`}, made for ${formatClock(asked.hour, asked.minute)} (${SYNC_HINT})`;
    }
    case 'kept-clock-shift': {
      const synced = wallTime(zone, flag.syncedAt);
      const shown = wallTime(zone, at);
      return `${flag.seasonal ? 'DST' : 'an offset change for good'} in ${flag.zone} moves it: ${formatClock(synced.hour, synced.minute)} here once sync keeps it on that clock, not ${formatClock(shown.hour, shown.minute)}`;
    }
    case 'same-minute':
      return `${flag.count} fires of this agent this minute`;
    case 'overdue':
      return 'time passed, still scheduled';
    case 'paused':
      // The day on the agenda's clock, as every other time in the row ("2026-12-06T00:18Z" is 5 December in New York).
      return `paused since ${Number.isFinite(Date.parse(flag.since)) ? formatDate(wallTime(zone, Date.parse(flag.since))) : flag.since.slice(0, 10)}`;
    case 'stuck':
      return `stuck: Letta's next run ${formatLocal(zone, flag.since)} is long past, so it may not fire (${STATUS_HINT})`;
    case 'outcome':
      return outcomeFlagText(flag);
  }
}

function outcomeFlagText(flag: Extract<FireFlag, { type: 'outcome' }>): string {
  const delay = flag.delaySeconds === undefined ? '' : `sent ${flag.delaySeconds < 0 ? '-' : '+'}${span(flag.delaySeconds * 1000)}`;
  const details = [delay, flag.stopReason ?? ''].filter(Boolean).join(', ');
  if (flag.class === 'missed') return 'missed: nothing sent';
  if (flag.class === 'unknown') return flag.error === undefined ? 'outcome unknown: no history on this server' : `outcome unknown: its fires could not be read (${flag.error})`;
  const said = details ? `${flag.class} (${details})` : flag.class;
  // Judged on the history's word: how its run ended is not known.
  return flag.runError === undefined ? said : `${said}; how it ended is unknown: its run could not be read (${flag.runError})`;
}

export function agendaRow(fire: Fire, zone: string): AgendaRow {
  return {
    local: localWithWeekday(zone, fire.at),
    utc: utcText(fire.at),
    agent: fire.schedule.agentName,
    kind: kindLabel(fire),
    message: firstLine(fire.schedule.text),
    schedule: fire.schedule.id,
    note: fire.flags.map((flag) => flagText(flag, zone, fire.at)).join('; '),
  };
}

export function rowCells(row: AgendaRow): string[] {
  return [row.local, row.utc, row.agent, row.kind, row.message, row.schedule, row.note];
}

/** The JSON form of one fire: the API's field names where there is one. */
export function fireJson(fire: Fire, zone: string) {
  const schedule = fire.schedule;
  return {
    at: isoTexts('UTC', fire.at),
    local: localWithWeekday(zone, fire.at),
    timezone: zone,
    schedule_id: schedule.id,
    agent_id: schedule.agentId,
    agent_name: schedule.agentName,
    kind: kindLabel(fire),
    ...(schedule.cron === undefined ? {} : { cron_expression: schedule.cron }),
    ...(schedule.seriesId === undefined ? {} : { series_id: schedule.seriesId }),
    ...(schedule.setId === undefined ? {} : { set_id: schedule.setId }),
    message: firstLine(schedule.text),
    paused: schedule.pausedSince !== undefined,
    flags: fire.flags.map((flag) => ({ ...flagJson(flag), text: flagText(flag, zone, fire.at) })),
  };
}

/** A flag's fields under the names `status --json` gives the same facts. */
function flagJson(flag: FireFlag): Record<string, unknown> {
  switch (flag.type) {
    case 'dst-shift':
      return { type: flag.type, offset_before_minutes: flag.offsetBefore, offset_after_minutes: flag.offsetAfter, kept_by_sync: flag.keptBySync, seasonal: flag.seasonal };
    case 'wrong-local-time':
      return { type: flag.type, zone: flag.zone, local_rule: flag.localRule, expected_cron: flag.expectedCron };
    case 'kept-clock-shift':
      return { type: flag.type, zone: flag.zone, seasonal: flag.seasonal, synced_at: new Date(flag.syncedAt).toISOString() };
    case 'stuck':
      return { type: flag.type, stuck_since: new Date(flag.since).toISOString() };
    case 'outcome':
      return {
        type: flag.type,
        class: flag.class,
        delay_seconds: flag.delaySeconds ?? null,
        stop_reason: flag.stopReason ?? null,
        error: flag.error ?? null,
        ...(flag.runError === undefined ? {} : { run_error: flag.runError }),
      };
    default:
      return flag;
  }
}

/** "Sun 2027-03-14 at 02:00 EST": the wall clock just as it changes, read with the offset before the change. */
function changeMoment(change: { at: number; before: number }, zone: string): string {
  const clock = new Date(change.at + change.before * MINUTE);
  const weekday = WEEKDAY_NAMES[clock.getUTCDay()]!.slice(0, 3);
  return `${weekday} ${clock.toISOString().slice(0, 10)} at ${clock.toISOString().slice(11, 16)} ${zoneAbbreviation(zone, change.at - MINUTE)}`;
}

/** The note about one offset change in the window: when the clocks move and which schedules move with them. */
export function offsetChangeNote(change: OffsetChange, zone: string): string {
  const shift = change.after - change.before;
  const amount = formatDuration(Math.abs(shift));
  const direction = shift > 0 ? 'forward' : 'back';
  const when = changeMoment(change, zone);
  const moved = change.movedScheduleIds.length;
  const other = change.otherClockIds.length;
  const later = `${amount} ${shift > 0 ? 'later' : 'earlier'}`;
  const effect =
    moved === 0
      ? `no recurring schedule in this agenda ${other > 0 ? 'that keeps this clock ' : ''}moves with it.`
      : `${moved} recurring schedule${moved === 1 ? '' : 's'} (${change.movedScheduleIds.join(', ')}) fire${moved === 1 ? 's' : ''} ${later} in local time from then on, because Letta reads crons in UTC${keptNote(change.keptBySyncIds, moved)}.`;
  const others =
    other === 0
      ? ''
      : ` ${other} that keep${other === 1 ? 's' : ''} UTC or another zone's time (${change.otherClockIds.join(', ')}) fire${other === 1 ? 's' : ''} ${later} here from then on, as ${other === 1 ? 'it keeps' : 'they keep'} that time.`;
  return `Clocks in ${zone} go ${direction} ${amount}${change.seasonal ? '' : ' for good'} on ${when}: ${effect}${others}`;
}

/** The note about another zone's change that moves schedules kept on its clock on the reader's. */
export function keptClockChangeNote(change: KeptClockChange, zone: string): string {
  const shift = change.after - change.before;
  const moved = change.movedScheduleIds.length;
  return (
    `Clocks in ${change.zone} go ${shift > 0 ? 'forward' : 'back'} ${formatDuration(Math.abs(shift))}${change.seasonal ? '' : ' for good'} on ${changeMoment(change, change.zone)}: ` +
    `${moved} recurring schedule${moved === 1 ? '' : 's'} kept on that clock (${change.movedScheduleIds.join(', ')}) fire${moved === 1 ? 's' : ''} at another time in ${zone} from then on, ` +
    `once sync replaces ${moved === 1 ? 'it' : 'each'} to keep ${moved === 1 ? 'its' : 'their'} local time there (run it hourly: letta-switchboard sync --print-cron).`
  );
}

/** Which of the moved schedules sync puts back on their local time (it replaces each at the change). */
function keptNote(kept: string[], moved: number): string {
  if (kept.length === 0) return '';
  const which = kept.length === moved ? (moved === 1 ? 'it' : 'each') : kept.join(', ');
  return `, until sync replaces ${which} to keep ${kept.length === 1 ? 'its' : 'their'} local time (run it hourly: letta-switchboard sync --print-cron)`;
}

function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (rest === 0) return `${hours} hour${hours === 1 ? '' : 's'}`;
  if (hours === 0) return `${rest} minutes`;
  return `${hours}h${pad(rest)}`;
}

/** Every note the agenda should print below its rows (on stderr). */
export function agendaNotes(agenda: Agenda, zone: string): string[] {
  return [
    ...wrongLocalTimeNotes(agenda),
    ...agenda.offsetChanges.map((change) => offsetChangeNote(change, zone)),
    ...agenda.keptClockChanges.map((change) => keptClockChangeNote(change, zone)),
    ...agenda.truncated.map(({ scheduleId, shown }) => `Only the first ${shown} fires of ${scheduleId} are shown.`),
    ...(agenda.cut ? [cutNote(agenda.cut, zone)] : []),
    ...agenda.unreadable.map(({ scheduleId, reason }) => `Schedule ${scheduleId} has a cron this tool cannot read (${reason}); its fires are not shown.`),
  ];
}

/** One line per schedule whose fires are off the local time it keeps, in the words `status` uses for it. */
function wrongLocalTimeNotes(agenda: Agenda): string[] {
  const seen = new Set<string>();
  const notes: string[] = [];
  for (const fire of agenda.fires) {
    const flag = fire.flags.find((one) => one.type === 'wrong-local-time');
    if (!flag || seen.has(fire.schedule.id)) continue;
    seen.add(fire.schedule.id);
    notes.push(`${fire.schedule.id} fires at the wrong local time (${fire.schedule.cron} UTC; ${flag.expectedCron} keeps ${flag.localRule} in ${flag.zone}): ${SYNC_HINT}`);
  }
  return notes;
}

/** The window held more fires than the agenda lists in all. */
export function cutNote({ shown, next }: NonNullable<Agenda['cut']>, zone: string): string {
  return `Only the first ${shown.toLocaleString('en-US')} fires are shown: the agenda is complete until ${formatLocal(zone, next)}. For later ones, narrow the window (--days, --until) or the agents (--agent-id).`;
}
