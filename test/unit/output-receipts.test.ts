import { describe, expect, it } from 'vitest';
import { useHarness, type RunResult } from '../helpers/harness';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT } from '../helpers/suite';

const h = useHarness();

/** Every command that creates or changes something, with the ids it must print: each prints one receipt form. */
const CHANGES: Array<[name: string, args: (letta: FakeLetta) => string[], ids: (r: RunResult, letta: FakeLetta) => string[]]> = [
  ['onetime create', () => ['onetime', 'create', '--agent-id', AGENT, '--message', 'Hi', '--execute-at', 'tomorrow at 9am'], (_, letta) => [...letta.schedules.keys()]],
  ['recurring create', () => ['recurring', 'create', '--agent-id', AGENT, '--message', 'Hi', '--cron', 'every weekday at 10am'], (_, letta) => [...letta.schedules.keys()]],
  ['recurring create (a set)', () => ['recurring', 'create', '--agent-id', AGENT, '--message', 'Hi', '--cron', 'every 90 minutes'], (_, letta) => [...letta.schedules.keys()]],
  [
    'recurring create (a series)',
    () => ['recurring', 'create', '--agent-id', AGENT, '--message', 'Hi', '--cron', 'every day at 9am', '--count', '2'],
    (r) => [/series-\S+/.exec(r.stdout + r.stderr)![0]],
  ],
  [
    'recurring edit',
    (letta) => ['recurring', 'edit', letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' }).id, '--message', 'New'],
    (_, letta) => [[...letta.schedules.keys()].at(-1)!],
  ],
  [
    'recurring adopt',
    (letta) => ['recurring', 'adopt', letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' }).id, '--tz', 'America/New_York'],
    (_, letta) => [...letta.schedules.keys()],
  ],
  ['send --async', () => ['send', '--agent-id', AGENT, '--message', 'Hi', '--async'], (r) => [/run-\d+/.exec(r.stdout)![0]]],
];

describe('the receipt of a change, one form for every command', () => {
  it.each(CHANGES)('%s: in a pipe, only its ids on stdout; the success line and details on stderr', async (_, args, ids) => {
    const r = await h.run(args(h.letta));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      ids(r, h.letta)
        .map((id) => `${id}\n`)
        .join(''),
    );
    expect(r.stderr).toMatch(/^✓ \S/);
  });

  it.each(CHANGES)('%s: on a terminal, each id is a labelled row of the receipt, under the success line', async (_, args, ids) => {
    const r = await h.run(args(h.letta), { terminal: 100, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    const made = ids(r, h.letta);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(made.map((id) => expect.stringMatching(new RegExp(`^  (ID|Run|Series) +${id}$`))));
    expect(r.stderr).toMatch(/^✓ \S/);
  });

  it.each(CHANGES)('%s: -q prints only the ids; --json one document and no receipt', async (_, args, ids) => {
    const quiet = await h.run([...args(h.letta), '-q']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe(
      ids(quiet, h.letta)
        .map((id) => `${id}\n`)
        .join(''),
    );
    expect(quiet.stderr).not.toContain('✓');
    const json = await h.run([...args(h.letta), '--json']);
    expect(json.code).toBe(0);
    // `jq -r .id` finds what was made, whatever the command.
    expect((JSON.parse(json.stdout) as { id?: unknown }).id).toEqual(expect.stringMatching(/^(?:sm|series|run)-/));
    expect(json.stderr).not.toContain('✓');
  });
});

describe('per-id outcomes, one form for delete, pause and resume', () => {
  it.each([
    ['delete', 'Deleted', 'deleted'],
    ['pause', 'Paused', 'paused'],
  ])('recurring %s of two ids, one missing: a ✓ line per id done, then which were done and which not', async (verb, done, participle) => {
    const item = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' });
    const r = await h.run(['recurring', verb, item.id, 'sm-missing', '--agent-id', AGENT]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`✓ ${done} .*${item.id}`));
    expect(r.stderr).toContain(`${done} 1 of 2: ${item.id}.\nNot ${participle}: sm-missing.`);
    const json = await h.run(['recurring', verb, 'sm-missing', '--agent-id', AGENT, '--json']);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ id: 'sm-missing' })]);
  });

  it('recurring resume of two ids, one never paused: the new id on stdout, then which were resumed and which not', async () => {
    const item = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' });
    expect((await h.run(['recurring', 'pause', item.id, '--agent-id', AGENT])).code).toBe(0);
    const r = await h.run(['recurring', 'resume', item.id, 'sm-never']);
    expect(r.code).toBe(3);
    const [newId] = [...h.letta.schedules.keys()];
    expect(r.stdout).toBe(`${newId}\n`);
    expect(r.stderr).toContain(`✓ Resumed ${item.id} as ${newId}`);
    // sm-never has no saved copy: nothing is said to be kept for it, nor to run resume again.
    expect(r.stderr).toContain(`Resumed 1 of 2: ${item.id}.\nNot resumed: sm-never.\n`);
    expect(r.stderr).not.toContain('saved cop');
  });
});
