import { describe, expect, it } from 'vitest';
import { applyCase } from '../../bench/apply-case';
import { checkScaleCase } from '../../bench/harness';
import { statusCase } from '../../bench/status-case';
import { syncCase } from '../../bench/sync-case';
import agendaAllAgents from '../../bench/cases/agenda-all-agents';
import delete200 from '../../bench/cases/delete-200';

/**
 * The bench's cases at scale, each at a size a test can afford: the command each one times must succeed as the
 * bench runs it (a case whose inputs the CLI refuses stops the whole bench run).
 */
describe('the bench cases at scale', () => {
  const cases = [
    ['apply of new files', applyCase(9)],
    ['sync of replacements', syncCase(3)],
    ['status', statusCase(3)],
    ['agenda --all-agents', agendaAllAgents],
    ['delete of many ids', delete200],
  ] as const;
  it.each(cases)(
    '%s runs as the bench runs it',
    async (_label, scale) => {
      expect(await checkScaleCase(scale)).toBeGreaterThan(0);
    },
    60_000,
  );
});
