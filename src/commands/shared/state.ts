import { CliError } from '../../errors';
import type { Runtime } from '../../runtime';
import type { State } from '../../state/records';
import type { StateStore } from '../../state/store';
import type { RecordWriter } from '../../sync/execute';

/** The record of intent for this run. */
export async function stateStore(rt: Runtime): Promise<StateStore> {
  const { openState } = await import('../../state/store');
  return openState(rt.env, rt.home, { signal: rt.signal });
}

/**
 * Where a command that changes Letta records what it did. The record is never
 * required: when it cannot be written (a corrupt file, a read-only folder) the
 * change still happens, and one warning names the problem. Under --dry-run
 * changes go to a scratch copy, so nothing is written.
 */
export async function recordWriter(rt: Runtime): Promise<RecordWriter> {
  if (rt.dryRun) {
    const { emptyState } = await import('../../state/records');
    const scratch: State = emptyState();
    return { update: async (change) => change(scratch) };
  }
  const store = await stateStore(rt);
  let warned = false;
  return {
    async update(change) {
      try {
        return await store.update(change);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        if (!warned) rt.out.warn(`Not recorded in the record of intent (${error.message}); sync will not keep this schedule.`);
        warned = true;
        return undefined as never;
      }
    },
  };
}
