import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, runCli } from '../helpers/run-cli';

/** A zone in the config file this machine does not know (edited by hand, or from a newer time-zone database): the error says where it is set. */
describe('an unknown time zone in the config file', () => {
  function withZone(zone: string) {
    const env = cliEnv();
    mkdirSync(env.LETTA_SWITCHBOARD_CONFIG_DIR!, { recursive: true, mode: 0o700 });
    const file = join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json');
    writeFileSync(file, JSON.stringify({ timezone: zone }), { mode: 0o600 });
    return { env, file };
  }

  it('is exit 2 naming the file and how to mend it, not only the zone; --tz overrides it, config unset mends it', async () => {
    const { env, file } = withZone('Mars/Olympus_Mons');
    const r = await runCli(['--now', '2026-11-22T15:00:00Z', 'parse', 'tomorrow at 9am'], { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("Unknown time zone 'Mars/Olympus_Mons'");
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('config set-timezone');
    // --tz still overrides it, and the way the error gives mends it.
    expect((await runCli(['--now', '2026-11-22T15:00:00Z', 'parse', 'tomorrow at 9am', '--tz', 'Asia/Kolkata'], { env })).code).toBe(0);
    expect((await runCli(['config', 'unset', 'timezone'], { env })).code).toBe(0);
    expect((await runCli(['--now', '2026-11-22T15:00:00Z', 'parse', 'tomorrow at 9am'], { env })).code).toBe(0);
  });
});
