import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { runCli } from '../helpers/run-cli';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env });

describe('resume run again, of a schedule made elsewhere', () => {
  it('says it was already resumed, as the new id, creates nothing and exits 0, as for a schedule this tool made', async () => {
    const made = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Made in the Letta app');
    expect((await cli('recurring', 'pause', made.id)).code).toBe(0);
    const first = await cli('recurring', 'resume', made.id, '-q');
    expect(first.code).toBe(0);
    const newId = first.stdout.trim();
    const again = await cli('recurring', 'resume', made.id);
    expect([again.code, again.stdout]).toEqual([0, `${newId}\n`]);
    expect(again.stderr).toContain(`${made.id} was already resumed, as ${newId}; nothing created.`);
    expect(letta.schedules.size).toBe(1);
    // What is recorded of it asks nothing of status or sync.
    expect((await cli('status')).code).toBe(0);
    letta.received.length = 0;
    expect((await cli('sync')).code).toBe(0);
    expect(letta.received.filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('records the copy it made: listed as made by this tool, and deleted twice, the second is done already', async () => {
    const made = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Made in the Letta app');
    expect((await cli('recurring', 'pause', made.id)).code).toBe(0);
    const newId = (await cli('recurring', 'resume', made.id, '-q')).stdout.trim();
    const listed = JSON.parse((await cli('recurring', 'list', '--json')).stdout) as Array<{ id: string; made_by: string }>;
    expect(listed.find((one) => one.id === newId)?.made_by).toBe('letta-switchboard');
    expect((await cli('recurring', 'delete', newId)).code).toBe(0);
    const again = await cli('recurring', 'delete', newId, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual([expect.objectContaining({ id: newId, already_deleted: true })]);
  });
});

describe('resume with --agent-id, as every command that takes an id accepts it', () => {
  it('resumes a schedule paused for that agent, and refuses one of another agent before sending anything', async () => {
    const made = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Standup');
    expect((await cli('recurring', 'pause', made.id)).code).toBe(0);
    const other = letta.agents.find((agent) => agent.id !== AGENT)!;
    letta.received.length = 0;
    const refused = await cli('recurring', 'resume', made.id, '--agent-id', other.id);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`No paused schedule '${made.id}' for agent ${other.id}`);
    expect(letta.received.filter((request) => request.method !== 'GET')).toEqual([]);
    const resumed = await cli('recurring', 'resume', made.id, '--agent-id', AGENT, '-q');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(letta.schedules.has(resumed.stdout.trim())).toBe(true);
    // Resumed already: another agent is still not its agent.
    expect((await cli('recurring', 'resume', made.id, '--agent-id', other.id)).code).toBe(3);
    expect((await cli('recurring', 'resume', made.id, '--agent-id', AGENT)).code).toBe(0);
  });
});
