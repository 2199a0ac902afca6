import type { Command } from '@commander-js/extra-typings';
import { UsageError } from '../../errors';
import { scheduleKind, type ScheduledMessage, type ScheduleKind } from '../../letta/types';
import { printList, GIVE_UP, type Column } from '../../output/list';
import { defineCommand } from '../command';
import { agentOption, allAgentsOption, concurrencyOption, groupOption, wideOption } from '../options';
import { additions, clockOf, cronInZone, messageText, NOUN, originOf, withAdditions, schedulesOf } from '../shared/schedule';
import { WithFields } from '../../output/with-fields';
import { localAndUtc } from '../../output/when';
import { readRecordOrNothing } from '../shared/state';
import { groupFilter, groupLabel, setRows } from '../shared/groups';
import { resolveScheduleIds } from '../shared/ids';
import type { Intent } from '../../state/records';
import { keptAt } from '../../output/kept-at';
import { seriesRowAsListed, seriesRows } from '../shared/series';
import { shownNextRun } from '../shared/next-run';

/** `onetime list` and `recurring list`: every page, one kind; every agent's with --all-agents or when no agent is set anywhere. */
export default (kind: ScheduleKind) =>
  defineCommand({
    path: [NOUN[kind], 'list'],
    description: `List ${kind} schedules (every page)`,
    examples: [
      `letta-switchboard ${NOUN[kind]} list --agent-id support-bot`,
      `letta-switchboard ${NOUN[kind]} list --all-agents --json`,
      `letta-switchboard ${NOUN[kind]} list -q`,
      `letta-switchboard ${NOUN[kind]} list --id ${kind === 'recurring' ? 'set' : 'series'}-...`,
    ],
    globals: ['output', 'time', 'api'],
    declare: (command: Command) =>
      command.addOption(agentOption()).addOption(allAgentsOption("every agent's schedules")).addOption(groupOption()).addOption(wideOption()).addOption(concurrencyOption()),
    async run(rt, options) {
      const api = await rt.api();
      const zone = rt.zone();
      const now = rt.now();
      const record = await readRecordOrNothing(rt, { shared: true });
      // --id: one set's or series' schedules, on the agent the record names; a set asked for is shown schedule by schedule.
      // One recorded against another server is refused, naming it (as get and agenda --id do).
      const group = options.id === undefined ? undefined : groupFilter(record, (await resolveScheduleIds(rt, [options.id.trim()]))[0]!, NOUN[kind]);
      if (group?.kind === 'set' && kind === 'one-time') throw new UsageError(`${group.id} is a set of recurring schedules`, `List it with: letta-switchboard recurring list --id ${group.id}`);
      const agent = group ? group.agentId : rt.agentOrNone();
      const allAgents = !group && (options.allAgents || !agent);
      // Looked up by id, the first of each as findIntent finds it: a scan of the record for each schedule made
      // listing 10,000 recorded schedules take 10,000 times as long as listing them.
      const intents = new Map<string, Intent>();
      for (const intent of record.intents) if (!intents.has(intent.schedule_id)) intents.set(intent.schedule_id, intent);
      const intentOf = (id: string) => {
        const intent = intents.get(id);
        return intent?.status === 'active' ? intent : undefined;
      };
      const recorded = new Set([...record.intents.map((i) => i.schedule_id), ...record.series.flatMap((s) => [s.series_id, ...s.members.map((m) => m.schedule_id)])]);
      // Schedules another client made are labelled; this tool never syncs, prunes or adopts them unless asked.
      // A series in the one-time list has no cron column to say what it is: its message says.
      const label = (item: ScheduledMessage) => {
        const series = kind === 'one-time' ? groupLabel(item) : undefined;
        return series ? `[${series}] ` : originOf(item, recorded) === 'letta-code wake' ? '[letta-code wake] ' : '';
      };
      const when = (item: ScheduledMessage) => {
        const { value, field } = shownNextRun(rt, item);
        return value === undefined ? { ms: undefined, local: '-', utc: '-' } : localAndUtc(zone, value, field);
      };
      /** What a schedule (or each schedule of a set) is kept at on a local clock, as a person reads it; '' when on none. */
      const kept = (item: ScheduledMessage): string => {
        const ids = Array.isArray(item.member_ids) ? (item.member_ids as string[]) : [item.id];
        const texts = ids.map((id) => intentOf(id)).flatMap((intent) => (intent && keptAt(intent)) ?? []);
        return [...new Set(texts)].join('; ');
      };
      const names = new Map(allAgents ? (await api.allAgents()).map((a) => [a.id, a.name] as const) : []);
      const localCron = (item: ScheduledMessage) => (groupLabel(item) ? '-' : (cronInZone(item.schedule.cron_expression ?? '', zone, now) ?? '-'));
      const columns: Array<Column<ScheduledMessage>> = [
        { header: 'ID', cell: (item) => item.id, shortIds: true },
        { header: 'AGENT', cell: (item) => item.agent_id ?? '', shown: (item) => names.get(item.agent_id ?? '') || (item.agent_id ?? ''), onTerminal: allAgents, giveUp: GIVE_UP.agent },
        ...(kind === 'recurring'
          ? [
              { header: 'CRON (UTC)', cell: (item: ScheduledMessage) => groupLabel(item) ?? item.schedule.cron_expression ?? '-', giveUp: GIVE_UP.utc },
              {
                header: 'CRON',
                cell: localCron,
                // On a terminal this column is the one kept: a set or series by its rule, a schedule the record keeps at a
                // local clock by what it is kept at, a cron no local cron can say in UTC, named so.
                shown: (item: ScheduledMessage) =>
                  groupLabel(item) ?? (kept(item) ? `kept at ${kept(item)}` : localCron(item) !== '-' ? localCron(item) : `${item.schedule.cron_expression ?? '-'} UTC`),
              },
            ]
          : []),
        { header: kind === 'one-time' ? 'RUNS AT' : 'NEXT RUN', cell: (item) => when(item).local, relative: (item) => when(item).ms },
        { header: 'UTC', cell: (item) => when(item).utc, giveUp: GIVE_UP.utc },
        { header: 'MESSAGE', cell: (item) => `${label(item)}${messageText(item)}`, flexible: true },
      ];
      const seen = new Set<string>();
      const ofKind = (items: ScheduledMessage[]) => items.filter((item) => scheduleKind(item) === kind && !seen.has(item.id) && seen.add(item.id));

      async function* pages(): AsyncGenerator<ScheduledMessage[]> {
        const agentIds = allAgents ? undefined : [await rt.agentId(agent!)];
        const inGroup = (item: ScheduledMessage) => group === undefined || group.ids.has(item.id);
        // A set is one row, made once every page is read (its schedules may be pages apart).
        const setMembers: ScheduledMessage[] = [];
        // A series is one row too, in both lists (its members are one-time schedules); --id SERIES lists them one by one.
        const series = kind === 'recurring' || !group ? (await seriesRows(rt, agentIds, record.series, kind)).filter(inGroup) : [];
        const inSeries = new Set(series.flatMap((row) => row.member_ids));
        // A series' members as listed: its row counts those there, not those the record keeps (some may be deleted elsewhere).
        const listedMembers = new Map<string, ScheduledMessage>();
        for await (const page of schedulesOf(rt, agentIds, options.concurrency)) {
          const rows: ScheduledMessage[] = [];
          for (const item of page) if (inSeries.has(item.id)) listedMembers.set(item.id, item);
          for (const item of ofKind(page).filter(inGroup)) {
            if (inSeries.has(item.id)) continue;
            (kind === 'recurring' && !group && intentOf(item.id)?.set_id !== undefined ? setMembers : rows).push(item);
          }
          yield rows;
        }
        yield series.flatMap((row) => seriesRowAsListed(row, listedMembers) ?? []);
        if (kind === 'recurring') yield setRows(setMembers, intentOf, record);
      }

      const json = (item: ScheduledMessage) =>
        groupLabel(item) ? withAdditions(item) : new WithFields(item, { ...additions(item), ...(kind === 'recurring' ? clockOf(intentOf(item.id)) : {}), made_by: originOf(item, recorded) });
      // A group paused whole lists nothing from Letta: say where it is rather than that there is none.
      const empty = group?.paused
        ? `${group.id} is paused: its schedules are saved on this machine, not on Letta. See it with: letta-switchboard recurring paused; bring it back with: letta-switchboard recurring resume ${group.id}`
        : `No ${kind} schedules.`;
      await printList(rt.out, { columns, id: (item) => item.id, json, empty, sortKey: (item) => when(item).ms, wide: options.wide, now }, pages());
    },
  });
