import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

const h = useHarness();
const WINTER = '2026-11-23T12:00:00Z';
const SUMMER = '2027-03-16T00:00:00Z';
const statePath = () => join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json');

async function create(args: string[], now = WINTER) {
  const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--tz', 'America/New_York', '--now', now, '-q', ...args]);
  expect(made.code).toBe(0);
  return made.stdout.trim();
}

describe('status', () => {
  // Letta's clock where the schedules are made, so their next run is not already past (stuck).
  beforeEach(() => (h.letta.now = () => Date.parse(WINTER)));
  it('exit 0 when all is well: the last sync, the next DST change and what it moves', async () => {
    const id = await create(['--cron', 'every weekday at 9am']);
    expect((await h.run(['sync', '--now', WINTER])).code).toBe(0);
    const status = await h.run(['status', '--now', WINTER, '--json']);
    expect(status.code).toBe(0);
    const facts = JSON.parse(status.stdout).record;
    expect(facts).toMatchObject({ server: `${h.letta.url}/`, last_sync: { ok: true, overdue: false }, wrong_local_time: [], needs_action: [] });
    expect(facts.dst_changes).toEqual([expect.objectContaining({ zone: 'America/New_York', at: '2027-03-14T07:00:00.000Z', moves: [id] })]);
    // In a pipe the record's part goes to stderr; stdout keeps the fire-health rows.
    expect((await h.run(['status', '--now', WINTER])).stderr).toContain('Next DST');
  });

  it('names the DST change at its minute, whatever the seconds of now', async () => {
    const id = await create(['--cron', 'every weekday at 9am']);
    const status = await h.run(['status', '--now', '2026-11-23T12:34:56.789Z', '--json']);
    expect(JSON.parse(status.stdout).record.dst_changes).toEqual([expect.objectContaining({ at: '2027-03-14T07:00:00.000Z', moves: [id] })]);
    const text = await h.run(['status', '--now', '2026-11-23T12:34:56.789Z']);
    expect(text.stderr).toContain('(2027-03-14T07:00:00.000Z)');
  });

  it('exit 6 when a schedule fires at the wrong local time, sync is overdue, a series runs dry, or a record is set aside', async () => {
    const id = await create(['--cron', 'every weekday at 9am']);
    const series = await create(['--cron', 'every day at 9am', '--count', '2']);
    void series;
    const status = await h.run(['status', '--now', SUMMER, '--json']);
    expect(status.code).toBe(6);
    const facts = JSON.parse(status.stdout).record;
    expect(facts.wrong_local_time).toEqual([expect.objectContaining({ id, utc_cron: '0 14 * * 1-5', expected_cron: '0 13 * * 1-5' })]);
    expect(facts.needs_action.join('\n')).toMatch(/never run/);

    const saved = JSON.parse(readFileSync(statePath(), 'utf8'));
    saved.intents.push({ schedule_id: 'broken' });
    writeFileSync(statePath(), JSON.stringify(saved));
    const again = await h.run(['status', '--now', SUMMER]);
    expect(again.code).toBe(6);
    expect(again.stderr).toContain('Set aside     intents[1].agent_id must be a string');
    expect(again.stderr).toContain('wrong local time now');
  });

  it('a series whose end is a date, all of it run, is all made: it does not run dry, and asks for no sync', async () => {
    for (const phrase of ['every day at 9am until friday', 'every monday at 10am for 2 weeks', 'every weekday at 5pm until dec 1']) {
      const series = await create(['--cron', phrase]);
      const later = '2026-12-20T12:00:00Z';
      // Run, and gone from Letta's list as it goes.
      for (const [id, one] of h.letta.schedules) if (one.schedule.type === 'one-time') h.letta.schedules.delete(id);
      expect((await h.run(['sync', '--now', later])).code).toBe(0);
      const status = await h.run(['status', '--now', later, '--json']);
      const facts = JSON.parse(status.stdout).record;
      expect(
        facts.series.find((one: { series_id: string }) => one.series_id === series),
        phrase,
      ).toMatchObject({ complete: true, runs_dry_at: null, running_dry: false });
      expect(facts.needs_action.join('\n'), phrase).not.toMatch(/runs dry/);
      const text = await h.run(['status', '--now', later]);
      expect(text.stderr, phrase).toMatch(new RegExp(`${series} \\(${phrase}\\): 0 waiting, all made`));
    }
  });

  it('-q prints the ids of the records that need action, and on stderr why (exit 6 says why even when no schedule is named)', async () => {
    const id = await create(['--cron', 'every weekday at 9am']);
    const quiet = await h.run(['status', '--now', SUMMER, '-q']);
    expect(quiet.code).toBe(6);
    expect(quiet.stdout).toBe(`${id}\n`);
    expect(quiet.stderr).toContain(`${id} fires at the wrong local time now`);
    expect(quiet.stderr).toMatch(/sync has never run/);

    // Nothing at the wrong time, only a sync never run: no id, but the reason.
    const fresh = await h.run(['status', '--now', WINTER, '-q']);
    expect(fresh.code).toBe(6);
    expect(fresh.stdout).toBe('');
    expect(fresh.stderr).toMatch(/sync has never run against this server/);
  });

  it('a recurring record whose rule is five fields of numbers out of range is set aside, not passed over as a phrase', async () => {
    const id = await create(['--cron', 'every weekday at 9am']);
    const saved = JSON.parse(readFileSync(statePath(), 'utf8'));
    saved.intents[0].local_rule = '99 9 * * 1-5';
    writeFileSync(statePath(), JSON.stringify(saved));
    const sync = await h.run(['sync', '--now', SUMMER]);
    expect(sync.stderr).toContain("set aside (left as it is, not acted on): intents[0].local_rule is not a cron: '99' in its minute field (0-59)");
    expect([...h.letta.schedules.keys()]).toEqual([id]);
    const status = await h.run(['status', '--now', SUMMER, '--json']);
    expect(status.code).toBe(6);
    expect(JSON.parse(status.stdout).record.skipped).toEqual([{ where: 'intents[0]', why: expect.stringContaining('local_rule is not a cron') }]);

    // Rules cron takes are kept: Sunday as 7, steps, lists, and a phrase (an interval, not kept on the clock).
    for (const rule of ['0 9 * * 7', '*/15 9-17 * * 1-5', '0 9 1,15 * *', 'every 90 minutes']) {
      saved.intents[0].local_rule = rule;
      writeFileSync(statePath(), JSON.stringify(saved));
      const again = await h.run(['status', '--now', WINTER, '--json']);
      expect(JSON.parse(again.stdout).record.skipped, rule).toEqual([]);
    }
  });

  it('a failed last sync needs action', async () => {
    await create(['--cron', 'every weekday at 9am']);
    expect((await h.run(['sync', '--now', WINTER], { env: { LETTA_API_KEY: 'sk-let-revoked-0000000000' } })).code).toBe(4);
    const status = await h.run(['status', '--now', WINTER, '--json']);
    expect(status.code).toBe(6);
    expect(JSON.parse(status.stdout).record.needs_action[0]).toMatch(/The last sync .* failed/);
  });
});

