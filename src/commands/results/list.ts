import type { Command } from '@commander-js/extra-typings';
import type { Run } from '../../letta/types';
import { defineCommand } from '../command';
import { agentOption, integer } from '../options';
import { printList, GIVE_UP } from '../../output/list';
import { localAndUtc, BadField } from '../../output/when';

/** Letta runs (the executions behind messages), newest first. */
export default defineCommand({
  path: ['results', 'list'],
  description: 'List recent runs',
  examples: ['letta-switchboard results list --agent-id support-bot', 'letta-switchboard results list --limit 5 --json'],
  globals: ['output', 'time', 'api'],
  declare: (command: Command) => command.addOption(agentOption()).option('--limit <n>', 'how many runs (1 to 1000)', integer('--limit', 1, 1000), 20),
  async run(rt, options) {
    const api = await rt.api();
    const agent = rt.agentOrNone();
    const agentId = agent ? await rt.agentId(agent) : undefined;
    const runs = (await api.listRuns({ agent_id: agentId, limit: options.limit, order: 'desc' })).slice(0, options.limit);
    const zone = rt.zone();
    // A terminal's table names each run's agent, as the schedule lists do; a pipe, --json and -q keep the ids.
    const onTable = agentId === undefined && rt.out.io.stdoutIsTTY && !rt.out.json && !rt.out.quiet && runs.length > 0;
    const names = onTable ? await (await rt.agentNames()).all(api) : new Map<string, string>();
    const created = (run: Run) => (run.created_at === undefined || run.created_at === null ? { ms: undefined, local: '-', utc: '-' } : localAndUtc(zone, run.created_at, 'created_at'));
    const text = (value: unknown, field: string) => {
      if (value === undefined || value === null) return '-';
      if (typeof value !== 'string') throw new BadField(field, value, 'text');
      return value;
    };
    await printList(
      rt.out,
      {
        columns: [
          { header: 'ID', cell: (run: Run) => run.id, shortIds: true, giveUp: GIVE_UP.id },
          { header: 'STATUS', cell: (run: Run) => text(run.status, 'status') },
          { header: 'STOP REASON', cell: (run: Run) => text(run.stop_reason, 'stop_reason') },
          { header: 'CREATED', cell: (run: Run) => created(run).local, relative: (run: Run) => created(run).ms },
          { header: 'UTC', cell: (run: Run) => created(run).utc, giveUp: GIVE_UP.utc },
          {
            header: 'AGENT',
            cell: (run: Run) => text(run.agent_id, 'agent_id'),
            shown: (run: Run) => names.get(text(run.agent_id, 'agent_id')) || text(run.agent_id, 'agent_id'),
            onTerminal: agentId === undefined,
            giveUp: GIVE_UP.agent,
          },
        ],
        id: (run) => run.id,
        json: (run) => run,
        empty: 'No runs.',
        now: rt.now(),
      },
      [runs],
    );
  },
});
