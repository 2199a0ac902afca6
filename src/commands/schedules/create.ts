import { Option, type Command } from '@commander-js/extra-typings';
import { UsageError } from '../../errors';
import type { ScheduleKind } from '../../letta/types';
import { defineCommand } from '../command';
import { agentOption, integer, messageOption, misplaced, NEXT_RUNS_SHOWN, roleOption } from '../options';
import { NOUN } from '../shared/schedule';
import { meaningOfOnce, meaningOfSchedule } from '../../time/index';
import { readMessage } from '../shared/message';
import { createSeries } from '../shared/create-series';
import { createScheduleSet } from '../shared/create-set';
import { createSchedule } from '../shared/create-schedule';

const EXAMPLES: Record<ScheduleKind, string[]> = {
  'one-time': [
    'letta-switchboard onetime create --agent-id support-bot --message "Reminder" --execute-at "in 2 hours"',
    'letta-switchboard onetime create --agent-id agent-123 --message "Report" --execute-at "dec 1 at 09:00 UTC" -q',
  ],
  recurring: [
    'letta-switchboard recurring create --agent-id support-bot --message "Standup" --cron "every weekday at 10am"',
    'letta-switchboard recurring create --agent-id support-bot --message "Ping" --cron "*/15 * * * *"',
    'letta-switchboard recurring create --agent-id support-bot --message "Report" --cron "every monday at 9am" --tz Europe/London',
  ],
};

/** `onetime create` and `recurring create`: one declaration, the kind as data. */
export default (kind: ScheduleKind) =>
  defineCommand({
    path: [NOUN[kind], 'create'],
    description: `Create a ${kind} schedule`,
    examples: EXAMPLES[kind],
    globals: ['output', 'time', 'api', 'dryRun'],
    declare: (command: Command) => {
      const once = kind === 'one-time';
      return command
        .addOption(agentOption())
        .addOption(messageOption())
        .addOption(roleOption())
        .addOption(once ? whenOption('--execute-at <when>', "when: 'in 2 hours', 'tomorrow at 9am', 'next monday at 3pm', ISO 8601") : misplaced('--execute-at <when>', 'onetime create'))
        .addOption(once ? misplaced('--cron <when>', 'recurring create') : whenOption('--cron <when>', "'every weekday at 10am', 'daily at 9am', or a 5-field UTC cron"))
        .addOption(once ? misplaced('--until <date>', 'recurring create') : new Option('--until <date>', 'last day (or instant) of a series of one-time schedules'))
        .addOption(once ? misplaced('--count <n>', 'recurring create') : new Option('--count <n>', 'how many runs in all, as a series of one-time schedules').argParser(integer('--count', 1, 10_000)));
    },
    async run(rt, options) {
      const agent = rt.agent();
      const phrase = { now: rt.now(), zone: rt.zone() };
      let meaning;
      if (kind === 'one-time') {
        meaning = await meaningOfOnce(required(options.executeAt, '--execute-at <when>'), phrase);
        if (meaning.is_now) throw new UsageError("A one-time schedule needs a future time, not 'now'", 'To send right away: letta-switchboard send --agent-id A --message M');
      } else {
        const cron = required(options.cron, '--cron <when>');
        const schedule = await meaningOfSchedule(cron, phrase, NEXT_RUNS_SHOWN);
        const rawCron = schedule.type === 'recurring' && schedule.local_cron === null && !(schedule.crons && schedule.crons.length > 1);
        if (rt.settings.timezone.source === 'flag' && rawCron) {
          rt.out.warn(`A 5-field cron is read as UTC; --tz ${rt.zone()} does not apply to it. Use a phrase ('every weekday at 10am') to schedule in a zone.`);
        }
        // A rule no cron says, or any rule with an end, is a series of one-time schedules.
        if (schedule.type === 'series' || options.until !== undefined || options.count !== undefined) {
          const message = await readMessage(rt, options.message);
          return createSeries(rt, { agent, message, role: options.role, meaning: schedule, until: options.until, count: typeof options.count === 'number' ? options.count : undefined });
        }
        if (schedule.crons && schedule.crons.length > 1) {
          const message = await readMessage(rt, options.message);
          return createScheduleSet(rt, { agent, message, role: options.role, meaning: { ...schedule, crons: schedule.crons } });
        }
        meaning = schedule;
      }
      const message = await readMessage(rt, options.message);
      await createSchedule(rt, { agent, message, role: options.role, meaning });
    },
  });

const whenOption = <Flags extends string>(flags: Flags, description: string) => new Option(flags, description).makeOptionMandatory();

function required(value: string | undefined, flags: string): string {
  if (value === undefined) throw new UsageError(`Required option '${flags}' not specified`);
  return value;
}
