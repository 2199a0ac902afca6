import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT, NOW } from '../helpers/suite';
import { cliEnv, runCli } from '../helpers/run-cli';

/**
 * Time phrases, zones and crons end to end: what the built CLI says of instants it cannot hold, phrases that used to backtrack, zones in any spelling, dates that do not exist, zone changes and steps.
 * Each runs as a user would, against the built CLI, asserting what they would notice.
 */

const offline = (...args: string[]) => runCli(args);

function noCrash(r: { stderr: string; stdout: string }) {
  expect(r.stderr + r.stdout).not.toMatch(/Invalid time value|This is a bug|NaN|RangeError|    at /);
}

describe('Instants outside the dates JavaScript can hold', () => {
  it.each([
    ['parse', 'in 99999999d'],
    ['parse', 'in 2399501290 hours'],
    ['parse', 'tomorrow', '--now', '8639999999999999'],
    ['parse', 'tomorrow', '--now', '99999999999999999999'],
    ['parse', 'every day at 9am', '--now', '8639999999999999'],
    ['send', '--agent-id', AGENT, '--message', 'hi', '--execute-at', 'in 99999999d', '--dry-run'],
  ])('%s %s ... is exit 2 with an Error line', async (...args) => {
    const r = await offline(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: /);
    expect(r.stdout).toBe('');
    noCrash(r);
  });

  it('parse - reports a bad line and goes on with the next', async () => {
    const r = await runCli(['parse', '-', '--now', NOW], { input: 'in 99999999d\ntomorrow at 9am\n' });
    expect(r.code).toBe(2);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.error).toEqual(expect.any(String));
    expect(lines[1]!.scheduled_at_iso).toBe('2026-11-23T09:00:00.000Z');
    noCrash(r);
  });
});

describe('Phrases that used to backtrack', () => {
  it('a long run of "9 and" ends in a clear error', async () => {
    const r = await offline('parse', `every ${'9 and '.repeat(24)}x`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: /);
    const long = await offline('parse', `every ${'9 and '.repeat(2000)}x`);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/too long/);
  });
});

describe('Zone names in any case are the database zone', () => {
  it.each(['America/New_york', 'US/EASTERN'])('--tz %s, TZ and config read as New York', async (zone) => {
    const expected = '2026-11-23T14:00:00.000Z';
    const flag = await offline('parse', 'tomorrow at 9am', '--now', NOW, '--tz', zone, '--json');
    expect(flag.code).toBe(0);
    expect(JSON.parse(flag.stdout)).toMatchObject({ scheduled_at_iso: expected, timezone: 'America/New_York' });
    const fromEnv = await runCli(['parse', 'tomorrow at 9am', '--now', NOW, '--json'], { env: cliEnv({ TZ: zone }) });
    expect(JSON.parse(fromEnv.stdout)).toMatchObject({ scheduled_at_iso: expected });
    const configEnv = cliEnv({ TZ: undefined });
    mkdirSync(configEnv.LETTA_SWITCHBOARD_CONFIG_DIR!, { recursive: true });
    writeFileSync(join(configEnv.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json'), JSON.stringify({ timezone: zone }));
    const fromFile = await runCli(['parse', 'tomorrow at 9am', '--now', NOW, '--json'], { env: configEnv });
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ scheduled_at_iso: expected });
  });

  it('Europe/LONDON is London', async () => {
    const r = await offline('parse', 'in 1 hour', '--now', '2026-07-01T10:00:00Z', '--tz', 'Europe/LONDON');
    expect(r.stdout).toMatch(/2026-07-01 12:00 .*\(Europe\/London\)/);
  });
});

describe('Zones written in the phrase', () => {
  it.each([
    ['tomorrow at 9am EST', '2026-11-23T14:00:00.000Z'],
    ['tomorrow at 9am PST', '2026-11-23T17:00:00.000Z'],
    ['tomorrow at 9am +05:00', '2026-11-23T04:00:00.000Z'],
  ])('%s is honoured', async (phrase, iso) => {
    const r = await offline('parse', phrase, '--now', NOW, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ scheduled_at_iso: iso });
  });

  it('config set-timezone est keeps daylight saving time', async () => {
    const e = cliEnv();
    const r = await runCli(['config', 'set-timezone', 'est'], { env: e });
    expect([0, 2]).toContain(r.code);
    expect(r.stdout + r.stderr).not.toMatch(/Panama|Etc\/GMT/);
    const shown = await runCli(['config', 'get', 'timezone'], { env: { ...e, TZ: '' } });
    expect(shown.stdout).not.toMatch(/Panama|Etc\/GMT/);
  });
});

describe('Dates and offsets that do not exist are input errors', () => {
  it.each([['dec 32'], ['jan 45'], ['2026-12-01T10:00:00+25:00'], ['2026-12-01T10:00:00-99:99'], ['0000-01-01']])('%s', async (phrase) => {
    const r = await offline('parse', phrase, '--now', NOW);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: /);
    expect(r.stdout).toBe('');
  });

  it('an impossible offset in --now', async () => {
    const r = await offline('parse', 'tomorrow', '--now', '2026-12-01T10:00:00+25:00');
    expect(r.code).toBe(2);
  });
});

describe('Past phrases', () => {
  it.each(['last friday', 'last monday', 'monday last week', 'past monday'])('%s is in the past', async (phrase) => {
    const r = await offline('parse', phrase, '--now', NOW);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: .*in the past/);
  });
});

describe('Zones whose change falls before the next run', () => {
  it('Lord Howe after its 30-minute change runs on the hour, with a warning', async () => {
    const r = await offline('parse', 'every hour at :00', '--tz', 'Australia/Lord_Howe', '--now', '2026-10-03T15:00:00Z', '--json');
    expect(r.code).toBe(0);
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('"0 * * * *"');
    expect(r.stderr).toMatch(/Warning: .*Lord_Howe/);
  });

  it('the warning dates the first run that moves', async () => {
    const r = await offline('parse', 'every day at 1:30am', '--tz', 'America/New_York', '--now', '2026-03-05T15:00:00Z');
    expect(r.stderr).toMatch(/from 2026-03-09 .*02:30/);
  });
});

describe('Intervals in half-hour zones', () => {
  it('every 2h in Kolkata says the runs are at half past', async () => {
    const r = await offline('parse', 'every 2h', '--tz', 'Asia/Kolkata', '--now', NOW);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/On the hour/);
    expect(r.stdout).toMatch(/30 minutes past/);
  });
});

describe('Cron steps larger than the field', () => {
  it.each(['*/61 * * * *', '0 */25 * * *'])('%s is refused', async (cron) => {
    const r = await offline('parse', cron);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: .*step/);
  });
});

describe('The Go spelling of minutes', () => {
  it('daily at 9:5 is 09:05', async () => {
    const r = await offline('parse', 'daily at 9:5', '--json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('5 9 * * *');
  });
});

describe('Raw crons with --tz', () => {
  it('notes that a raw cron is UTC and the zone does not apply', async () => {
    const r = await offline('parse', '0 9 * * *', '--tz', 'America/New_York');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Warning: .*UTC.*America\/New_York/);
  });
});
