import { DEFAULT_CONCURRENCY } from '../src/concurrency';
import type { Received } from '../test/helpers/fake-letta';
import type { ScaleCase } from './harness';

const NOW = Date.parse('2026-11-22T15:00:00Z');
const HOUR = 3_600_000;
const AGENT = 'agent-11111111-1111-1111-1111-111111111111';

/**
 * `status` judging the fires of `count` daily schedules of one agent over the
 * last two days (every fire sent on time, so it exits 0): the schedule list
 * page by page, then one history read per schedule, 8 at a time.
 */
export function statusCase(count: number): ScaleCase {
  return {
    name: `status --since 2d of ${count} schedules, 50 ms a request, ${DEFAULT_CONCURRENCY} in flight`,
    latencyMs: 50,
    size: { family: 'status', count },
    concurrency: DEFAULT_CONCURRENCY,
    setup(letta) {
      letta.maxPage = PAGE;
      for (let i = 0; i < count; i++) {
        const schedule = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: `${i % 60} 12 * * *` }, `daily check ${i}`);
        schedule.created_at = new Date(NOW - 3 * 24 * HOUR).toISOString();
        for (let day = 1; day <= 3; day++) letta.addFire(schedule.id, Date.parse('2026-11-22T12:00:00Z') - (day - 1) * 24 * HOUR + (i % 60) * 60_000 + 2_000, { noRun: true });
      }
    },
    args: ['--now', new Date(NOW).toISOString(), 'status', '--agent-id', AGENT, '--since', '2d', '--json', '--concurrency', String(DEFAULT_CONCURRENCY)],
    phase: statusPhase,
  };
}

const PAGE = 100;
const listedIn = new WeakMap<Received[], Map<string, number>>();

/**
 * What a status's requests wait for: each list page for the one before (its cursor), each
 * schedule's history for the page that listed it. The bare script sends page k beside the
 * histories of page k - 1, as the command does (the names of the agents go with the first page).
 */
function statusPhase(request: Received, index: number, sent: Received[]): number {
  if (request.path.endsWith('/schedule')) return sent.slice(0, index).filter((earlier) => earlier.path.endsWith('/schedule')).length;
  const id = /\/schedule\/([^/]+)\/history$/.exec(request.path)?.[1];
  if (id === undefined) return 0;
  let pages = listedIn.get(sent);
  if (!pages) {
    // The fake lists schedules in the order they were made, which their ids keep.
    const ids = sent.flatMap((one) => /\/schedule\/([^/]+)\/history$/.exec(one.path)?.[1] ?? []).sort();
    pages = new Map(ids.map((one, rank) => [one, Math.floor(rank / PAGE)]));
    listedIn.set(sent, pages);
  }
  return pages.get(id)! + 1;
}
