import { CliError } from '../errors';
import { madeAt, type ScheduledMessage } from '../letta/types';
import { isPausedOne, landingOf, sameMessages, timedAsRecorded } from './same-schedule';
import { messagesKey } from '../letta/message-text';
import type { Intent, PausedSchedule, Series } from '../state/records';
import { nextRuns } from '../time/cron';
import { sameCron } from '../time/cron-fields';
import { expectedUtcCron, patternOfCron, type ExpectedCron } from './local-rule';
import { isGoneMember, topUpInstants, unansweredOf, type InstantSource } from './series';
import { compareText } from '../text-order';

/** One change sync would make, with everything needed to make it and to say what it did. */
export type SyncAction =
  | {
      type: 'replace';
      agent_id: string;
      /** The recorded schedule the intent stands on. */
      intent_id: string;
      /** The schedule to replace: the intent's, or the one it replaced if that replacement never appeared. */
      old_id: string;
      old_cron: string;
      new_cron: string;
      local_rule: string;
      zone: string;
      next_fire: number;
    }
  /** An earlier create (an edit's, a sync's) recorded as attempted landed unanswered: it becomes the successor and the old one goes. */
  | { type: 'finish'; agent_id: string; intent_id: string; old_id: string; landed_id: string }
  /** A new schedule's create (recorded as a placeholder) landed unanswered: its record takes the placeholder's place. */
  | { type: 'finish-create'; agent_id: string; intent_id: string; landed_id: string }
  /**
   * An attempted create that did not land: forgotten, and said (`phrase` and `sent_at`: a new schedule's, whose
   * placeholder goes, so it is to be made again; without them a change of the schedule `intent_id`, which stays).
   */
  | { type: 'drop-attempt'; agent_id: string; intent_id: string; phrase?: string; sent_at?: string }
  /**
   * The create of one cron of a set did not land while others of the set stand: sent again, as
   * recorded but at `cron` (the UTC cron its local rule needs now), so the set is whole (the
   * command that made it said it may have been created).
   */
  | { type: 'complete-set'; agent_id: string; intent_id: string; set_id: string; cron: string }
  /** A record marked gone whose schedule the server shows again: followed again. */
  | { type: 'found'; agent_id: string; id: string }
  /** A series marked gone whose members the server shows again (a list that lied): followed again. */
  | { type: 'series-found'; agent_id: string; series_id: string }
  /** A delete sent with this tool whose answer was lost, found not done: the schedule is still listed. */
  | { type: 'delete-not-done'; agent_id: string; id: string; deleteSent: string }
  /**
   * A record from before servers were told apart whose id the server shows with another timing: another
   * schedule's record, left to the server it was made on (recorded so before the plan; said, not done). Its phrase
   * and zone tell it from a record of the same id that the server does show.
   */
  | { type: 'disowned'; agent_id: string; id?: string; series_id?: string; phrase: string; zone: string }
  /** This key cannot see the agent (404/403): its records are kept, not checked. */
  | { type: 'skipped'; agent_id: string; reason: string; records: number }
  /** A replaced schedule still exists beside its replacement: delete it. */
  | { type: 'delete-replaced'; agent_id: string; intent_id: string; old_id: string }
  /**
   * Never planned: found after this sync replaced `old_id` with `id`, another client (a second machine that
   * also records it) had replaced it at the same time with `kept_id`, made first. The record follows `kept_id`;
   * `id` is deleted (see earlierTwin).
   */
  | { type: 'keep-first-copy'; agent_id: string; old_id: string; id: string; kept_id: string }
  /**
   * A local-time schedule missing from the server whose replacement another client made (another machine that
   * records it too replaced it at a DST change): `new_id`, the one schedule the record does not know with the UTC cron
   * its local rule needs now, made since the record's (see replacedElsewhere). The record follows it.
   */
  | {
      type: 'replaced-elsewhere';
      agent_id: string;
      id: string;
      new_id: string;
      cron: string;
      local_rule: string;
      zone: string;
      made_at: string;
      /** Found by its messages too (madeAgainElsewhere): a copy of the schedule, made again on another machine (a resume there). */
      again?: true;
    }
  /**
   * Not on the server. `deleteSent`: a delete of it sent with this tool lost its answer then (it was that delete, most
   * likely); `reusedBy`: the server lists another schedule (this cron) under its id.
   */
  | {
      type: 'gone';
      agent_id: string;
      id: string;
      kind: Intent['kind'];
      fired: boolean;
      deleteSent?: string;
      reusedBy?: string;
      /** Its messages are recorded: a copy made again elsewhere (a pause there, then a resume) would be followed. */
      followable?: true;
    }
  /**
   * A series whose members still to fire are missing (or a series marked gone) that another machine made again, as a
   * pause there then a resume does: each such member's one copy (its instant and messages, made since the series) is
   * followed; one without a copy (due while paused there) is gone.
   */
  | { type: 'series-made-again'; agent_id: string; series_id: string; members: Array<{ old_id: string; new_id: string }>; gone: string[] }
  | { type: 'member-gone'; agent_id: string; series_id: string; id: string }
  | { type: 'series-gone'; agent_id: string; series_id: string }
  /**
   * A series whose delete with this tool was cut short: its members still listed (and copies its unanswered creates
   * left) deleted, as the delete meant, then the series recorded deleted as of `at`, when the delete began.
   */
  | { type: 'finish-series-delete'; agent_id: string; series_id: string; ids: string[]; at?: string }
  /** A resume's create whose answer was lost landed: the schedule is resumed as it. */
  | { type: 'finish-resume'; agent_id: string; old_id: string; landed_id: string; cron: string }
  /** A resume's create that did not land: forgotten (said), the schedule stays paused. */
  | { type: 'drop-resume-attempt'; agent_id: string; old_id: string }
  /** A paused schedule, or a member of a paused series, still on Letta (the pause was cut short): deleted, as the pause meant. */
  | { type: 'delete-paused'; agent_id: string; series_id?: string; id: string }
  /** A pause cut short whose delete had been done after all: recorded as done (said nothing of). */
  | { type: 'confirm-paused'; agent_id: string; id: string; series?: true }
  /** `landed`: members whose create was recorded as attempted and went unanswered, found in Letta: recorded, not created again. */
  | { type: 'top-up'; agent_id: string; series_id: string; zone: string; instants: number[]; landed: Array<{ at: number; id: string }> }
  /** The rule cannot be kept exact any more (e.g. its times now fall on different UTC days). */
  | { type: 'problem'; agent_id: string; id: string; message: string };

