import type { Command } from '@commander-js/extra-typings';
import { AlreadyReported, NeedsAttentionError } from '../errors';
import { defineCommand } from './command';

/** `status`: what needs attention in the record of this server; exit 6 when something does. */
export default defineCommand({
  path: ['status'],
  description: 'What needs attention: the last sync, schedules off their local time, the next DST change, series running dry, paused and set-aside records (exit 6 when something does)',
  examples: ['letta-switchboard status', 'letta-switchboard status --json', 'letta-switchboard status -q || echo "needs attention"'],
  globals: ['output', 'time'],
  declare: (command: Command) => command,
  async run(rt) {
    const [{ recordStatus }, { readSyncOutcomes }, { stateStore, serverOf }, { printStatus }] = await Promise.all([
      import('../status/record'),
      import('../state/sync-outcome'),
      import('./shared/state'),
      import('../status/print'),
    ]);
    const server = serverOf(rt);
    const state = await (await stateStore(rt)).read();
    const status = recordStatus(state, server, readSyncOutcomes(rt.env, rt.home)[server], rt.now());
    if (rt.out.json) rt.out.document(status);
    else if (!rt.out.quiet) printStatus(rt.out, status, rt.zone());
    if (status.needs_action.length > 0) throw new AlreadyReported(new NeedsAttentionError(`${status.needs_action.length} thing(s) need attention`));
  },
});
