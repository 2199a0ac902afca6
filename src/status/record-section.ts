import type { Runtime } from '../runtime';
import type { StatusSection } from './section';

/** The record of intent on the server this command talks to, as a part of `status`. */
export async function recordSection(rt: Runtime): Promise<StatusSection> {
  const [{ recordStatus }, { readSyncOutcomes }, { stateStore, serverOf }, { printStatus }] = await Promise.all([
    import('./record'),
    import('../state/sync-outcome'),
    import('../commands/shared/state'),
    import('./print'),
  ]);
  const server = serverOf(rt);
  const state = await (await stateStore(rt)).read();
  const status = recordStatus(state, server, readSyncOutcomes(rt.env, rt.home)[server], rt.now());
  const lastSync = status.last_sync ? `last sync ${status.last_sync.at} (${status.last_sync.ok ? "ok" : "failed"})` : "never synced";
  return {
    name: 'record',
    json: status,
    needsAttention: status.needs_action.length > 0,
    problems: status.needs_action,
    summary: `${lastSync}, ${status.series.length} series, ${status.paused.length} paused`,
    print: () => {
      // A server this machine has recorded nothing for has no record to speak of.
      const empty = !status.last_sync && status.dst_changes.length === 0 && status.series.length === 0 && status.paused.length === 0 && status.skipped.length === 0 && status.needs_action.length === 0;
      if (!rt.out.quiet && !empty) printStatus(rt.out, status, rt.zone());
    },
  };
}
