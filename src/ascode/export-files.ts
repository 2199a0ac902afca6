import { CliError } from '../errors';
import { contentText, ROLES, scheduleKind, type Role, type ScheduledMessage } from '../letta/types';
import { currentId, type Intent, type Series, type State } from '../state/records';
import { carriedBody, type MemberBody } from '../sync/carry';
import { followsLocalClock } from '../sync/plan';
import { meaningOf, meaningOfSchedule, type PhraseMeaning, type PhraseOptions } from '../time/index';
import { describePlainCron } from '../time/describe-cron';
import { wallTime } from '../time/zone';
import { untilInstant } from '../commands/shared/create-series';
import { isFileNumber, writeScheduleFile, type ScheduleFile } from './file-format';
import type { LockEntry } from './lock-file';
import { compareText } from '../text-order';

/** One file `export` writes, and what the lock file records for it. */
export interface ExportedFile {
  name: string;
  text: string;
  entry: LockEntry;
}

export interface ExportInput {
  now: number;
  /** Each agent's schedules as listed. */
  letta: Map<string, ScheduledMessage[]>;
  /** How each agent is named in the files (its name where that is unique, else its id). */
  labels: Map<string, string>;
  /** How a file there already names its agent, when it names this one (so exporting again does not rewrite it): none else. */
  keptLabel?: (file: string, agentId: string) => string | undefined;
  /** The record of intent (empty when there is none). */
  state: State;
  /** The lock file's entries for this server, so a schedule exported again keeps its file name. */
  entries: Record<string, LockEntry>;
}

export interface ExportResult {
  files: ExportedFile[];
  /** Schedules no file can say (several messages, images, message fields a file has no key for). */
  skipped: Array<{ id: string; agent_id: string; reason: string }>;
}

type Fields = Omit<ScheduleFile, 'lines' | 'agent'>;

/**
 * Every schedule as a file: the phrase and zone from the lock file where it
 * owns the schedule, else from the record of intent where it is known (a set
 * is one file, a series one file), else the UTC
 * cron or instant with `timezone: UTC`. Names come from the message's first
 * words, kept from the lock file where it already names the schedule, and
 * made unique. Pure: no I/O.
 */
