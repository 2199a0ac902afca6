import { createHash } from 'node:crypto';
import type { ScheduledMessage } from '../letta/types';
import { contentText } from '../letta/types';
import { carriedBody, replacementBody, type FullScheduleBody } from '../sync/carry';
import { currentSchedule } from '../sync/same-schedule';
import { LEAD_MS } from '../sync/series';
import { cronInZone } from '../commands/shared/schedule';
import type { Desired } from './desired';
import type { LockEntry } from './lock-file';
import { compareText } from '../text-order';

export type ChangeKind = 'create' | 'replace' | 'top-up' | 'delete' | 'unchanged';

/** One field that differs between what the server has and what the file says. */
export interface FieldChange {
  field: 'cron' | 'time' | 'message' | 'role' | 'agent' | 'callback_url' | 'max_steps' | 'include_return_message_types' | 'schedules';
  from: string | null;
  to: string | null;
  /** cron: each side on the zone's clock. */
  from_local?: string | null;
  to_local?: string | null;
}

export interface OwnedId {
  agent_id: string;
  id: string;
}

/** What apply does for one file, in order: create, read back, then delete. */
export interface Change {
  file: string;
  kind: ChangeKind;
  agent_id: string;
  /** Bodies to create (on `agent_id`). */
  create: FullScheduleBody[];
  /** Schedules an interrupted apply created without recording them, found on the server: recorded, not created again. */
  adopt: string[];
  /** Owned schedules that stay as they are. */
  keep: string[];
  /** Owned schedules to delete, once every create has been read back. */
  delete: OwnedId[];
  diff: FieldChange[];
  /** What the lock file holds for the file afterwards (ids filled in by apply); undefined when the file is gone. */
  entry?: Omit<LockEntry, 'ids'>;
  /** The lock file's entry changes even when the server does not (ids of fired or vanished schedules dropped). */
  relock: boolean;
  /** The file is gone from the folder (its schedules deleted, or taken by a new file that says them: a rename). */
  removed?: true;
  /** The guesses made reading the file's `when`, for a create or replace: said as it is planned and applied. */
  notes: string[];
  /**
   * What `recurring resume` takes to bring back the file's schedules paused on this machine: the file is left as it is meanwhile;
   * of a removed file (a `delete`), their saved copies are dropped.
   */
  paused?: string[];
}

/**
 * A listed schedule as the plan compares it: its id, its instant (one-time) and its body's fingerprint. Its body is held
 * only when no file wants that body (it can then only be the old side of a change); one a file wants is that file's.
 */
export interface Listed {
  id: string;
  scheduled_at?: number;
  key: string;
  body?: FullScheduleBody;
}

/** Each agent's listed schedules, by id. */
export type Listing = Map<string, Map<string, Listed>>;

/** The bodies the files want, by fingerprint. */
export function wantedBodies(desired: Desired[]): Map<string, FullScheduleBody> {
  const wanted = new Map<string, FullScheduleBody>();
  for (const want of desired) for (const body of want.bodies) wanted.set(bodyKey(body), body);
  return wanted;
}

/** A listed schedule held for planning against the bodies the files want. */
export function listedOf(item: ScheduledMessage, wanted: Map<string, FullScheduleBody>): Listed {
  const body = bodyOf(item);
  const key = bodyKey(body);
  const listed: Listed = { id: item.id, key };
  if (item.schedule.scheduled_at !== undefined) listed.scheduled_at = item.schedule.scheduled_at;
  if (!wanted.has(key)) listed.body = body;
  return listed;
}

