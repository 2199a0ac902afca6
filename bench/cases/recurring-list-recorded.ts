import { seedKeptSchedules } from '../../test/helpers/kept-schedules';
import type { ScaleCase } from '../harness';

/**
 * `recurring list --json` over 10,000 schedules this tool made (each in the
 * record of intent), 100 pages read one after another, no network delay: as
 * recurring-list, plus the record looked up for every schedule.
 */
const AGENT = 'agent-11111111-1111-1111-1111-111111111111';
let seeded = false;

export default {
  name: 'recurring list --json, 10,000 recorded schedules (100 pages)',
  latencyMs: 0,
  concurrency: 1,
  setup(letta) {
    letta.maxPage = 100;
  },
  // The list changes nothing: the schedules and their record are made once, before the first run.
  async beforeEach(letta, env) {
    if (seeded) return;
    seeded = true;
    await seedKeptSchedules(letta, env, { count: 10_000, agents: [AGENT], fresh: true });
  },
  args: ['recurring', 'list', '--json', '--agent-id', AGENT],
  parsedReference: true,
} satisfies ScaleCase;