export interface SyncInput {
  now: number;
  /** Every recorded intent (replaced ones too: their schedules may still wait to be deleted). */
  intents: Intent[];
  series: Series[];
  /** Paused schedules: those still on Letta (a pause cut short), and those whose resume sent a create. */
  paused?: PausedSchedule[];
  /** Each agent's schedules as Letta lists them now, by id. Agents missing here are not looked at. */
  letta: Map<string, Map<string, ScheduledMessage>>;
  instants: InstantSource;
  /**
   * Plan no more than this many actions (those `skip` passes over not counted): a round takes on only so
   * many, and a plan of thousands held to the round's end what the next round plans again.
   */
  limit?: number;
  /** Actions left out of the plan (those that failed before in this sync). */
  skip?: (action: SyncAction) => boolean;
}

/**
 * What sync has to do to make Letta match the record, in a stable order.
 * Pure: the same input gives the same plan, and planning against the result
 * of applying a whole plan (one no `limit` cut short) gives an empty one.
 */
export function planSync({ now, intents, series, paused = [], letta, instants, limit = Infinity, skip }: SyncInput): SyncAction[] {
  const actions: SyncAction[] = [];
  const full = () => actions.length >= limit;
  const add = (...planned: SyncAction[]) => {
    for (const action of planned) if (!skip?.(action)) actions.push(action);
  };
  const expectedOf = expectedCrons(now);
  // A landed copy is claimed by one attempt only: attempts with the same message and timing (sent side by side) each need their own.
  const claimed = new Set([...intents.map((i) => i.schedule_id), ...series.flatMap((s) => s.members.map((m) => m.schedule_id))]);
  const unrecorded = (schedules: Map<string, ScheduledMessage>) => [...schedules.values()].filter((item) => !claimed.has(item.id));
  const claim = (planned: SyncAction[]) => {
    for (const action of planned) {
      if (action.type === 'finish') claimed.add(action.landed_id);
      if (action.type === 'replaced-elsewhere') claimed.add(action.new_id);
      if (action.type === 'top-up') for (const { id } of action.landed) claimed.add(id);
      if (action.type === 'finish-series-delete') for (const id of action.ids) claimed.add(id);
      if (action.type === 'series-made-again') for (const { new_id } of action.members) claimed.add(new_id);
    }
    return planned;
  };
  // A pause cut short is finished below: the schedule it paused is left to it, neither marked gone (its delete was the
  // pause's) nor replaced.
  const finishing = new Set(paused.filter((saved) => pauseStep(saved, letta.get(saved.schedule.agent_id)) !== undefined).map((saved) => saved.old_id));
  const active = intents.filter((i) => i.status === 'active' && !finishing.has(i.schedule_id)).sort(byAgentThen((i) => i.schedule_id));
  // Replaced intents pile up with every DST change: looked up by successor, not searched for each intent.
  const replacedBy = new Map<string, Intent[]>();
  for (const intent of intents) if (intent.status === 'replaced' && intent.replaced_by !== undefined) replacedBy.set(intent.replaced_by, [...(replacedBy.get(intent.replaced_by) ?? []), intent]);
  for (const intent of active) {
    if (full()) return actions;
    const schedules = letta.get(intent.agent_id);
    if (!schedules) continue;
    const replaced = lineageOf(intent.schedule_id, replacedBy).filter((i) => schedules.has(i.schedule_id));
    add(...claim(planIntent(intent, replaced, schedules, now, () => unrecorded(schedules).filter((item) => !claimed.has(item.id)), expectedOf)));
  }
  // A schedule marked gone that another machine paused, then resumed: its copy is followed.
  for (const intent of intents.filter((i) => i.status === 'gone').sort(byAgentThen((i) => i.schedule_id))) {
    if (full()) return actions;
    const schedules = letta.get(intent.agent_id);
    const again = schedules && madeAgainElsewhere(intent, () => unrecorded(schedules).filter((item) => !claimed.has(item.id)), expectedOf);
    if (again) add(...claim([again]));
  }
  // A new schedule's create whose answer was lost: its copy, if one landed (each copy claimed once), else
  // dropped, or for a cron of a set whose other schedules stand, sent again.
  const placeholders = intents.filter((i) => i.status === 'creating' && letta.has(i.agent_id)).sort(byAgentThen((i) => i.schedule_id));
  const landedOf = new Map<Intent, ScheduledMessage>();
  for (const placeholder of placeholders) {
    const attempt = placeholder.attempt;
    const landed = attempt && unrecorded(letta.get(placeholder.agent_id)!).find((item) => !claimed.has(item.id) && landingOf(attempt, item));
    if (landed) {
      claimed.add(landed.id);
      landedOf.set(placeholder, landed);
    }
  }
  // A set stands when one of its schedules is listed, or one whose answer was lost landed.
  const setStands = (agentId: string, setId: string) =>
    active.some((sibling) => sibling.set_id === setId && sibling.agent_id === agentId && letta.get(agentId)!.has(sibling.schedule_id)) ||
    placeholders.some((sibling) => sibling.set_id === setId && landedOf.has(sibling));
  for (const placeholder of placeholders) {
    if (full()) return actions;
    const { agent_id, schedule_id: intent_id, set_id, attempt } = placeholder;
    const landed = landedOf.get(placeholder);
    const sent = attempt?.schedule.type === 'recurring' ? attempt.schedule.cron_expression : undefined;
    // Sent again at the set's local time as it is now (a DST change since the first send moves its UTC cron).
    const expected = sent !== undefined && followsLocalClock(placeholder) ? expectedOf(placeholder.local_rule, placeholder.zone) : null;
    const cron = expected && !(expected instanceof CliError) && expected.inStep ? expected.cron : sent;
    if (landed) add({ type: 'finish-create', agent_id, intent_id, landed_id: landed.id });
    else if (set_id !== undefined && setStands(agent_id, set_id) && cron !== undefined) add({ type: 'complete-set', agent_id, intent_id, set_id, cron });
    else add({ type: 'drop-attempt', agent_id, intent_id, phrase: placeholder.phrase, ...(attempt ? { sent_at: attempt.at } : {}) });
  }
  for (const saved of paused) {
    if (full()) return actions;
    const agent_id = saved.schedule.agent_id;
    const schedules = letta.get(agent_id);
    const attempt = saved.resume_attempt;
    const step = pauseStep(saved, schedules);
    if (step) add({ type: step, agent_id, id: saved.old_id });
    if (!schedules || !attempt || attempt.schedule.type !== 'recurring') continue;
    const landed = unrecorded(schedules).find((item) => !claimed.has(item.id) && item.id !== saved.old_id && landingOf({ ...attempt, at: saved.resume_attempted_at }, item));
    if (landed) claimed.add(landed.id);
    add(
      landed
        ? { type: 'finish-resume', agent_id, old_id: saved.old_id, landed_id: landed.id, cron: attempt.schedule.cron_expression }
        : { type: 'drop-resume-attempt', agent_id, old_id: saved.old_id },
    );
  }
  for (const one of [...series].sort(byAgentThen((s) => s.series_id))) {
    if (full()) return actions;
    const schedules = letta.get(one.agent_id);
    if (one.status === 'paused' && schedules) {
      const still = one.members.filter((member) => member.paused === true && schedules.has(member.schedule_id));
      for (const member of still) add({ type: 'delete-paused', agent_id: one.agent_id, series_id: one.series_id, id: member.schedule_id });
      // Its pause cut short, and nothing it paused left on Letta: the pause is done (the next sync's, after these deletes).
      if (one.pause_unfinished === true && still.length === 0) add({ type: 'confirm-paused', agent_id: one.agent_id, id: one.series_id, series: true });
    }
    if (one.delete_unfinished === true && schedules) add(...claim([finishSeriesDelete(one, schedules, unrecorded(schedules))]));
    // A series marked gone that another machine paused, then resumed: its copies are followed.
    const again = schedules && (one.status === 'gone' || one.status === 'active') ? seriesMadeAgain(one, schedules, now, unrecorded(schedules)) : undefined;
    if (again) add(...claim([again]));
    if (again || one.status !== 'active' || !schedules) continue;
    add(...claim(planSeries(one, schedules, now, instants, unrecorded(schedules))));
  }
  return actions;
}

