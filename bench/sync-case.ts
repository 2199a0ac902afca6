import type { Received } from '../test/helpers/fake-letta';
import { seedKeptSchedules, SUMMER } from '../test/helpers/kept-schedules';
import { DEFAULT_CONCURRENCY } from '../src/concurrency';
import type { ScaleCase } from './harness';

/**
 * `sync` after New York's March change: `count` schedules kept at 9am on
 * weekdays, each replaced (create, read back, delete). The server and the
 * record are set back before every run.
 */
export function syncCase(count: number): ScaleCase {
  return {
    name: `sync of ${count} replacements (New York, March change), 50 ms a request, ${DEFAULT_CONCURRENCY} in flight`,
    latencyMs: 50,
    size: { family: 'sync', count },
    concurrency: DEFAULT_CONCURRENCY,
    setup() {},
    async beforeEach(letta, env) {
      letta.reset();
      letta.latencyMs = 50;
      letta.maxPage = 100;
      await seedKeptSchedules(letta, env, { count, fresh: true });
    },
    args: ['--now', SUMMER, 'sync', '--json', '--concurrency', String(DEFAULT_CONCURRENCY)],
    phase: syncPhase,
  };
}

/**
 * What a sync's requests wait for: each list page for the one before; then,
 * in each round, the creates for the list, the read backs for their creates,
 * the deletes for their read backs (the bare script sends each phase whole).
 */
function syncPhase(_request: Received, index: number, sent: Received[]): number {
  let phase = 0;
  for (const earlier of sent.slice(0, index + 1)) {
    const listing = earlier.method === 'GET' && earlier.path.endsWith('/schedule');
    phase = listing ? phase - (phase % 4) + 4 : phase - (phase % 4) + (earlier.method === 'POST' ? 1 : earlier.method === 'GET' ? 2 : 3);
  }
  return phase;
}
