import type { Command } from '@commander-js/extra-typings';
import { defineCommand } from '../command';
import { openState } from '../../state/store';
import { printList, GIVE_UP } from '../../output/list';
import { localAndUtc } from '../../output/when';
import { recreateBody } from '../../agenda/schedule-copy';
import { scheduleText } from '../../agenda/sources';
import { firstLine } from '../../agenda/rows';
import { onServer } from '../../state/records';
import { serverOf } from '../shared/state';

/** What is paused on this machine: since when, the old id, and (with --json) everything needed to recreate it. */
export default defineCommand({
  path: ['recurring', 'paused'],
  description: 'List paused recurring schedules: since when, their old ids; --json gives everything needed to recreate them',
  examples: ['letta-switchboard recurring paused', 'letta-switchboard recurring paused --json > paused.json', 'letta-switchboard recurring paused -q | letta-switchboard recurring resume -'],
  globals: ['output', 'time'],
  declare: (command: Command) => command,
  async run(rt) {
    const store = openState(rt.env, rt.home, { signal: rt.signal });
    // Only what was paused on the server in use: another server's copies are resumed there.
    const paused = (await store.read()).paused.filter((item) => onServer(item, serverOf(rt)));
    const zone = rt.zone();
    const since = (item: (typeof paused)[number]) => localAndUtc(zone, Date.parse(item.paused_at), 'paused_at');
    await printList(
      rt.out,
      {
        columns: [
          { header: 'OLD ID', cell: (item) => item.old_id, shortIds: true, giveUp: GIVE_UP.id },
          { header: 'AGENT', cell: (item) => item.schedule.agent_id, giveUp: GIVE_UP.agent },
          { header: 'CRON (UTC)', cell: (item) => item.schedule.schedule.cron_expression ?? '-' },
          { header: 'PAUSED SINCE', cell: (item) => since(item).local, relative: (item) => since(item).ms },
          { header: 'UTC', cell: (item) => since(item).utc, giveUp: GIVE_UP.utc },
          { header: 'MESSAGE', cell: (item) => firstLine(scheduleText(item.schedule)), flexible: true },
        ],
        id: (item) => item.old_id,
        json: (item) => ({
          ...item,
          // The request that re-creates it on any machine with the API key.
          recreate: {
            method: 'POST',
            path: `/v1/agents/${item.schedule.agent_id}/schedule`,
            body: recreateBody(item.schedule, { type: 'recurring', cron_expression: item.schedule.schedule.cron_expression ?? '' }),
          },
        }),
        empty: 'Nothing is paused on this machine.',
        now: rt.now(),
      },
      [paused],
    );
  },
});
