import { Option, type Command } from '@commander-js/extra-typings';
import { CliError, DeleteMayHaveLandedError, NotFoundError, UsageError } from '../../errors';
import { ROLES, type Role, type Schedule, type ScheduleKind } from '../../letta/types';
import type { Runtime } from '../../runtime';
import type { Intent } from '../../state/records';
import type { ScheduledMessage } from '../../letta/types';
import { meaningOfOnce, meaningOfSchedule, type OnceMeaning, type RecurringMeaning } from '../../time/index';
import { changesClocks } from '../../time/zone';
import { describePlainCron } from '../../time/describe-cron';
import { followsLocalClock } from '../../sync/plan';
import { defineCommand } from '../command';
import { agentOption, messageOption, misplaced, NEXT_RUNS_SHOWN } from '../options';
import { recurringAdditions } from './get';
import { NOUN, findSchedule } from '../shared/schedule';
import { editedBody, guardEdit } from '../../sync/edit';
import { currentSchedule } from '../../sync/same-schedule';
import { intentFromCreate, intentFromSchedule } from '../../sync/intent';
import { replaceSchedule } from '../../sync/execute';
import { recordWriter, stateStore, whileChanging, serverOf } from '../shared/state';
import { settleEarlierChange, landedCopy } from '../../sync/settle';
import { readMessage } from '../shared/message';
import { printReceiptOf, type ReceiptRow } from '../../output/receipt';
import { keptAt } from '../../output/kept-at';
import { editChanges } from '../shared/changes';
import * as model from '../../state/records';
import { resolveScheduleIds } from '../shared/ids';
import { settleRacedEdit } from '../shared/raced-edit';
import { TWIN_SLACK_MS } from '../../sync/twins';

const EXAMPLES: Record<ScheduleKind, string[]> = {
  'one-time': ['letta-switchboard onetime edit SCHEDULE_ID --execute-at "tomorrow at 10am"', 'letta-switchboard onetime edit SCHEDULE_ID --message "New text"'],
  recurring: [
    'letta-switchboard recurring edit SCHEDULE_ID --cron "every weekday at 8am"',
    'letta-switchboard recurring edit SCHEDULE_ID --message "Standup in 5" --role system',
    'letta-switchboard recurring edit SCHEDULE_ID --tz Europe/London',
  ],
};

/**
 * `onetime edit` and `recurring edit`: Letta has no update, so the new
 * schedule is created carrying every field not changed, read back, and only
 * then is the old one deleted. Each step is recorded before the next.
 */
