import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

/** Fire health says what is true of each schedule: its notes, and what it could not read. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env });
const at = (iso: string) => Date.parse(iso);
const rows = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t'));

describe('status: the note of a schedule with nothing wrong', () => {
  it('a fire due within the grace time is said to be due, not "nothing was due"', async () => {
    const soon = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: at('2026-11-22T14:55:00Z') }, 'Just due');
    soon.created_at = '2026-11-22T14:00:00.000Z';
    const r = await cli('status');
    expect(r.code).toBe(0);
    expect(rows(r.stdout)).toEqual([[soon.id, 'support-bot', 'one-time', '0', '0', '0', '0', 'no', 'ok', '2026-11-22 14:55 UTC: due, nothing sent yet']]);
  });

  it('a schedule with nothing due in the window still says so', async () => {
    const later = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: at('2026-11-23T09:00:00Z') }, 'Tomorrow');
    later.created_at = '2026-11-22T14:00:00.000Z';
    const r = await cli('status');
    expect(r.code).toBe(0);
    expect(rows(r.stdout)[0]![9]).toBe('nothing was due');
  });
});
