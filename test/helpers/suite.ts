import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { FakeLetta, TEST_KEY } from './fake-letta';
import { cliEnv, runCli } from './run-cli';

export const AGENT = 'agent-11111111-1111-1111-1111-111111111111';
/** The "now" every end-to-end test reads phrases against (a Sunday, 10:00 in New York). */
export const NOW = '2026-11-22T15:00:00Z';

export interface Suite {
  letta: FakeLetta;
  env: Record<string, string>;
}

/**
 * One fake Letta for a test file, reset before each test, with a fresh HOME
 * and config folder per test. After each test, every request body the CLI sent
 * must have matched Letta's published schemas.
 */
export function useFakeLetta({ defaultAgent }: { defaultAgent: boolean }): Suite {
  const suite = {} as Suite;
  beforeAll(async () => {
    suite.letta = await new FakeLetta().start();
    suite.letta.now = () => Date.parse(NOW);
  });
  afterAll(() => suite.letta.stop());
  beforeEach(() => {
    suite.letta.reset(() => Date.parse(NOW));
    suite.env = cliEnv({ LETTA_BASE_URL: suite.letta.url, LETTA_API_KEY: TEST_KEY, LETTA_AGENT_ID: defaultAgent ? AGENT : undefined });
  });
  afterEach(() => expect(suite.letta.specProblems).toEqual([]));
  return suite;
}

/** The CLI run at `now`, the suite's fake Letta answering as of then too (the times it stamps on what is made and sent). */
export function cliAt(suite: Suite) {
  return (now: string, ...args: string[]) => {
    suite.letta.now = () => Date.parse(now);
    return runCli(['--now', now, ...args], { env: suite.env });
  };
}

/** The CLI at NOW (the suite's fake Letta keeps its own clock), with `before` ahead of each run's own arguments. */
export function cliNow(suite: Suite, ...before: string[]) {
  return (...args: string[]) => runCli(['--now', NOW, ...before, ...args], { env: suite.env });
}
