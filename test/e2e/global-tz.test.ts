import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { useFakeLetta } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

/** A global --tz naming no zone, or --now no instant, is bad input (exit 2) on every command, as --timeout abc is: not only on those that show times. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

describe('an unknown --tz', () => {
  it.each([
    ['agents', 'list', '--json'],
    ['config', 'show', '--json'],
    ['config', 'path'],
    ['completion', 'bash'],
  ])('is refused by %s %s before anything is done', async (...args) => {
    const r = await runCli([...args, '--tz', 'Mars/Phobos'], { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error: Unknown time zone 'Mars\/Phobos'/);
    expect(letta.received).toEqual([]);
  });

  it.each([
    ['agents', 'list'],
    ['config', 'path'],
  ])('--now that is no instant is refused by %s %s too', async (...args) => {
    const r = await runCli([...args, '--now', 'yesterday'], { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error: --now 'yesterday' is not an instant/);
    expect(letta.received).toEqual([]);
  });

  it('a known one is taken, and config show names it as from the flag', async () => {
    expect((await runCli(['agents', 'list', '-q', '--tz', 'Asia/Kolkata'], { env })).code).toBe(0);
    const shown = await runCli(['config', 'show', '--json', '--tz', 'Asia/Kolkata'], { env });
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout).timezone).toMatchObject({ value: 'Asia/Kolkata', source: 'flag' });
  });
});

describe('the zone config show and config get name', () => {
  it.each([
    ['berlin', 'Europe/Berlin'],
    ['est', 'America/New_York'],
    ['europe/paris', 'Europe/Paris'],
  ])('is the zone --tz %s resolves to, in both modes', async (given, zone) => {
    const shown = await runCli(['config', 'show', '--json', '--tz', given], { env });
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout).timezone).toEqual({ value: zone, source: 'flag' });
    const table = await runCli(['config', 'show', '--tz', given], { env: { ...env, NO_COLOR: '1' } });
    expect(table.stdout).toMatch(new RegExp(`^timezone\\s+${zone}\\s+flag$`, 'm'));
    const got = await runCli(['config', 'get', 'timezone', '--tz', given], { env });
    expect(got.stdout).toBe(`${zone}\n`);
  });

  it('is UTC for a TZ the zone database does not know, with the warning every time-reading command gives', async () => {
    const shown = await runCli(['config', 'show', '--json'], { env: { ...env, TZ: 'Mars/Phobos' } });
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout).timezone).toEqual({ value: 'UTC', source: 'env' });
    expect(shown.stderr).toMatch(/The time zone 'Mars\/Phobos' \(from TZ\) is unknown; using UTC/);
  });
});
