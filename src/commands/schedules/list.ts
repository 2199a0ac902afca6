import type { Command } from '@commander-js/extra-typings';
import { scheduleKind, type ScheduledMessage, type ScheduleKind } from '../../letta/types';
import type { Column } from '../../output/list';
import { defineCommand } from '../command';
import { agentOption, allAgentsOption } from '../options';
import { cronInZone, messageText, nextRun, NOUN, withAdditions } from '../shared/schedule';

/** `onetime list` and `recurring list`: every page, one kind; every agent's with --all-agents or when no agent is set anywhere. */
export default (kind: ScheduleKind) =>
  defineCommand({
    path: [NOUN[kind], 'list'],
    description: `List ${kind} schedules (every page)`,
    examples: [`letta-switchboard ${NOUN[kind]} list --agent-id support-bot`, `letta-switchboard ${NOUN[kind]} list --all-agents --json`, `letta-switchboard ${NOUN[kind]} list -q`],
    globals: ['output', 'time', 'api'],
    declare: (command: Command) =>
      command.addOption(agentOption()).addOption(allAgentsOption("every agent's schedules")),
    async run(rt, options) {
      const api = await rt.api();
      const zone = rt.zone();
      const now = rt.now();
      const agent = rt.agentOrNone();
      const allAgents = options.allAgents || !agent;
      const [{ printList }, { localAndUtc }] = await Promise.all([import('../../output/list'), import('../../output/when')]);
      const when = (item: ScheduledMessage) => {
        const { value, field } = nextRun(item);
        return value === undefined ? { local: '-', utc: '-' } : localAndUtc(zone, value, field);
      };
      const columns: Array<Column<ScheduledMessage>> = [
        { header: 'ID', cell: (item) => item.id },
        { header: 'AGENT', cell: (item) => item.agent_id ?? '', onTerminal: allAgents },
        ...(kind === 'recurring'
          ? [
              { header: 'CRON (UTC)', cell: (item: ScheduledMessage) => seriesLabel(item) ?? item.schedule.cron_expression ?? '-' },
              { header: `CRON (${zone})`, cell: (item: ScheduledMessage) => (seriesLabel(item) ? '-' : (cronInZone(item.schedule.cron_expression ?? '', zone, now) ?? '-')), optional: true },
            ]
          : []),
        { header: kind === 'one-time' ? 'RUNS AT' : 'NEXT RUN', cell: (item) => when(item).local },
        { header: 'UTC', cell: (item) => when(item).utc, optional: true },
        { header: 'MESSAGE', cell: messageText, flexible: true },
      ];
      const seen = new Set<string>();
      const ofKind = (items: ScheduledMessage[]) =>
        items.filter((item) => scheduleKind(item) === kind && !seen.has(item.id) && seen.add(item.id));

      async function* pages(): AsyncGenerator<ScheduledMessage[]> {
        if (!allAgents) {
          const agentId = await rt.agentId(agent!);
          for await (const page of api.schedulePages(agentId)) yield ofKind(page.map((item) => ({ ...item, agent_id: item.agent_id ?? agentId })));
          if (kind === 'recurring') yield await (await import('../shared/series')).seriesRows(rt, [agentId]);
          return;
        }
        const [{ mapLimited }, { AGENT_CONCURRENCY }] = await Promise.all([import('../../concurrency'), import('../../letta/api')]);
        const agentIds = await api.allAgentIds();
        const perAgent = mapLimited(agentIds, AGENT_CONCURRENCY, async (agentId) => {
          const items: ScheduledMessage[] = [];
          for await (const page of api.schedulePages(agentId)) for (const item of page) items.push({ ...item, agent_id: item.agent_id ?? agentId });
          return items;
        });
        for (const items of perAgent) yield ofKind(await items);
        if (kind === 'recurring') yield await (await import('../shared/series')).seriesRows(rt, undefined);
      }

      await printList(rt.out, { columns, id: (item) => item.id, json: withAdditions, empty: `No ${kind} schedules.` }, pages());
    },
  });

/** A series row (one line for all its one-time schedules): its rule and how many are waiting. */
function seriesLabel(item: ScheduledMessage): string | undefined {
  return typeof item.series_id === 'string' ? `series: ${String(item.phrase)} (${String(item.remaining)} waiting)` : undefined;
}
