import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { displayWidth } from '../../src/output/text';
import { AGENT } from '../helpers/suite';

const h = useHarness();

/** A daily schedule whose newest fire's run stopped on a long stop reason. */
function daily() {
  const item = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, 'Daily');
  item.created_at = '2026-11-20T00:00:00.000Z';
  h.letta.addFire(item.id, Date.parse('2026-11-20T14:00:04Z'));
  h.letta.addFire(item.id, Date.parse('2026-11-21T14:00:04Z'), { stopReason: 'context_window_overflow_in_system_prompt' });
  return item;
}

describe('fire tables on a narrow terminal', () => {
  for (const command of [['history'], ['status', '--verbose']]) {
    it(`${command.join(' ')} keeps each due time whole at 70 columns, the outcome giving up width first`, async () => {
      const item = daily();
      const args = command[0] === 'history' ? ['history', item.id] : command;
      const r = await h.run([...args, '--tz', 'America/New_York', '--no-color'], { terminal: 70 });
      const lines = r.stdout.trimEnd().split('\n');
      for (const line of lines) expect(displayWidth(line)).toBeLessThan(70);
      expect(r.stdout).toContain('Sat 2026-11-21 09:00 EST');
      expect(r.stdout).toContain('Fri 2026-11-20 09:00 EST');
      expect(r.stdout).toMatch(/context_window_ov\S*…/);
    });
  }
});
