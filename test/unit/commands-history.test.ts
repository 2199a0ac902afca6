import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';

const h = useHarness({ defaultAgent: true });
const at = (iso: string) => Date.parse(iso);
type Json = Record<string, any>;

/**
 * "every day at 9am" in New York made on 28 October (13:00 UTC under EDT),
 * replaced by sync after the clocks went back on 1 November (14:00 UTC under
 * EST). The old schedule fired five times, the new one three of four.
 */
async function syncedDaily() {
  const made = await h.at('2026-10-28T12:00:00Z', ['recurring', 'create', '--message', 'Standup', '--cron', 'every day at 9am', '--tz', 'America/New_York', '-q']);
  expect(made.code).toBe(0);
  const oldId = made.stdout.trim();
  for (const day of ['10-28', '10-29', '10-30', '10-31', '11-01']) h.letta.addFire(oldId, at(`2026-${day}T13:00:04Z`));
  const synced = await h.at('2026-11-02T00:00:00Z', ['sync']);
  expect(synced.code).toBe(0);
  const [successor] = [...h.letta.schedules.values()];
  expect(successor!.schedule.cron_expression).toBe('0 14 * * *');
  successor!.next_scheduled_time = '2026-11-06T14:00:00.000Z';
  for (const day of ['11-02', '11-03', '11-05']) h.letta.addFire(successor!.id, at(`2026-${day}T14:00:03Z`));
  return { oldId, newId: successor!.id };
}

