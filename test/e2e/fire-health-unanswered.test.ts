import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, cliNow, useFakeLetta } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

/**
 * One request Letta never answers (the fake holds it open), or keeps failing: the other schedules and fires are
 * still judged, the unread one said as unknown and why, and the exit code is the first failure's (5: no answer).
 */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
beforeEach(() => ({ letta } = suite));

const cli = cliNow(suite, '--timeout', '1000');
const at = (iso: string) => Date.parse(iso);
const failing = (status: number) => Array.from({ length: 3 }, () => ({ status, headers: { 'content-type': 'application/json', 'retry-after-ms': '10' }, body: '{"detail":"boom"}' }));
const historyOf = (id: string) => new RegExp(`^GET /v1/agents/[^/]+/schedule/${id}/history$`);
const runOf = (id: string) => new RegExp(`^GET /v1/runs/${id}$`);
const rows = (stdout: string) =>
  new Map(
    stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t'))
      .map((cells) => [cells[0]!, cells]),
  );
type Json = Record<string, any>;

/** Daily 14:00 UTC schedules made 2026-11-20, each sent on time every day since (three fires, newest last). */
function healthyDailies(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const daily = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, `Daily ${i}`);
    daily.created_at = '2026-11-20T00:00:00.000Z';
    daily.next_scheduled_time = '2026-11-23T14:00:00.000Z';
    for (const day of ['20', '21', '22']) letta.addFire(daily.id, at(`2026-11-${day}T14:00:05Z`));
    return daily;
  });
}