/**
 * Every schedule `id` replaced, directly or through others (an edit whose delete failed, edited again), the oldest
 * first and the direct ones last: each may still be listed, firing beside the one that stands for them now.
 */
function lineageOf(id: string, replacedBy: Map<string, Intent[]>): Intent[] {
  const direct = replacedBy.get(id) ?? [];
  const older: Intent[] = [];
  const seen = new Set([id, ...direct.map((i) => i.schedule_id)]);
  const queue = [...direct];
  while (queue.length > 0) {
    for (const before of replacedBy.get(queue.pop()!.schedule_id) ?? []) {
      if (seen.has(before.schedule_id)) continue;
      seen.add(before.schedule_id);
      older.unshift(before);
      queue.push(before);
    }
  }
  return [...older, ...direct];
}

/**
 * How a pause cut short is finished: `delete-paused` when it saved its copy and was stopped before its delete (the
 * schedule still fires), `confirm-paused` when its delete was done after all; none for a finished pause or a resume.
 */
function pauseStep(saved: PausedSchedule, schedules: Map<string, ScheduledMessage> | undefined): 'delete-paused' | 'confirm-paused' | undefined {
  if (saved.resume_attempt || !schedules) return undefined;
  const still = schedules.get(saved.old_id);
  if (still && isPausedOne(saved.schedule, still)) return 'delete-paused';
  return saved.deleting ? 'confirm-paused' : undefined;
}

