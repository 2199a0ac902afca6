import { describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, useFakeLetta } from '../helpers/suite';
import { adopted, CRON, deleted, ids, isCreate, machineOn } from '../helpers/two-machines';

/**
 * Two machines edit one schedule at the same time. The other machine's edit is made here by the server while this
 * machine's edit runs: its copy made, then the old schedule deleted, as an edit does.
 */
const suite = useFakeLetta({ defaultAgent: false });

const machine = () => machineOn(suite.letta);

/** The other machine's edit, done when this one's create arrives (so its copy is made first) or after (`after`). */
function otherEdit(letta: FakeLetta, oldId: string, text: string, after = false, timing: Parameters<FakeLetta['addSchedule']>[1] = { type: 'recurring', cron_expression: CRON }): { id?: string } {
  const theirs: { id?: string } = {};
  let creates = 0;
  letta.onRequest = (request) => {
    if (theirs.id !== undefined) return;
    if (isCreate(request.method, request.path)) creates++;
    // After: at this edit's look before its delete (the list of the agent).
    const due = after ? request.method === 'GET' && request.path.endsWith('/schedule') && creates > 0 : creates > 0;
    if (!due) return;
    theirs.id = letta.addSchedule(AGENT, timing, text).id;
    letta.schedules.delete(oldId);
  };
  return theirs;
}

describe('two edits of one schedule at the same time, from two machines', () => {
  it('the same change: the copy made first is kept, this edit deletes its own and follows it', async () => {
    const { letta } = suite;
    const { old, mine } = await adopted(letta);
    const theirs = otherEdit(letta, old.id, 'standup moved');
    const edit = await mine('recurring', 'edit', old.id, '--message', 'standup moved');
    expect(edit.code).toBe(0);
    expect(ids(letta)).toEqual([theirs.id]);
    expect(edit.stderr).toContain(`${old.id} was changed on another machine at the same time, the same way`);
    const ours = deleted(letta).find((id) => id !== old.id);
    expect(ours).toBeDefined();
    expect(edit.stderr).toContain(`${theirs.id} is kept, and ${ours} deleted`);
    // Its record follows the one kept: the zone is kept, and a sync has nothing to do.
    letta.onRequest = undefined;
    expect((await mine('recurring', 'get', theirs.id!)).stdout).toContain('America/New_York');
    letta.received.length = 0;
    const sync = await mine('sync');
    expect(sync.code).toBe(0);
    expect(letta.requests().filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('another change made first: kept, this edit undone and said, exit 1', async () => {
    const { letta } = suite;
    const { old, mine } = await adopted(letta);
    const theirs = otherEdit(letta, old.id, 'lunch');
    const edit = await mine('recurring', 'edit', old.id, '--message', 'standup moved');
    expect(edit.code).toBe(1);
    expect(ids(letta)).toEqual([theirs.id]);
    expect(edit.stderr).toContain(`${old.id} was changed on another machine at the same time, as ${theirs.id}`);
    expect(edit.stderr).toContain(`letta-switchboard recurring edit ${theirs.id}`);
    letta.onRequest = undefined;
    letta.received.length = 0;
    const sync = await mine('sync');
    expect(sync.code).toBe(0);
    expect(letta.requests().filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('a one-time schedule: the hint names onetime, the group its commands are in', async () => {
    const { letta } = suite;
    const mine = machine();
    const timing = { type: 'one-time', scheduled_at: Date.parse('2027-01-15T15:00:00Z') } as const;
    const sent = await mine('send', '--agent-id', AGENT, '--message', 'water', '--execute-at', '2027-01-15T15:00:00Z', '--json');
    expect(sent.code).toBe(0);
    const { id: oldId } = JSON.parse(sent.stdout) as { id: string };
    letta.now = () => Date.now();
    const theirs = otherEdit(letta, oldId, 'lunch', false, timing);
    const edit = await mine('onetime', 'edit', oldId, '--message', 'water the plants');
    expect(edit.code).toBe(1);
    expect(ids(letta)).toEqual([theirs.id]);
    expect(edit.stderr).toContain(`letta-switchboard onetime get ${theirs.id}; to make this change on it: letta-switchboard onetime edit ${theirs.id}`);
    expect(edit.stderr).not.toContain('recurring');
  });

  it("this edit's copy made first: kept, and the other machine's deleted, said", async () => {
    const { letta } = suite;
    const { old, mine } = await adopted(letta);
    const theirs = otherEdit(letta, old.id, 'lunch', true);
    const edit = await mine('recurring', 'edit', old.id, '--message', 'standup moved', '--json');
    expect(edit.code).toBe(0);
    const { id } = JSON.parse(edit.stdout) as { id: string };
    expect(ids(letta)).toEqual([id]);
    expect(deleted(letta)).toEqual([theirs.id]);
    expect(edit.stderr).toContain(`${old.id} was changed on another machine at the same time, as ${theirs.id}`);
    expect(edit.stderr).toContain(`${id} is kept, and ${theirs.id} deleted`);
  });
});
