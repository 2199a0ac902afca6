import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, cliNow, useFakeLetta } from '../helpers/suite';

/**
 * One schedule's history answered with a body that is not Letta's (a proxy's HTML page, a changed shape):
 * that schedule is unknown and the others are still judged, as when Letta answers 5xx for it.
 */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
beforeEach(() => ({ letta } = suite));

const at = (iso: string) => Date.parse(iso);
const cli = cliNow(suite);

const garbled = [
  ['an HTML page', { status: 200, body: '<html><body>Service paused</body></html>', headers: { 'content-type': 'text/html' } }],
  ['JSON of another shape', { status: 200, body: '{"history": "not a list"}' }],
] as const;

/** Two daily schedules whose every fire went well; the second one missed the 20th. */
function twoDailies() {
  const ids = ['First', 'Second'].map((text) => {
    const daily = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, text);
    daily.created_at = '2026-11-17T00:00:00.000Z';
    daily.next_scheduled_time = '2026-11-23T14:00:00.000Z';
    for (const day of ['17', '18', '19', '20', '21', '22']) if (!(text === 'Second' && day === '20')) letta.addFire(daily.id, at(`2026-11-${day}T14:00:10Z`));
    return daily.id;
  });
  return { first: ids[0]!, second: ids[1]! };
}

describe.each(garbled)('status: one schedule whose history comes back as %s', (_, answer) => {
  it('judges the others, names the unreadable one, and exits 6 for what the others need', async () => {
    const { first, second } = twoDailies();
    letta.inject(new RegExp(`GET .*/schedule/${first}/history`), answer, answer, answer);
    const r = await cli('status', '--concurrency', '1');
    expect(r.code).toBe(6);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t').slice(0, 9));
    expect(rows).toEqual([
      [second, 'support-bot', 'recurring', '5', '0', '0', '1', 'no', 'missed'],
      [first, 'support-bot', 'recurring', '-', '-', '-', '-', 'no', 'unknown'],
    ]);
    expect(r.stderr).toContain(`Note: ${first} (support-bot): its fires could not be read (`);
  });

  it('with nothing else wrong, it exits 1 saying how many could not be checked; --json names it in unchecked', async () => {
    const { first } = twoDailies();
    letta.schedules.delete([...letta.schedules.keys()][1]!);
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, 'Third').created_at = '2026-11-22T14:30:00.000Z';
    letta.inject(new RegExp(`GET .*/schedule/${first}/history`), answer, answer, answer);
    const r = await cli('status', '--json', '--concurrency', '1');
    expect(r.code).toBe(1);
    const health = JSON.parse(r.stdout).fire_health;
    expect(health.unchecked).toEqual([first]);
    expect((health.schedules as Array<{ schedule_id: string; worst: string }>).map((s) => s.worst)).toEqual(['unknown', 'ok']);
    expect(r.stderr).toMatch(/^Error: 1 of 2 schedules could not be checked/m);
  });
});

describe('status: a schedule whose cron Letta holds cannot be read', () => {
  /** One daily schedule whose every fire went well, and one whose cron no reader takes. */
  function oneWellOneUnreadable(cron: string) {
    const { first } = twoDailies();
    letta.schedules.delete([...letta.schedules.keys()][1]!);
    const odd = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: cron }, 'Odd');
    odd.created_at = '2026-11-17T00:00:00.000Z';
    return { first, odd: odd.id };
  }

  it.each(['every tuesday', '61 * * * *', '0 25 * * *'])('%s: counted as not checked in the summary and in --json, exit 1 as for a garbled history', async (cron) => {
    const { first, odd } = oneWellOneUnreadable(cron);
    const r = await cli('status', '--concurrency', '1');
    expect(r.code).toBe(1);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.map((row) => [row[0], row[8]])).toEqual([
      [odd, 'unknown'],
      [first, 'ok'],
    ]);
    expect(r.stderr).toMatch(new RegExp(`^Note: ${odd} \\(support-bot\\): its cron cannot be read \\(.+\\); judged unknown\\.$`, 'm'));
    expect(r.stderr).toMatch(/^Fire health: 2 schedules checked since .*; 1 of 2 could not be read$/m);
    expect(r.stderr).toMatch(/^Error: 1 of 2 schedules could not be checked \(.*holds a cron that cannot be read\); the rest are reported$/m);

    const json = await cli('status', '--json', '--concurrency', '1');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).fire_health.unchecked).toEqual([odd]);
    expect(json.stderr).toMatch(/^Fire health: .*; 1 of 2 could not be read$/m);
  });

  it('something else needing action still makes it exit 6', async () => {
    const { second } = twoDailies();
    const odd = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: 'every tuesday' }, 'Odd');
    const r = await cli('status', '--json', '--concurrency', '1');
    expect(r.code).toBe(6);
    const health = JSON.parse(r.stdout).fire_health;
    expect(health.unchecked).toEqual([odd.id]);
    expect(health.schedules.find((s: { schedule_id: string }) => s.schedule_id === second).worst).toBe('missed');
  });
});

