import type { Command } from '@commander-js/extra-typings';
import type { ScheduleKind } from '../../letta/types';
import { defineCommand } from '../command';
import { agentOption } from '../options';
import { cronInZone, findSchedule, NOUN, withAdditions } from '../shared/schedule';

/** `onetime get` and `recurring get`: one schedule, times in the user's zone and in UTC. */
export default (kind: ScheduleKind) =>
  defineCommand({
    path: [NOUN[kind], 'get'],
    description: `Show one ${kind} schedule`,
    examples: [`letta-switchboard ${NOUN[kind]} get SCHEDULE_ID --agent-id support-bot`, `letta-switchboard ${NOUN[kind]} get SCHEDULE_ID --json`],
    globals: ['output', 'time', 'api'],
    declare: (command: Command) => command.argument('<id>', 'schedule id').addOption(agentOption()),
    async run(rt, _options, id) {
      const item = await findSchedule(rt, kind, id);
      const out = rt.out;
      if (out.json) return out.document(withAdditions(item));
      if (out.quiet) return out.line(item.id);
      const zone = rt.zone();
      const [{ printDetail }, { bothZones }, { contentText }, { nextRun }] = await Promise.all([
        import('../../output/detail'),
        import('../../output/when'),
        import('../../letta/types'),
        import('../shared/schedule'),
      ]);
      const next = nextRun(item);
      const now = out.io.stdoutIsTTY ? rt.now() : undefined;
      const rows: Array<[string, string | (() => string)]> = [
        ['ID', item.id],
        ['Agent', item.agent_id ?? ''],
        ['Type', kind],
      ];
      if (kind === 'one-time') rows.push(['Runs at', () => bothZones(zone, next.value, next.field, now)]);
      else {
        const cron = item.schedule.cron_expression ?? '';
        const { describeCron } = await import('../../time/cron');
        const local = cronInZone(cron, zone, Date.now());
        rows.push(['Cron', `${cron} (UTC)`], ['Means', () => `${describeCron(cron)} (UTC)`]);
        if (local && local !== cron.trim()) rows.push(['Local cron', `${local} (${zone})`], ['Local', () => `${describeCron(local)} (${zone})`]);
        rows.push(['Next run', () => bothZones(zone, next.value, next.field, now)]);
      }
      for (const message of item.message?.messages ?? []) rows.push(['Role', String(message.role)], ['Message', contentText(message.content)]);
      printDetail(out, rows);
    },
  });
