import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

/** agenda --since with one schedule's history failing: the agenda (what fires next) is still shown, that schedule's outcomes unknown and why. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env });
const failing = (status: number) => Array.from({ length: 3 }, () => ({ status, headers: { 'content-type': 'application/json', 'retry-after-ms': '10' }, body: '{"detail":"boom"}' }));

describe('agenda --since when one history cannot be read', () => {
  it('shows every fire, the unread schedule past ones as unknown with why, the other with its outcome; exit 1 after', async () => {
    const [a, b] = ['A', 'B'].map((text, i) => {
      const daily = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: `0 ${13 + i} * * *` }, text);
      daily.created_at = '2026-11-20T00:00:00.000Z';
      return daily;
    });
    letta.addFire(b!.id, Date.parse('2026-11-22T14:00:04Z'));
    letta.inject(new RegExp(`${a!.id}/history$`), ...failing(503));
    const r = await cli('agenda', '--since', '1d', '--days', '1', '--json');
    expect(r.code).toBe(1);
    const fires = JSON.parse(r.stdout) as Array<{ schedule_id: string; at: string; flags: Array<{ text: string }> }>;
    const note = (fire: (typeof fires)[number]) => fire.flags.map((flag) => flag.text).join('; ');
    const past = (id: string) => fires.find((f) => f.schedule_id === id && f.at === `2026-11-22T${id === a!.id ? '13' : '14'}:00:00.000Z`)!;
    expect(note(past(a!.id))).toMatch(/outcome unknown: its fires could not be read .*503/);
    expect(note(past(b!.id))).toMatch(/^ok/);
    // The coming fires are all there.
    expect(fires.filter((f) => Date.parse(f.at) > Date.parse(NOW))).toHaveLength(2);
    expect(r.stderr).toMatch(new RegExp(`${a!.id}.*could not be read`));
  });
});
