import type { Command } from '@commander-js/extra-typings';
import { NotFoundError, UsageError, WrongKindError } from '../../errors';
import { defineCommand } from '../command';
import { agentOption } from '../options';
import { findSchedule } from '../shared/schedule';
import { localCronFromUtc } from '../../sync/local-rule';
import { stateStore, whileChanging, serverOf, successorInRecord } from '../shared/state';
import { adoptIntent, findIntent, type State } from '../../state/records';
import { localAndUtc } from '../../output/when';
import { describeCron, nextRuns } from '../../time/cron';
import { printReceiptOf } from '../../output/receipt';
import { HOURLY_SYNC_HINT } from '../../sync/intent';
import { messagesKey } from '../../letta/message-text';

/** `recurring adopt ID [--tz ZONE]`: keep a schedule made elsewhere on the clock of a zone (--tz, else the configured one), so sync keeps it there. */
export default defineCommand({
  path: ['recurring', 'adopt'],
  description: 'Record a schedule made elsewhere as local time in a zone, so sync keeps it there across DST',
  examples: ['letta-switchboard recurring adopt SCHEDULE_ID --tz America/New_York', 'letta-switchboard recurring adopt SCHEDULE_ID --agent-id support-bot --tz Europe/Berlin'],
  globals: ['output', 'time', 'api', 'dryRun'],
  declare: (command: Command) => command.argument('<id>', 'the recurring schedule to adopt').addOption(agentOption()),
  async run(rt, _options, given) {
    let id = given;
    if (id.startsWith('set-') || id.startsWith('series-')) {
      throw new UsageError(`${id} was made by letta-switchboard and is recorded already; sync keeps it`, 'adopt takes in a schedule made elsewhere (the Letta app, another tool), by its schedule id.');
    }
    if (rt.settings.timezone.source !== 'flag' && rt.settings.timezone.source !== 'file') {
      throw new UsageError(
        'adopt needs a zone: the one whose clock the schedule is meant to follow',
        `Pass --tz ZONE (e.g. letta-switchboard recurring adopt ${id} --tz America/New_York), or set one with: letta-switchboard config set-timezone ZONE`,
      );
    }
    const zone = rt.zone();
    const now = rt.now();
    const store = await stateStore(rt);
    const at = new Date(now).toISOString();
    // Read and recorded holding the changes lock: a sync cannot replace it between the two.
    let before: ReturnType<typeof findIntent>;
    const { intent, cron, localRule } = await whileChanging(rt, async () => {
      // An id an edit, sync or resume here replaced: the schedule that stands for it now, as every other command takes it.
      const schedule = await findSchedule(rt, 'recurring', id).catch(async (error: unknown) => {
        const successor = error instanceof NotFoundError && !(error instanceof WrongKindError) ? await successorInRecord(rt, id) : undefined;
        if (successor === undefined) throw error;
        id = successor;
        return findSchedule(rt, 'recurring', successor);
      });
      const cron = schedule.schedule.cron_expression ?? '';
      const localRule = localCronFromUtc(cron, zone, now);
      if (localRule === null) {
        throw new UsageError(`${id} runs '${cron}', which names no time of day, so there is no local time to keep`, 'Only schedules at clock times (such as 0 14 * * 1-5) can be adopted.');
      }
      const fields = {
        schedule_id: id,
        agent_id: schedule.agent_id,
        server: serverOf(rt),
        kind: 'recurring' as const,
        phrase: cron,
        zone,
        local_rule: localRule,
        utc_crons: [cron],
        messages_key: messagesKey(schedule.message?.messages),
      };
      const adopt = (state: State) => {
        before = findIntent(state, id);
        return adoptIntent(state, fields, at, schedule.created_at);
      };
      // --dry-run: what would be recorded, worked out on a copy of the record.
      const intent = rt.dryRun ? adopt(await store.read()) : await store.update(adopt);
      return { intent, cron, localRule };
    });
    const means = describeCron(localRule);
    const next = nextRuns(cron, now, 1)[0];
    const was = before === undefined ? 'not recorded (UTC only)' : `${before.local_rule} in ${before.zone}`;
    printReceiptOf(rt.out, {
      // `id` as every receipt has it (the API's field), beside the record's own `schedule_id`.
      document: { id: intent.schedule_id, ...intent, ...(rt.dryRun ? { dry_run: true } : {}) },
      title: `${rt.dryRun ? 'Would adopt' : 'Adopted'} ${id}: kept ${means.charAt(0).toLowerCase()}${means.slice(1)}, ${zone} time`,
      rows: [
        { id },
        ['Local cron', was, `${localRule} in ${zone}`],
        ['UTC cron', `${cron} (sent to Letta as it was)`],
        ...(next === undefined ? [] : [['Next run', (({ local, utc }) => `${local} (${utc})`)(localAndUtc(zone, next, 'next run'))] as [string, string]]),
      ],
      footer: [rt.dryRun ? 'Dry run: the record of intent is unchanged.' : `Run 'letta-switchboard sync' after DST changes, or hourly from cron: ${HOURLY_SYNC_HINT}`],
    });
  },
});
