import { expect } from 'vitest';
import { TEST_KEY, type FakeLetta } from './fake-letta';
import { cliEnv, runCli } from './run-cli';
import { AGENT, NOW } from './suite';

/** The cron of the schedule both machines record (14:00 UTC, 9am in New York in winter). */
export const CRON = '0 14 * * *';

/** A machine: the CLI at NOW against `letta`, with a home, and so a record of intent, of its own. */
export function machineOn(letta: FakeLetta) {
  const env = cliEnv({ LETTA_BASE_URL: letta.url, LETTA_API_KEY: TEST_KEY });
  return (...args: string[]) => runCli(['--now', NOW, ...args], { env });
}

/** A schedule at CRON adopted on one machine in New York time; from then on the server stamps schedules with the real clock. */
export async function adopted(letta: FakeLetta) {
  const old = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: CRON }, 'standup');
  const mine = machineOn(letta);
  expect((await mine('recurring', 'adopt', old.id, '--tz', 'America/New_York')).code).toBe(0);
  letta.now = () => Date.now();
  letta.received.length = 0;
  return { old, mine };
}

export const isCreate = (method: string, path: string) => method === 'POST' && path.endsWith('/schedule');
export const ids = (letta: FakeLetta) => [...letta.schedules.keys()];
export const deleted = (letta: FakeLetta) => letta.requests('DELETE').map((r) => r.path.split('/').pop());