export async function exportFiles({ now, letta, labels, keptLabel, state, entries }: ExportInput): Promise<ExportResult> {
  const skipped: ExportResult['skipped'] = [];
  const drafts: Array<{ agent_id: string; ids: string[]; fields: Fields; entry: Omit<LockEntry, 'ids' | 'agent_id'> }> = [];
  for (const [agentId, schedules] of [...letta.entries()].sort(([a], [b]) => compareText(a, b))) {
    const byId = new Map(schedules.map((item) => [item.id, item]));
    const done = new Set<string>();

    // Files the lock file already knows: their own phrase, zone and end, so exporting a folder's schedules again writes them as they were.
    const ownedByOthers = new Set(Object.values(entries).flatMap((e) => e.ids));
    for (const entry of Object.values(entries).filter((e) => e.agent_id === agentId)) {
      // An owned schedule an edit replaced here (its message changed) is the file's through its successor, while its `when` still says it.
      const owned = entry.ids.map((id) => (byId.has(id) ? id : currentId(state, id)));
      const crons = owned.some((id, k) => id !== entry.ids[k]) ? await cronsOf(entry, now) : [];
      const ids = owned.filter((id, k) => byId.has(id) && !done.has(id) && (id === entry.ids[k] || crons.includes(byId.get(id)!.schedule.cron_expression ?? '')));
      if (ids.length === 0) continue;
      const body = bodyFields(byId.get(ids[0]!)!);
      if (typeof body === 'string') continue;
      const series = entry.series && state.series.find((one) => one.members.some((m) => m.schedule_id === ids[0]));
      // The members a sync made since the last export are this file's too, never a second file of the same series.
      if (series)
        ids.push(
          ...series.members
            .filter((m) => m.gone !== true && byId.has(m.schedule_id) && !done.has(m.schedule_id) && !ids.includes(m.schedule_id) && !ownedByOthers.has(m.schedule_id))
            .map((m) => m.schedule_id),
        );
      ids.forEach((id) => done.add(id));
      const { ids: _ids, agent_id: _agent, pending: _pending, retiring: _retiring, ...kept } = entry;
      // A member of a recorded series deleted since (`onetime delete`) is left out of the file's series, as a first export leaves it.
      const skip = series ? seriesEntry(series, now).series!.skip : undefined;
      if (kept.series && skip) kept.series = { ...kept.series, skip: [...new Set([...(kept.series.skip ?? []), ...skip])].sort((a, b) => a - b) };
      const end = entry.series ? await endLines(entry.series.until, entry.series.count, entry.timezone, now) : {};
      if (kept.series) kept.series = { ...kept.series, lines: end };
      drafts.push({ agent_id: agentId, ids, fields: { ...body, when: entry.when, timezone: entry.timezone, ...end }, entry: kept });
    }

    for (const series of state.series.filter((s) => s.status === 'active' && s.agent_id === agentId)) {
      // Its fired members Letta still lists are the series' too: one file, never one past instant a file.
      const members = series.members.filter((m) => byId.has(m.schedule_id) && !done.has(m.schedule_id)).map((m) => m.schedule_id);
      if (members.length === 0) continue;
      const body = bodyFields(byId.get(members[0]!)!);
      members.forEach((id) => done.add(id));
      if (typeof body === 'string') {
        skipped.push(...members.map((id) => ({ id, agent_id: agentId, reason: body })));
        continue;
      }
      const when = (await repeatingWhen(series.phrase, { now, zone: series.zone })) ?? series.phrase;
      const end = await endLines(series.until === undefined ? undefined : Date.parse(series.until), series.count, series.zone, now);
      const entry = seriesEntry(series, now);
      drafts.push({ agent_id: agentId, ids: members, fields: { ...body, when, timezone: series.zone, ...end }, entry: { ...entry, when, series: { ...entry.series!, lines: end } } });
    }

    const intents = new Map(state.intents.filter((i) => i.status === 'active' && i.agent_id === agentId).map((i) => [i.schedule_id, i]));
    const sets = await setsOf(
      schedules.filter((item) => !done.has(item.id) && intents.get(item.id)?.kind === 'recurring'),
      intents,
      now,
    );
    for (const set of sets) {
      const body = bodyFields(set.items[0]!);
      set.items.forEach((item) => done.add(item.id));
      if (typeof body === 'string') {
        skipped.push(...set.items.map((item) => ({ id: item.id, agent_id: agentId, reason: body })));
        continue;
      }
      const when = (await repeatingWhen(set.phrase, { now, zone: set.zone })) ?? set.phrase;
      drafts.push({ agent_id: agentId, ids: set.items.map((item) => item.id), fields: { ...body, when, timezone: set.zone }, entry: { when, timezone: set.zone } });
    }

    for (const item of [...schedules].sort((a, b) => compareText(a.id, b.id))) {
      if (done.has(item.id)) continue;
      const body = whenProblem(item) ?? bodyFields(item);
      if (typeof body === 'string') {
        skipped.push({ id: item.id, agent_id: agentId, reason: body });
        continue;
      }
      const when = await whenOf(item, intents.get(item.id), now);
      drafts.push({ agent_id: agentId, ids: [item.id], fields: { ...body, ...when.fields }, entry: when.entry });
    }
  }

  const names = new Set<string>();
  const owner = new Map<string, string>();
  // An owned id an edit or sync replaced here is owned through its successor: exported again under the same file's name.
  for (const [name, entry] of Object.entries(entries))
    for (const id of entry.ids) {
      owner.set(id, name);
      const latest = currentId(state, id);
      if (latest !== id && !owner.has(latest)) owner.set(latest, name);
    }
  // Names the lock file already gives are kept first, so exporting again moves nothing.
  const named = drafts.map((draft) => draft.ids.map((id) => owner.get(id)).find((name) => name !== undefined && !names.has(name) && names.add(name)));
  const files = drafts.map((draft, i) => {
    const name = named[i] ?? uniqueName(slug(draft.fields.message), names);
    const text = writeScheduleFile({ agent: keptLabel?.(name, draft.agent_id) ?? labels.get(draft.agent_id) ?? draft.agent_id, ...draft.fields });
    return { name, text, entry: { agent_id: draft.agent_id, ...draft.entry, ids: draft.ids } };
  });
  return { files: files.sort((a, b) => compareText(a.name, b.name)), skipped };
}