export default (kind: ScheduleKind) =>
  defineCommand({
    path: [NOUN[kind], 'edit'],
    description: `Change a ${kind} schedule (create the new one, read it back, delete the old)`,
    examples: EXAMPLES[kind],
    globals: ['output', 'time', 'api', 'dryRun'],
    declare: (command: Command) => {
      const once = kind === 'one-time';
      return command
        .argument('<id>', 'the schedule to change')
        .addOption(agentOption())
        .addOption(messageOption())
        .addOption(new Option('--role <role>', 'who the message is from').choices(ROLES))
        .addOption(once ? new Option('--execute-at <when>', 'the new time') : misplaced('--execute-at <when>', 'onetime edit'))
        .addOption(
          once
            ? misplaced('--cron <when>', 'recurring edit')
            : new Option('--cron <when>', 'the new schedule (a phrase is read in --tz, else in the zone the schedule was made in, else the configured zone)'),
        )
        .option('--force', 'change it even if it fires within the next minute');
    },
    async run(rt, options, given) {
      // Resolved first, so an id recorded against another server is refused before anything is read or sent.
      const [id] = (await resolveScheduleIds(rt, [given])) as [string];
      if (id.startsWith('set-') || id.startsWith('series-')) {
        const what = id.startsWith('set-') ? 'a set: several schedules made from one phrase' : 'a series of one-time schedules';
        throw new UsageError(`${id} is ${what}; an edit replaces one schedule with one`, `Delete it (letta-switchboard recurring delete ${id}) and create it again with the new phrase or message.`);
      }
      // Asked for nothing, it is bad usage before anything is read or sent (an earlier edit of the id is not finished either).
      if (!asked(rt, kind, options)) throw new UsageError(`Nothing to change: give ${kind === 'one-time' ? '--execute-at' : '--cron, --tz'}, --message or --role`);
      const now = rt.now();
      const began = Date.now();
      let message: string | undefined;
      if (options.message !== undefined) message = await readMessage(rt, options.message);
      const api = await rt.api();
      const out = rt.out;
      const writer = await recordWriter(rt);
      const store = await stateStore(rt);
      const book = { update: writer.update, read: () => (rt.dryRun ? Promise.resolve(model.emptyState()) : store.read()) };
      return whileChanging(rt, async () => {
        // What an earlier change of this schedule left (a create that landed unanswered, an old one not yet deleted) is finished first.
        const settled = rt.dryRun ? { id, notes: [] } : await settleEarlierChange({ api, records: book, now, readBack: true }, id);
        for (const note of settled.notes) out.info(note);
        const old = await findSchedule(rt, kind, settled.id).catch(async (error: unknown) => {
          // Paused, it is on this machine only: resumed first, it can be edited.
          const state = error instanceof NotFoundError ? await store.read().catch(() => model.emptyState()) : undefined;
          const paused = state && model.findPaused(state, model.currentId(state, settled.id));
          if (paused)
            throw new UsageError(
              `${paused.old_id} is paused: Letta does not have it, its copy is saved on this machine`,
              `Resume it first (letta-switchboard recurring resume ${paused.old_id}), then edit it.`,
            );
          throw error;
        });
        const recorded = model.findIntent(await book.read().catch(() => model.emptyState()), old.id);
        refuseSeriesMember(await store.read().catch(() => model.emptyState()), old.id);

        const meaning = await newMeaning(rt, kind, options, recorded, old.id);
        const schedule: Schedule | undefined =
          meaning === undefined ? undefined : meaning.type === 'one-time' ? { type: 'one-time', scheduled_at: meaning.scheduled_at } : { type: 'recurring', cron_expression: meaning.cron_expression };
        const { body, changed } = editedBody(old, { message, role: options.role as Role | undefined, schedule });
        const timing = timingFields(meaning, body.schedule, recorded, now);
        if (changed.length === 0) {
          // Run again, an edit finds its change made: nothing is sent, and a script that repeats it goes on.
          const kept = meaning?.type === 'recurring' ? keptAnew(recorded, intentFromCreate(old.id, old.agent_id, meaning, now)) : undefined;
          if (kept) await writer.update((state) => void model.adoptIntent(state, { ...kept, server: serverOf(rt) }, new Date(now).toISOString()));
          return printReceiptOf(out, {
            document: {
              old_id: old.id,
              id: old.id,
              agent_id: old.agent_id,
              changed: [],
              schedule: body.schedule,
              message: { messages: body.messages },
              ...timing,
              notes: meaning?.notes ?? [],
              ...(kept ? { kept: { zone: kept.zone, local_rule: kept.local_rule } } : {}),
            },
            title: `Nothing to change: ${old.id} already is that${settled.notes.length === 0 ? '; nothing was sent' : ''}`,
            rows: [{ id: old.id }, ...keptRows(kept)],
            notes: meaning?.notes,
          });
        }
        guardEdit(old, now, !!options.force);
        const server = serverOf(rt);
        const stamp = new Date(now).toISOString();
        // Listed after the create, before the old one's delete: whether the old one is still there, and another machine's copy of it.
        let listed: ScheduledMessage[] | undefined;
        const confirmOld = async () => {
          listed = [];
          for await (const page of api.schedulePages(old.agent_id, { whole: true })) listed.push(...page);
          return listed.some((item) => item.id === old.id);
        };
        const request = {
          agentId: old.agent_id,
          oldId: old.id,
          holderId: old.id,
          body,
          confirmOld: rt.dryRun ? undefined : confirmOld,
          // Made elsewhere, it is recorded as made when the server made it: its fires before the edit are still its own.
          holder: { ...intentFromSchedule(old.id, old.agent_id, currentSchedule(old), model.instantOf(old.created_at) ?? now), server },
          successor: (state: Parameters<typeof model.findIntent>[0]) => {
            const before = model.findIntent(state, old.id);
            if (meaning) return { ...intentFromCreate('', old.agent_id, meaning, now), server, replaces: [] };
            if (before) return model.successorOf(before, '', stamp);
            return { ...intentFromSchedule('', old.agent_id, body.schedule, now), server };
          },
        };
        let step = await replaceSchedule({ api, records: writer, readBack: !rt.dryRun, now }, request);
        if (!step.ok && step.unsure && !rt.signal.aborted && !rt.dryRun) {
          // The create's answer was lost: look before anything else, and finish with the copy if it landed.
          const listed: ScheduledMessage[] = [];
          for await (const page of api.schedulePages(old.agent_id, { whole: true })) listed.push(...page);
          const state = await book.read();
          // When it was sent, as recorded before it went: a look-alike made before then is someone else's.
          const attempt = model.findIntent(state, old.id)?.attempt;
          const landed = landedCopy({ ...body, at: attempt?.at ?? stamp, sent_at: attempt?.sent_at }, listed, state);
          if (landed) {
            out.info(`The create's answer was lost, but it had landed as ${landed.id}; finishing the change with it.`);
            step = await replaceSchedule({ api, records: writer, readBack: true, now }, { ...request, landedId: landed.id });
          } else {
            await writer.update((state) => model.clearAttempt(state, old.id));
            step = { ...step, unsure: false };
          }
        }

        if (!step.ok) {
          const exist = step.exist.map((e) => (e === old.id ? `${e} (old)` : `${e} (new)`)).join(' and ');
          const hint = step.newId
            ? `${step.error instanceof DeleteMayHaveLandedError ? `Both may exist now (the delete of ${old.id} was sent and its answer lost)` : 'Both exist now'}: ${exist}. Check them with: letta-switchboard ${NOUN[kind]} get ${step.newId}; delete the one you do not want, or run this edit again to finish it.`
            : step.unsure
              ? `${old.id} is unchanged, and the new schedule may have been created (the answer was lost). Run this edit again, or 'letta-switchboard sync': either finds it and finishes, without creating another.`
              : `${old.id} is unchanged; no new schedule was created.`;
          throw new EditFailed(`Could not change ${old.id}: ${step.error?.message ?? 'unknown error'}`, hint, step.error?.exitCode ?? 1);
        }
        // Another machine changed or deleted it meanwhile: one copy is kept (see settleRacedEdit).
        if (listed) {
          const since = Math.min(began, now) - TWIN_SLACK_MS;
          const race = { agentId: old.agent_id, oldId: old.id, newId: step.newId!, old: { schedule: currentSchedule(old), messages: old.message?.messages ?? [] }, body, since, stamp, listed };
          const raced = await settleRacedEdit(api, book, race, !step.oldGone);
          for (const line of raced.lines) out.warn(line);
          if (raced.undone) throw new EditFailed(raced.undone.message, raced.undone.hint ?? '', 1);
          step = { ...step, newId: raced.keptId };
        }
        // A set's schedule given a new timing is a schedule of its own (its message alone changed, it stays in the set).
        const leftSet = meaning !== undefined ? recorded?.set_id : undefined;
        printReceiptOf(out, {
          document: {
            old_id: old.id,
            id: step.newId,
            agent_id: old.agent_id,
            changed,
            schedule: body.schedule,
            message: { messages: body.messages },
            ...timing,
            notes: meaning?.notes ?? [],
            ...(leftSet ? { left_set: leftSet } : {}),
          },
          title: `Replaced ${old.id} → ${step.newId}`,
          would: `Would replace ${old.id} with a new ${kind} schedule`,
          rows: [
            { id: step.newId! },
            ...editChanges(old, body, meaning?.timezone ?? rt.zone(), now, recorded && followsLocalClock(recorded) ? recorded.zone : rt.zone()),
            ...(leftSet ? [['Set', `left ${leftSet}, whose other schedules stay in it`] as [string, string]] : []),
          ],
          notes: meaning?.notes,
          warnings: meaning?.type === 'recurring' ? meaning.warnings : [],
        });
      });
    },
  });