describe('status and deletes cut short', () => {
  beforeEach(() => (h.letta.now = () => Date.parse(WINTER)));

  it('a series whose delete was cut short needs action (its members left on Letta still fire) until it is deleted again', async () => {
    const series = await create(['--cron', 'every day at 9am', '--count', '3']);
    expect((await h.run(['sync', '--now', WINTER])).code).toBe(0);
    expect((await h.run(['status', '--now', WINTER])).code).toBe(0);
    const members = [...h.letta.schedules.keys()];
    const boom = { status: 500, body: '{"detail":"boom"}' };
    h.letta.inject(new RegExp(`DELETE .*/schedule/${members[1]}$`), boom, boom, boom);
    expect((await h.run(['recurring', 'delete', series, '--now', WINTER])).code).toBe(1);
    expect(h.letta.schedules.size).toBeGreaterThan(0);

    const status = await h.run(['status', '--now', WINTER]);
    expect(status.code).toBe(6);
    expect(status.stderr).toContain(`Unfinished    a delete of ${series}`);
    expect(status.stderr).toContain(`Warning: A delete of ${series}`);
    expect(status.stderr).toContain(`letta-switchboard recurring delete ${series}`);
    expect(status.stderr).not.toContain('needs no attention');
    expect((await h.run(['status', '--now', WINTER, '-q'])).stdout).toBe(`${series}\n`);
    const json = await h.run(['status', '--now', WINTER, '--json']);
    expect(json.code).toBe(6);
    expect(JSON.parse(json.stdout).record.unfinished_deletes).toEqual([expect.objectContaining({ id: series, kind: 'series', agent_id: AGENT })]);

    expect((await h.run(['recurring', 'delete', series, '--now', WINTER])).code).toBe(0);
    expect(h.letta.schedules.size).toBe(0);
    const after = await h.run(['status', '--now', WINTER, '--json']);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout).record.unfinished_deletes).toEqual([]);
  });

  it('a schedule whose delete lost its answer needs action until a sync or a delete again finds out', async () => {
    const id = await create(['--cron', '0 9 * * *']);
    h.letta.inject(/DELETE /, { reset: true }, { reset: true }, { reset: true });
    expect((await h.run(['recurring', 'delete', id, '--now', WINTER])).code).toBe(5);
    expect(h.letta.schedules.has(id)).toBe(true);

    const status = await h.run(['status', '--now', WINTER]);
    expect(status.code).toBe(6);
    expect(status.stderr).toContain(`Unfinished    a delete of ${id}`);
    expect(status.stderr).toContain(`run letta-switchboard recurring delete ${id} to finish it`);

    expect((await h.run(['recurring', 'delete', id, '--now', WINTER])).code).toBe(0);
    const after = await h.run(['status', '--now', WINTER]);
    expect(after.code).toBe(0);
    expect(after.stderr).not.toContain('Unfinished');
  });
});