/**
 * A series' `until:` and `count:` lines, its end written as a person would: the day (its whole day on the file's clock),
 * else the minute on that clock, whichever reads back as the same instant, else the instant in UTC. The lock file keeps
 * them as the file's lines, so a plan after export reads the series as it stands.
 */
async function endLines(until: number | undefined, count: number | undefined, zone: string, now: number): Promise<{ until?: string; count?: number }> {
  return { ...(until === undefined ? {} : { until: await untilLine(until, zone, now) }), ...(count === undefined ? {} : { count }) };
}

async function untilLine(until: number, zone: string, now: number): Promise<string> {
  const wall = wallTime(zone, until);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
  for (const text of [day, `${day} ${pad(wall.hour)}:${pad(wall.minute)}`]) {
    if ((await quietly(untilInstant(text, { now, zone }))) === until) return text;
  }
  return new Date(until).toISOString();
}

/** Why a schedule's time cannot be written as `when` (an unknown type, a one-time with no instant, a recurring with no cron), if it cannot. */
function whenProblem(item: ScheduledMessage): string | undefined {
  const { scheduled_at: at, cron_expression: cron } = item.schedule;
  if (scheduleKind(item) === 'one-time' ? typeof at !== 'number' || !Number.isFinite(at) : typeof cron !== 'string' || cron.trim() === '') {
    return 'its schedule has no instant or cron this tool can read';
  }
  return undefined;
}

/** The message and fields of a schedule as file keys, or why a file cannot say them. */
function bodyFields(item: ScheduledMessage): Omit<Fields, 'when' | 'timezone'> | string {
  const body: MemberBody = carriedBody(item);
  const messages = item.message.messages;
  if (messages.length !== 1) return `it sends ${messages.length} messages; a file holds one`;
  const message = messages[0]!;
  const extra = Object.keys(body.messages[0] as object).filter((key) => key !== 'role' && key !== 'content');
  if (extra.length > 0) return `its message has ${extra.join(', ')}, which a file cannot say`;
  if (
    typeof message.content !== 'string' &&
    !(Array.isArray(message.content) && message.content.every((part) => (part as { type?: string }).type === undefined || (part as { type?: string }).type === 'text'))
  ) {
    return 'its message is not only text';
  }
  const text = contentText(message.content).trim();
  if (text === '') return 'its message is empty';
  const role = (ROLES as readonly string[]).includes(message.role) ? (message.role as Role) : undefined;
  if (!role) return `its role '${String(message.role)}' is not one a file can say`;
  if (body.max_steps !== undefined && !isFileNumber(body.max_steps)) return `its max_steps ${String(body.max_steps)} is not one a file can say (1 to 10000)`;
  return {
    message: text,
    ...(role === 'user' ? {} : { role }),
    ...(body.max_steps === undefined ? {} : { max_steps: body.max_steps }),
    ...(body.callback_url === undefined ? {} : { callback_url: body.callback_url }),
    ...(body.include_return_message_types === undefined ? {} : { include_return_message_types: body.include_return_message_types }),
  };
}

