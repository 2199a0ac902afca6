import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { runCli } from '../helpers/run-cli';
import { NOW, useFakeLetta } from '../helpers/suite';

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env });
const changes = () => letta.received.filter((request) => request.method !== 'GET');

/** A set made from a phrase no single cron can say: its id and its two schedules' ids. */
async function makeSet(phrase: string): Promise<{ setId: string; ids: string[] }> {
  const made = await cli('recurring', 'create', '--message', 'Standup', '--cron', phrase, '--tz', 'America/New_York', '--json');
  expect(made.code).toBe(0);
  const answer = JSON.parse(made.stdout) as { set_id: string; schedules: Array<{ id: string }> };
  return { setId: answer.set_id, ids: answer.schedules.map((one) => one.id) };
}

describe('a set paused or resumed twice, as one schedule asked twice', () => {
  it('pause again: each schedule is already paused, nothing sent, exit 0', async () => {
    const { setId, ids } = await makeSet('every weekday at 9am and weekends at 11am');
    expect((await cli('recurring', 'pause', setId)).code).toBe(0);
    letta.received.length = 0;
    const again = await cli('recurring', 'pause', setId, '--json');
    expect(again.code).toBe(0);
    expect(changes()).toEqual([]);
    expect((JSON.parse(again.stdout) as Array<{ id: string; paused: boolean }>).map((one) => [one.id, one.paused])).toEqual(ids.map((id) => [id, true]));
    const said = await cli('recurring', 'pause', setId);
    expect([said.code, said.stdout]).toEqual([0, '']);
    for (const id of ids) expect(said.stderr).toContain(`${id} is already paused (since `);
    expect(said.stderr).not.toContain('Error:');
  });

  it('resume again: prints the standing ids, creates nothing, exit 0; a third pause and resume act on the new ones', async () => {
    const { setId, ids } = await makeSet('every weekday at 9am and weekends at 11am');
    expect((await cli('recurring', 'pause', setId)).code).toBe(0);
    const first = await cli('recurring', 'resume', setId, '-q');
    expect(first.code).toBe(0);
    const resumed = first.stdout.trim().split('\n');
    expect(resumed).toHaveLength(2);
    letta.received.length = 0;
    const again = await cli('recurring', 'resume', setId);
    expect([again.code, again.stdout]).toEqual([0, `${resumed.join('\n')}\n`]);
    ids.forEach((id, i) => expect(again.stderr).toContain(`${id} was already resumed, as ${resumed[i]}; nothing created.`));
    expect(changes()).toEqual([]);
    expect([...letta.schedules.keys()].sort()).toEqual([...resumed].sort());

    // Paused and resumed once more: asked again, it names only the latest copies, once each.
    expect((await cli('recurring', 'pause', setId)).code).toBe(0);
    const latest = (await cli('recurring', 'resume', setId, '-q')).stdout.trim().split('\n');
    const third = await cli('recurring', 'resume', setId, '--json');
    expect(third.code).toBe(0);
    expect((JSON.parse(third.stdout) as Array<{ id: string; new_id: string; created: boolean }>).map((one) => [one.id, one.new_id, one.created])).toEqual([
      [resumed[0], latest[0], false],
      [resumed[1], latest[1], false],
    ]);
  });

  it('a set deleted after its resume is still not found to pause or resume (exit 3)', async () => {
    const { setId } = await makeSet('every weekday at 9am and weekends at 11am');
    expect((await cli('recurring', 'pause', setId)).code).toBe(0);
    expect((await cli('recurring', 'resume', setId)).code).toBe(0);
    expect((await cli('recurring', 'delete', setId)).code).toBe(0);
    const resume = await cli('recurring', 'resume', setId);
    expect([resume.code, resume.stderr]).toEqual([3, `Error: No schedule of set '${setId}' is paused now\n`]);
    const pause = await cli('recurring', 'pause', setId);
    expect([pause.code, pause.stderr]).toEqual([3, `Error: No schedule of set '${setId}' is standing now\n`]);
  });
});

describe('resume of several ids, some not paused', () => {
  it('an unknown id is not said to have a saved copy to resume again', async () => {
    const made = letta.addSchedule(suite.env.LETTA_AGENT_ID!, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Standup');
    expect((await cli('recurring', 'pause', made.id)).code).toBe(0);
    const result = await cli('recurring', 'resume', made.id, 'sm-999999');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("Error: No paused schedule 'sm-999999' on this machine");
    expect(result.stderr).toContain('Not resumed: sm-999999.\n');
    expect(result.stderr).not.toContain('saved cop');
  });

  it('an id whose create Letta refused keeps its saved copy, and says so of it alone', async () => {
    const one = letta.addSchedule(suite.env.LETTA_AGENT_ID!, { type: 'recurring', cron_expression: '0 9 * * *' }, 'One');
    const two = letta.addSchedule(suite.env.LETTA_AGENT_ID!, { type: 'recurring', cron_expression: '0 10 * * *' }, 'Two');
    expect((await cli('recurring', 'pause', one.id, two.id)).code).toBe(0);
    letta.inject(/^POST .*\/schedule$/, { status: 400, body: JSON.stringify({ detail: 'Refused' }) });
    const result = await cli('recurring', 'resume', one.id, 'sm-999999', two.id, '--concurrency', '1');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Not resumed: ${one.id}, sm-999999. The saved copies of ${one.id} are kept; run resume again for them.`);
    const paused = JSON.parse((await cli('recurring', 'paused', '--json')).stdout) as Array<{ id: string }>;
    expect(paused.map((entry) => entry.id)).toEqual([one.id]);
  });
});
