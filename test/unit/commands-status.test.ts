import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

const h = useHarness();

function dailyFiredTwice() {
  const daily = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, 'Daily digest');
  daily.created_at = '2026-11-20T20:00:00.000Z';
  daily.next_scheduled_time = '2026-11-23T14:00:00.000Z';
  h.letta.addFire(daily.id, Date.parse('2026-11-21T14:00:07Z'));
  h.letta.addFire(daily.id, Date.parse('2026-11-22T14:03:30Z'), { stopReason: 'end_turn' });
  return daily;
}

describe('status and history on a terminal', () => {
  it("status: a table with the worst case named in the reader's zone; exit 0 when only late", async () => {
    const daily = dailyFiredTwice();
    const r = await h.run(['status', '--tz', 'Asia/Tokyo', '--no-color'], { terminal: 160 });
    expect(r.code).toBe(0);
    const [head, row] = r.stdout.split('\n');
    expect(head!.split(/\s{2,}/)).toEqual(['SCHEDULE', 'AGENT', 'KIND', 'OK', 'LATE', 'FAILED', 'MISSED', 'STUCK', 'WORST', 'NOTE']);
    expect(row!.split(/\s{2,}/)).toEqual([daily.id.replace('sm-', ''), 'support-bot', 'recurring', '1', '1', '0', '0', 'no', 'late', '2026-11-22 23:00 JST sent 3m30s late']);
  });

  it('status and history on an 80-column terminal: each row names its schedule by a short id, never cut, that commands take back', async () => {
    const daily = dailyFiredTwice();
    const other = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 15 * * *' }, 'Other digest');
    other.created_at = '2026-11-20T20:00:00.000Z';
    other.next_scheduled_time = '2026-11-23T15:00:00.000Z';
    const r = await h.run(['status', '--no-color'], { terminal: 80 });
    expect(r.code, r.stderr).toBe(6);
    const lines = r.stdout.split('\n').filter((line) => line !== '');
    expect(lines.every((line) => line.length < 80)).toBe(true);
    const shown = lines.slice(1).map((line) => line.split(/\s{2,}/)[0]);
    expect(shown.sort()).toEqual([daily.id, other.id].map((id) => id.replace('sm-', '')).sort());
    const history = await h.run(['history', shown[0]!, '--no-color'], { terminal: 80 });
    expect(history.code, history.stderr).toBe(0);
    expect(history.stdout.split('\n')[1]!.split(/\s{2,}/)[0]).toBe(shown[0]);
  });

  it('history and status --verbose on an 80-column terminal: each fire says in full when it was due and what happened', async () => {
    const daily = dailyFiredTwice();
    for (const args of [
      ['history', daily.id],
      ['status', '--verbose'],
    ]) {
      const r = await h.run([...args, '--tz', 'America/New_York', '--no-color'], { terminal: 80 });
      const lines = r.stdout.split('\n').filter((line) => line !== '');
      expect(lines.every((line) => line.length < 80)).toBe(true);
      const head = lines[0]!.split(/\s{2,}/);
      expect(head).toEqual(expect.arrayContaining(['SCHEDULE', 'DUE', 'DELAY', 'CLASS', 'OUTCOME']));
      const rows = lines.slice(1).map((line) => line.split(/\s{2,}/));
      expect(rows.map((row) => row[head.indexOf('DUE')]).sort()).toEqual(['Sat 2026-11-21 09:00 EST', 'Sun 2026-11-22 09:00 EST']);
      expect(rows.map((row) => row[head.indexOf('CLASS')]).sort()).toEqual(['late', 'ok']);
    }
  });

  it('status: a send no fire accounts for (a second send for one fire) is counted in the summary, and exit stays 0', async () => {
    const daily = dailyFiredTwice();
    expect((await h.run(['status'])).stderr).toContain('fires: 1 ok, 1 late, 0 failed, 0 missed)');
    h.letta.addFire(daily.id, Date.parse('2026-11-22T14:05:00Z'));
    const r = await h.run(['status']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('fires: 1 ok, 1 late, 0 failed, 0 missed, 1 unexpected)');
  });

  it('a run still running long after its send fails its fire (exit 6, said how long); one just sent is pending', async () => {
    const daily = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, 'Daily digest');
    daily.created_at = '2026-11-21T13:00:00.000Z';
    daily.next_scheduled_time = '2026-11-23T14:00:00.000Z';
    h.letta.addFire(daily.id, Date.parse('2026-11-21T14:00:05Z'), { stopReason: 'end_turn' });
    h.letta.addFire(daily.id, Date.parse('2026-11-22T14:40:00Z'), { runStatus: 'running', stopReason: null });
    const classes = (stdout: string) => JSON.parse(stdout).fire_health.schedules[0].fires.map((fire: { class: string }) => fire.class);
    const fresh = await h.run(['status', '--json']);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(classes(fresh.stdout)).toEqual(['pending', 'ok']);

    h.letta.addFire(daily.id, Date.parse('2026-11-20T14:00:03Z'), { runStatus: 'running', stopReason: null });
    daily.created_at = '2026-11-20T13:00:00.000Z';
    const hung = await h.run(['status', '--no-color'], { terminal: 200 });
    expect(hung.code).toBe(6);
    expect(hung.stdout).toMatch(/failed\s+2026-11-20 14:00 UTC: its run is still running 2d00h after it was sent/);
  });

  it('history -q prints the run ids, newest first', async () => {
    const daily = dailyFiredTwice();
    const r = await h.run(['history', daily.id, '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(h.letta.runs.map((run) => run.id).reverse());
  });

  it('status -q prints only the ids of schedules that need action', async () => {
    dailyFiredTwice();
    const stuck = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 * * * *' }, 'Hourly');
    stuck.created_at = '2026-11-22T13:30:00.000Z';
    stuck.next_scheduled_time = '2026-11-22T14:00:00.000Z';
    const r = await h.run(['status', '-q']);
    expect(r.code).toBe(6);
    expect(r.stdout).toBe(`${stuck.id}\n`);
  });
});

describe('schedules replaced here', () => {
  it('are said once as replaced, not each as a schedule whose history Letta lost', async () => {
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Digest', '--cron', 'every day at 9am', '--tz', 'America/New_York', '-q']);
    const id = made.stdout.trim();
    const edited = await h.run(['recurring', 'edit', id, '--message', 'Weekly digest', '--force']);
    expect(edited.code, edited.stderr).toBe(0);
    const r = await h.run(['status']);
    expect(r.stderr).not.toContain(`Letta has no history for ${id}`);
    expect(r.stderr).toContain("Note: 1 schedule replaced here (by sync, edit, resume or apply) is no longer on Letta, which keeps no history of it; its successor's fires are counted.");
  });
});

describe('a schedule adopted, then edited', () => {
  it('keeps the fires it had before the adoption as its own, in history and in status', async () => {
    const daily = dailyFiredTwice();
    expect((await h.run(['recurring', 'adopt', daily.id, '--tz', 'America/New_York'])).code).toBe(0);
    expect((await h.run(['recurring', 'edit', daily.id, '--message', 'Weekly digest', '--force'])).code).toBe(0);
    const history = await h.run(['history', daily.id, '--since', '7d', '--json']);
    expect(history.code, history.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(history.stdout))).toContain('2026-11-22T14:03:30');
    const status = await h.run(['status', '--json']);
    const old = (JSON.parse(status.stdout).fire_health.schedules as Array<{ schedule_id: string; counts: Record<string, number> }>).find((one) => one.schedule_id === daily.id)!;
    expect(old.counts).toMatchObject({ ok: 1, late: 1 });
  });
});

describe('status of one agent', () => {
  it("reads the agent's schedules beside the agents' names, never more than --concurrency at once", async () => {
    dailyFiredTwice();
    h.letta.maxPage = 1;
    h.letta.latencyMs = 20;
    const r = await h.run(['status', '--agent-id', AGENT, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const reads = h.letta.received.map((request) => request.path.replace(/\/schedule\/.*$/, '/schedule/…'));
    // The schedule list goes out before the second page of agents comes back, not after the last.
    expect(reads.indexOf(`/v1/agents/${AGENT}/schedule`)).toBeLessThan(reads.lastIndexOf('/v1/agents/'));
    expect(h.letta.maxInFlight).toBeGreaterThanOrEqual(2);
    expect(h.letta.maxInFlight).toBeLessThanOrEqual(8);

    // The lists' pages and the histories take the same slots.
    h.letta.maxInFlight = 0;
    const two = await h.run(['status', '--agent-id', AGENT, '--json', '--concurrency', '2']);
    expect(two.code, two.stderr).toBe(0);
    expect(h.letta.maxInFlight).toBe(2);

    h.letta.received.length = 0;
    const one = await h.run(['status', '--agent-id', AGENT, '--json', '--concurrency', '1']);
    expect(one.code, one.stderr).toBe(0);
    const inOrder = h.letta.received.map((request) => request.path);
    expect(inOrder.indexOf(`/v1/agents/${AGENT}/schedule`)).toBeGreaterThan(inOrder.lastIndexOf('/v1/agents/'));
  });
});

describe('status over many agents and pages', () => {
  const agents = Array.from({ length: 12 }, (_, i) => ({ id: `agent-${String(i).padStart(8, '0')}-0000-0000-0000-000000000000`, name: `bot ${i}` }));
  function manyAgents() {
    h.letta.agents = agents;
    h.letta.maxPage = 2;
    h.letta.latencyMs = 5;
    const made: string[] = [];
    // Agent i has i % 4 schedules: some none, some several pages.
    for (const [i, agent] of agents.entries()) {
      for (let n = 0; n < i % 4; n++) {
        const schedule = h.letta.addSchedule(agent.id, { type: 'recurring', cron_expression: '0 14 * * *' }, `check ${i}.${n}`);
        // Made after today's fire: nothing was due yet.
        schedule.created_at = '2026-11-22T14:30:00.000Z';
        schedule.next_scheduled_time = '2026-11-23T14:00:00.000Z';
        made.push(schedule.id);
      }
    }
    return made;
  }

  it('judges every schedule of every agent once, in the order read, never more than --concurrency requests at once', async () => {
    const made = manyAgents();
    const r = await h.run(['status', '--all-agents', '--json', '--concurrency', '3']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.fire_health.schedules.map((s: { schedule_id: string }) => s.schedule_id)).toEqual(made);
    expect(doc.fire_health.schedules.map((s: { agent_name: string }) => s.agent_name)).toEqual(made.map((id) => `bot ${agents.findIndex((a) => a.id === h.letta.schedules.get(id)!.agent_id)}`));
    expect(h.letta.maxInFlight).toBeLessThanOrEqual(3);
    // Each agent's list read once from its start (no page asked for twice).
    const firstPages = h.letta.received.filter((q) => q.path.endsWith('/schedule') && q.query.after === undefined).map((q) => q.path);
    expect(firstPages).toEqual(agents.map((a) => `/v1/agents/${a.id}/schedule`));
  });

  it('a list page that fails mid-way: the run fails with its error and prints no half document', async () => {
    manyAgents();
    h.letta.inject(new RegExp(`/v1/agents/${agents[7]!.id}/schedule$`), { status: 400, body: JSON.stringify({ detail: 'bad page' }) });
    const r = await h.run(['status', '--all-agents', '--json']);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBe(6);
    expect(r.stderr).toContain('bad page');
    expect(r.stdout).toBe('');
  });
});
