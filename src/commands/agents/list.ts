import type { Command } from '@commander-js/extra-typings';
import type { Agent } from '../../letta/types';
import { defineCommand } from '../command';
import { printList } from '../../output/list';

/** Agent ids and names, every page, to find the one to schedule for. */
export default defineCommand({
  path: ['agents', 'list'],
  description: 'List agent ids and names',
  examples: ['letta-switchboard agents list', 'letta-switchboard agents list --json | jq -r ".[].name"'],
  globals: ['output', 'api'],
  declare: (command: Command) => command.option('--name <name>', 'only agents with this name'),
  async run(rt, options) {
    const api = await rt.api();
    const seen = new Set<string>();
    async function* pages(): AsyncGenerator<Agent[]> {
      for await (const page of api.agentPages(options.name)) yield page.filter((agent) => !seen.has(agent.id) && seen.add(agent.id));
    }
    await printList(
      rt.out,
      {
        columns: [
          { header: 'ID', cell: (agent: Agent) => agent.id },
          { header: 'NAME', cell: (agent: Agent) => agent.name ?? '', flexible: true },
        ],
        id: (agent) => agent.id,
        json: (agent) => agent,
        empty: 'No agents.',
      },
      pages(),
    );
  },
});
