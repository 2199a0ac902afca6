import type { Runtime } from '../runtime';
import type { RecordStatus } from './record';
import type { StatusSection } from './section';

/**
 * The record of intent as a part of `status`: the server this command talks to, and every other
 * server this machine has records or a sync outcome for (`other_servers` in --json), each judged
 * the same way; `agentId` narrows the records to one agent.
 */
export async function recordSection(rt: Runtime, agentId?: string): Promise<StatusSection> {
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
    ids: [status, ...others].flatMap(idsNeedingAction),
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
      // Under -q, what needs action, named or not (a sync overdue, a record set aside): an exit 6 then still says why.
      if (rt.out.quiet) return needs.forEach((line) => rt.out.note(line));
      if (hasRecord(status)) printStatus(rt.out, status, rt.zone());
      for (const other of others) printStatus(rt.out, other, rt.zone(), { elsewhere: true });
    },
  };
}

/** The ids of the records that need action: each names a schedule or a series that needs action itself. */
function idsNeedingAction(status: RecordStatus): string[] {
  return [
    ...status.wrong_local_time.map((one) => one.id),
    ...status.problems.map((one) => one.id),
    ...status.series.filter((one) => one.running_dry).map((one) => one.series_id),
    ...status.paused.filter((one) => one.unfinished).map((one) => one.id),
    ...status.unfinished_deletes.map((one) => one.id),
  ];
}
