import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { AGENT, NOW } from '../helpers/suite';

const h = useHarness({ defaultAgent: true });
const at = (iso: string) => Date.parse(iso);

/** A weekly schedule that fired on time last Monday. */
function weekly(i: number) {
  const schedule = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '30 9 * * 1' }, `weekly ${i}`);
  schedule.created_at = '2026-11-01T00:00:00.000Z';
  schedule.next_scheduled_time = '2026-11-23T09:30:00.000Z';
  h.letta.addFire(schedule.id, at('2026-11-16T09:30:04Z'));
  return schedule;
}

describe('status read as it goes', () => {
  it('a fire-health failure on a terminal prints no part of the report, only the error', async () => {
    h.letta.now = () => at('2026-11-19T00:00:00Z');
    expect((await h.run(['--now', '2026-11-19T00:00:00Z', 'recurring', 'create', '--message', 'Water', '--cron', 'every day at 9am', '--count', '3', '--tz', 'America/New_York'])).code).toBe(0);
    h.letta.now = () => at(NOW);
    const first = [...h.letta.schedules.keys()][0]!;
    for (const args of [[], ['--json'], ['-q']]) {
      // A refused key ends the whole check (a 5xx on one schedule leaves only that one unknown: test/e2e/partial-reads.test.ts).
      h.letta.inject(new RegExp(`/schedule/${first}/history$`), { status: 403, body: '{"detail":"boom"}' });
      const r = await h.run(['status', '--no-color', ...args], { terminal: 200 });
      expect(r.code, args.join(' ')).toBe(4);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr).toContain('boom');
      expect(r.stderr).not.toContain('Last sync');
    }
  });

  it('the first history answer decides whether the server has the route: a later schedule without history is one Letta no longer holds', async () => {
    const made = Array.from({ length: 6 }, (_, i) => weekly(i));
    h.letta.inject(new RegExp(`/schedule/${made[4]!.id}/history$`), { status: 404, body: '{"detail":"Not Found"}' });
    const r = await h.run(['status', '--json', '--concurrency', '2']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout).fire_health;
    expect(doc.history_route).toBe(true);
    expect(doc.totals.ok).toBe(5);
    expect(doc.gone).toEqual([made[4]!.id]);
    expect(r.stderr).not.toContain('has no fire history');
  });

  it('schedules gone by the time their history is read are named in the order listed, whichever answers first', async () => {
    const [a, b] = [weekly(0), weekly(1)];
    h.letta.history.clear();
    h.letta.onRequest = (request) => {
      h.letta.latencyMs = request.path.endsWith(`/schedule/${a.id}/history`) ? 200 : 0;
      for (const schedule of [a, b]) if (request.path.endsWith(`/schedule/${schedule.id}/history`)) h.letta.schedules.delete(schedule.id);
    };
    const r = await h.run(['status', '--json']);
    expect(JSON.parse(r.stdout).fire_health.gone).toEqual([a.id, b.id]);
    expect(r.stderr.indexOf(`no history for ${a.id}`)).toBeLessThan(r.stderr.indexOf(`no history for ${b.id}`));
    expect(r.stderr.indexOf(`no history for ${a.id}`)).toBeGreaterThanOrEqual(0);
  });
});