/**
 * The --json fields `create --json` gives for the schedule's time (`timezone`, `local_cron`, `description`,
 * `next_runs`, ...): from the new reading, else, for a recurring schedule whose time stays, from its cron and record.
 */
function timingFields(meaning: OnceMeaning | RecurringMeaning | undefined, schedule: Schedule, recorded: Intent | undefined, now: number) {
  if (meaning !== undefined) {
    const { input: _input, type: _type, is_now: _isNow, ...timing } = meaning as Partial<OnceMeaning> & Partial<RecurringMeaning>;
    return timing;
  }
  return schedule.type === 'recurring' ? recurringAdditions({ schedule }, recorded, now) : {};
}

/** Whether the edit was asked to change anything at all (a zone given on the command line re-reads a recurring schedule's recorded phrase). */
function asked(rt: Runtime, kind: ScheduleKind, options: { message?: string; role?: string; cron?: string; executeAt?: string }): boolean {
  const given = [options.message, options.role, options.cron, options.executeAt].some((value) => value !== undefined);
  return given || (kind === 'recurring' && rt.settings.timezone.source === 'flag');
}

/**
 * The rule sync is to keep an unchanged schedule at, when the edit's phrase names another than the record
 * does (the same UTC cron today, read on another clock: `--cron "every day at 9am" --tz Europe/London` of a
 * schedule kept in UTC): the schedule stays, the record changes. Undefined when the record already says it,
 * or the phrase keeps no clock and nothing is recorded.
 */