export interface PlanInput {
  now: number;
  /** The files read, each resolved to what should exist. */
  desired: Desired[];
  /** The lock file's entries for this server. */
  entries: Record<string, LockEntry>;
  /** Files that could not be read: their entries are left alone, never deleted. */
  failed: Set<string>;
  /** True when the whole folder was read (a single file given with -f plans only that file: no deletes). */
  wholeFolder: boolean;
  /** Each agent's schedules, by id: one list per agent (`listedOf` each, against the same files' bodies). */
  letta: Listing;
  /** `wantedBodies` of `desired`, when the caller has it (made here only if a listed schedule needs its body). */
  wanted?: Map<string, FullScheduleBody>;
  /** From the record of intent: an owned id that `sync` or `edit` replaced on this machine → its successor's id. */
  successors?: Map<string, string>;
  /** From the record of intent: owned ids paused on this machine, each with the id that resumes it (its own, or its series'). */
  paused?: Map<string, string>;
  /** Of those paused alone (not in a series), the fingerprint of the saved copy (`pausedKey`), so a renamed file takes them as they are. */
  pausedKeys?: Map<string, string>;
  /** Listed ids the lock file gives to files still in the folder but outside `entries` (a plan made a window of files at a time). */
  ownedOutside?: ReadonlySet<string>;
  /** Schedules files took so far (found on Letta, or a removed file's said exactly): added to as this plan's files take more. */
  taken?: Set<string>;
  /** Removed files outside `entries` whose schedules are all paused here (their fingerprints in `pausedKeys`). */
  pausedLeaving?: ReadonlyArray<[string, LockEntry]>;
}

/**
 * What `apply` has to do to make the server match the files, file by file
 * in name order. Pure: the same input gives the same plan, and planning
 * against the result of applying a plan gives no change.
 */
export function planChanges({
  now,
  desired,
  entries,
  failed,
  wholeFolder,
  letta,
  wanted: given,
  successors = new Map(),
  paused = new Map(),
  pausedKeys = new Map(),
  ownedOutside = new Set(),
  taken = new Set(),
  pausedLeaving: pausedOutside = [],
}: PlanInput): Change[] {
  const owned = new Set([...Object.values(entries).flatMap((entry) => [...entry.ids, ...(entry.retiring ?? []).map((r) => r.id)]), ...ownedOutside]);
  let wanted = given;
  const bodyOfListed = (item: Listed) => item.body ?? (wanted ??= wantedBodies(desired)).get(item.key)!;
  const changes: Change[] = [];
  const present = new Set(desired.map((d) => d.name));
  // A removed file's schedules: a new file that says one exactly takes it (a file renamed) rather than make it again beside it.
  const leaving = new Set(wholeFolder ? Object.entries(entries).flatMap(([name, entry]) => (present.has(name) || failed.has(name) ? [] : entry.ids)) : []);
  // A removed file whose schedules are all paused here: a new file that says exactly them is that file renamed.
  const pausedLeaving = [
    ...(leaving.size === 0 ? [] : Object.entries(entries).filter(([name, e]) => !present.has(name) && !failed.has(name) && e.ids.length > 0 && e.ids.every((id) => pausedKeys.has(id)))),
    ...pausedOutside,
  ];
  for (const want of [...desired].sort((a, b) => compareText(a.name, b.name))) {
    const entry = entries[want.name];
    const keys = want.bodies.map(bodyKey).sort().join();
    const renamed = entry
      ? undefined
      : pausedLeaving.find(
          ([, e]) =>
            e.agent_id === want.agent_id &&
            !e.ids.some((id) => taken.has(id)) &&
            e.ids
              .map((id) => pausedKeys.get(id))
              .sort()
              .join() === keys,
        );
    const ids = entry?.ids ?? renamed?.[1].ids ?? [];
    const held = [...new Set(ids.flatMap((id) => paused.get(id) ?? []))];
    // Paused here: its schedule lives only in the record until `recurring resume`; apply must not make it again meanwhile
    // (nor when its file is renamed: the new name takes it, still paused).
    if ((entry || renamed) && held.length > 0) {
      for (const id of ids) taken.add(id);
      const relocked = renamed ? { entry: entryFields(want), relock: true } : { relock: false };
      changes.push({ file: want.name, kind: 'unchanged', agent_id: want.agent_id, create: [], adopt: [], keep: ids, delete: [], diff: [], ...relocked, paused: held, notes: NONE });
      continue;
    }
    const change = planFile(want, entry, letta, bodyOfListed, (id) => (owned.has(id) && !leaving.has(id)) || taken.has(id), successors, now);
    // A schedule one file takes is no other file's to take.
    for (const id of change.adopt) {
      owned.add(id);
      taken.add(id);
    }
    changes.push(change);
  }
  nameTwins(changes, desired);
  if (wholeFolder) {
    for (const name of Object.keys(entries).sort()) {
      if (present.has(name) || failed.has(name)) continue;
      const entry = entries[name]!;
      // A schedule sync or edit replaced here is the removed file's through its successor: deleted too, never left firing unowned.
      const standing = (agent_id: string, id: string) => {
        if (letta.get(agent_id)?.has(id)) return id;
        const successor = successors.get(id);
        return successor !== undefined && letta.get(agent_id)?.has(successor) && !(owned.has(successor) && !leaving.has(successor)) ? successor : undefined;
      };
      const ids = ownedIds(entry).flatMap(({ agent_id, id }) => {
        const current = standing(agent_id, id);
        return current === undefined || taken.has(current) ? [] : [{ agent_id, id: current }];
      });
      // Paused here, a removed file's schedule lives on in the record, for `recurring resume` to bring back: deleted, its saved copy goes.
      const held = [...new Set(entry.ids.flatMap((id) => (taken.has(id) ? [] : (paused.get(id) ?? []))))];
      const kind = ids.length > 0 || held.length > 0 ? 'delete' : 'unchanged';
      changes.push({
        file: name,
        kind,
        agent_id: entry.agent_id,
        create: [],
        adopt: [],
        keep: [],
        delete: ids,
        diff: [],
        relock: true,
        removed: true,
        notes: NONE,
        ...(held.length > 0 ? { paused: held } : {}),
      });
    }
  }
  return changes;
}

