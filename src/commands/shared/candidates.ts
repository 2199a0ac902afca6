import { CliError } from '../../errors';
import type { Runtime } from '../../runtime';
import { stateStore } from './state';
import { currentZoneNames } from '../../time/zone-names';

/**
 * What a shell completes from this machine alone, never asking the server:
 * agents (names and ids the agent-name cache and the record of intent know),
 * schedule ids (the record's schedules, sets, series and paused ones), zones.
 */
export async function candidates(rt: Runtime, kind: 'agents' | 'schedules' | 'zones'): Promise<string[]> {
  if (kind === 'zones') return ['UTC', ...currentZoneNames()];
  const state = await readRecord(rt);
  if (kind === 'schedules') {
    if (!state) return [];
    // The store's records are the server in use's: another server's ids would be refused.
    const intents = state.intents.filter((i) => i.status === 'active');
    return [
      ...intents.map((i) => i.schedule_id),
      ...new Set(intents.filter((i) => i.set_id !== undefined).map((i) => i.set_id!)),
      ...state.series.filter((s) => s.status === 'active' || s.status === 'paused').map((s) => s.series_id),
      ...state.paused.map((p) => p.old_id),
    ];
  }
  const known = (await rt.agentNames()).known();
  const ids = new Set([...known.map((a) => a.id), ...(state?.intents.map((i) => i.agent_id) ?? [])]);
  return [...new Set([...known.map((a) => a.name).filter((n) => n !== '' && !/\s/.test(n)), ...ids])];
}

async function readRecord(rt: Runtime) {
  try {
    return await (await stateStore(rt)).read();
  } catch (error) {
    if (error instanceof CliError) return undefined;
    throw error;
  }
}