describe('history across edits and syncs', () => {
  it('follows the lineage back: the fires before a sync replaced the schedule are the old one’s, each row naming its schedule', async () => {
    const { oldId, newId } = await syncedDaily();
    const r = await h.at('2026-11-05T15:00:00Z', ['history', newId, '--since', '10d', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.fires.map((f: Json) => [f.schedule_id, f.due, f.class])).toEqual([
      [newId, '2026-11-05T14:00:00.000Z', 'ok'],
      [newId, '2026-11-04T14:00:00.000Z', 'missed'],
      [newId, '2026-11-03T14:00:00.000Z', 'ok'],
      [newId, '2026-11-02T14:00:00.000Z', 'ok'],
      [oldId, '2026-11-01T13:00:00.000Z', 'ok'],
      [oldId, '2026-10-31T13:00:00.000Z', 'ok'],
      [oldId, '2026-10-30T13:00:00.000Z', 'ok'],
      [oldId, '2026-10-29T13:00:00.000Z', 'ok'],
      [oldId, '2026-10-28T13:00:00.000Z', 'ok'],
    ]);
    expect(doc.lineage).toEqual([{ schedule_id: oldId, replaced_by: newId, replaced_at: '2026-11-02T00:00:00.000Z', replaced_how: 'sync', seasonal: true }]);
    // The short id a terminal's table shows is followed the same way.
    const short = await h.at('2026-11-05T15:00:00Z', ['history', newId.replace(/^sm-/, ''), '--since', '10d', '--json']);
    expect(JSON.parse(short.stdout).fires).toEqual(doc.fires);
  });

  it('the old id shows the same lineage; in a pipe the change is said on stderr, on a terminal between the rows', async () => {
    const { oldId, newId } = await syncedDaily();
    const piped = await h.at('2026-11-05T15:00:00Z', ['history', oldId, '--since', '10d', '--tz', 'America/New_York']);
    expect(piped.code).toBe(0);
    expect(
      piped.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t')[0]),
    ).toEqual([...Array(4).fill(newId), ...Array(5).fill(oldId)]);
    expect(piped.stderr).toContain(`Note: ${oldId} replaced by sync (DST moved its UTC cron) on 2026-11-01 19:00 EST: ${newId} from then on.`);

    const shown = await h.at('2026-11-05T15:00:00Z', ['history', newId, '--since', '10d', '--tz', 'America/New_York'], { terminal: 200 });
    const lines = shown.stdout.trimEnd().split('\n');
    const marker = lines.findIndex((line) => line.includes(`-- ${oldId} replaced by sync`));
    expect(marker).toBe(5);
    expect(lines[marker - 1]).toContain('Mon 2026-11-02 09:00 EST');
    expect(lines[marker + 1]).toContain('Sun 2026-11-01 08:00 EST');
    expect(shown.stderr).not.toContain('replaced by');
  });

  it('an edit and a resume are named as such, and a paused stretch has nothing due', async () => {
    const made = await h.at('2026-11-16T12:00:00Z', ['recurring', 'create', '--message', 'Digest', '--cron', 'every day at 14:00', '--tz', 'UTC', '-q']);
    const first = made.stdout.trim();
    h.letta.addFire(first, at('2026-11-16T14:00:02Z'));
    expect((await h.at('2026-11-17T00:00:00Z', ['recurring', 'edit', first, '--message', 'Digest v2'])).code).toBe(0);
    const second = [...h.letta.schedules.keys()][0]!;
    h.letta.addFire(second, at('2026-11-17T14:00:02Z'));
    expect((await h.at('2026-11-18T00:00:00Z', ['recurring', 'pause', second])).code).toBe(0);
    expect((await h.at('2026-11-20T00:00:00Z', ['recurring', 'resume', second])).code).toBe(0);
    const third = [...h.letta.schedules.keys()][0]!;
    h.letta.addFire(third, at('2026-11-20T14:00:02Z'));
    h.letta.addFire(third, at('2026-11-21T14:00:02Z'));
    const r = await h.at('2026-11-22T15:00:00Z', ['history', third, '--since', '7d', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Json;
    // Nothing was due on the 18th and 19th: it was paused.
    expect(doc.fires.map((f: Json) => [f.schedule_id, f.due.slice(0, 10), f.class])).toEqual([
      [third, '2026-11-22', 'missed'],
      [third, '2026-11-21', 'ok'],
      [third, '2026-11-20', 'ok'],
      [second, '2026-11-17', 'ok'],
      [first, '2026-11-16', 'ok'],
    ]);
    expect(doc.lineage.map((c: Json) => [c.schedule_id, c.replaced_by, c.replaced_how])).toEqual([
      [second, third, 'resume'],
      [first, second, 'edit'],
    ]);
  });
});

describe('status across a replacement', () => {
  it('judges the fires due before a sync replaced a schedule as the old schedule’s, and names its successor', async () => {
    const { oldId, newId } = await syncedDaily();
    const r = await h.at('2026-11-05T15:00:00Z', ['status', '--json']);
    expect(r.code).toBe(6);
    const schedules = JSON.parse(r.stdout).fire_health.schedules as Json[];
    expect(schedules.map((s) => [s.schedule_id, s.worst, s.counts.ok, s.counts.missed, s.replaced_by ?? null])).toEqual([
      [newId, 'missed', 3, 1, null],
      [oldId, 'ok', 3, 0, newId],
    ]);
    const piped = await h.at('2026-11-05T15:00:00Z', ['status']);
    expect(piped.stdout).toContain(`${oldId}\t`);
    expect(piped.stdout).toContain(`replaced by ${newId}; last sent`);
  });
});

describe('history of a set', () => {
  it('every member’s fires merged newest first, each row naming its member', async () => {
    const made = await h.at('2026-11-22T09:50:00Z', ['recurring', 'create', '--message', 'Stretch', '--cron', 'every 90 minutes', '--tz', 'UTC', '--json']);
    expect(made.code).toBe(0);
    const members = [...h.letta.schedules.values()];
    const onHour = members.find((m) => m.schedule.cron_expression === '0 */3 * * *')!;
    const onHalf = members.find((m) => m.schedule.cron_expression === '30 1-22/3 * * *')!;
    const state = JSON.parse(readFileSync(join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json'), 'utf8')) as Json;
    const setId = state.intents[0].set_id as string;
    expect(setId).toMatch(/^set-/);
    h.letta.addFire(onHalf.id, at('2026-11-22T10:30:04Z'));
    h.letta.addFire(onHour.id, at('2026-11-22T12:00:03Z'), { stopReason: 'max_steps' });
    const r = await h.at('2026-11-22T15:00:00Z', ['history', setId, '--since', '1d', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.kind).toBe('set');
    expect(doc.fires.map((f: Json) => [f.schedule_id, f.due, f.class])).toEqual([
      [onHour.id, '2026-11-22T15:00:00.000Z', 'pending'],
      [onHalf.id, '2026-11-22T13:30:00.000Z', 'missed'],
      [onHour.id, '2026-11-22T12:00:00.000Z', 'failed'],
      [onHalf.id, '2026-11-22T10:30:00.000Z', 'ok'],
    ]);
    const piped = await h.at('2026-11-22T15:00:00Z', ['history', setId, '--since', '1d']);
    expect(
      piped.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t')[0]),
    ).toEqual([onHour.id, onHalf.id, onHour.id, onHalf.id]);

    // Recorded against another server, the set is not this server's: refused, naming where it belongs.
    const file = join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json');
    for (const intent of state.intents as Json[]) intent.server = 'https://elsewhere.example/';
    writeFileSync(file, JSON.stringify(state));
    const refused = await h.at('2026-11-22T15:00:00Z', ['history', setId]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${setId} was recorded on this machine against https://elsewhere.example/`);
  });

  it('a set kept on a local clock: its schedules before and after a DST sync, each replacement said', async () => {
    const made = await h.at('2026-10-28T12:00:00Z', ['recurring', 'create', '--message', 'Twice', '--cron', 'every day at 9am and 9:30pm', '--tz', 'America/New_York', '-q']);
    expect(made.code).toBe(0);
    const [morning, evening] = ['0 13 * * *', '30 1 * * *'].map((cron) => [...h.letta.schedules.values()].find((m) => m.schedule.cron_expression === cron)!.id);
    const setId = (JSON.parse(readFileSync(join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json'), 'utf8')) as Json).intents[0].set_id as string;
    h.letta.addFire(morning!, at('2026-11-01T13:00:02Z'));
    h.letta.addFire(evening!, at('2026-11-01T01:30:02Z'));
    h.letta.addFire(evening!, at('2026-11-02T01:30:02Z'));
    expect((await h.at('2026-11-02T12:00:00Z', ['sync'])).code).toBe(0);
    const [newMorning, newEvening] = ['0 14 * * *', '30 2 * * *'].map((cron) => [...h.letta.schedules.values()].find((m) => m.schedule.cron_expression === cron)!.id);
    for (const id of [newMorning!, newEvening!]) h.letta.schedules.get(id)!.next_scheduled_time = '2026-11-04T02:30:00.000Z';
    h.letta.addFire(newMorning!, at('2026-11-02T14:00:02Z'));
    h.letta.addFire(newEvening!, at('2026-11-03T02:30:02Z'));
    const r = await h.at('2026-11-03T12:00:00Z', ['history', setId, '--since', '2026-11-01', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.fires.map((f: Json) => [f.schedule_id, f.due, f.class])).toEqual([
      [newEvening, '2026-11-03T02:30:00.000Z', 'ok'],
      [newMorning, '2026-11-02T14:00:00.000Z', 'ok'],
      [evening, '2026-11-02T01:30:00.000Z', 'ok'],
      [morning, '2026-11-01T13:00:00.000Z', 'ok'],
      [evening, '2026-11-01T01:30:00.000Z', 'ok'],
    ]);
    expect(doc.lineage.map((c: Json) => [c.schedule_id, c.replaced_by, c.replaced_how]).sort()).toEqual(
      [
        [evening, newEvening, 'sync'],
        [morning, newMorning, 'sync'],
      ].sort(),
    );
  });

  it('a schedule of the set deleted elsewhere is judged up to its last send, not blamed for what came after', async () => {
    await h.at('2026-11-22T09:50:00Z', ['recurring', 'create', '--message', 'Stretch', '--cron', 'every 90 minutes', '--tz', 'UTC']);
    const members = [...h.letta.schedules.values()];
    const onHour = members.find((m) => m.schedule.cron_expression === '0 */3 * * *')!;
    const onHalf = members.find((m) => m.schedule.cron_expression === '30 1-22/3 * * *')!;
    const setId = (JSON.parse(readFileSync(join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json'), 'utf8')) as Json).intents[0].set_id as string;
    h.letta.addFire(onHalf.id, at('2026-11-22T10:30:04Z'));
    h.letta.addFire(onHour.id, at('2026-11-22T12:00:03Z'));
    h.letta.schedules.delete(onHour.id);
    expect((await h.at('2026-11-22T15:30:00Z', ['sync'])).stdout).toContain(`${onHour.id} was deleted outside letta-switchboard`);
    const r = await h.at('2026-11-22T16:00:00Z', ['history', setId, '--since', '1d', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fires.map((f: Json) => [f.schedule_id, f.due, f.class])).toEqual([
      [onHalf.id, '2026-11-22T13:30:00.000Z', 'missed'],
      [onHour.id, '2026-11-22T12:00:00.000Z', 'ok'],
      [onHalf.id, '2026-11-22T10:30:00.000Z', 'ok'],
    ]);
  });

  it('an unknown set id is exit 3', async () => {
    const r = await h.at('2026-11-22T15:00:00Z', ['history', 'set-00000000-0000-0000-0000-000000000000']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("No set 'set-00000000-0000-0000-0000-000000000000'");
  });
});

describe('history of a series', () => {
  it('a member deleted before it was due has no fire to judge: no row, no note of unknown fires', async () => {
    const series = (await h.at('2026-12-05T12:00:00Z', ['recurring', 'create', '--message', 'Water', '--cron', 'every day at 1pm', '--tz', 'America/New_York', '--count', '3', '-q'])).stdout.trim();
    const [first, second] = [...h.letta.schedules.values()].sort((a, b) => a.schedule.scheduled_at! - b.schedule.scheduled_at!);
    expect((await h.at('2026-12-05T13:00:00Z', ['onetime', 'delete', first!.id])).code).toBe(0);
    h.letta.addFire(second!.id, at('2026-12-06T18:00:03Z'));
    const r = await h.at('2026-12-06T19:00:00Z', ['history', series, '--since', '2d', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fires.map((f: Json) => [f.schedule_id, f.class])).toEqual([[second!.id, 'ok']]);
    expect(r.stderr).not.toContain(first!.id);
  });

  it("a paused series' members, taken off Letta before their time, have no fire to judge: no row, no note of unknown fires", async () => {
    const series = (await h.at('2026-12-05T12:00:00Z', ['recurring', 'create', '--message', 'Water', '--cron', 'every day at 1pm', '--tz', 'America/New_York', '--count', '3', '-q'])).stdout.trim();
    const [first] = [...h.letta.schedules.values()].sort((a, b) => a.schedule.scheduled_at! - b.schedule.scheduled_at!);
    h.letta.addFire(first!.id, at('2026-12-05T18:00:03Z'));
    expect((await h.at('2026-12-05T20:00:00Z', ['recurring', 'pause', series])).code).toBe(0);
    // While paused, and after the paused members' times went by.
    for (const now of ['2026-12-05T21:00:00Z', '2026-12-09T12:00:00Z']) {
      const r = await h.at(now, ['history', series, '--since', '7d', '--json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).fires.map((f: Json) => [f.schedule_id, f.class])).toEqual([[first!.id, 'ok']]);
      expect(r.stderr).toBe('');
      const text = await h.at(now, ['history', series, '--since', '7d']);
      expect(text.stdout.trim().split('\n')).toHaveLength(1);
      expect(text.stderr).toBe('');
    }
  });

  it('a member deleted here after it fired keeps its fire', async () => {
    const series = (await h.at('2026-12-05T12:00:00Z', ['recurring', 'create', '--message', 'Water', '--cron', 'every day at 1pm', '--tz', 'America/New_York', '--count', '3', '-q'])).stdout.trim();
    const [first] = [...h.letta.schedules.values()].sort((a, b) => a.schedule.scheduled_at! - b.schedule.scheduled_at!);
    h.letta.addFire(first!.id, at('2026-12-05T18:00:03Z'));
    expect((await h.at('2026-12-05T19:00:00Z', ['onetime', 'delete', first!.id])).code).toBe(0);
    const r = await h.at('2026-12-05T20:00:00Z', ['history', series, '--since', '1d', '--json']);
    expect(JSON.parse(r.stdout).fires.map((f: Json) => f.schedule_id)).toContain(first!.id);
    // status judges it the same way.
    const status = await h.at('2026-12-05T20:00:00Z', ['status', '--since', '1d', '--json']);
    expect(JSON.parse(status.stdout).fire_health.schedules.map((one: Json) => one.schedule_id)).toContain(first!.id);
  });
});

describe('history across a sync that followed a zone moving its offset for good', () => {
  it('says an offset change for good moved its UTC cron, not DST (Asia/Almaty, 2024-03-01), seasonal false in --json', async () => {
    const made = await h.at('2024-02-27T00:00:00Z', ['recurring', 'create', '--message', 'Standup', '--cron', 'every day at 9am', '--tz', 'Asia/Almaty', '-q']);
    expect(made.code).toBe(0);
    const oldId = made.stdout.trim();
    for (const day of ['27', '28', '29']) h.letta.addFire(oldId, at(`2024-02-${day}T03:00:04Z`));
    const synced = await h.at('2024-03-01T01:00:00Z', ['sync']);
    expect(synced.code).toBe(0);
    const [successor] = [...h.letta.schedules.values()];
    expect(successor!.schedule.cron_expression).toBe('0 4 * * *');
    const piped = await h.at('2024-03-02T12:00:00Z', ['history', successor!.id, '--since', '5d', '--tz', 'Asia/Almaty']);
    expect(piped.stderr).toMatch(new RegExp(`^Note: ${oldId} replaced by sync \\(an offset change for good moved its UTC cron\\) on 2024-03-01 06:00 \\S+: ${successor!.id} from then on\\.$`, 'm'));
    expect(piped.stderr).not.toContain('DST');
    const doc = JSON.parse((await h.at('2024-03-02T12:00:00Z', ['history', oldId, '--since', '5d', '--json'])).stdout) as Json;
    expect(doc.lineage).toEqual([{ schedule_id: oldId, replaced_by: successor!.id, replaced_at: '2024-03-01T01:00:00.000Z', replaced_how: 'sync', seasonal: false }]);
  });
});
