import { Option, type Command } from '@commander-js/extra-typings';
import { CliError, UsageError } from '../../errors';
import { ROLES, type Role, type Schedule, type ScheduleKind } from '../../letta/types';
import type { Runtime } from '../../runtime';
import type { Intent } from '../../state/records';
import type { OnceMeaning, RecurringMeaning } from '../../time/index';
import { defineCommand } from '../command';
import { agentOption, messageOption, misplaced } from '../options';
import { NOUN } from '../shared/schedule';

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
        .addOption(once ? misplaced('--cron <when>', 'recurring edit') : new Option('--cron <when>', 'the new schedule (a phrase is read in --tz, or the configured zone)'))
        .option('--force', 'change it even if it fires within the next minute');
    },
    async run(rt, options, id) {
      const [{ findSchedule }, { editedBody, guardEdit }, { intentFromCreate, intentFromSchedule }, { replaceSchedule }, { recordWriter }, { findIntent }] = await Promise.all([
        import('../shared/schedule'),
        import('../../sync/edit'),
        import('../../sync/intent'),
        import('../../sync/execute'),
        import('../shared/state'),
        import('../../state/records'),
      ]);
      const old = await findSchedule(rt, kind, id);
      const now = rt.now();
      guardEdit(old, now, !!options.force);
      const recorded = await readIntent(rt, old.id);

      const meaning = await newMeaning(rt, kind, options, recorded);
      const schedule: Schedule | undefined =
        meaning === undefined ? undefined : meaning.type === 'one-time' ? { type: 'one-time', scheduled_at: meaning.scheduled_at } : { type: 'recurring', cron_expression: meaning.cron_expression };
      let message: string | undefined;
      if (options.message !== undefined) message = await (await import('../shared/message')).readMessage(rt, options.message);
      const { body, changed } = editedBody(old, { message, role: options.role as Role | undefined, schedule });
      if (changed.length === 0) throw new UsageError(`Nothing to change: ${old.id} already is that`, `Pass ${kind === 'one-time' ? '--execute-at' : '--cron, --tz'}, --message or --role with a new value.`);

      const api = await rt.api();
      const records = await recordWriter(rt);
      const step = await replaceSchedule({ api, records, readBack: !rt.dryRun, now }, old.agent_id, old.id, body, undefined, (state, newId) => {
        const before = findIntent(state, old.id);
        if (meaning) return { ...intentFromCreate(newId, old.agent_id, meaning, now), replaces: before?.replaces ?? [] };
        if (before) return { ...before, schedule_id: newId, created_at: new Date(now).toISOString(), replaced_by: undefined, status: 'active', status_at: undefined };
        return intentFromSchedule(newId, old.agent_id, body.schedule, now);
      });

      const out = rt.out;
      if (!step.ok) {
        const exist = step.exist.map((e) => (e === old.id ? `${e} (old)` : `${e} (new)`)).join(' and ');
        const hint = step.newId
          ? `Both exist now: ${exist}. Check them with: letta-switchboard ${NOUN[kind]} get ${step.newId}; delete the one you do not want.`
          : `${old.id} is unchanged; no new schedule was created.`;
        throw new EditFailed(`Could not change ${old.id}: ${step.error?.message ?? 'unknown error'}`, hint, step.error?.exitCode ?? 1);
      }
      if (out.json) return out.document({ old_id: old.id, id: step.newId, agent_id: old.agent_id, changed, schedule: body.schedule, message: { messages: body.messages } });
      out.line(step.newId!);
      if (out.quiet) return;
      const [{ printReceipt }, { editChanges }] = await Promise.all([import('../../output/receipt'), import('../shared/changes')]);
      printReceipt(out, `${rt.dryRun ? 'Would replace' : 'Replaced'} ${old.id} → ${step.newId}`, editChanges(old, body, rt.zone(), now));
      if (meaning?.type === 'recurring') for (const warning of meaning.warnings) out.warn(warning);
    },
  });

class EditFailed extends CliError {
  override readonly exitCode: number;
  constructor(message: string, hint: string, exitCode: number) {
    super(message, hint);
    this.exitCode = exitCode;
  }
}

/** What the record says about a schedule, if it says anything (the record is optional). */
async function readIntent(rt: Runtime, id: string): Promise<Intent | undefined> {
  const [{ stateStore }, { findIntent }] = await Promise.all([import('../shared/state'), import('../../state/records')]);
  try {
    return findIntent(await (await stateStore(rt)).read(), id);
  } catch (error) {
    if (error instanceof CliError) return undefined;
    throw error;
  }
}

/** The new time or schedule: --execute-at or --cron as given, or, with --tz alone, the recorded phrase read in the new zone. */
async function newMeaning(rt: Runtime, kind: ScheduleKind, options: { executeAt?: string; cron?: string }, recorded: Intent | undefined): Promise<OnceMeaning | RecurringMeaning | undefined> {
  const phrase = { now: rt.now(), zone: rt.zone() };
  const { meaningOfOnce, meaningOfRecurring } = await import('../../time/index');
  if (kind === 'one-time') {
    if (options.executeAt === undefined) return undefined;
    const meaning = await meaningOfOnce(options.executeAt, phrase);
    if (meaning.is_now) throw new UsageError("A one-time schedule needs a future time, not 'now'");
    return meaning;
  }
  const zoneGiven = rt.settings.timezone.source === 'flag';
  const text = options.cron ?? (zoneGiven ? recorded?.phrase : undefined);
  if (text === undefined) {
    if (zoneGiven) throw new UsageError('--tz alone re-reads the phrase the schedule was made from, and none is recorded for it', 'Give the schedule too: --cron WHEN.');
    return undefined;
  }
  const meaning = await meaningOfRecurring(text, phrase, 1);
  if (meaning.cron_expressions && meaning.cron_expressions.length > 1) {
    throw new UsageError(`'${text}' needs ${meaning.cron_expressions.length} crons; an edit replaces one schedule with one`, 'Create the others with recurring create, or pick a phrase that is one cron.');
  }
  return meaning;
}