/**
 * A file whose creates another file makes too (the same agent, message and time: a file copied under a new name) is told
 * so, as both would run; two alike on purpose are allowed. Said once: by the first-named of files made alike in one apply.
 */
function nameTwins(changes: Change[], desired: Desired[]): void {
  const key = (agentId: string, body: FullScheduleBody) => `${agentId} ${bodyKey(body)}`;
  const makers = new Map<string, string[]>();
  for (const want of desired) for (const body of want.bodies) makers.set(key(want.agent_id, body), [...(makers.get(key(want.agent_id, body)) ?? []), want.name]);
  const creating = new Map(changes.map((change) => [change.file, new Set(change.create.map((body) => key(change.agent_id, body)))]));
  for (const change of changes) {
    const shared = new Map<string, number>();
    for (const made of creating.get(change.file) ?? []) {
      const others = [...new Set(makers.get(made))].filter((other) => other !== change.file);
      if (others.some((other) => compareText(other, change.file) < 0 && creating.get(other)?.has(made))) continue;
      for (const other of others) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    if (shared.size === 0) continue;
    const byCount = new Map<number, string[]>();
    for (const [other, n] of [...shared].sort(([a], [b]) => compareText(a, b))) byCount.set(n, [...(byCount.get(n) ?? []), other]);
    const twins = [...byCount].map(([n, names]) => `${n === 1 ? 'the same schedule' : `${n} of the same schedules`} as ${names.join(', ')}`);
    change.notes = [...change.notes, `makes ${twins.join('; ')}: ${shared.size === 1 ? 'both' : 'all'} would run; remove the files not meant`];
  }
}

function ownedIds(entry: LockEntry): OwnedId[] {
  return [...entry.ids.map((id) => ({ agent_id: entry.agent_id, id })), ...(entry.retiring ?? [])];
}

function planFile(
  want: Desired,
  entry: LockEntry | undefined,
  letta: Listing,
  bodyOfListed: (item: Listed) => FullScheduleBody,
  /** Whether another file owns the schedule (a removed file's are free for a new file to take). */
  ownedElsewhere: (id: string) => boolean,
  successors: Map<string, string>,
  now: number,
): Change {
  const listed = (agentId: string, id: string) => letta.get(agentId)?.get(id);
  // An owned schedule replaced on this machine (a DST sync, an edit) is owned through its successor, never made twice.
  const standing = (agentId: string, id: string) => {
    const successor = successors.get(id);
    return listed(agentId, id) ?? (successor !== undefined && !ownedElsewhere(successor) ? listed(agentId, successor) : undefined);
  };
  const existing = entry ? entry.ids.flatMap((id) => standing(entry.agent_id, id) ?? []).map((item) => ({ item, agent_id: entry.agent_id })) : [];
  const retiring = (entry?.retiring ?? []).filter(({ agent_id, id }) => listed(agent_id, id));
  // A one-time schedule about to fire (or fired and still listed) is left as it is: changing it now could send it twice or not at all.
  const due = existing.filter(({ item }) => item.scheduled_at !== undefined && item.scheduled_at <= now + LEAD_MS);
  const open = existing.filter((e) => !due.includes(e));

  const unmatched = [...want.bodies];
  const keep: string[] = due.map(({ item }) => item.id);
  const stale: OwnedId[] = [];
  for (const { item, agent_id } of open) {
    const at = agent_id === want.agent_id ? unmatched.findIndex((body) => item.key === bodyKey(body)) : -1;
    if (at >= 0) {
      unmatched.splice(at, 1);
      keep.push(item.id);
    } else stale.push({ agent_id, id: item.id });
  }
  // Before making a schedule, look for the same one already there and owned by no file: one an apply cut off made and never
  // recorded (also when its journal was lost with the machine it ran on, as a CI runner's is), or, for a file the lock file
  // does not name (new, or the lock file was lost), one made before. Taken, never made twice.
  const adopt: string[] = [];
  const strangers = unmatched.length > 0 ? [...(letta.get(want.agent_id)?.values() ?? [])].filter((item) => !ownedElsewhere(item.id)) : [];
  if (unmatched.length > 0) {
    for (let i = unmatched.length - 1; i >= 0; i--) {
      const key = bodyKey(unmatched[i]!);
      const twin = strangers.find((item) => !adopt.includes(item.id) && item.key === key);
      if (twin) {
        adopt.push(twin.id);
        unmatched.splice(i, 1);
      }
    }
  }
  const toDelete = [...retiring, ...stale];
  const entryAfter = entryFields(want);
  const kind: ChangeKind =
    unmatched.length === 0 && toDelete.length === 0 && adopt.length === 0
      ? 'unchanged'
      : existing.length === 0 && retiring.length === 0
        ? 'create'
        : want.kind === 'series' && toDelete.length === 0
          ? 'top-up'
          : 'replace';
  const retired = retiring.flatMap(({ agent_id, id }) => listed(agent_id, id) ?? []);
  // An apply cut short after its creates: the new schedules stand beside the old, and all that is left is the old ones' delete.
  // What changes is then old → new, not the old and new together → new.
  const cutShort = retired.length > 0 && unmatched.length === 0 && stale.length === 0;
  const before = (cutShort ? retired : [...open.map(({ item }) => item), ...retired]).map(bodyOfListed);
  const diff = kind === 'replace' ? fieldDiff(before, [...open.filter((e) => keep.includes(e.item.id)).map((e) => bodyOfListed(e.item)), ...unmatched], want, entry, now) : [];
  const relock =
    entry === undefined ||
    entry.pending === true ||
    (entry.retiring ?? []).length > 0 ||
    stableJson({ ...entry, ids: undefined }) !== stableJson(entryAfter) ||
    [...keep, ...adopt].sort().join() !== [...entry.ids].sort().join();
  // An owned schedule deleted outside the folder (`recurring delete`, the Letta app) is made again: said, so that is not undone unseen.
  const vanished = want.kind !== 'series' && entry !== undefined && unmatched.length > 0 ? entry.ids.filter((id) => standing(entry.agent_id, id) === undefined) : [];
  const one = vanished.length === 1;
  const made =
    vanished.length === 0
      ? []
      : [
          `its schedule${one ? '' : 's'} ${vanished.join(', ')} ${one ? 'is' : 'are'} no longer on Letta (deleted outside this folder): apply makes ${one ? 'it' : 'them'} again; remove the file to keep ${one ? 'it' : 'them'} deleted`,
        ];
  // Changed outside the folder rather than deleted (`recurring edit` on a machine with no record of this folder): the changed one
  // stays, owned by no file, beside the one apply makes again. Named, so that both running is not a surprise.
  const sameTime = new Set(unmatched.map((body) => stableJson(body.schedule)));
  const lookalikes = vanished.length === 0 ? [] : strangers.filter((item) => !adopt.includes(item.id) && sameTime.has(stableJson(bodyOfListed(item).schedule))).map((item) => item.id);
  if (lookalikes.length > 0)
    made.push(
      `${lookalikes.join(', ')}, owned by no file, ${lookalikes.length === 1 ? 'runs' : 'run'} at the same time for this agent with other fields (changed outside this folder?): apply leaves ${lookalikes.length === 1 ? 'it' : 'them'}, so both would run; delete ${lookalikes.length === 1 ? 'it' : 'them'} if ${lookalikes.length === 1 ? 'it replaced' : 'they replaced'} this file's schedule`,
    );
  const finish = cutShort
    ? [
        `a replacement cut short: the old ${retired.length === 1 ? 'schedule' : 'schedules'} ${retired.map((item) => item.id).join(', ')} still on Letta, the new ${keep.length + adopt.length === 1 ? 'one' : 'ones'} ${[...keep, ...adopt].join(', ')} made; apply deletes the old`,
      ]
    : [];
  const notes = kind === 'create' || kind === 'replace' ? [...want.notes, ...finish, ...made] : NONE;
  return {
    file: want.name,
    kind,
    agent_id: want.agent_id,
    create: unmatched,
    adopt: shared(adopt),
    keep: shared(keep),
    delete: shared(toDelete),
    diff: shared(diff),
    entry: entryAfter,
    relock,
    notes,
  };
}

/** What the lock file keeps of a file's reading, besides the ids it owns. */
function entryFields(want: Desired): Omit<LockEntry, 'ids'> {
  const { name: _name, bodies: _bodies, local_crons: _local, notes: _notes, kind: _kind, ...fields } = want;
  return fields;
}

const NONE: never[] = Object.freeze([]) as unknown as never[];

/** An empty list as the one every change shares (a plan holds a change per file, most with several lists empty); never changed after. */
function shared<T>(list: T[]): T[] {
  return list.length === 0 ? NONE : list;
}

/** A listed schedule in the shape of a create body, so the two compare field by field. */
export function bodyOf(item: ScheduledMessage): FullScheduleBody {
  return replacementBody(carriedBody(item), currentSchedule(item));
}

/** The fingerprint of a schedule saved by `recurring pause`, as a file's body would have it. */
export function pausedKey(item: ScheduledMessage): string {
  return bodyKey(bodyOf(item));
}

/** Two bodies are the same schedule when their fingerprints are equal: the fields a create sets, as a file can say them. */
export function bodyKey(body: FullScheduleBody): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(body)))
    .digest('base64')
    .slice(0, 22);
}