function keptAnew(recorded: Intent | undefined, wanted: Intent): Intent | undefined {
  if (recorded) return recorded.zone === wanted.zone && recorded.local_rule === wanted.local_rule ? undefined : wanted;
  return keptAt(wanted) === undefined ? undefined : wanted;
}

/** What the record keeps an unchanged schedule at now, when the edit changed that. */
function keptRows(kept: Intent | undefined): ReceiptRow[] {
  if (!kept) return [];
  const text = keptAt(kept);
  return [text ? ['Kept at', `${text} (recorded; sync keeps it there across DST)`] : ['Kept as', `${kept.local_rule} in ${kept.zone} (recorded; sync leaves its UTC cron as it is)`]];
}

/** A series' schedules share its rule and message: one edited on its own would leave the series (its own lists, delete and top-up). */
function refuseSeriesMember(state: model.State, id: string): void {
  const series = model.seriesOf(state, id);
  const member = series?.members.find((m) => m.schedule_id === id);
  if (!series || !member || member.gone || model.seriesEnded(series)) return;
  throw new UsageError(
    `${id} is one of the schedules of series ${series.series_id}; an edit would take it out of the series`,
    `Change the whole series: delete it (letta-switchboard recurring delete ${series.series_id}) and create it again; or delete only this one: letta-switchboard onetime delete ${id}`,
  );
}

class EditFailed extends CliError {
  override readonly exitCode: number;
  constructor(message: string, hint: string, exitCode: number) {
    super(message, hint);
    this.exitCode = exitCode;
  }
}