describe('the stale-sync notice', () => {
  it('a command that reads the record says once a day, on stderr, that the last sync failed', async () => {
    const id = await create(['--cron', 'every weekday at 9am']);
    expect((await h.run(['sync', '--now', WINTER], { env: { LETTA_API_KEY: 'sk-let-revoked-0000000000' } })).code).toBe(4);
    const first = await h.run(['recurring', 'pause', id, '--now', WINTER]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('The last sync (2026-11-23T12:00:00.000Z) failed');
    expect(first.stdout).not.toContain('last sync');
    const second = await h.run(['recurring', 'resume', id, '--now', WINTER]);
    expect(second.stderr).not.toContain('last sync');
    const nextDay = await h.run(['recurring', 'pause', second.stdout.trim(), '--now', '2026-11-24T12:00:00Z']);
    expect(nextDay.stderr).toContain('The last sync (2026-11-23T12:00:00.000Z) failed');
  });

  it('a dry run says it too, but does not mark it said: the next command still says it', async () => {
    const id = await create(['--cron', 'every weekday at 9am']);
    expect((await h.run(['sync', '--now', WINTER], { env: { LETTA_API_KEY: 'sk-let-revoked-0000000000' } })).code).toBe(4);
    const dry = await h.run(['recurring', 'pause', id, '--now', WINTER, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('The last sync (2026-11-23T12:00:00.000Z) failed');
    const real = await h.run(['recurring', 'pause', id, '--now', WINTER]);
    expect(real.stderr).toContain('The last sync (2026-11-23T12:00:00.000Z) failed');
  });
});
