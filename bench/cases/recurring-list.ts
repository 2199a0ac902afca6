import type { ScaleCase } from '../harness';

/** `recurring list --json` over 10,000 schedules of one agent, 100 pages read one after another, no network delay: the CLI's own cost shows. */
const AGENT = 'agent-11111111-1111-1111-1111-111111111111';

export default {
  name: 'recurring list --json, 10,000 schedules (100 pages)',
  latencyMs: 0,
  concurrency: 1,
  setup(letta) {
    letta.maxPage = 100;
    for (let i = 0; i < 10_000; i++) letta.addSchedule(AGENT, { type: 'recurring', cron_expression: `${i % 60} ${i % 24} * * *` }, `message number ${i} ${'x'.repeat(80)}`);
  },
  // One page at a time (each cursor comes from the page before), so one phase.
  args: ['recurring', 'list', '--json', '--agent-id', AGENT],
  parsedReference: true,
} satisfies ScaleCase;
