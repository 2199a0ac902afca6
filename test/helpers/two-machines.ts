import { cpSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { stateDir, statePath } from '../../src/state/store';
import { TEST_KEY, type FakeLetta } from './fake-letta';
import { cliEnv, runCli, type CliResult } from './run-cli';
import { AGENT, NOW } from './suite';

/** The cron of the schedule both machines record (14:00 UTC, 9am in New York in winter). */
export const CRON = '0 14 * * *';

/** A machine: the CLI at NOW, or `at` another time; `env` its environment. */
export interface Machine {
  (...args: string[]): Promise<CliResult>;
  at: (now: string, ...args: string[]) => Promise<CliResult>;
  env: Record<string, string>;
}

/**
 * A machine against `letta`, with a home, and so a record of intent, of its own. With `serverClock`, the fake
 * Letta answers as of each run's time too (the times it stamps on what is made); else it keeps its own clock.
 */
export function machineOn(letta: FakeLetta, { serverClock = false }: { serverClock?: boolean } = {}): Machine {
  const env = cliEnv({ LETTA_BASE_URL: letta.url, LETTA_API_KEY: TEST_KEY });
  const at = (now: string, ...args: string[]) => {
    if (serverClock) letta.now = () => Date.parse(now);
    return runCli(['--now', now, ...args], { env });
  };
  return Object.assign((...args: string[]) => at(NOW, ...args), { at, env });
}

/**
 * A laptop and a server against one Letta, each with its own record of intent: `share` copies the laptop's record
 * onto the server (as a synced folder would), `serverRecord` reads the server's.
 */
export function laptopAndServer(letta: FakeLetta, options: { serverClock?: boolean } = {}) {
  const laptop = machineOn(letta, options);
  const server = machineOn(letta, options);
  return {
    laptop,
    server,
    share: () => cpSync(stateDir(laptop.env, laptop.env.HOME!), stateDir(server.env, server.env.HOME!), { recursive: true }),
    serverRecord: () => readFileSync(statePath(server.env, server.env.HOME!), 'utf8'),
  };
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
