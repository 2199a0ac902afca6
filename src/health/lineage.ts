import { currentId, findIntent, instantOf, type Intent, type State } from '../state/records';
import { isSeasonalChange, nextOffsetChange } from '../time/zone';
import type { ScheduleFacts } from './fires';

/**
 * A schedule's past as the record of intent tells it: the schedules an edit,
 * a resume or a sync (DST) replaced, so their fires count as the schedule's
 * own. Pure: the caller brings the record.
 */

export type ReplacedHow = 'edit' | 'sync' | 'resume';

/** Where the lineage changed: `from` was replaced by `to` at `at` (Unix ms). */
export interface LineageChange {
  from: string;
  to: string;
  at: number;
  how: ReplacedHow;
  /** A sync's: whether the offset change it followed was daylight saving time (false: the zone moved for good). */
  seasonal?: boolean;
}

/** Every schedule of a lineage (or of a set), the ones standing now apart from those it replaced. */
export interface RecordedLineage {
  /** Ids to read from the server: the schedules standing now (active). */
  current: string[];
  /** The replaced (or ended) schedules, each as fire health sees it: nothing was due after it ended. */
  past: ScheduleFacts[];
  /** Newest first. */
  changes: LineageChange[];
}

/**
 * What replaced `old` with `next`: a resume (the record kept when it was
 * paused), else a sync when the local rule and zone stayed and only the UTC
 * cron moved (a DST change), else an edit.
 */
export function replacedHow(old: Intent, next: Intent | undefined): ReplacedHow {
  if (old.paused_at !== undefined) return 'resume';
  const sameRule = next !== undefined && next.local_rule === old.local_rule && next.zone === old.zone && next.kind === old.kind;
  const cronMoved = next !== undefined && (next.utc_crons ?? []).join() !== (old.utc_crons ?? []).join();
  return sameRule && cronMoved ? 'sync' : 'edit';
}

/**
 * A recorded schedule no longer standing, as fire health sees it: its timing
 * from the record, its window from its creation to its end (its pause, its
 * replacement, its deletion with this tool; one found gone ended no later than
 * when it was found so). Undefined when the record has no timing for it (a
 * schedule made elsewhere, recorded only as the start of an edit).
 */
export function pastFacts(intent: Intent): ScheduleFacts | undefined {
  const createdAt = instantOf(intent.created_at);
  const endedAt = instantOf(intent.paused_at) ?? instantOf(intent.status_at);
  const common = {
    id: intent.schedule_id,
    agentId: intent.agent_id,
    held: false,
    nextScheduledTime: null,
    ...(createdAt === undefined ? {} : { createdAt }),
    ...(endedAt === undefined ? {} : intent.status === 'gone' ? { endedBy: endedAt } : { endedAt }),
  };
  if (intent.kind === 'recurring') {
    const cron = intent.utc_crons?.[0];
    return cron === undefined ? undefined : { ...common, kind: 'recurring', cron };
  }
  const scheduledAt = instantOf(intent.instants?.[0]);
  return scheduledAt === undefined ? undefined : { ...common, kind: 'one-time', scheduledAt };
}

/** The ids an intent replaced, oldest last, following each record's own lineage too (a record may be missing one). */
function predecessors(state: State, head: Intent): Intent[] {
  const seen = new Set<string>([head.schedule_id]);
  const found: Intent[] = [];
  const queue = [...head.replaces];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const intent = findIntent(state, id);
    if (!intent) continue;
    found.push(intent);
    queue.push(...intent.replaces);
  }
  return found;
}

function lineageOf(records: Intent[], state: State): RecordedLineage {
  const current = records.filter((intent) => intent.status === 'active').map((intent) => intent.schedule_id);
  const past = records.filter((intent) => intent.status !== 'active').flatMap((intent) => pastFacts(intent) ?? []);
  const changes = records
    .filter((intent) => intent.status === 'replaced' && intent.replaced_by !== undefined)
    .map((intent): LineageChange => {
      const at = instantOf(intent.status_at) ?? 0;
      const how = replacedHow(intent, findIntent(state, intent.replaced_by!));
      return { from: intent.schedule_id, to: intent.replaced_by!, at, how, ...(how === 'sync' ? { seasonal: followedSeasonal(intent, at) } : {}) };
    })
    .sort((a, b) => b.at - a.at);
  return { current, past, changes };
}

/**
 * Whether the offset change a sync followed, the last one of the schedule's zone between its creation and its
 * replacement, was daylight saving time; true when none is found (nothing to say otherwise).
 */
function followedSeasonal(old: Intent, at: number): boolean {
  if (!old.zone) return true;
  const made = instantOf(old.created_at);
  let cursor = Math.max(made ?? -Infinity, at - 370 * 86_400_000);
  let last: { at: number; before: number } | undefined;
  for (;;) {
    const change = nextOffsetChange(old.zone, cursor, Math.ceil((at - cursor) / 86_400_000));
    if (!change || change.at > at) break;
    last = change;
    cursor = change.at;
  }
  return last === undefined || isSeasonalChange(old.zone, last);
}

/**
 * The standing schedule whose messages each past one of a lineage had: a sync or a resume re-creates a schedule
 * with its messages unchanged; an edit may change them, so what came before an edit has none known.
 */
export function carriedMessages(lineage: RecordedLineage): Map<string, string> {
  const standing = new Map(lineage.current.map((id) => [id, id] as const));
  // Newest change first: each change's successor is placed before its predecessor is reached.
  for (const change of lineage.changes) {
    const holder = standing.get(change.to);
    if (holder !== undefined && change.how !== 'edit') standing.set(change.from, holder);
  }
  for (const id of lineage.current) standing.delete(id);
  return standing;
}

/**
 * The lineage of a recorded schedule: the one standing for it now (the id
 * given may be one it replaced) and every schedule before it. Undefined when
 * the record does not know the id.
 */
export function scheduleLineage(state: State, id: string): RecordedLineage | undefined {
  const given = findIntent(state, id);
  if (!given) return undefined;
  const head = findIntent(state, currentId(state, id)) ?? given;
  return lineageOf([head, ...predecessors(state, head)], state);
}

/** Every schedule a set ever had: its members standing now and those they replaced (successors keep the set id). */
export function setLineage(state: State, setId: string): RecordedLineage | undefined {
  // A placeholder of a create still to settle is no schedule (yet): sync records it, or drops it.
  const members = state.intents.filter((intent) => intent.set_id === setId && intent.status !== 'creating');
  if (members.length === 0) return undefined;
  const records = new Map(members.map((intent) => [intent.schedule_id, intent]));
  for (const member of members) for (const earlier of predecessors(state, member)) if (!records.has(earlier.schedule_id)) records.set(earlier.schedule_id, earlier);
  return lineageOf([...records.values()], state);
}
