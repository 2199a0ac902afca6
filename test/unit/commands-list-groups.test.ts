import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/output/text';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

const h = useHarness({ defaultAgent: true });
type Json = Record<string, any>;
const WIDTHS = [60, 80, 100, 120, 200];

function state(): Json {
  return JSON.parse(readFileSync(join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json'), 'utf8')) as Json;
}

async function made(...args: string[]): Promise<string> {
  const r = await h.run(['recurring', 'create', '--agent-id', AGENT, '-q', ...args]);
  expect(r.code).toBe(0);
  return r.stdout.trim();
}

/** A set (every 90 minutes: two crons), a schedule kept at 08:00 on weekdays in London, a series of three, and one made elsewhere. */
async function seed() {
  await made('--message', 'Stretch', '--cron', 'every 90 minutes', '--tz', 'UTC');
  const setId = state().intents.find((i: Json) => i.set_id).set_id as string;
  const setMembers = state()
    .intents.filter((i: Json) => i.set_id === setId)
    .map((i: Json) => i.schedule_id as string);
  const standup = await made('--message', 'Standup', '--cron', 'every weekday at 8am', '--tz', 'Europe/London');
  const seriesId = await made('--message', 'Water', '--cron', 'every day at 9am', '--count', '3', '--tz', 'UTC');
  const seriesMembers = (state().series[0].members as Json[]).map((m) => m.schedule_id as string);
  const elsewhere = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 12 * * *' }, 'Lunch').id;
  return { setId, setMembers, standup, seriesId, seriesMembers, elsewhere };
}

const rows = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t'));

describe('recurring list and sets', () => {
  it('shows a set as one row naming its phrase and schedules, in a pipe, as JSON and with -q', async () => {
    const { setId, setMembers, standup, seriesId, elsewhere } = await seed();
    const piped = await h.run(['recurring', 'list']);
    expect(piped.code).toBe(0);
    const byId = new Map(rows(piped.stdout).map((row) => [row[0], row]));
    expect([...byId.keys()].sort()).toEqual([setId, standup, seriesId, elsewhere].sort());
    expect(byId.get(setId)![2]).toBe('set: every 90 minutes (2 schedules)');
    // The soonest next run of its schedules.
    h.letta.schedules.get(setMembers[0]!)!.next_scheduled_time = '2026-11-22T18:00:00.000Z';
    h.letta.schedules.get(setMembers[1]!)!.next_scheduled_time = '2026-11-22T16:30:00.000Z';
    expect(rows((await h.run(['recurring', 'list'])).stdout).find((row) => row[0] === setId)![5]).toBe('2026-11-22T16:30:00.000Z');
    const json = JSON.parse((await h.run(['recurring', 'list', '--json'])).stdout) as Json[];
    const setRow = json.find((row) => row.id === setId)!;
    expect(setRow).toMatchObject({ set_id: setId, phrase: 'every 90 minutes', timezone: 'UTC', next_scheduled_time: '2026-11-22T16:30:00.000Z' });
    expect([...setRow.member_ids].sort()).toEqual([...setMembers].sort());
    expect([...setRow.cron_expressions].sort()).toEqual(['0 */3 * * *', '30 1-22/3 * * *']);
    expect(setRow.missing_ids).toEqual([]);
    expect((await h.run(['recurring', 'list', '-q'])).stdout.split('\n')).toContain(setId);
    // A shell completes set ids too (for --id and every id argument), from this machine alone.
    const candidates = await h.run(['completion', '--candidates', 'schedules']);
    expect(candidates.stdout.split('\n').filter((id) => id === setId)).toHaveLength(1);
    expect(candidates.requests).toEqual([]);
  });

  it('a set one of whose schedules was deleted outside says so, before a sync and after it', async () => {
    const { setId, setMembers } = await seed();
    h.letta.schedules.delete(setMembers[0]!);
    const label = 'set: every 90 minutes (1 schedule; 1 of its 2 not on Letta (deleted outside letta-switchboard, or paused on another machine), not firing)';
    for (const step of ['before sync', 'after sync']) {
      const piped = await h.run(['recurring', 'list']);
      expect(rows(piped.stdout).find((row) => row[0] === setId)![2], step).toBe(label);
      const json = JSON.parse((await h.run(['recurring', 'list', '--json'])).stdout) as Json[];
      expect(
        json.find((row) => row.id === setId),
        step,
      ).toMatchObject({ member_ids: [setMembers[1]], missing_ids: [setMembers[0]] });
      if (step === 'before sync') expect((await h.run(['sync'])).code).toBe(0);
    }
    expect(state().intents.find((i: Json) => i.schedule_id === setMembers[0]).status).toBe('gone');
  });

  it('a series some of whose members were deleted outside counts those listed, in both lists; one with none listed is not shown', async () => {
    const { seriesId, seriesMembers } = await seed();
    h.letta.schedules.delete(seriesMembers[0]!);
    const label = 'series: every day at 9am (2 waiting; 1 of its 3 not on Letta (deleted outside letta-switchboard, or paused on another machine), not firing)';
    const second = h.letta.schedules.get(seriesMembers[1]!)!.schedule.scheduled_at as number;
    for (const kind of ['recurring', 'onetime']) {
      const piped = rows((await h.run([kind, 'list'])).stdout).find((row) => row[0] === seriesId)!;
      expect(piped.join(' '), kind).toContain(label);
      const json = (JSON.parse((await h.run([kind, 'list', '--json'])).stdout) as Json[]).find((row) => row.id === seriesId);
      expect(json, kind).toMatchObject({ remaining: 2, member_ids: seriesMembers.slice(1), missing_ids: [seriesMembers[0]], next_scheduled_time: new Date(second).toISOString() });
    }
    for (const id of seriesMembers.slice(1)) h.letta.schedules.delete(id);
    for (const kind of ['recurring', 'onetime']) expect((await h.run([kind, 'list', '-q'])).stdout.split('\n'), kind).not.toContain(seriesId);
  });

  it('--id SET lists only that set, schedule by schedule; --id SERIES the series, and onetime list its members', async () => {
    const { setId, setMembers, seriesId, seriesMembers } = await seed();
    const set = await h.run(['recurring', 'list', '--id', setId, '--json']);
    expect(set.code).toBe(0);
    expect((JSON.parse(set.stdout) as Json[]).map((row) => row.id).sort()).toEqual([...setMembers].sort());
    const series = await h.run(['recurring', 'list', '--id', seriesId, '-q']);
    expect(series.stdout).toBe(`${seriesId}\n`);
    const members = await h.run(['onetime', 'list', '--id', seriesId, '-q']);
    expect(members.stdout.trim().split('\n').sort()).toEqual([...seriesMembers].sort());
  });

  it('--id of a set or series paused whole says it is paused and how to resume it, not that there are no schedules', async () => {
    const { setId, seriesId } = await seed();
    for (const id of [setId, seriesId]) expect((await h.run(['recurring', 'pause', id])).code, id).toBe(0);
    for (const [kind, id] of [
      ['recurring', setId],
      ['recurring', seriesId],
      ['onetime', seriesId],
    ] as const) {
      const r = await h.run([kind, 'list', '--id', id]);
      expect(r.code, `${kind} ${id}`).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${id} is paused: its schedules are saved on this machine, not on Letta`);
      expect(r.stderr).toContain(`letta-switchboard recurring resume ${id}`);
      expect(r.stderr).not.toContain('No ');
    }
    // Resumed, it lists as before.
    expect((await h.run(['recurring', 'resume', setId])).code).toBe(0);
    const back = await h.run(['recurring', 'list', '--id', setId]);
    expect(back.stdout.trim().split('\n')).toHaveLength(2);
    expect(back.stderr).not.toContain('paused');
  });

  it('a set or series with --agent-id naming another agent is refused, naming the agent it is recorded for; nothing is deleted', async () => {
    const { setId, setMembers, seriesId, standup } = await seed();
    const other = 'agent-22222222-2222-2222-2222-222222222222';
    for (const args of [
      ['recurring', 'list', '--id', setId],
      ['recurring', 'get', setId],
      ['agenda', '--id', seriesId],
      ['recurring', 'delete', setId, '--yes'],
    ]) {
      const r = await h.run([...args, '--agent-id', other]);
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.stderr).toContain(`for agent ${other}: it is recorded for agent ${AGENT}`);
      expect(r.stdout).toBe('');
    }
    expect(h.letta.requests('DELETE')).toEqual([]);
    // The agent it is recorded for, by id or by name, is as leaving the flag out.
    const named = await h.run(['recurring', 'list', '--id', setId, '--agent-id', 'support-bot', '-q']);
    expect(named.code).toBe(0);
    expect(named.stdout.trim().split('\n').sort()).toEqual([...setMembers].sort());
    // Among several ids, each is acted on as its record says: the set is deleted beside the schedule named.
    const several = await h.run(['recurring', 'delete', standup, setId, '--yes', '--agent-id', AGENT]);
    expect(several.code, several.stderr).toBe(0);
    expect([standup, ...setMembers].filter((id) => h.letta.schedules.has(id))).toEqual([]);
  });

  it('onetime list shows a series as one row, not its members, in a pipe, as JSON and with -q', async () => {
    const { seriesId, seriesMembers } = await seed();
    const single = h.letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse('2026-12-01T10:00:00Z') }, 'Once').id;
    const piped = rows((await h.run(['onetime', 'list'])).stdout);
    expect(piped.map((row) => row[0]).sort()).toEqual([seriesId, single].sort());
    expect(piped.find((row) => row[0] === seriesId)!.at(-1)).toBe('[series: every day at 9am (3 waiting)] Water');
    const json = JSON.parse((await h.run(['onetime', 'list', '--json'])).stdout) as Json[];
    // Its schedule is its next member's, as the one-time schedules beside it are: `.schedule.scheduled_at` and the ISO instant work on every row.
    const next = Math.min(...seriesMembers.map((id) => h.letta.schedules.get(id)!.schedule.scheduled_at!));
    expect(json.find((row) => row.id === seriesId)).toMatchObject({
      series_id: seriesId,
      remaining: 3,
      schedule: { type: 'one-time', scheduled_at: next },
      scheduled_at_iso: new Date(next).toISOString(),
    });
    expect(json.every((row) => row.schedule.type === 'one-time' && typeof row.scheduled_at_iso === 'string')).toBe(true);
    expect([...json.find((row) => row.id === seriesId)!.member_ids].sort()).toEqual([...seriesMembers].sort());
    expect((await h.run(['onetime', 'list', '-q'])).stdout.split('\n').sort()).toEqual(['', seriesId, single].sort());
    // What the list names, delete takes: the series goes whole.
    expect((await h.run(['onetime', 'delete', seriesId])).code).toBe(0);
    expect(seriesMembers.filter((id) => h.letta.schedules.has(id))).toEqual([]);
  });

  it('--id with a schedule id is a usage error, an unknown set not found', async () => {
    const { standup, setId } = await seed();
    const plain = await h.run(['recurring', 'list', '--id', standup]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('--id takes a set or series id');
    expect(plain.stderr).toContain(`For one schedule: letta-switchboard recurring get ${standup}`);
    const once = h.letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse('2026-12-01T10:00:00Z') }, 'Once').id;
    expect((await h.run(['onetime', 'list', '--id', once])).stderr).toContain(`For one schedule: letta-switchboard onetime get ${once}`);
    const unknown = await h.run(['recurring', 'list', '--id', 'set-00000000-0000-0000-0000-000000000000']);
    expect(unknown.code).toBe(3);
    const oneTime = await h.run(['onetime', 'list', '--id', setId]);
    expect(oneTime.code).toBe(2);
    expect(oneTime.stderr).toContain(`recurring list --id ${setId}`);
  });
});

describe('kept at, in recurring list', () => {
  it('a pipe keeps its columns and raw crons; --json keeps the raw fields', async () => {
    const { standup } = await seed();
    const byId = new Map(rows((await h.run(['recurring', 'list'])).stdout).map((row) => [row[0], row]));
    expect(byId.get(standup)!.slice(2, 4)).toEqual(['0 8 * * 1-5', '0 8 * * 1-5']);
    expect([...byId.values()].every((row) => row.length === 7)).toBe(true);
    const json = JSON.parse((await h.run(['recurring', 'list', '--json'])).stdout) as Json[];
    expect(json.find((row) => row.id === standup)!.schedule.cron_expression).toBe('0 8 * * 1-5');
  });

  it.each(WIDTHS)('a terminal %i wide shows it in the cron column, no line wrapped, id, local time and message kept', async (width) => {
    await seed();
    const r = await h.run(['recurring', 'list', '--tz', 'America/New_York'], { terminal: width, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    const [head = '', ...lines] = r.stdout.trimEnd().split('\n');
    for (const line of [head, ...lines]) expect(displayWidth(line)).toBeLessThan(width);
    expect(head).toContain('NEXT RUN');
    expect(head).toContain('MESSAGE');
    const standup = lines.find((line) => line.includes('Standup'))!;
    expect(standup).toMatch(/kept at 08:00/);
    if (width >= 100) expect(standup).toContain('kept at 08:00 on weekdays, Europe/London');
    // The id, which every other command takes, is kept at any width; a set's words are cut first.
    expect(head.startsWith('ID')).toBe(true);
    expect(lines.some((line) => line.includes(width >= 80 ? 'set: every 90 minutes' : 'set: every 90'))).toBe(true);
  });
});

describe('agenda and sets', () => {
  it('labels a set’s fires with the set; --id SET shows only its fires, --id SERIES only the series’', async () => {
    const { setId, setMembers, seriesId, seriesMembers } = await seed();
    const all = JSON.parse((await h.run(['agenda', '--days', '1', '--json'])).stdout) as Json[];
    const setFires = all.filter((fire) => setMembers.includes(fire.schedule_id));
    expect(setFires.length).toBeGreaterThan(10);
    expect(setFires.every((fire) => fire.kind === 'set' && fire.set_id === setId)).toBe(true);
    expect(all.some((fire) => !setMembers.includes(fire.schedule_id))).toBe(true);

    const set = JSON.parse((await h.run(['agenda', '--days', '1', '--id', setId, '--json'])).stdout) as Json[];
    expect(set.map((fire) => fire.schedule_id)).toEqual(setFires.map((fire) => fire.schedule_id));
    const series = JSON.parse((await h.run(['agenda', '--days', '3', '--id', seriesId, '--json'])).stdout) as Json[];
    expect(series.map((fire) => fire.schedule_id).sort()).toEqual([...seriesMembers].sort());
    expect(series.every((fire) => fire.series_id === seriesId)).toBe(true);
  });

  it.each(WIDTHS)('a terminal %i wide: the set’s kind shown, no line wrapped', async (width) => {
    const { setId } = await seed();
    const r = await h.run(['agenda', '--days', '1', '--id', setId], { terminal: width, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThan(width);
    expect(lines.filter((line) => /\bset\b/.test(line) && line.includes('Stretch')).length).toBeGreaterThan(5);
  });

  it('--id of an unknown series is exit 3 and asks nothing of Letta', async () => {
    const r = await h.run(['agenda', '--id', 'series-00000000-0000-0000-0000-000000000000']);
    expect(r.code).toBe(3);
    expect(r.requests).toEqual([]);
  });
});
