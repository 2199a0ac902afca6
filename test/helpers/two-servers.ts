import { afterAll, beforeAll } from 'vitest';
import { FakeLetta } from './fake-letta';
import { NOW } from './suite';

/**
 * Two fake servers for a test file, started before its tests and stopped after, their clocks at NOW.
 * Each hands out the same schedule ids (sm-000001, ...), as two servers of one user may.
 */
export function useTwoServers(): { a: FakeLetta; b: FakeLetta } {
  const servers = {} as { a: FakeLetta; b: FakeLetta };
  beforeAll(async () => {
    servers.a = await new FakeLetta().start();
    servers.b = await new FakeLetta().start();
    servers.a.now = servers.b.now = () => Date.parse(NOW);
  });
  afterAll(async () => {
    await servers.a.stop();
    await servers.b.stop();
  });
  return servers;
}
