import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

/** One read that fails, while the others answer: what is left is still reported, and the gap is said. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env });
const at = (iso: string) => Date.parse(iso);
/** Every attempt the client makes at one GET (it retries a 5xx twice), quickly. */
const failing = (status: number) => Array.from({ length: 3 }, () => ({ status, headers: { 'content-type': 'application/json', 'retry-after-ms': '10' }, body: '{"detail":"boom"}' }));
type Json = Record<string, any>;

/** Two daily 14:00 UTC schedules made a week before NOW, each sent on time every day. */
function twoHealthyDailies() {
  return ['First', 'Second'].map((text) => {
    const daily = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, text);
    daily.created_at = '2026-11-20T00:00:00.000Z';
    daily.next_scheduled_time = '2026-11-23T14:00:00.000Z';
    for (const day of ['20', '21', '22']) letta.addFire(daily.id, at(`2026-11-${day}T14:00:05Z`));
    return daily;
  });
}

describe('status when one schedule cannot be read', () => {
  it('a history read that keeps failing leaves that schedule unknown, says why, judges the rest, and exits 1', async () => {
    const [first, second] = twoHealthyDailies();
    letta.inject(new RegExp(`^GET /v1/agents/[^/]+/schedule/${first!.id}/history$`), ...failing(503));
    const r = await cli('status', '--json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as Json;
    const byId = new Map((doc.fire_health.schedules as Json[]).map((s) => [s.schedule_id, s]));
    expect(byId.get(first!.id)).toMatchObject({ worst: 'unknown', history: false, needs_attention: false });
    expect(byId.get(first!.id)!.error).toMatch(/503/);
    expect(byId.get(second!.id)).toMatchObject({ worst: 'ok', counts: { ok: 3 } });
    expect(doc.fire_health.unchecked).toEqual([first!.id]);
    expect(r.stderr).toMatch(new RegExp(`${first!.id}.*503`));
    expect(r.stderr).toMatch(/^Error: .*1 of 2 schedules could not be checked/m);
  });

  it('a run read that keeps failing costs only its fire: the schedule judged from the runs read, in the table too', async () => {
    const [first, second] = twoHealthyDailies();
    const runId = letta.history.get(second!.id)![2]!.run_id!;
    letta.inject(new RegExp(`^GET /v1/runs/${runId}$`), ...failing(502));
    const r = await cli('status');
    expect(r.code).toBe(1);
    const rows = new Map(
      r.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t'))
        .map((cells) => [cells[0], cells]),
    );
    expect(rows.get(second!.id)![8]).toBe('ok');
    expect(rows.get(second!.id)![9]).toMatch(/1 fire's run could not be read.*502/);
    expect(rows.get(first!.id)![8]).toBe('ok');
  });

  it('a problem found elsewhere still exits 6, and the notification names both', async () => {
    const [first, second] = twoHealthyDailies();
    letta.history.set(second!.id, []);
    letta.inject(new RegExp(`^GET /v1/agents/[^/]+/schedule/${first!.id}/history$`), ...failing(500));
    const r = await cli('status', '--notify', `${letta.url}/notify/x`);
    expect(r.code).toBe(6);
    const [sent] = letta.notified;
    expect(sent!.body).toMatchObject({ needs_attention: true });
    expect((sent!.body as Json).problems.join('\n')).toMatch(new RegExp(`${second!.id}.*missed`));
    expect((sent!.body as Json).problems.join('\n')).toMatch(new RegExp(`${first!.id}.*could not be read`));
  });

  it('an unchecked schedule alone is notified (a cron line with its output thrown away must hear of it)', async () => {
    const [first] = twoHealthyDailies();
    letta.inject(new RegExp(`^GET /v1/agents/[^/]+/schedule/${first!.id}/history$`), ...failing(503));
    const r = await cli('status', '--notify', `${letta.url}/notify/x`);
    expect(r.code).toBe(1);
    expect(letta.notified).toHaveLength(1);
    expect(letta.notified[0]!.body).toMatchObject({ needs_attention: true });
    expect((letta.notified[0]!.body as Json).text).toMatch(new RegExp(`${first!.id}.*could not be read`));
  });
  it('when Letta fails for every schedule, the check stops as failed (exit 1), without trying each of them', async () => {
    const dailies = Array.from({ length: 8 }, (_, i) => letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, `Daily ${i}`));
    letta.inject(/\/history$/, ...Array.from({ length: 100 }, () => failing(503)[0]!));
    const r = await cli('status', '--concurrency', '1');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error: .*503/m);
    expect(r.stderr).not.toContain('could not be checked');
    expect(letta.requests('GET', /\/history$/).length).toBeLessThan(dailies.length * 3);
  });
});

describe('agenda --all-agents when an agent goes away mid-run', () => {
  it('leaves out an agent deleted between the agent list and its schedule list, with a note, and goes on', async () => {
    const kept = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, 'Kept');
    const other = 'agent-22222222-2222-2222-2222-222222222222';
    letta.addSchedule(other, { type: 'recurring', cron_expression: '0 15 * * *' }, 'Vanishing');
    letta.onRequest = (request) => {
      // The agent list has been answered: the agent is deleted as the first schedule list is asked for.
      if (request.method === 'GET' && request.path.endsWith('/schedule')) letta.agents = letta.agents.filter((a) => a.id !== other);
    };
    const r = await cli('agenda', '--all-agents', '--days', '2', '--json');
    expect(r.code).toBe(0);
    const fires = JSON.parse(r.stdout) as Json[];
    expect(fires.length).toBeGreaterThan(0);
    expect(new Set(fires.map((f) => f.schedule_id))).toEqual(new Set([kept.id]));
    expect(r.stderr).toMatch(new RegExp(`${other}.*(no longer exists|not found|left out)`, 'i'));
  });

  it("the same in a pipe: the other agents' fires are printed", async () => {
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, 'Kept');
    const other = 'agent-33333333-3333-3333-3333-333333333333';
    letta.onRequest = (request) => {
      if (request.method === 'GET' && request.path.endsWith('/schedule')) letta.agents = letta.agents.filter((a) => a.id !== other);
    };
    const r = await cli('agenda', '--all-agents', '--days', '2');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Kept/);
    expect(r.stderr).toMatch(new RegExp(other));
  });

  it('recurring list --all-agents leaves it out the same way', async () => {
    const kept = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, 'Kept');
    const other = 'agent-22222222-2222-2222-2222-222222222222';
    letta.addSchedule(other, { type: 'recurring', cron_expression: '0 15 * * *' }, 'Vanishing');
    letta.onRequest = (request) => {
      if (request.method === 'GET' && request.path.endsWith('/schedule')) letta.agents = letta.agents.filter((a) => a.id !== other);
    };
    const r = await cli('recurring', 'list', '--all-agents', '-q');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${kept.id}\n`);
    expect(r.stderr).toMatch(new RegExp(`${other}.*left out`));
  });
});