describe('agenda --since: one schedule whose history comes back garbled', () => {
  it('shows the agenda whole, that schedule outcome unknown, the other judged; exit 1', async () => {
    const { first, second } = twoDailies();
    const [, answer] = garbled[0];
    letta.inject(new RegExp(`GET .*/schedule/${first}/history`), answer, answer, answer);
    const r = await cli('agenda', '--since', '3d', '--days', '1', '--concurrency', '1');
    expect(r.code).toBe(1);
    const notes = r.stdout
      .trimEnd()
      .split('\n')
      .filter((line) => line.startsWith('Fri'))
      .map((line) => line.split('\t').slice(5));
    expect(notes).toEqual([
      [first, expect.stringMatching(/^2 fires of this agent this minute; outcome unknown: its fires could not be read/)],
      [second, '2 fires of this agent this minute; missed: nothing sent'],
    ]);
  });
});

describe('status: a run behind a send that Letta keeps failing to give', () => {
  it('judges the schedule from the runs read, and says it was that run, not the history, that could not be read', async () => {
    const { first } = twoDailies();
    const run = letta.history.get(first)!.at(-1)!.run_id!;
    letta.inject(new RegExp(`GET /v1/runs/${run}$`), ...Array(3).fill({ status: 500, body: '{"detail":"runs are down"}' }));
    const r = await cli('status', '--concurrency', '1');
    expect(r.code).toBe(6);
    const row = r.stdout.split('\n').find((line) => line.startsWith(first))!;
    expect(row.split('\t').slice(3, 9)).toEqual(['6', '0', '0', '0', 'no', 'ok']);
    expect(row.split('\t')[9]).toBe("last sent 2026-11-22 14:00 UTC; 1 fire's run could not be read, how it ended unknown (Letta answered 500 Internal Server Error: runs are down (tried 3 times))");
    expect(r.stderr).toContain(`the run ${run} of its fire due 2026-11-22 14:00 UTC could not be read`);
  });
});

describe('history: a run behind a send that Letta keeps failing to give', () => {
  it('shows every fire, that one judged on the history alone and its run marked not read; exit 1 naming the run', async () => {
    const { first } = twoDailies();
    const run = letta.history.get(first)!.at(-1)!.run_id!;
    letta.inject(new RegExp(`GET /v1/runs/${run}$`), ...Array(3).fill({ status: 500, body: '{"detail":"runs are down"}' }));
    const r = await cli('history', first, '--since', '7d', '--concurrency', '1');
    expect(r.code).toBe(1);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows).toHaveLength(6);
    expect(rows.map((row) => row[5])).toEqual(Array(6).fill('ok'));
    const marked = rows.filter((row) => row[7]!.startsWith('run not read'));
    expect(marked).toEqual([[first, expect.any(String), '2026-11-22 14:00 UTC', '2026-11-22T14:00:10Z', '+10s', 'ok', run, expect.stringContaining('runs are down')]]);
    expect(rows.filter((row) => row[6] !== run).every((row) => row[7] === 'end_turn')).toBe(true);
    expect(r.stderr).toMatch(new RegExp(`^Error: The history was read, but not the run ${run} behind a send: .*runs are down`, 'm'));
  });

  it('--json: one document, the fire with run_error; exit 1', async () => {
    const { first } = twoDailies();
    const run = letta.history.get(first)!.at(-1)!.run_id!;
    letta.inject(new RegExp(`GET /v1/runs/${run}$`), ...Array(3).fill({ status: 500, body: '{"detail":"runs are down"}' }));
    const r = await cli('history', first, '--since', '7d', '--json', '--concurrency', '1');
    expect(r.code).toBe(1);
    const fires = JSON.parse(r.stdout).fires as Array<{ run_id: string; class: string; run_error?: string }>;
    expect(fires).toHaveLength(6);
    expect(fires.filter((fire) => fire.run_error !== undefined)).toEqual([expect.objectContaining({ run_id: run, class: 'ok', run_error: expect.stringContaining('runs are down') })]);
  });
});
