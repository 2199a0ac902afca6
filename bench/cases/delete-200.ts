import { DEFAULT_CONCURRENCY } from '../../src/concurrency';
import { seedKeptSchedules } from '../../test/helpers/kept-schedules';
import type { ScaleCase } from '../harness';

const COUNT = 200;
const AGENT = 'agent-11111111-1111-1111-1111-111111111111';
/** The ids the fake gives the schedules seeded after a reset, in order: the command line names them before they exist. */
const IDS = Array.from({ length: COUNT }, (_, i) => `sm-${String(i + 1).padStart(6, '0')}`);

/**
 * `recurring delete` of 200 ids, each recorded in the record of intent: each
 * looked up, then deleted, then marked deleted in the record, 8 ids at a time.
 * The server and the record are set back before every run.
 */
export default {
  name: `recurring delete of ${COUNT} recorded ids, 50 ms a request, ${DEFAULT_CONCURRENCY} in flight`,
  latencyMs: 50,
  concurrency: DEFAULT_CONCURRENCY,
  setup() {},
  async beforeEach(letta, env) {
    letta.reset();
    letta.latencyMs = 50;
    const made = await seedKeptSchedules(letta, env, { count: COUNT, agents: [AGENT], fresh: true });
    if (made.join() !== IDS.join()) throw new Error('the fake no longer numbers new schedules sm-000001, sm-000002, ...');
  },
  args: ['recurring', 'delete', ...IDS, '--agent-id', AGENT, '--json', '--concurrency', String(DEFAULT_CONCURRENCY)],
  // Each id's delete waits for its lookup.
  phase: (request) => (request.method === 'DELETE' ? 1 : 0),
} satisfies ScaleCase;
