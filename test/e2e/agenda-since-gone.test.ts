import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { NOW, cliAt, useFakeLetta } from '../helpers/suite';

/** agenda --since: a past fire of a schedule made here that Letta let go with no history says in its row that its outcome is unknown. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
beforeEach(() => ({ letta } = suite));

const at = (iso: string) => Date.parse(iso);
const cli = cliAt(suite);

describe('agenda --since: a schedule Letta let go and has no history of', () => {
  it('its row says the outcome is unknown and why, beside the one that was read', async () => {
    const ids: string[] = [];
    for (const [text, when] of [
      ['Fired', '2026-11-21T10:00Z'],
      ['Let go', '2026-11-21T11:00Z'],
    ]) {
      const made = await cli('2026-11-20T00:00:00Z', 'onetime', 'create', '--message', text!, '--execute-at', when!, '-q');
      expect(made.code).toBe(0);
      ids.push(made.stdout.trim());
    }
    const [fired, letGo] = ids as [string, string];
    letta.addFire(fired, at('2026-11-21T10:00:04Z'));
    letta.schedules.clear();

    const pipe = await cli(NOW, 'agenda', '--since', '2d', '--days', '1');
    expect(pipe.code).toBe(0);
    expect(
      pipe.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t').slice(5)),
    ).toEqual([
      [fired, 'ok (sent +4s, end_turn)'],
      [letGo, 'outcome unknown: its fires could not be read (Letta no longer holds that schedule and has no history for it)'],
    ]);
    expect(pipe.stderr).toBe(`Note: Letta has no history for ${letGo} (it no longer holds that schedule): its outcome is unknown.\n`);

    const json = await cli(NOW, 'agenda', '--since', '2d', '--days', '1', '--json');
    const flags = (JSON.parse(json.stdout) as Array<{ schedule_id: string; flags: Array<Record<string, unknown>> }>).find((f) => f.schedule_id === letGo)!.flags;
    expect(flags).toEqual([expect.objectContaining({ type: 'outcome', class: 'unknown', error: 'Letta no longer holds that schedule and has no history for it' })]);
  });
});
