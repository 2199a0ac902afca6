import type { Runtime } from '../runtime';
import type { StatusSection } from './section';

/**
 * The record of intent as a part of `status`: the server this command talks to, and every other
 * server this machine has records or a sync outcome for (`other_servers` in --json), each judged
 * the same way; `agentId` narrows the records to one agent.
 */
export async function recordSection(rt: Runtime, agentId?: string, shown: Set<string> = new Set()): Promise<StatusSection> {
  const [{ recordStatus, otherServers, hasRecord }, { readSyncOutcomes }, { stateStore, serverOf }, { printStatus }] = await Promise.all([
    import('./record'),
    import('../state/sync-outcome'),
    import('../commands/shared/state'),
    import('./print'),
  ]);
  const server = serverOf(rt);
  const state = await (await stateStore(rt, { everyServer: true })).readShared();
  const outcomes = readSyncOutcomes(rt.env, rt.home, (why) => rt.out.warn(`${why}: when sync last ran is not known until the next sync rewrites it.`));
  const now = rt.now();
  const status = recordStatus(state, server, outcomes[server], now, { agentId });
  const others = otherServers(state, outcomes, server)
    .map((other) => recordStatus(state, other, outcomes[other], now, { agentId, elsewhere: true }))
    .filter(hasRecord);
  const needs = [...status.needs_action, ...others.flatMap((other) => other.needs_action)];
  const lastSync = status.last_sync ? `last sync ${status.last_sync.at} (${status.last_sync.ok ? 'ok' : 'failed'})` : 'never synced';
  const elsewhere = others.length > 0 ? `, ${others.length} other server${others.length === 1 ? '' : 's'}` : '';
  const verdict = {
    needsAttention: needs.length > 0,
    problems: needs,
    summary: `${lastSync}, ${status.series.length} series, ${status.paused.length} paused${elsewhere}`,
  };
  return {
    name: 'record',
    writeJson: async (json) => {
      json.value({ ...status, other_servers: others }, 'record');
      return verdict;
    },
    read: async () => verdict,
    print: async () => {
      if (rt.out.quiet) {
        // -q: the ids that need action here (those of the server in use: another server's ids mean nothing to this one).
        const ids = [
          ...status.wrong_local_time.map((w) => w.id),
          ...status.problems.map((p) => p.id),
          ...status.paused.filter((p) => p.unfinished).map((p) => p.id),
          ...status.unfinished_deletes.map((d) => d.id),
        ];
        for (const id of ids) {
          if (shown.has(id)) continue;
          shown.add(id);
          rt.out.line(id);
        }
        return;
      }
      if (hasRecord(status)) printStatus(rt.out, status, rt.zone());
      for (const other of others) printStatus(rt.out, other, rt.zone(), { elsewhere: true });
    },
  };
}
