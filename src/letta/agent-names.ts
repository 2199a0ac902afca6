import { readCache, writeCache } from '../files/cache';
import type { LettaApi } from './api';

/** How long agent names are remembered: long enough that a script of ten commands looks them up once. */
export const AGENT_NAMES_FOR_MS = 5 * 60_000;

interface Known {
  /** Every agent, when the whole list was read; else only those looked up by name. */
  complete: boolean;
  agents: Array<{ id: string; name: string }>;
}

/**
 * Agent names remembered briefly in the cache folder, one file per server and
 * key, so a name is looked up once across commands and a table can show
 * names. A cache never fails a command: unreadable is empty.
 */
export class AgentNames {
  constructor(
    private readonly file: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** What is remembered (for completion: no request, maybe not every agent). */
  known(): Array<{ id: string; name: string }> {
    return readCache<Known>(this.file, this.now(), AGENT_NAMES_FOR_MS)?.agents ?? [];
  }

  /** The id of the one remembered agent with this name, if exactly one is. */
  idOf(name: string): string | undefined {
    const ids = this.known().filter((agent) => agent.name === name);
    return ids.length === 1 ? ids[0]!.id : undefined;
  }

  /** Every agent's name by id: remembered when the whole list is, else the list read (one request a page) and remembered. */
  async all(api: LettaApi): Promise<Map<string, string>> {
    const saved = readCache<Known>(this.file, this.now(), AGENT_NAMES_FOR_MS);
    const agents = saved?.complete ? saved.agents : (await api.allAgents()).map(({ id, name }) => ({ id, name: typeof name === 'string' ? name : '' }));
    if (!saved?.complete) writeCache(this.file, { complete: true, agents } satisfies Known, this.now());
    return new Map(agents.map((agent) => [agent.id, agent.name]));
  }

  /** Remember one agent found by name. */
  remember(id: string, name: string): void {
    const saved = readCache<Known>(this.file, this.now(), AGENT_NAMES_FOR_MS);
    // A name found again on another agent (a rename since) is that agent's now: the old pairing goes.
    const agents = [...(saved?.agents ?? []).filter((agent) => agent.id !== id && agent.name !== name), { id, name }];
    writeCache(this.file, { complete: saved?.complete ?? false, agents } satisfies Known, this.now());
  }
}