/** Whether sync keeps this intent on the local clock: its local rule is a cron in a zone. */
export function followsLocalClock(intent: Pick<Intent, 'kind' | 'local_rule'>): boolean {
  return intent.kind === 'recurring' && patternOfCron(intent.local_rule) !== null;
}

function planIntent(intent: Intent, replaced: Intent[], schedules: Map<string, ScheduledMessage>, now: number, unrecorded: () => ScheduledMessage[], expectedOf: ExpectedOf): SyncAction[] {
  const agent_id = intent.agent_id;
  const attempt = intent.attempt;
  if (attempt) {
    // Only a create this tool recorded as sent is looked for; a look-alike made by anyone else is left alone.
    const landed = unrecorded().find((item) => landingOf(attempt, item));
    if (landed) return [{ type: 'finish', agent_id, intent_id: intent.schedule_id, old_id: intent.schedule_id, landed_id: landed.id }];
  }
  const dropped: SyncAction[] = attempt ? [{ type: 'drop-attempt', agent_id, intent_id: intent.schedule_id }] : [];
  return [...dropped, ...planStanding(intent, replaced, schedules, now, unrecorded, expectedOf)];
}

function planStanding(intent: Intent, replaced: Intent[], schedules: Map<string, ScheduledMessage>, now: number, unrecorded: () => ScheduledMessage[], expectedOf: ExpectedOf): SyncAction[] {
  const agent_id = intent.agent_id;
  const current = schedules.get(intent.schedule_id);
  // The schedule standing for the intent: its own, or (when a replacement never landed) the one it was to replace.
  const standing = current ?? schedules.get(replaced.at(-1)?.schedule_id ?? '');
  if (!standing) {
    const elsewhere = intent.delete_unanswered_at === undefined ? (replacedElsewhere(intent, unrecorded, expectedOf) ?? madeAgainElsewhere(intent, unrecorded, expectedOf)) : undefined;
    if (elsewhere) return [elsewhere];
    const at = Date.parse(intent.instants?.at(-1) ?? '');
    const fired = intent.kind === 'one-time' && at <= now;
    const gone = {
      type: 'gone',
      agent_id,
      id: intent.schedule_id,
      kind: intent.kind,
      fired,
      ...(intent.kind === 'recurring' && intent.messages_key !== undefined ? { followable: true as const } : {}),
    } as const;
    return [intent.delete_unanswered_at === undefined ? gone : { ...gone, deleteSent: intent.delete_unanswered_at }];
  }
  // Letta changes no schedule in place: another cron under a recorded id is another schedule (the id used again after a
  // server was reset), never this tool's to replace; the one recorded is gone.
  if (current && (intent.utc_crons ?? []).length > 0 && !timedAsRecorded(intent, current)) {
    return [{ type: 'gone', agent_id, id: intent.schedule_id, kind: intent.kind, fired: false, reusedBy: current.schedule.cron_expression ?? '' }];
  }
  const notDone: SyncAction[] = current && intent.delete_unanswered_at !== undefined ? [{ type: 'delete-not-done', agent_id, id: intent.schedule_id, deleteSent: intent.delete_unanswered_at }] : [];
  const actions: SyncAction[] = [...notDone, ...(current ? replaced.map((old) => ({ type: 'delete-replaced', agent_id, intent_id: intent.schedule_id, old_id: old.schedule_id }) as const) : [])];
  if (!followsLocalClock(intent)) return actions;

  const cron = standing.schedule.cron_expression ?? intent.utc_crons?.[0] ?? '';
  const expected = expectedOf(intent.local_rule, intent.zone);
  if (expected instanceof CliError) return [...actions, { type: 'problem', agent_id, id: standing.id, message: expected.message }];
  if (expected && expected.inStep && (!sameCron(expected.cron, cron) || !current)) {
    actions.push({
      type: 'replace',
      agent_id,
      intent_id: intent.schedule_id,
      old_id: standing.id,
      old_cron: cron,
      new_cron: expected.cron,
      local_rule: intent.local_rule,
      zone: intent.zone,
      next_fire: expected.nextFire,
    });
  }
  return actions;
}

