import { beforeEach, describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

/*
 * A schedule kept at 09:00 in Europe/London, read on New York's clock: London goes forward on 2027-03-28, New York
 * (already on EDT since 2027-03-14) does not, so sync's replacement at London's change moves it on the New York clock.
 */
const h = useHarness();
const NOW = '2027-03-20T12:00:00Z';
const NY = 'America/New_York';

/** "05:00" on the zone's clock, read by Intl (not by the tool). */
const clockIn = (zone: string, iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

type JsonFire = { at: string; local: string; flags: Array<{ type: string; text: string; zone?: string; seasonal?: boolean; synced_at?: string }> };

async function keptInLondon(now = NOW): Promise<string> {
  const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Tea', '--cron', 'every day at 9am', '--tz', 'Europe/London', '--now', now, '-q']);
  expect(made.code).toBe(0);
  return made.stdout.trim();
}

describe("agenda on one clock of a schedule kept on another zone's, across that zone's change", () => {
  beforeEach(() => (h.letta.now = () => Date.parse(NOW)));

  it("flags each fire after London's change with the New York time sync moves it to, and the note says so", async () => {
    const id = await keptInLondon();
    const result = await h.run(['agenda', '--tz', NY, '--now', NOW, '--days', '14', '--json']);
    expect(result.code).toBe(0);
    const fires = JSON.parse(result.stdout) as JsonFire[];
    // 09:00 London is 09:00 UTC (05:00 in New York) before London's change, 08:00 UTC (04:00 in New York) after it.
    const [before, after] = [clockIn(NY, '2027-03-27T09:00:00Z'), clockIn(NY, '2027-03-29T08:00:00Z')];
    expect([before, after, clockIn('Europe/London', '2027-03-29T08:00:00Z')]).toEqual(['05:00', '04:00', '09:00']);
    const moved = fires.filter((fire) => fire.at >= '2027-03-28T01:00:00Z');
    expect(moved.map((fire) => fire.at.slice(0, 10))).toEqual(['2027-03-28', '2027-03-29', '2027-03-30', '2027-03-31', '2027-04-01', '2027-04-02', '2027-04-03']);
    for (const fire of moved)
      expect(fire.flags).toEqual([
        {
          type: 'kept-clock-shift',
          zone: 'Europe/London',
          seasonal: true,
          synced_at: `${fire.at.slice(0, 10)}T08:00:00.000Z`,
          text: `DST in Europe/London moves it: ${after} here once sync keeps it on that clock, not ${before}`,
        },
      ]);
    expect(fires.filter((fire) => fire.at < '2027-03-28T01:00:00Z').flatMap((fire) => fire.flags)).toEqual([]);
    expect(result.stderr).toContain(
      `Clocks in Europe/London go forward 1 hour on Sun 2027-03-28 at 01:00 GMT: 1 recurring schedule kept on that clock (${id}) fires at another time in America/New_York from then on, once sync replaces it to keep its local time there`,
    );
  });

  it('says it on the terminal row too', async () => {
    await keptInLondon();
    const result = await h.run(['agenda', '--tz', NY, '--now', NOW, '--days', '10']);
    expect(result.stdout).toContain(`DST in Europe/London moves it: 04:00 here once sync keeps it on that clock, not 05:00`);
  });

  it('a schedule already made for the change (on its clock after it) is not flagged', async () => {
    // Made the day before London's change: its cron is already the summer one, 08:00 UTC.
    const now = '2027-03-27T12:00:00Z';
    h.letta.now = () => Date.parse(now);
    await keptInLondon(now);
    const fires = JSON.parse((await h.run(['agenda', '--tz', NY, '--now', now, '--days', '5', '--json'])).stdout) as JsonFire[];
    expect(fires.flatMap((fire) => fire.flags.map((flag) => flag.type))).not.toContain('kept-clock-shift');
  });
});