function canonical(body: FullScheduleBody) {
  return {
    schedule: body.schedule.type === 'recurring' ? body.schedule.cron_expression.trim().split(/\s+/).join(' ') : body.schedule.scheduled_at,
    messages: body.messages.map((m) => ({ role: m.role, content: fileText(m.content) })),
    callback_url: body.callback_url ?? null,
    max_steps: body.max_steps ?? null,
    include_return_message_types: body.include_return_message_types ?? null,
  };
}

/** The fields that differ between the schedules there now and those the file wants. */
function fieldDiff(old: FullScheduleBody[], after: FullScheduleBody[], want: Desired, entry: LockEntry | undefined, now: number): FieldChange[] {
  const diff: FieldChange[] = [];
  const first = old[0];
  const next = after[0] ?? (want.bodies[0] as FullScheduleBody | undefined);
  if (entry && entry.agent_id !== want.agent_id) diff.push({ field: 'agent', from: entry.agent_id, to: want.agent_id });
  if (want.kind === 'recurring') {
    const from = old.map((b) => (b.schedule.type === 'recurring' ? b.schedule.cron_expression : new Date(b.schedule.scheduled_at).toISOString()));
    const to = want.bodies.map((b) => (b.schedule as { cron_expression: string }).cron_expression);
    const oldZone = entry?.timezone ?? want.timezone;
    // Instants (a series or one-time before) are said in short: a series' 50 members would each be a line's worth.
    const wasInstants = old.some((b) => b.schedule.type === 'one-time');
    if (from.join(', ') !== to.join(', ')) {
      diff.push({
        field: 'cron',
        from: wasInstants ? timesText(old) : from.join(', ') || null,
        to: to.join(', '),
        // A cron no local cron says (a step of hours across the zone's offset) is shown as it is, on UTC's clock.
        from_local: from.length === 0 ? null : wasInstants ? timesText(old) : `${from.map((cron) => cronInZone(cron, oldZone, now) ?? `${cron} (UTC)`).join(', ')} in ${oldZone}`,
        to_local: `${want.local_crons.map((local, i) => local ?? `${to[i]} (UTC)`).join(', ')} in ${want.timezone}`,
      });
    }
  } else {
    const times = (bodies: FullScheduleBody[]) => bodies.map((b) => (b.schedule.type === 'one-time' ? new Date(b.schedule.scheduled_at).toISOString() : b.schedule.cron_expression));
    const from = times(old);
    const to = times(want.bodies);
    if (from.join(', ') !== to.join(', ')) {
      if (want.kind === 'series' && old.some((b) => b.schedule.type === 'recurring')) diff.push({ field: 'schedules', from: timesText(old), to: timesText(want.bodies) });
      else if (want.kind === 'series') diff.push({ field: 'schedules', ...seriesChange(from, to) });
      else diff.push({ field: 'time', from: from.join(', ') || null, to: to.join(', ') || null });
    }
  }
  if (!first || !next) return diff;
  const text = (b: FullScheduleBody) => b.messages.map((m) => fileText(m.content)).join(' / ');
  const roles = (b: FullScheduleBody) => [...new Set(b.messages.map((m) => m.role))].join(', ');
  if (text(first) !== text(next)) diff.push({ field: 'message', from: text(first), to: text(next) });
  if (roles(first) !== roles(next)) diff.push({ field: 'role', from: roles(first), to: roles(next) });
  const show = (value: unknown) => (value === undefined ? null : Array.isArray(value) ? value.join(', ') : String(value));
  for (const field of ['callback_url', 'max_steps', 'include_return_message_types'] as const) {
    if (show(first[field]) !== show(next[field])) diff.push({ field, from: show(first[field]), to: show(next[field]) });
  }
  return diff;
}