/**
 * A missing local-time schedule another client replaced (a second machine whose record holds it too, syncing first
 * at a DST change): the one schedule of the agent the record does not know whose cron is the one the rule needs now,
 * made no earlier than the record's schedule, when a DST change since made it due. The record holds no messages to compare, so two or more such schedules
 * (two rules at one time) are none: the schedule is then marked gone, as one deleted elsewhere.
 */
function replacedElsewhere(intent: Intent, unrecorded: () => ScheduledMessage[], expectedOf: ExpectedOf): SyncAction | undefined {
  if (!followsLocalClock(intent)) return undefined;
  const expected = expectedOf(intent.local_rule, intent.zone);
  if (!expected || expected instanceof CliError) return undefined;
  // Only when a replacement was due (a DST change moved the rule's UTC cron): without messages to compare, a schedule
  // at the recorded cron made since is as likely someone's new one as a copy of this.
  if ((intent.utc_crons ?? []).some((cron) => sameCron(cron, expected.cron))) return undefined;
  return followedTo(intent, unrecorded, (cron) => sameCron(expected.cron, cron));
}

/**
 * A recurring schedule missing from the server (or marked gone) that another machine made again, as a pause there then a
 * resume does (a new id, the same timing and messages): the one schedule of the agent the record does not know with the
 * recorded messages and a recorded UTC cron (or the one its local rule needs now), made no earlier than the record's.
 * Records that hold no messages (made before they were kept) are never followed so: the schedule is marked gone.
 */