export function seriesEntry(series: Series, now: number): Omit<LockEntry, 'ids' | 'agent_id'> {
  const until = series.until === undefined ? undefined : Date.parse(series.until);
  // Members deleted on purpose or gone from Letta, still ahead: the file's series leaves them out, as sync does.
  const skipped = series.members.filter((m) => m.gone && Date.parse(m.instant) > now).map((m) => Date.parse(m.instant));
  return {
    when: series.phrase,
    timezone: series.zone,
    series: {
      rule: series.rule,
      zone: series.zone,
      ...(series.series_rule === undefined ? {} : { series_rule: series.series_rule }),
      started: Date.parse(series.created_at),
      ...(until === undefined ? {} : { until }),
      ...(series.count === undefined ? {} : { count: series.count }),
      ...(skipped.length === 0 ? {} : { skip: skipped }),
    },
  };
}

/**
 * Recurring schedules made together from one phrase that needs several crons:
 * kept together as one file when the phrase still reads as exactly their crons.
 */
async function setsOf(items: ScheduledMessage[], intents: Map<string, Intent>, now: number): Promise<Array<{ phrase: string; zone: string; items: ScheduledMessage[] }>> {
  const groups = new Map<string, ScheduledMessage[]>();
  for (const item of items) {
    const intent = intents.get(item.id)!;
    const key = JSON.stringify([intent.phrase, intent.zone, carriedBody(item)]);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const sets = [];
  for (const [key, members] of groups) {
    if (members.length < 2) continue;
    const [phrase, zone] = JSON.parse(key) as [string, string];
    const meaning = await meaningOfSchedule(phrase, { now, zone }, 1).catch((error: unknown) => {
      if (error instanceof CliError) return undefined;
      throw error;
    });
    const crons = meaning?.type === 'recurring' ? (meaning.cron_expressions ?? []) : [];
    const have = members.map((item) => item.schedule.cron_expression ?? '');
    // Between a DST change and the sync after it, the members' UTC crons are the old ones: their local rules still say the set.
    const locals = meaning?.type === 'recurring' ? (meaning.crons ?? []).map((one) => one.local_cron ?? one.cron_expression) : [];
    const rules = members.map((item) => intents.get(item.id)!.local_rule);
    if (crons.length === members.length && crons.every((cron) => have.includes(cron))) {
      sets.push({ phrase, zone, items: [...members].sort((a, b) => crons.indexOf(a.schedule.cron_expression ?? '') - crons.indexOf(b.schedule.cron_expression ?? '')) });
    } else if (locals.length === members.length && locals.every((rule) => rules.includes(rule))) {
      const order = (item: ScheduledMessage) => locals.indexOf(intents.get(item.id)!.local_rule);
      sets.push({ phrase, zone, items: [...members].sort((a, b) => order(a) - order(b)) });
    }
  }
  return sets;
}

/**
 * The UTC crons a lock entry's `when` reads as, in its zone, now and in mid-winter and mid-summer of this year (either side
 * of a DST change, where a schedule made before it still is until apply replaces it); none for a one-time or series entry,
 * or a `when` now refused.
 */
async function cronsOf(entry: LockEntry, now: number): Promise<string[]> {
  if (entry.series !== undefined || entry.at !== undefined) return [];
  const crons: string[] = [];
  const year = new Date(now).getUTCFullYear();
  for (const at of [now, Date.UTC(year, 0, 15), Date.UTC(year, 6, 15)]) {
    const meaning = await quietly(meaningOfSchedule(entry.when, { now: at, zone: entry.timezone }, 1));
    if (meaning?.type === 'recurring') crons.push(...(meaning.cron_expressions ?? [meaning.cron_expression]));
  }
  return crons;
}

/** `when` and zone for one schedule: its recorded phrase when that still reads as it (or as its local time after a DST change), else its UTC cron or instant. */
async function whenOf(item: ScheduledMessage, intent: Intent | undefined, now: number): Promise<{ fields: Pick<Fields, 'when' | 'timezone'>; entry: Omit<LockEntry, 'ids' | 'agent_id'> }> {
  const plain = (when: string, timezone: string, at?: number) => ({ fields: { when, timezone }, entry: { when, timezone, ...(at === undefined ? {} : { at }) } });
  if (scheduleKind(item) === 'one-time') {
    const at = item.schedule.scheduled_at ?? 0;
    const zone = intent?.zone ?? 'UTC';
    const wall = wallTime(zone, at);
    const onMinute = at % 60_000 === 0 && zone !== 'UTC';
    const pad = (n: number) => String(n).padStart(2, '0');
    return onMinute ? plain(`${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}`, zone, at) : plain(new Date(at).toISOString(), 'UTC', at);
  }
  const cron = item.schedule.cron_expression ?? '';
  if (intent && intent.kind === 'recurring') {
    const options = { now, zone: intent.zone };
    const meaning = await quietly(meaningOfSchedule(intent.phrase, options, 1));
    const single = meaning?.type === 'recurring' && meaning.cron_expressions === undefined;
    const onClock = followsLocalClock(intent);
    // One schedule of a set, in a file of its own (its set no longer whole): its phrase makes the whole set, so its own local rule is said.
    const alone = onClock && !single && intent.set_id !== undefined;
    // A raw cron kept on another zone's clock (an adopted schedule's phrase) says UTC, not that clock: the local rule is said in words instead.
    const phrase = alone || (onClock && single && meaning.local_cron === null && intent.zone !== 'UTC') ? describePlainCron(intent.local_rule) : intent.phrase.trim();
    const when = (alone || (single && (meaning.cron_expression === cron || onClock))) && phrase !== undefined ? await repeatingWhen(phrase, options) : undefined;
    const readBack = when === undefined || !onClock ? undefined : await quietly(meaningOfSchedule(when, options, 1));
    if (when && (!onClock || (readBack?.type === 'recurring' && readBack.local_cron === intent.local_rule))) return plain(when, intent.zone);
  }
  return plain(cron, 'UTC');
}

/** A reading, or undefined when the phrase is refused. */
function quietly<T>(reading: Promise<T>): Promise<T | undefined> {
  return reading.catch((error: unknown) => {
    if (error instanceof CliError) return undefined;
    throw error;
  });
}

/** What a repeating reading says, to tell two readings apart: its crons, or its series rule. */
function readingOf(meaning: PhraseMeaning | undefined): string | undefined {
  if (meaning === undefined || meaning.type === 'one-time') return undefined;
  return JSON.stringify(meaning.type === 'series' ? ['series', meaning.rule] : ['recurring', meaning.cron_expressions ?? [meaning.cron_expression]]);
}

/**
 * A repeating phrase written so a file reads it back as `recurring create` read it. A file
 * reads `when` as `parse` does, where "monday at 9am" or "first monday of the month at 9am"
 * is one instant: the phrase as it is, else with "every", "every day" or "every month" before
 * it, whichever reads back the same; undefined when none does.
 */
async function repeatingWhen(phrase: string, options: PhraseOptions): Promise<string | undefined> {
  const meant = readingOf(await quietly(meaningOfSchedule(phrase, options, 1)));
  if (meant === undefined) return undefined;
  // "at noon" reads best as "every day at noon", "on the 1st at 9am" as "every month on the 1st at 9am", "monday at 9am" as "every monday at 9am".
  const first = /^(?:at\b|\d)/i.test(phrase) ? 'every day' : /^(?:on )?the \d/i.test(phrase) ? 'every month' : 'every';
  const tries = [first, 'every', 'every day', 'every month'].filter((word, i, all) => all.indexOf(word) === i).map((word) => `${word} ${phrase}`);
  for (const when of [phrase, ...tries]) {
    if (readingOf(await quietly(meaningOf(when, options, 1))) === meant) return when;
  }
  return undefined;
}

/** The message's first few words as a file name: lower case, letters and digits, dashes between. */
export function slug(message: string): string {
  const words = message
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 5);
  let name = '';
  for (const word of words) {
    if (name && name.length + word.length + 1 > 40) break;
    name = name ? `${name}-${word}` : word.slice(0, 40);
  }
  // README.md is the folder's own text, read by no plan.
  return name === 'readme' ? 'readme-schedule' : name || 'schedule';
}

function uniqueName(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.md` : `${base}-${n}.md`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
