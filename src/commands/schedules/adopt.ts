import type { Command } from '@commander-js/extra-typings';
import { UsageError } from '../../errors';
import { defineCommand } from '../command';
import { agentOption } from '../options';

/** `recurring adopt ID --tz ZONE`: keep a schedule made elsewhere on the clock of a zone, so sync keeps it there. */
export default defineCommand({
  path: ['recurring', 'adopt'],
  description: 'Record a schedule made elsewhere as local time in a zone, so sync keeps it there across DST',
  examples: ['letta-switchboard recurring adopt SCHEDULE_ID --tz America/New_York', 'letta-switchboard recurring adopt SCHEDULE_ID --agent-id support-bot --tz Europe/Berlin'],
  globals: ['output', 'time', 'api'],
  declare: (command: Command) => command.argument('<id>', 'the recurring schedule to adopt').addOption(agentOption()),
  async run(rt, _options, id) {
    if (rt.settings.timezone.source !== 'flag') {
      throw new UsageError('adopt needs --tz ZONE: the zone whose clock the schedule is meant to follow', `For example: letta-switchboard recurring adopt ${id} --tz America/New_York`);
    }
    const zone = rt.zone();
    const now = rt.now();
    const [{ findSchedule }, { localCronFromUtc }, { stateStore, whileChanging, serverOf }, { adoptIntent }, { localAndUtc }] = await Promise.all([
      import('../shared/schedule'),
      import('../../sync/local-rule'),
      import('../shared/state'),
      import('../../state/records'),
      import('../../output/when'),
    ]);
    const store = await stateStore(rt);
    const at = new Date(now).toISOString();
    // Read and recorded holding the changes lock: a sync cannot replace it between the two.
    const { intent, cron, localRule } = await whileChanging(rt, async () => {
      const schedule = await findSchedule(rt, 'recurring', id);
      const cron = schedule.schedule.cron_expression ?? '';
      const localRule = localCronFromUtc(cron, zone, now);
      if (localRule === null) {
        throw new UsageError(`${id} runs '${cron}', which names no time of day, so there is no local time to keep`, 'Only schedules at clock times (such as 0 14 * * 1-5) can be adopted.');
      }
      const fields = { schedule_id: id, agent_id: schedule.agent_id, server: serverOf(rt), kind: 'recurring' as const, phrase: cron, zone, local_rule: localRule, utc_crons: [cron] };
      return { intent: await store.update((state) => adoptIntent(state, fields, at)), cron, localRule };
    });
    const out = rt.out;
    if (out.json) return out.document(intent);
    out.line(id);
    if (out.quiet) return;
    const { describeCron, nextRuns } = await import('../../time/cron');
    out.success(`Adopted ${id}: kept at ${describeCron(localRule)} in ${zone}`);
    out.info(`  UTC cron    ${cron}`);
    out.info(`  Local cron  ${localRule} (${zone})`);
    const next = nextRuns(cron, now, 1)[0];
    if (next !== undefined) {
      const { local, utc } = localAndUtc(zone, next, 'next run');
      out.info(`  Next        ${local} (${utc})`);
    }
    const { HOURLY_SYNC_HINT } = await import('../../sync/intent');
    out.info(`Run 'letta-switchboard sync' after DST changes, or hourly from cron: ${HOURLY_SYNC_HINT}`);
  },
});
