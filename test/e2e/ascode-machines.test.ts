import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { useSchedulesFolder } from '../helpers/schedules-folder';
import { AGENT } from '../helpers/suite';
import { machineOn } from '../helpers/two-machines';

/**
 * Schedules as code across machines: a laptop (one state folder) where a person uses the CLI, and CI (another) that
 * runs `apply` from a checkout of the folder.
 */
const suite = useSchedulesFolder();
let letta: FakeLetta;
let dir: string;
beforeEach(() => ({ letta, dir } = suite));

const machine = () => machineOn(letta);

/**
 * CI applies standup.md (weekdays at 9am, "Standup"), then the file's message becomes "Standup in five": the next
 * apply replaces the schedule. CI's runner and the schedule its first apply made.
 */
async function appliedThenEdited() {
  const ci = machine();
  const body = (message: string) => `---\nagent: ${AGENT}\nwhen: every weekday at 9am\ntimezone: America/New_York\n---\n${message}\n`;
  writeFileSync(join(dir, 'standup.md'), body('Standup'));
  expect((await ci('apply', '-f', dir)).code).toBe(0);
  const [old] = owned('standup.md');
  writeFileSync(join(dir, 'standup.md'), body('Standup in five'));
  return { ci, old: old! };
}

const lockFile = () => JSON.parse(readFileSync(join(dir, 'letta-schedules.lock.json'), 'utf8')) as { servers: Record<string, Record<string, { ids: string[] }>> };
const owned = (name: string) => lockFile().servers[letta.url]![name]!.ids;

describe('apply across machines', () => {
  it('a schedule made elsewhere, exported and replaced by apply: its old id follows to the new one, as after an edit', async () => {
    const old = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' }, 'Standup');
    const laptop = machine();
    expect((await laptop('export', '--agent-id', AGENT, '-f', dir)).code).toBe(0);
    writeFileSync(join(dir, 'standup.md'), readFileSync(join(dir, 'standup.md'), 'utf8').replace('Standup', 'Standup in five'));
    expect((await laptop('apply', '-f', dir)).code).toBe(0);
    const [fresh] = owned('standup.md');
    expect(fresh).not.toBe(old.id);

    const got = await laptop('recurring', 'get', old.id, '--json');
    expect(got.code, got.stderr).toBe(0);
    expect(got.stderr).toContain(`${old.id} was replaced by ${fresh}; acting on ${fresh}.`);
    expect(JSON.parse(got.stdout)).toMatchObject({ id: fresh });
    const paused = await laptop('recurring', 'pause', old.id);
    expect(paused.code, paused.stderr).toBe(0);
    expect(letta.schedules.has(fresh!)).toBe(false);
  });

  it('two applies replace the same schedule at once: the copy made first is kept by both, and the other deleted', async () => {
    const { ci, old } = await appliedThenEdited();
    // The other checkout's apply: its create lands just before this one's.
    let theirs: string | undefined;
    letta.onRequest = (request) => {
      if (theirs === undefined && request.method === 'POST' && request.path.endsWith('/schedule'))
        theirs = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' }, 'Standup in five').id;
    };
    const applied = await ci('apply', '-f', dir);
    letta.onRequest = undefined;
    expect(applied.code, applied.stderr).toBe(0);
    const [ours] = applied.stdout.match(/created (\S+);/)!.slice(1);
    expect(applied.stderr).toContain(`Note: standup.md: ${theirs} is the same schedule, made first by another client (an apply or sync elsewhere): kept in place of ${ours}, which is deleted.`);
    expect([...letta.schedules.keys()]).toEqual([theirs]);
    expect(letta.schedules.has(old)).toBe(false);
    expect(owned('standup.md')).toEqual([theirs]);
    letta.received.length = 0;
    expect((await ci('apply', '-f', dir)).code).toBe(0);
    expect(letta.received.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it("this apply's copy made first is kept, and the other client's is left for it to delete", async () => {
    const { ci } = await appliedThenEdited();
    let theirs: string | undefined;
    letta.onRequest = (request) => {
      if (theirs === undefined && request.method === 'GET' && /\/schedule\/sm-/.test(request.path))
        theirs = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' }, 'Standup in five').id;
    };
    const applied = await ci('apply', '-f', dir);
    letta.onRequest = undefined;
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).not.toContain('made first by another client');
    const [ours] = owned('standup.md');
    expect([...letta.schedules.keys()].sort()).toEqual([ours, theirs].sort());
  });

  it('a delete of its own copy that fails is finished by the next apply, which owns the copy made first', async () => {
    const { ci } = await appliedThenEdited();
    let theirs: string | undefined;
    letta.onRequest = (request) => {
      if (theirs === undefined && request.method === 'POST' && request.path.endsWith('/schedule'))
        theirs = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' }, 'Standup in five').id;
    };
    // The old schedule's delete goes through; the delete of this apply's own copy is refused.
    letta.inject(/^DELETE /, { pass: true }, { status: 400, body: '{"detail":"refused"}' });
    const applied = await ci('apply', '-f', dir);
    letta.onRequest = undefined;
    const [ours] = applied.stdout.match(/created (\S+);/)!.slice(1);
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain(`Error: standup.md: ${ours} not deleted`);
    expect([...letta.schedules.keys()].sort()).toEqual([theirs, ours].sort());
    expect(owned('standup.md')).toEqual([theirs]);
    letta.received.length = 0;
    const again = await ci('apply', '-f', dir);
    expect(again.code, again.stderr).toBe(0);
    expect(letta.requests('DELETE').map((r) => r.path.split('/').at(-1))).toEqual([ours]);
    expect([...letta.schedules.keys()]).toEqual([theirs]);
  });
});