/**
 * A series' members before and after, in short: how many wait and from when, and where only some differ (a member
 * moved or deleted on Letta, one more made), the instants only that side has.
 */
function seriesChange(from: string[], to: string[]): { from: string; to: string } {
  const said = (list: string[], other: string[]) => {
    const own = list.filter((instant) => !other.includes(instant));
    const shown = own.length > 3 ? `${own.slice(0, 3).join(', ')} and ${own.length - 3} more` : own.join(', ');
    return `${list.length} waiting${list[0] ? ` from ${list[0]}` : ''}${own.length > 0 && own.length < list.length ? `; ${shown}` : ''}`;
  };
  return { from: said(from, to), to: said(to, from) };
}

/** Schedules' times in short: crons as they are, then instants as how many wait and from when. */
function timesText(bodies: FullScheduleBody[]): string {
  const crons = bodies.flatMap((b) => (b.schedule.type === 'recurring' ? [b.schedule.cron_expression] : []));
  const instants = bodies.flatMap((b) => (b.schedule.type === 'one-time' ? [b.schedule.scheduled_at] : [])).sort((a, b) => a - b);
  const waiting = instants.length === 0 ? [] : [instants.length === 1 ? new Date(instants[0]!).toISOString() : `${instants.length} waiting from ${new Date(instants[0]!).toISOString()}`];
  return [...crons, ...waiting].join(', ');
}

/** A message's text as a schedule file can hold it: a file's lines end in \n, and white space at its ends is not part of its message. */
function fileText(content: unknown): string {
  return contentText(content).replace(/\r\n?/g, '\n').trim();
}

/** JSON with keys sorted, so two objects built in different orders compare equal. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => compareText(a, b))) : v));
}