function madeAgainElsewhere(intent: Intent, unrecorded: () => ScheduledMessage[], expectedOf: ExpectedOf): SyncAction | undefined {
  if (intent.kind !== 'recurring' || intent.messages_key === undefined) return undefined;
  const crons = copyCronsOf(intent, expectedOf);
  const action = followedTo(intent, unrecorded, (cron, item) => crons.some((one) => sameCron(one, cron)) && messagesKey(item.message?.messages) === intent.messages_key);
  return action && { ...action, again: true };
}

/** The record followed to the one schedule it does not know that `fits` (its cron, and the schedule), made no earlier than the record's; none when not exactly one. */
function followedTo(intent: Intent, unrecorded: () => ScheduledMessage[], fits: (cron: string, item: ScheduledMessage) => boolean): Extract<SyncAction, { type: 'replaced-elsewhere' }> | undefined {
  const since = Date.parse(intent.created_at);
  const found = unrecorded().filter((item) => {
    const cron = item.schedule.cron_expression;
    return typeof cron === 'string' && fits(cron, item) && madeAt(item) >= since;
  });
  if (found.length !== 1) return undefined;
  const [one] = found as [ScheduledMessage];
  return {
    type: 'replaced-elsewhere',
    agent_id: intent.agent_id,
    id: intent.schedule_id,
    new_id: one.id,
    cron: one.schedule.cron_expression!,
    local_rule: intent.local_rule,
    zone: intent.zone,
    made_at: one.created_at as string,
  };
}

/**
 * The UTC crons a copy of a recurring schedule made again elsewhere can have: those recorded, and the one its local
 * rule needs now (a resume after a DST change makes it at that one).
 */
export function copyCronsOf(intent: Intent, expectedOf: ExpectedOf): string[] {
  const expected = followsLocalClock(intent) ? expectedOf(intent.local_rule, intent.zone) : null;
  return [...(intent.utc_crons ?? []), ...(expected && !(expected instanceof CliError) ? [expected.cron] : [])];
}

/** The UTC cron a local rule needs now, and whether it is in step (see expectedNow); the error when none can say it. */
export type ExpectedOf = (localRule: string, zone: string) => (ExpectedCron & { inStep: boolean }) | null | CliError;

/** expectedUtcCron as of `now`, worked out once per rule and zone however many schedules share them. */
export function expectedCrons(now: number): ExpectedOf {
  const known = new Map<string, ReturnType<ExpectedOf>>();
  return (localRule, zone) => {
    const key = `${zone} ${localRule}`;
    if (!known.has(key)) known.set(key, expectedNow(localRule, zone, now));
    return known.get(key)!;
  };
}

