import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { runCli } from '../helpers/run-cli';
import { interruptedAtCreate as interruptedInRun } from '../helpers/interrupted';
import { NOW, useFakeLetta } from '../helpers/suite';

/* A pause of a schedule whose edit was cut off after its create: the copy that landed would go on firing beside the pause. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env, timeoutMs: 30_000 });
const messages = () => [...letta.schedules.values()].map((s) => (s.message.messages[0] as { content: string }).content).sort();

const interruptedAtCreate = (args: string[]) => interruptedInRun(letta, env, ['--now', NOW, ...args]);

describe('recurring pause after an edit cut off after its create', () => {
  it('pauses the schedule and deletes the edited copy that landed, saying so; resume brings back the schedule as it was', async () => {
    const old = (await cli('recurring', 'create', '--message', 'Standup', '--cron', 'every weekday at 9am', '--tz', 'Europe/Paris', '-q')).stdout.trim();
    expect((await interruptedAtCreate(['recurring', 'edit', old, '--message', 'Standup, edited'])).code).toBe(130);
    expect(messages()).toEqual(['Standup', 'Standup, edited']);
    const copy = [...letta.schedules.values()].find((s) => s.id !== old)!.id;

    const paused = await cli('recurring', 'pause', old);
    expect(paused.code, paused.stderr).toBe(0);
    expect(paused.stdout + paused.stderr).toContain(`deleted ${copy} too, the copy an unfinished change of it made (resume brings back ${old} as it was before that change)`);
    expect(messages()).toEqual([]);
    expect(
      letta
        .requests('DELETE')
        .map((r) => r.path.split('/').pop())
        .sort(),
    ).toEqual([old, copy].sort());
    const status = await cli('status');
    expect(status.code, status.stderr).toBe(0);

    const resumed = await cli('recurring', 'resume', old);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(messages()).toEqual(['Standup']);
    expect((await cli('sync', '--json')).stdout.trim()).toBe('[]');
    expect(messages()).toEqual(['Standup']);
  }, 60_000);
});
