import type { Command } from '@commander-js/extra-typings';
import { defineCommand } from '../command';
import { printList, GIVE_UP } from '../../output/list';
import { localAndUtc } from '../../output/when';
import { scheduleText } from '../../agenda/sources';
import { firstLine } from '../../agenda/rows';
import { serverOf, stateStore } from '../shared/state';
import type { Runtime } from '../../runtime';
import { recreateBody } from '../shared/schedule-copy';
import { serverNamed } from '../../state/records';

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
      /** Its pause was cut short: it, or some of its members, may still be on Letta and fire. */
      unfinished: boolean;
    }
    const setOf = (id: string) => {
      const setId = state.intents.find((intent) => intent.schedule_id === id)?.set_id;
      return setId === undefined ? {} : { set_id: setId };
    };
    const schedules: Row[] = state.paused.map((item) => ({
      id: item.old_id,
      agentId: item.schedule.agent_id,
      rule: item.schedule.schedule.cron_expression ?? '-',
      pausedAt: item.paused_at,
      text: scheduleText(item.schedule),
      unfinished: item.deleting === true,
      json: {
        // The id resume takes (what -q prints) and its agent, under the names every other list gives them.
        id: item.old_id,
        agent_id: item.schedule.agent_id,
        ...item,
        // One schedule of a paused set: `recurring resume SET_ID` brings the set back whole.
        ...setOf(item.old_id),
        pause_unfinished: item.deleting === true,
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
          unfinished: one.pause_unfinished === true,
          json: {
            id: one.series_id,
            series_id: one.series_id,
            old_id: one.series_id,
            kind: 'series',
            agent_id: one.agent_id,
            phrase: one.phrase,
            timezone: one.zone,
            paused_at: pausedAt,
            pause_unfinished: one.pause_unfinished === true,
            members: members.map((m) => ({ id: m.schedule_id, scheduled_at_iso: m.instant })),
            message: one.template,
          },
        };
      });
    const rows = [...schedules, ...series].sort((x, y) => Date.parse(x.pausedAt) - Date.parse(y.pausedAt));
    const unfinished = rows.filter((row) => row.unfinished).map((row) => row.id);
    if (unfinished.length > 0)
      rt.out.warn(
        `the pause of ${unfinished.join(', ')} was cut short before its delete was seen done: it may still be on Letta, firing. Pause it again to finish (letta-switchboard recurring pause ${unfinished.join(' ')}), or run letta-switchboard sync.`,
      );
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
        empty: rows.length === 0 ? await nothingPausedHere(rt) : '',
        now: rt.now(),
      },
      [rows],
    );
  },
});

/** Nothing paused for the server in use; where this machine keeps paused copies of other servers' schedules, which and how to see them. */
async function nothingPausedHere(rt: Runtime): Promise<string> {
  const server = serverOf(rt);
  const all = await (await stateStore(rt, { everyServer: true })).readShared();
  const counts = new Map<string, number>();
  const count = (named: string | undefined) => named !== undefined && named !== server && counts.set(named, (counts.get(named) ?? 0) + 1);
  for (const item of all.paused) count(serverNamed('paused', item));
  for (const one of all.series) if (one.status === 'paused') count(one.server);
  const elsewhere = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([other, n]) => `${n} for ${other} (see them with --base-url ${other})`);
  return `Nothing is paused on this machine for ${server}.${elsewhere.length > 0 ? ` Paused for other servers: ${elsewhere.join('; ')}.` : ''}`;
}