describe('status when Letta never answers one read', () => {
  it('a history read with no answer: that schedule unknown ("timed out"), the others judged, exit 5', async () => {
    const [first, second, third] = healthyDailies(3);
    letta.inject(historyOf(second!.id), { hang: true });
    const r = await cli('status', '--json');
    expect(r.code).toBe(5);
    const doc = JSON.parse(r.stdout) as Json;
    const byId = new Map((doc.fire_health.schedules as Json[]).map((s) => [s.schedule_id, s]));
    expect(byId.get(second!.id)).toMatchObject({ worst: 'unknown', history: false, needs_attention: false });
    expect(byId.get(second!.id)!.error).toMatch(/^timed out: no answer .* within 1000 ms/);
    for (const other of [first!, third!]) expect(byId.get(other.id)).toMatchObject({ worst: 'ok', counts: { ok: 3 } });
    expect(doc.fire_health.unchecked).toEqual([second!.id]);
    expect(r.stderr).toMatch(new RegExp(`^Note: ${second!.id} \\(support-bot\\): its fires could not be read \\(timed out`, 'm'));
    expect(r.stderr).toMatch(/^Error: 1 of 3 schedules could not be checked/m);
  });

  it('in a pipe the row says so, and something wrong elsewhere still exits 6', async () => {
    const [first, second] = healthyDailies(2);
    letta.history.get(first!.id)!.pop();
    letta.inject(historyOf(second!.id), { hang: true });
    const r = await cli('status');
    expect(r.code).toBe(6);
    const table = rows(r.stdout);
    expect(table.get(first!.id)![8]).toBe('missed');
    expect(table.get(second!.id)!.slice(8)).toEqual(['unknown', expect.stringMatching(/^its fires could not be read \(timed out: /)]);
  });

  it('a run read with no answer costs only its fire: the schedule is judged from the runs read, exit 5', async () => {
    const [first, second] = healthyDailies(2);
    // The oldest fire's run failed: read, it makes the schedule failed, whatever the newest run's read does.
    const [oldest, , newest] = letta.history.get(second!.id)!;
    letta.runs.find((run) => run.id === oldest!.run_id)!.stop_reason = 'llm_api_error';
    letta.inject(runOf(newest!.run_id!), { hang: true });
    const r = await cli('status', '--json');
    expect(r.code).toBe(6);
    const byId = new Map((JSON.parse(r.stdout).fire_health.schedules as Json[]).map((s) => [s.schedule_id, s]));
    const judged = byId.get(second!.id)!;
    expect(judged).toMatchObject({ worst: 'failed', history: true, run_errors: 1, counts: { ok: 2, failed: 1 } });
    expect(judged.error).toBeUndefined();
    expect(judged.note).toMatch(/1 fire's run could not be read, how it ended unknown \(timed out: /);
    expect(judged.fires[0]).toMatchObject({ run_id: newest!.run_id, class: 'ok', run_error: expect.stringMatching(/^timed out: /) });
    expect(byId.get(first!.id)).toMatchObject({ worst: 'ok', run_errors: 0 });
    expect(JSON.parse(r.stdout).fire_health.unread_runs).toEqual([newest!.run_id]);
  });

  it('with nothing else wrong, an unread run ends the run with exit 5 and says which fire', async () => {
    const [, second] = healthyDailies(2);
    const newest = letta.history.get(second!.id)![2]!;
    letta.inject(runOf(newest.run_id!), { hang: true });
    const r = await cli('status');
    expect(r.code).toBe(5);
    expect(rows(r.stdout).get(second!.id)![8]).toBe('ok');
    expect(r.stderr).toMatch(new RegExp(`^Note: ${second!.id} \\(support-bot\\): the run ${newest.run_id} of its fire due 2026-11-22 14:00 UTC could not be read \\(timed out`, 'm'));
    expect(r.stderr).toMatch(/^Error: 1 run behind sends could not be read/m);
  });

  it('Letta answering nothing at all stops the check after a few, not a timeout per schedule (exit 5)', async () => {
    healthyDailies(8);
    letta.inject(/\/history$/, ...Array.from({ length: 20 }, () => ({ hang: true as const })));
    const r = await cli('status', '--concurrency', '1');
    expect(r.code).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error: No answer from .* within 1000 ms/m);
    // The first few (read ahead) each wait out their timeout; the rest are never asked.
    expect(letta.requests('GET', /\/history$/).length).toBeLessThan(6);
  });

  it('Letta that stops answering part-way stops the check too, once three in a row got no answer', async () => {
    const dailies = healthyDailies(8);
    letta.inject(/\/history$/, { pass: true }, { pass: true }, ...Array.from({ length: 20 }, () => ({ hang: true as const })));
    const r = await cli('status', '--concurrency', '1');
    expect(r.code).toBe(5);
    expect(letta.requests('GET', /\/history$/).length).toBeLessThan(dailies.length);
  });
});

describe('status when one run read fails (a 5xx after the retries)', () => {
  it('judges the schedule from the runs that were read and says one fire is unknown; exit 1', async () => {
    const [first, second] = healthyDailies(2);
    const middle = letta.history.get(second!.id)![1]!;
    letta.inject(runOf(middle.run_id!), ...failing(502));
    const r = await cli('status');
    expect(r.code).toBe(1);
    const table = rows(r.stdout);
    expect(table.get(second!.id)!.slice(3, 9)).toEqual(['3', '0', '0', '0', 'no', 'ok']);
    expect(table.get(second!.id)![9]).toMatch(/^last sent .*; 1 fire's run could not be read, how it ended unknown \(.*502/);
    expect(table.get(first!.id)![8]).toBe('ok');
    expect(r.stderr).toMatch(/^Fire health: .*; 1 fire's run could not be read/m);
  });
});

describe('agenda --since when Letta never answers one history', () => {
  it('shows every fire, the unanswered schedule past ones unknown ("timed out"), the other with its outcome; exit 5', async () => {
    const [a, b] = healthyDailies(2);
    letta.inject(historyOf(a!.id), { hang: true });
    const r = await cli('agenda', '--since', '1d', '--days', '1', '--json');
    expect(r.code).toBe(5);
    const fires = JSON.parse(r.stdout) as Array<{ schedule_id: string; at: string; flags: Array<{ type: string; text: string }> }>;
    const outcome = (id: string) =>
      fires
        .find((f) => f.schedule_id === id && f.at === '2026-11-22T14:00:00.000Z')!
        .flags.filter((f) => f.type === 'outcome')
        .map((f) => f.text);
    expect(outcome(a!.id)).toEqual([expect.stringMatching(/^outcome unknown: its fires could not be read \(timed out: /)]);
    expect(outcome(b!.id)).toEqual(['ok (sent +5s, end_turn)']);
    expect(fires.filter((f) => Date.parse(f.at) > Date.parse(NOW))).toHaveLength(2);
    expect(r.stderr).toMatch(new RegExp(`^Error: The past fires of 1 schedule could not be read \\(${a!.id}\\)`, 'm'));
  });

  it('a run with no answer: only that fire says its ending is unknown; exit 5', async () => {
    const [a] = healthyDailies(1);
    const newest = letta.history.get(a!.id)![2]!;
    letta.inject(runOf(newest.run_id!), { hang: true });
    const r = await cli('agenda', '--since', '1d', '--days', '1', '--json');
    expect(r.code).toBe(5);
    const fires = JSON.parse(r.stdout) as Array<{ at: string; flags: Json[] }>;
    const past = fires.find((f) => f.at === '2026-11-22T14:00:00.000Z')!;
    expect(past.flags).toEqual([expect.objectContaining({ class: 'ok', run_error: expect.stringMatching(/^timed out: /) })]);
    expect(past.flags[0]!.text).toMatch(/^ok \(sent \+5s\); how it ended is unknown: its run could not be read \(timed out: /);
  });
});

describe('history of several schedules when Letta never answers one', () => {
  it('a series: the other members shown as read, the unanswered one as unknown, said; exit 5', async () => {
    letta.now = () => at('2026-11-19T00:00:00Z');
    const made = await runCli(['--now', '2026-11-19T00:00:00Z', 'recurring', 'create', '--message', 'Water', '--cron', 'every day at 9am', '--count', '3', '--tz', 'UTC', '-q'], { env: suite.env });
    letta.now = () => at(NOW);
    expect(made.code).toBe(0);
    const members = [...letta.schedules.values()];
    members.forEach((member, i) => letta.addFire(member.id, at(`2026-11-${19 + i}T09:00:04Z`)));
    letta.inject(historyOf(members[1]!.id), { hang: true });
    const r = await cli('history', made.stdout.trim(), '--json');
    expect(r.code).toBe(5);
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.fires.map((f: Json) => [f.schedule_id, f.class])).toEqual([
      [members[2]!.id, 'ok'],
      [members[1]!.id, 'unknown'],
      [members[0]!.id, 'ok'],
    ]);
    expect(r.stderr).toMatch(new RegExp(`^Note: ${members[1]!.id}: its fires could not be read \\(timed out: `, 'm'));
    expect(r.stderr).toMatch(new RegExp(`^Error: The fires of ${members[1]!.id} could not be read: timed out`, 'm'));
  });

  it('one schedule whose history gets no answer is still an error (nothing to show): exit 5', async () => {
    const [a] = healthyDailies(1);
    letta.inject(historyOf(a!.id), { hang: true });
    const r = await cli('history', a!.id);
    expect(r.code).toBe(5);
    expect(r.stdout).toBe('');
  });

  it("a run with no answer: every fire shown, that one's run not read (timed out); exit 5", async () => {
    const [a] = healthyDailies(1);
    const newest = letta.history.get(a!.id)![2]!;
    letta.inject(runOf(newest.run_id!), { hang: true });
    const r = await cli('history', a!.id, '--json');
    expect(r.code).toBe(5);
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.fires.map((f: Json) => f.class)).toEqual(['ok', 'ok', 'ok']);
    expect(doc.fires[0].run_error).toMatch(/^timed out: /);
    expect(r.stderr).toMatch(new RegExp(`^Error: The history was read, but not the run ${newest.run_id} behind a send: timed out`, 'm'));
  });
});
