import { Option, type Command } from '@commander-js/extra-typings';
import { scheduleKind, type ScheduledMessage, type ScheduleKind } from '../../letta/types';
import type { Column } from '../../output/list';
import { defineCommand } from '../command';
import { agentOption, wideOption } from '../options';
import { cronInZone, messageText, nextRun, NOUN, withAdditions } from '../shared/schedule';

/** `onetime list` and `recurring list`: every page, one kind; every agent's with --all-agents or when no agent is set anywhere. */
export default (kind: ScheduleKind) =>
  defineCommand({
    path: [NOUN[kind], 'list'],
    description: `List ${kind} schedules (every page)`,
    examples: [`letta-switchboard ${NOUN[kind]} list --agent-id support-bot`, `letta-switchboard ${NOUN[kind]} list --all-agents --json`, `letta-switchboard ${NOUN[kind]} list -q`],
    globals: ['output', 'time', 'api'],
    declare: (command: Command) =>
      command
        .addOption(agentOption())
        .addOption(new Option('--all-agents', "every agent's schedules (the default when no agent is set anywhere)").conflicts('agentId'))
        .addOption(wideOption()),
    async run(rt, options) {
      const api = await rt.api();
      const zone = rt.zone();
      const now = rt.now();
      const agent = rt.agentOrNone();
      const allAgents = options.allAgents || !agent;
      const [{ printList, GIVE_UP }, { localAndUtc }, { schedulesOf }] = await Promise.all([import('../../output/list'), import('../../output/when'), import('../shared/schedule')]);
      const when = (item: ScheduledMessage) => {
        const { value, field } = nextRun(item);
        return value === undefined ? { ms: undefined, local: '-', utc: '-' } : localAndUtc(zone, value, field);
      };
      const names = new Map(allAgents ? (await api.allAgents()).map((a) => [a.id, a.name] as const) : []);
      const localCron = (item: ScheduledMessage) => (seriesLabel(item) ? '-' : (cronInZone(item.schedule.cron_expression ?? '', zone, now) ?? '-'));
      const columns: Array<Column<ScheduledMessage>> = [
        { header: 'ID', cell: (item) => item.id, shortIds: true, giveUp: GIVE_UP.id },
        { header: 'AGENT', cell: (item) => item.agent_id ?? '', shown: (item) => names.get(item.agent_id ?? '') || (item.agent_id ?? ''), onTerminal: allAgents, giveUp: GIVE_UP.agent },
        ...(kind === 'recurring'
          ? [
              { header: 'CRON (UTC)', cell: (item: ScheduledMessage) => seriesLabel(item) ?? item.schedule.cron_expression ?? '-', giveUp: GIVE_UP.utc },
              {
                header: 'CRON',
                cell: localCron,
                // On a terminal this column is the one kept: a cron no local cron can say is shown in UTC, named so, and a series by its rule.
                shown: (item: ScheduledMessage) => seriesLabel(item) ?? (localCron(item) !== '-' ? localCron(item) : `${item.schedule.cron_expression ?? '-'} UTC`),
              },
            ]
          : []),
        { header: kind === 'one-time' ? 'RUNS AT' : 'NEXT RUN', cell: (item) => when(item).local },
        { header: 'UTC', cell: (item) => when(item).utc, giveUp: GIVE_UP.utc },
        { header: 'MESSAGE', cell: messageText, flexible: true },
      ];
      const seen = new Set<string>();
      const ofKind = (items: ScheduledMessage[]) =>
        items.filter((item) => scheduleKind(item) === kind && !seen.has(item.id) && seen.add(item.id));

      async function* pages(): AsyncGenerator<ScheduledMessage[]> {
        const agentIds = allAgents ? undefined : [await rt.agentId(agent!)];
        for await (const page of schedulesOf(rt, agentIds)) yield ofKind(page);
        if (kind === 'recurring') yield await (await import('../shared/series')).seriesRows(rt, agentIds);
      }

      await printList(
        rt.out,
        { columns, id: (item) => item.id, json: withAdditions, empty: `No ${kind} schedules.`, sortKey: (item) => when(item).ms, wide: options.wide },
        pages(),
      );
    },
  });

/** A series row (one line for all its one-time schedules): its rule and how many are waiting. */
function seriesLabel(item: ScheduledMessage): string | undefined {
  return typeof item.series_id === 'string' ? `series: ${String(item.phrase)} (${String(item.remaining)} waiting)` : undefined;
}