/** The new time or schedule: --execute-at or --cron as given, or, with --tz alone, the recorded phrase read in the new zone. */
async function newMeaning(
  rt: Runtime,
  kind: ScheduleKind,
  options: { executeAt?: string; cron?: string; message?: string; role?: string },
  recorded: Intent | undefined,
  id: string,
): Promise<OnceMeaning | RecurringMeaning | undefined> {
  const zoneGiven = rt.settings.timezone.source === 'flag';
  // The schedule's clock is a field the edit did not ask to change: a new phrase is read on it. A record of a raw
  // cron or instant (given so, or a schedule made elsewhere: its phrase is its rule) names no one's clock.
  const clock = recorded !== undefined && recorded.phrase.trim() !== recorded.local_rule ? recorded.zone : undefined;
  const kept = !zoneGiven && clock !== undefined && clock !== rt.zone() ? clock : undefined;
  const phrase = { now: rt.now(), zone: kept ?? rt.zone() };
  const keptNote = <T extends { notes: string[] }>(meaning: T): T =>
    kept === undefined ? meaning : { ...meaning, notes: [`read in ${kept}, the zone the schedule was made in; give --tz to read it in another`, ...meaning.notes] };
  if (kind === 'one-time') {
    if (options.executeAt === undefined) return undefined;
    const meaning = await meaningOfOnce(options.executeAt, phrase);
    if (meaning.is_now) throw new UsageError("A one-time schedule needs a future time, not 'now'");
    return keptNote(meaning);
  }
  const text = options.cron ?? (zoneGiven && recorded !== undefined ? ownPhrase(recorded) : undefined);
  if (text === undefined) {
    if (!zoneGiven) return undefined;
    const hint = 'Give the schedule too: --cron WHEN.';
    if (options.message === undefined && options.role === undefined) throw new UsageError('--tz alone re-reads the phrase the schedule was made from, and none is recorded for it', hint);
    rt.out.warn(`--tz ${rt.zone()} leaves the time as it is: no phrase is recorded for this schedule to read in that zone. ${hint}`);
    return undefined;
  }
  const read = await meaningOfSchedule(text, phrase, NEXT_RUNS_SHOWN);
  if (read.type === 'series') {
    throw new UsageError(
      `'${text.trim()}' ${read.reason}; an edit replaces one schedule with one, and cannot make a series. It means: ${read.description}`,
      `Create the series with: letta-switchboard recurring create --cron "${text.trim()}" (with --agent-id and --message), then delete this schedule: letta-switchboard recurring delete ${id}`,
    );
  }
  const meaning = read;
  if (zoneGiven && meaning.local_cron === null) {
    // A 5-field cron is UTC whatever the zone: --tz alone would change nothing, and saying "already is that" hides why.
    if (options.cron === undefined && options.message === undefined && options.role === undefined) {
      throw new UsageError(
        `${recorded!.schedule_id} was made from the 5-field cron '${text}', which is read as UTC: --tz ${rt.zone()} does not apply to it`,
        `Give its time as a phrase in that zone: --cron 'every day at 9am' --tz ${rt.zone()}.`,
      );
    }
    rt.out.warn(`A 5-field cron is read as UTC; --tz ${rt.zone()} does not apply to it. Use a phrase ('every weekday at 10am') to schedule in a zone.`);
  }
  // A schedule that followed a clock, given a cron: that cron is on UTC's, so sync no longer moves it with the clock's changes.
  if (clock !== undefined && meaning.local_cron === null && changesClocks(clock, rt.now())) {
    meaning.notes.push(
      `${recorded!.schedule_id} followed the clock of ${clock} ('${recorded!.phrase}'); '${text}' is a cron on UTC's clock, which sync keeps as it is across DST. To keep a local time, give a phrase such as 'every day at 9am'`,
    );
  }
  if (meaning.cron_expressions && meaning.cron_expressions.length > 1) {
    throw new UsageError(
      `'${text}' needs ${meaning.cron_expressions.length} crons; an edit replaces one schedule with one`,
      'Create the others with recurring create, or pick a phrase that is one cron.',
    );
  }
  return keptNote(meaning);
}

/** The phrase a schedule's own time is read from: a set's phrase makes the whole set, so one of its schedules says its own local rule. */
function ownPhrase(recorded: Intent): string {
  const own = recorded.set_id !== undefined && followsLocalClock(recorded) ? describePlainCron(recorded.local_rule) : undefined;
  return own ?? recorded.phrase;
}