function expectedNow(localRule: string, zone: string, now: number): ReturnType<ExpectedOf> {
  let expected;
  try {
    expected = expectedUtcCron(localRule, zone, now);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return error;
  }
  // Replaced too early, the new cron could still fire before the change, at the wrong local time (10:00 EDT on the
  // Friday before New York falls back): wait for a later sync, when its next fire is the rule's next fire.
  return expected && { ...expected, inStep: nextRuns(expected.cron, now, 1)[0] === expected.nextFire };
}

function planSeries(series: Series, schedules: Map<string, ScheduledMessage>, now: number, instants: InstantSource, unrecorded: ScheduledMessage[]): SyncAction[] {
  const agent_id = series.agent_id;
  const waiting = series.members.filter((m) => !isGoneMember(m) && Date.parse(m.instant) > now);
  const deleted = waiting.filter((m) => !schedules.has(m.schedule_id));
  if (waiting.length > 0 && deleted.length === waiting.length) return [{ type: 'series-gone', agent_id, series_id: series.series_id }];
  const actions: SyncAction[] = deleted.map((m) => ({ type: 'member-gone', agent_id, series_id: series.series_id, id: m.schedule_id }) as const);
  const more = topUpInstants(series, now, instants);
  const landed = unansweredOf(series, more).flatMap((at) => {
    // Made no earlier than the series itself: a look-alike from before it is someone else's.
    const twin = unrecorded.find((item) => landingOf({ at: series.created_at, schedule: { type: 'one-time', scheduled_at: at }, messages: series.template.messages }, item));
    return twin ? [{ at, id: twin.id }] : [];
  });
  const missing = more.filter((at) => !landed.some((l) => l.at === at));
  if (more.length > 0) actions.push({ type: 'top-up', agent_id, series_id: series.series_id, zone: series.zone, instants: missing, landed });
  return actions;
}

/**
 * A series whose members still to fire are all missing (marked gone, or not yet) that another machine made again (a
 * pause there, then a resume: new ids at the same instants): for each, the one schedule the record does not know at its
 * instant with the series' messages, made since the series. At least one found and none in doubt (two copies at one
 * instant); a member without a copy was due while paused there, and is gone. As madeAgainElsewhere for one schedule.
 */
function seriesMadeAgain(series: Series, schedules: Map<string, ScheduledMessage>, now: number, unrecorded: ScheduledMessage[]): SyncAction | undefined {
  const waiting = series.members.filter((m) => !isGoneMember(m) && Date.parse(m.instant) > now);
  if (waiting.length === 0 || waiting.some((m) => schedules.has(m.schedule_id))) return undefined;
  const since = Date.parse(series.created_at);
  const members: Array<{ old_id: string; new_id: string }> = [];
  const gone: string[] = [];
  for (const member of waiting) {
    const at = Date.parse(member.instant);
    const copies = unrecorded.filter((item) => item.schedule.scheduled_at === at && madeAt(item) >= since && sameMessages(series.template.messages, item.message?.messages));
    if (copies.length > 1) return undefined;
    if (copies.length === 1) members.push({ old_id: member.schedule_id, new_id: copies[0]!.id });
    else gone.push(member.schedule_id);
  }
  return members.length === 0 ? undefined : { type: 'series-made-again', agent_id: series.agent_id, series_id: series.series_id, members, gone };
}

function finishSeriesDelete(series: Series, schedules: Map<string, ScheduledMessage>, unrecorded: ScheduledMessage[]): SyncAction {
  const listed = series.members.filter((m) => !isGoneMember(m) && schedules.has(m.schedule_id)).map((m) => m.schedule_id);
  const copies = (series.attempted ?? []).flatMap((instant) => {
    const twin = unrecorded.find((item) => landingOf({ at: series.created_at, schedule: { type: 'one-time', scheduled_at: Date.parse(instant) }, messages: series.template.messages }, item));
    return twin ? [twin.id] : [];
  });
  return { type: 'finish-series-delete', agent_id: series.agent_id, series_id: series.series_id, ids: [...listed, ...copies], ...(series.status_at === undefined ? {} : { at: series.status_at }) };
}

function byAgentThen<T extends { agent_id: string }>(key: (item: T) => string) {
  return (a: T, b: T) => compareText(a.agent_id, b.agent_id) || compareText(key(a), key(b));
}
