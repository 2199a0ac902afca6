import type { Command } from '@commander-js/extra-typings';
import { defineCommand } from '../command';
import { printList, GIVE_UP } from '../../output/list';
import { localAndUtc } from '../../output/when';
import { scheduleText } from '../../agenda/sources';
import { firstLine } from '../../agenda/rows';
import { stateStore } from '../shared/state';
import { recreateBody } from '../shared/schedule-copy';

/** What is paused on this machine: since when, the old id, and (with --json) everything needed to recreate it. */
export default defineCommand({
  path: ['recurring', 'paused'],
  description: 'List paused recurring schedules: since when, their old ids; --json gives everything needed to recreate them',
  examples: ['letta-switchboard recurring paused', 'letta-switchboard recurring paused --json > paused.json', 'letta-switchboard recurring paused -q | letta-switchboard recurring resume -'],
  globals: ['output', 'time'],
  declare: (command: Command) => command,
  async run(rt) {
    // Only what was paused on the server in use (the store's): another server's copies are resumed there.
    const state = await (await stateStore(rt)).readShared();
    const zone = rt.zone();
    interface Row {
      id: string;
      agentId: string;
      rule: string;
      pausedAt: string;
      text: string;
      json: unknown;
    }
    const schedules: Row[] = state.paused.map((item) => ({
      id: item.old_id,
      agentId: item.schedule.agent_id,
      rule: item.schedule.schedule.cron_expression ?? '-',
      pausedAt: item.paused_at,
      text: scheduleText(item.schedule),
      json: {
        ...item,
        // The request that re-creates it on any machine with the API key.
        recreate: {
          method: 'POST',
          path: `/v1/agents/${item.schedule.agent_id}/schedule`,
          body: recreateBody(item.schedule, { type: 'recurring', cron_expression: item.schedule.schedule.cron_expression ?? '' }),
        },
      },
    }));
    // A paused series is one row: its rule, and the members resume creates again.
    const series: Row[] = state.series
      .filter((one) => one.status === 'paused')
      .map((one) => {
        const members = one.members.filter((m) => m.paused === true);
        const pausedAt = one.paused_at ?? one.status_at ?? one.created_at;
        return {
          id: one.series_id,
          agentId: one.agent_id,
          rule: `series: ${one.phrase} (${members.length} paused)`,
          pausedAt,
          text: scheduleText({ message: one.template as never }),
          json: {
            series_id: one.series_id,
            old_id: one.series_id,
            kind: 'series',
            agent_id: one.agent_id,
            phrase: one.phrase,
            timezone: one.zone,
            paused_at: pausedAt,
            members: members.map((m) => ({ id: m.schedule_id, scheduled_at_iso: m.instant })),
            message: one.template,
          },
        };
      });
    const rows = [...schedules, ...series].sort((x, y) => Date.parse(x.pausedAt) - Date.parse(y.pausedAt));
    const since = (row: Row) => localAndUtc(zone, Date.parse(row.pausedAt), 'paused_at');
    await printList(
      rt.out,
      {
        columns: [
          { header: 'OLD ID', cell: (row) => row.id, shortIds: true, giveUp: GIVE_UP.id },
          { header: 'AGENT', cell: (row) => row.agentId, giveUp: GIVE_UP.agent },
          { header: 'CRON (UTC)', cell: (row) => row.rule },
          { header: 'PAUSED SINCE', cell: (row) => since(row).local, relative: (row) => since(row).ms },
          { header: 'UTC', cell: (row) => since(row).utc, giveUp: GIVE_UP.utc },
          { header: 'MESSAGE', cell: (row) => firstLine(row.text), flexible: true },
        ],
        id: (row) => row.id,
        json: (row) => row.json,
        empty: 'Nothing is paused on this machine.',
        now: rt.now(),
      },
      [rows],
    );
  },
});
