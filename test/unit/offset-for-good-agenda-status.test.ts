import { beforeEach, describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

/*
 * Asia/Almaty moved from UTC+6 to UTC+5 on 2024-03-01 and stayed there: agenda and status call that an offset change
 * for good, not DST; a seasonal change (New York, 2027-03-14) is still DST.
 */
const h = useHarness();
const ALMATY = 'Asia/Almaty';
const BEFORE_MOVE = '2024-02-27T00:00:00Z';

/** "08:00" on the zone's clock, read by Intl (not by the tool). */
const clockIn = (zone: string, iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

async function create(zone: string, now: string): Promise<string> {
  const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--cron', 'every day at 9am', '--tz', zone, '--now', now, '-q']);
  expect(made.code).toBe(0);
  return made.stdout.trim();
}

describe('a move for good is not called DST', () => {
  beforeEach(() => (h.letta.now = () => Date.parse(BEFORE_MOVE)));

  it('agenda flags the fires it moves as moved by an offset change for good, and its note says for good', async () => {
    const id = await create(ALMATY, BEFORE_MOVE);
    const agenda = await h.run(['agenda', '--tz', ALMATY, '--now', BEFORE_MOVE, '--days', '4', '--json']);
    expect(agenda.code).toBe(0);
    const fires = JSON.parse(agenda.stdout) as Array<{ at: string; flags: Array<{ type: string; seasonal?: boolean; text: string }> }>;
    // 03:00 UTC is 09:00 in Almaty before the move and 08:00 after it.
    expect([clockIn(ALMATY, '2024-02-29T03:00:00Z'), clockIn(ALMATY, '2024-03-01T03:00:00Z')]).toEqual(['09:00', '08:00']);
    const moved = fires.filter((fire) => fire.at >= '2024-03-01');
    expect(moved.length).toBeGreaterThan(0);
    for (const fire of moved)
      expect(fire.flags).toEqual([expect.objectContaining({ type: 'dst-shift', seasonal: false, text: 'an offset change for good moved it: 08:00, was 09:00; sync puts it back at 09:00' })]);
    expect(agenda.stderr).toContain(`Clocks in Asia/Almaty go back 1 hour for good on Fri 2024-03-01 at 00:00 GMT+6: 1 recurring schedule (${id}) fires 1 hour earlier`);
    expect(agenda.stderr).not.toMatch(/DST/);
  });

  it('status names the coming move as an offset change for good', async () => {
    const id = await create(ALMATY, BEFORE_MOVE);
    const json = JSON.parse((await h.run(['status', '--now', BEFORE_MOVE, '--json'])).stdout).record;
    expect(json.dst_changes).toEqual([expect.objectContaining({ zone: ALMATY, seasonal: false, offset_before_minutes: 360, offset_after_minutes: 300, moves: [id] })]);
    const text = await h.run(['status', '--now', BEFORE_MOVE]);
    expect(text.stderr).toMatch(new RegExp(`  Offset change Asia/Almaty .*: clocks move -1 h for good; sync keeps ${id}`));
    expect(text.stderr).not.toContain('Next DST');
  });

  it('a seasonal change is still DST in both', async () => {
    const now = '2027-03-10T12:00:00Z';
    h.letta.now = () => Date.parse(now);
    const id = await create('America/New_York', now);
    const agenda = JSON.parse((await h.run(['agenda', '--tz', 'America/New_York', '--now', now, '--days', '6', '--json'])).stdout) as Array<{ flags: Array<{ seasonal?: boolean; text: string }> }>;
    expect(agenda.flatMap((fire) => fire.flags)).toContainEqual(expect.objectContaining({ seasonal: true, text: expect.stringMatching(/^DST moved it: /) }));
    expect((await h.run(['status', '--now', now])).stderr).toContain(`  Next DST      America/New_York`);
    expect(JSON.parse((await h.run(['status', '--now', now, '--json'])).stdout).record.dst_changes).toEqual([expect.objectContaining({ seasonal: true, moves: [id] })]);
  });
});
