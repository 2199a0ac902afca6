import { DEFAULT_CONCURRENCY } from '../../src/concurrency';
import type { ScaleCase } from '../harness';

/** `agenda --all-agents` over 100 agents with 20 schedules each, every answer 50 ms late, at the default --concurrency. */
export default {
  name: `agenda --all-agents --json, 100 agents x 20 schedules, 50 ms a request, ${DEFAULT_CONCURRENCY} in flight`,
  latencyMs: 50,
  concurrency: DEFAULT_CONCURRENCY,
  setup(letta) {
    letta.agents = Array.from({ length: 100 }, (_, i) => ({ id: `agent-${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`, name: `bench-${i}` }));
    letta.maxPage = 100;
    const now = Date.now();
    for (const agent of letta.agents) {
      for (let i = 0; i < 10; i++) letta.addSchedule(agent.id, { type: 'recurring', cron_expression: `${i * 5} ${9 + i} * * 1-5` }, `standup ${i}`);
      for (let i = 0; i < 10; i++) letta.addSchedule(agent.id, { type: 'one-time', scheduled_at: now + (i + 1) * 3_600_000 }, `reminder ${i}`);
    }
  },
  args: ['agenda', '--all-agents', '--json', '--concurrency', String(DEFAULT_CONCURRENCY)],
  // The agent list first (page by page), then every agent's schedules.
  phase: (request) => (request.path === '/v1/agents/' ? (request.query.after ? 1 : 0) : 2),
} satisfies ScaleCase;
