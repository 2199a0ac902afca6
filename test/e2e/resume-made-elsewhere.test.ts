import { describe, expect, it } from 'vitest';
import { TEST_KEY, type FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { cliEnv, runCli } from '../helpers/run-cli';

/**
 * Paused on a laptop, made again meanwhile by another client (a schedules-as-code apply in CI, whose steps the
 * server makes here), then resumed on the laptop: it must not make a second copy fire.
 */
const suite = useFakeLetta({ defaultAgent: false });
const CRON = '0 14 * * *';

async function paused(letta: FakeLetta) {
  letta.now = () => Date.parse(NOW) - 3_600_000;
  const lookAlike = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: CRON }, 'standup');
  const old = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: CRON }, 'standup');
  const env = cliEnv({ LETTA_BASE_URL: letta.url, LETTA_API_KEY: TEST_KEY });
  const laptop = (...args: string[]) => runCli(['--now', NOW, ...args], { env });
  expect((await laptop('recurring', 'adopt', old.id, '--tz', 'America/New_York')).code).toBe(0);
  expect((await laptop('recurring', 'pause', old.id)).code).toBe(0);
  letta.now = () => Date.parse(NOW);
  return { old, lookAlike, laptop };
}

const creates = (letta: FakeLetta) => letta.requests('POST').filter((r) => r.path.endsWith('/schedule'));
const ids = (letta: FakeLetta) => [...letta.schedules.keys()];

describe('resume of a schedule made again elsewhere while it was paused', () => {
  it('follows the copy made since the pause and creates nothing', async () => {
    const { letta } = suite;
    const { old, lookAlike, laptop } = await paused(letta);
    const applied = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: CRON }, 'standup');
    letta.received.length = 0;
    const resume = await laptop('recurring', 'resume', old.id);
    expect(resume.code).toBe(0);
    expect(resume.stdout.trim()).toBe(applied.id);
    expect(resume.stderr).toContain(`${old.id} is already on Letta again as ${applied.id}`);
    expect(creates(letta)).toEqual([]);
    expect(ids(letta).sort()).toEqual([lookAlike.id, applied.id].sort());
    // No longer paused here, and followed: the record's zone is the copy's, a sync has nothing to do.
    expect((await laptop('recurring', 'paused', '-q')).stdout.trim()).toBe('');
    expect((await laptop('recurring', 'get', applied.id)).stdout).toContain('America/New_York');
    letta.received.length = 0;
    expect((await laptop('sync')).code).toBe(0);
    expect(letta.requests().filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('a look-alike from before the pause is not it: the schedule is made again', async () => {
    const { letta } = suite;
    const { old, lookAlike, laptop } = await paused(letta);
    const resume = await laptop('recurring', 'resume', old.id, '-q');
    expect(resume.code).toBe(0);
    expect(creates(letta)).toHaveLength(1);
    expect(ids(letta).sort()).toEqual([lookAlike.id, resume.stdout.trim()].sort());
  });

  it('two copies made since: refused, nothing created, the saved copy kept', async () => {
    const { letta } = suite;
    const { old, laptop } = await paused(letta);
    const first = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: CRON }, 'standup');
    const second = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: CRON }, 'standup');
    letta.received.length = 0;
    const resume = await laptop('recurring', 'resume', old.id);
    expect(resume.code).toBe(1);
    expect(resume.stderr).toContain(`${first.id}, ${second.id} were made on Letta since ${old.id} was paused`);
    expect(creates(letta)).toEqual([]);
    expect((await laptop('recurring', 'paused', '-q')).stdout.trim()).toBe(old.id);
  });
});
