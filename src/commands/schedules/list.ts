import type { Command } from '@commander-js/extra-typings';
import { scheduleKind, type ScheduledMessage, type ScheduleKind } from '../../letta/types';
import type { Column } from '../../output/list';
import { defineCommand } from '../command';
import { agentOption, allAgentsOption, wideOption } from '../options';
import { cronInZone, messageText, nextRun, NOUN, originOf, withAdditions } from '../shared/schedule';

/** `onetime list` and `recurring list`: every page, one kind; every agent's with --all-agents or when no agent is set anywhere. */
export default (kind: ScheduleKind) =>
  defineCommand({
    path: [NOUN[kind], 'list'],
    description: `List ${kind} schedules (every page)`,
    examples: [`letta-switchboard ${NOUN[kind]} list --agent-id support-bot`, `letta-switchboard ${NOUN[kind]} list --all-agents --json`, `letta-switchboard ${NOUN[kind]} list -q`],
    globals: ['output', 'time', 'api'],
    declare: (command: Command) =>
      command.addOption(agentOption()).addOption(allAgentsOption("every agent's schedules")).addOption(wideOption()),
    async run(rt, options) {
      const api = await rt.api();
      const zone = rt.zone();
      const now = rt.now();
      const agent = rt.agentOrNone();
      const allAgents = options.allAgents || !agent;
      const [{ printList, GIVE_UP }, { localAndUtc }, { schedulesOf }, { readRecordOrNothing }] = await Promise.all([
        import('../../output/list'),
        import('../../output/when'),
        import('../shared/schedule'),
        import('../shared/state'),
      ]);
      const record = await readRecordOrNothing(rt);
      const recorded = new Set([...record.intents.map((i) => i.schedule_id), ...record.series.flatMap((s) => [s.series_id, ...s.members.map((m) => m.schedule_id)])]);
      // Schedules another client made are labelled; this tool never syncs, prunes or adopts them unless asked.
      const label = (item: ScheduledMessage) => (originOf(item, recorded) === 'letta-code wake' ? '[letta-code wake] ' : '');
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
        { header: 'MESSAGE', cell: (item) => `${label(item)}${messageText(item)}`, flexible: true },
      ];
      const seen = new Set<string>();
      const ofKind = (items: ScheduledMessage[]) =>
        items.filter((item) => scheduleKind(item) === kind && !seen.has(item.id) && seen.add(item.id));

      async function* pages(): AsyncGenerator<ScheduledMessage[]> {
        const agentIds = allAgents ? undefined : [await rt.agentId(agent!)];
        for await (const page of schedulesOf(rt, agentIds)) yield ofKind(page);
        if (kind === 'recurring') yield await (await import('../shared/series')).seriesRows(rt, agentIds);
      }

      const json = (item: ScheduledMessage) => (typeof item.series_id === 'string' ? withAdditions(item) : { ...withAdditions(item), made_by: originOf(item, recorded) });
      await printList(rt.out, { columns, id: (item) => item.id, json, empty: `No ${kind} schedules.`, sortKey: (item) => when(item).ms, wide: options.wide }, pages());
    },
  });

/** A series row (one line for all its one-time schedules): its rule and how many are waiting. */
function seriesLabel(item: ScheduledMessage): string | undefined {
  return typeof item.series_id === 'string' ? `series: ${String(item.phrase)} (${String(item.remaining)} waiting)` : undefined;
}
