import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONCURRENCY } from '../src/concurrency';
import { scratch, type ScaleCase } from './harness';

const NOW = '2026-11-22T15:00:00Z';

/**
 * `apply` of `count` new schedule files over 5 agents on an empty server
 * (each created, then read back). The server and the lock file are set back
 * before every run.
 */
export function applyCase(count: number): ScaleCase {
  const folder = join(mkdtempSync(join(scratch, 'files-')), 'letta-schedules');
  const agents = Array.from({ length: 5 }, (_, i) => ({ id: `agent-${String(i).repeat(8)}-0000-4000-8000-000000000000`, name: `bench-${i}` }));
  return {
    name: `apply of ${count} new files over 5 agents, 50 ms a request, ${DEFAULT_CONCURRENCY} in flight`,
    latencyMs: 50,
    size: { family: 'apply', count },
    concurrency: DEFAULT_CONCURRENCY,
    setup() {
      mkdirSync(folder, { recursive: true });
      writeScheduleFiles(
        folder,
        count,
        agents.map((agent) => agent.name),
      );
    },
    beforeEach(letta) {
      letta.reset(() => Date.parse(NOW));
      letta.latencyMs = 50;
      letta.maxPage = 100;
      letta.agents.push(...agents);
      rmSync(join(folder, 'letta-schedules.lock.json'), { force: true });
    },
    args: ['--now', NOW, 'apply', '-f', folder, '--json', '--concurrency', String(DEFAULT_CONCURRENCY)],
    // Agents looked up by name, then their lists; then each file's create, then its read back.
    phase: (request) => (request.path === '/v1/agents/' ? 0 : request.method === 'POST' ? 2 : /\/schedule\/./.test(request.path) ? 3 : 1),
  };
}

/** `count` schedule files over `agents` (names): words in New York and 5-field crons in UTC, a third each. */
export function writeScheduleFiles(folder: string, count: number, agents: string[]): void {
  for (let i = 0; i < count; i++) {
    // A 5-field cron runs in UTC, and a file must say so.
    const [when, zone] =
      i % 3 === 0 ? [`every weekday at ${(i % 12) + 1}am`, 'America/New_York'] : i % 3 === 1 ? [`${i % 60} ${i % 24} * * *`, 'UTC'] : [`every monday at ${(i % 12) + 1}pm`, 'America/New_York'];
    writeFileSync(join(folder, `schedule-${String(i).padStart(3, '0')}.md`), `---\nagent: ${agents[i % agents.length]}\nwhen: "${when}"\ntimezone: ${zone}\n---\nMessage number ${i}\n`);
  }
}
