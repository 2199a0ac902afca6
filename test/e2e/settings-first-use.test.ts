import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { cliEnv, runCli } from '../helpers/run-cli';
import { useFakeLetta } from '../helpers/suite';

/** Settings as a new user and a script meet them: what each refusal teaches, and nothing saved that is never used. */

const suite = useFakeLetta({ defaultAgent: false });

describe('config get of a key set nowhere', () => {
  it('teaches the stdin form every other command teaches, never the key as an argument', async () => {
    const r = await runCli(['config', 'get', 'api-key']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const [error, hint] = r.stderr.trim().split('\n');
    expect(error).toBe('Error: api_key is not set');
    expect(hint).toContain("config set-api-key -'");
    expect(hint).toContain('LETTA_API_KEY');
    expect(hint).not.toContain('VALUE');
  });

  it('an agent set nowhere still names its own setter', async () => {
    const r = await runCli(['config', 'get', 'agent-id']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('config set-agent-id VALUE');
  });
});

describe('a base URL with a query or fragment, which no request would carry', () => {
  it.each([
    ['https://proxy.example/letta?token=QUERYSECRET', 'a query', 'https://proxy.example/letta'],
    ['https://proxy.example/letta/?a=1&b=2', 'a query', 'https://proxy.example/letta'],
    ['https://proxy.example/#QUERYSECRET', 'a fragment', 'https://proxy.example'],
  ])('config set-url %s is refused (exit 2), nothing saved, the hint gives the address alone', async (given, what, alone) => {
    const env = cliEnv();
    const r = await runCli(['config', 'set-url', given], { env });
    expect(r.code).toBe(2);
    const [error, hint] = r.stderr.trim().split('\n');
    expect(error).toBe(`Error: The base URL has ${what} (${what === 'a query' ? '?' : '#'}...), which no request would carry`);
    expect(hint).toBe(`Give the address alone: ${alone}`);
    expect(r.stderr).not.toContain('QUERYSECRET');
    expect(existsSync(join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json'))).toBe(false);
    // The address the hint gives is taken.
    expect((await runCli(['config', 'set-url', alone], { env })).code).toBe(0);
  });

  it('from LETTA_BASE_URL too: refused before any request, the query not shown', async () => {
    const letta: FakeLetta = suite.letta;
    const r = await runCli(['agents', 'list'], { env: { ...suite.env, LETTA_BASE_URL: `${letta.url}/?token=QUERYSECRET` } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: The base URL has a query/);
    expect(r.stderr).not.toContain('QUERYSECRET');
    expect(letta.received).toHaveLength(0);
  });
});

describe('config unset of a setting something else still gives', () => {
  const saved = async (env: Record<string, string>) => {
    expect((await runCli(['config', 'set-api-key', '-'], { env, input: 'sk-file-key-1234\n' })).code).toBe(0);
    expect((await runCli(['config', 'set-timezone', 'Europe/Paris'], { env })).code).toBe(0);
  };
  const fileOf = (env: Record<string, string>) => JSON.parse(readFileSync(join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json'), 'utf8')) as Record<string, string>;

  it('a variable that comes first: removed from the file, and said that the variable is still used', async () => {
    const env = cliEnv();
    await saved(env);
    // Checked with the fake server (which refuses this key): saved all the same.
    expect((await runCli(['config', 'set-agent-id', 'support-bot'], { env: { ...env, LETTA_BASE_URL: suite.letta.url } })).code).toBe(0);
    for (const [setting, variable, key] of [
      ['api-key', 'LETTA_API_KEY', 'api_key'],
      ['agent-id', 'LETTA_AGENT_ID', 'agent_id'],
    ] as const) {
      const r = await runCli(['config', 'unset', setting], { env: { ...env, [variable]: 'from-the-shell' } });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`Removed ${key} from`);
      expect(r.stderr).toContain(`${variable} is set in this shell, so commands still use its value`);
      expect(fileOf(env)[key]).toBeUndefined();
    }
  });

  it("the Go CLI's old key: said to be the one in use now, as config show then says", async () => {
    const env = cliEnv();
    await saved(env);
    mkdirSync(join(env.HOME!, '.letta-switchboard'));
    writeFileSync(join(env.HOME!, '.letta-switchboard', 'config.yaml'), 'api_key: sk-legacy-key-5678\n');
    const r = await runCli(['config', 'unset', 'api-key'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("~/.letta-switchboard/config.yaml (the Go CLI's config) has an api_key, which commands use now");
    expect(r.stderr).not.toContain('sk-legacy-key-5678');
    const show = await runCli(['config', 'show'], { env });
    expect(show.stdout).toMatch(/^api_key\t\S+\tlegacy file$/m);
  });

  it('nothing else gives it: only the confirmation', async () => {
    const env = cliEnv();
    await saved(env);
    for (const setting of ['api-key', 'timezone']) {
      const r = await runCli(['config', 'unset', setting], { env });
      expect(r.code).toBe(0);
      expect(r.stderr.trim().split('\n')).toEqual([`✓ Removed ${setting.replace('-', '_')} from ${join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json')}`]);
    }
    expect(fileOf(env)).toEqual({});
  });
});

describe('a hand-edited config file with a setting misspelt', () => {
  const write = (env: Record<string, string>, settings: Record<string, string>) => {
    mkdirSync(env.LETTA_SWITCHBOARD_CONFIG_DIR!, { recursive: true, mode: 0o700 });
    writeFileSync(join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json'), JSON.stringify(settings), { mode: 0o600 });
  };

  it.each([
    ['apiKey', 'api_key'],
    ['API_KEY', 'api_key'],
    ['base-url', 'base_url'],
    ['baseurl', 'base_url'],
    ['agentid', 'agent_id'],
    ['Timezone', 'timezone'],
    ['time_zone', 'timezone'],
  ])("'%s' is named with the setting meant (%s), on every command that reads the file", async (given, meant) => {
    const env = cliEnv();
    write(env, { [given]: 'sk-or-value-9999' });
    const path = join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json');
    const warning = `Warning: The config file ${path} has '${given}', which is not a setting and is ignored. Did you mean '${meant}'?`;
    const show = await runCli(['config', 'show'], { env });
    expect(show.code).toBe(0);
    expect(show.stderr.split('\n')).toContain(warning);
    expect(show.stderr).not.toContain('sk-or-value-9999');
    const list = await runCli(['agents', 'list'], { env });
    expect(list.code).toBe(4);
    expect(list.stderr.split('\n')).toContain(warning);
    // Kept as it was: the file is the user's to mend.
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ [given]: 'sk-or-value-9999' });
  });

  it('a key near no setting (one a later version may write) and the right keys say nothing', async () => {
    const env = cliEnv();
    write(env, { api_key: 'sk-file-key-1234', timezone: 'Europe/Paris', notify_url: 'https://hooks.example/x', editor: 'vim' });
    const r = await runCli(['config', 'show'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('Warning');
    expect(r.stdout).toMatch(/^timezone\tEurope\/Paris\tfile$/m);
  });
});

describe('sync --print-cron and the other job printers, with no key the job can read', () => {
  const NO_KEY = 'The job reads its key from the config file, which has none';

  it.each([
    ['LETTA_API_KEY', ['--print-cron'], { LETTA_API_KEY: 'sk-env-key-1234' }, "(this command's came from LETTA_API_KEY, which the job will not have)"],
    ['--api-key', ['--print-systemd', '--api-key', 'sk-flag-key-1234'], {}, "(this command's came from --api-key, which the job will not have)"],
    ['no key at all', ['--print-launchd'], {}, ': every run'],
  ])('key from %s: the job is printed, and a warning says it would fail every hour', async (_, args, extra, from) => {
    const env = { ...cliEnv(), ...extra };
    const r = await runCli(['sync', ...args], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sync[\s\S]*--all-agents/);
    expect(r.stderr).toContain(`Warning: ${NO_KEY}`);
    expect(r.stderr).toContain(from);
    expect(r.stderr).toContain('every run would stop at "No API key set". Store it first: letta-switchboard config set-api-key -');
    expect(r.stderr).not.toContain('-key-1234');
  });

  it("a key in the config file, or the Go CLI's old one: no warning", async () => {
    const env = cliEnv();
    expect((await runCli(['config', 'set-api-key', '-'], { env, input: 'sk-file-key-1234\n' })).code).toBe(0);
    const saved = await runCli(['sync', '--print-cron'], { env: { ...env, LETTA_API_KEY: 'sk-env-key-1234' } });
    expect(saved.code).toBe(0);
    expect(saved.stderr).toBe('');
    const legacy = cliEnv();
    mkdirSync(join(legacy.HOME!, '.letta-switchboard'));
    writeFileSync(join(legacy.HOME!, '.letta-switchboard', 'config.yaml'), 'api_key: sk-legacy-key-5678\n');
    const old = await runCli(['sync', '--print-cron'], { env: legacy });
    expect(old.code).toBe(0);
    expect(old.stderr).toBe('');
  });
});

describe('--help after a command that does not exist', () => {
  it.each([
    [['sned', '--help'], "Error: Unknown command 'sned'", "Did you mean 'send'?"],
    [['--tz', 'UTC', 'recuring', '-h'], "Error: Unknown command 'recuring'", "Did you mean 'recurring'?"],
    [['recurring', 'lst', '--help'], "Error: Unknown command 'lst' for 'recurring'", "Did you mean 'recurring list'?"],
    [['onetime', 'creat', '--agent-id', 'a', '-h'], "Error: Unknown command 'creat' for 'onetime'", "Did you mean 'onetime create'?"],
    [['zzz', '--help'], "Error: Unknown command 'zzz'", "Run 'letta-switchboard --help' for the list."],
  ])('%j says so with the nearest, as without --help (exit 2), and prints no help', async (args, error, hint) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([error, hint]);
  });

  it.each([
    [['recurring', '--help'], 'Usage: letta-switchboard recurring [options] [command]'],
    [['recurring', 'get', 'sm-1', '--help'], 'Usage: letta-switchboard recurring get [options] <id>'],
    [['message', 'send', '-h'], 'Usage: letta-switchboard send [options]'],
  ])('%j, a command that exists, still shows its help', async (args, usage) => {
    const r = await runCli(args);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(usage);
  });
});

describe('TZ written as a POSIX rule with an offset', () => {
  // As the C library reads TZ (and `date` shows): the offset counts hours west, so UTC+5 is five hours behind UTC.
  const parseNineAm = (tz: string) => runCli(['parse', '2026-11-23 09:00', '--json', '--now', '2026-11-22T15:00:00Z'], { env: cliEnv({ TZ: tz }) });
  const instant = (stdout: string) => (JSON.parse(stdout) as { scheduled_at_iso: string }).scheduled_at_iso;

  it.each([
    ['UTC+5', '2026-11-23T14:00:00.000Z', '5 hours behind UTC', '--tz UTC+5'],
    ['utc+3', '2026-11-23T12:00:00.000Z', '3 hours behind UTC', '--tz UTC+3'],
    ['GMT-3', '2026-11-23T06:00:00.000Z', '3 hours ahead of UTC', '--tz UTC-3'],
    ['UTC+5:00', '2026-11-23T14:00:00.000Z', '5 hours behind UTC', '--tz UTC+5'],
  ])('TZ=%s: 09:00 there is %s, as the system clock says, and a warning says how to give the other', async (tz, iso, reading, other) => {
    const r = await parseNineAm(tz);
    expect(r.code).toBe(0);
    expect(instant(r.stdout)).toBe(iso);
    expect(r.stderr).toContain(`Warning: TZ=${tz} is read as the system reads it: ${reading} (a POSIX TZ counts hours west).`);
    expect(r.stderr).toContain(`give ${other} or set it`);
  });

  it.each([
    ['JST-9', '2026-11-23T00:00:00.000Z'],
    ['EST5', '2026-11-23T14:00:00.000Z'],
    ['<+07>-7', '2026-11-23T02:00:00.000Z'],
    ['UTC-0', '2026-11-23T09:00:00.000Z'],
    ['GMT0', '2026-11-23T09:00:00.000Z'],
  ])('TZ=%s: 09:00 there is %s, with nothing to warn of', async (tz, iso) => {
    const r = await parseNineAm(tz);
    expect(r.code).toBe(0);
    expect(instant(r.stdout)).toBe(iso);
    expect(r.stderr).toBe('');
  });

  it.each(['IST-5:30', 'UTC+13'])('TZ=%s, a rule no zone of the database is: never read the other way round, but as an unknown zone (UTC, warned)', async (tz) => {
    const r = await parseNineAm(tz);
    expect(r.code).toBe(0);
    expect(instant(r.stdout)).toBe('2026-11-23T09:00:00.000Z');
    expect(r.stderr).toContain(`Warning: The time zone '${tz}' (from TZ) is unknown; using UTC.`);
  });

  it('a recurring phrase too: the UTC cron of 9am five hours behind UTC; --tz UTC+5 still means ahead', async () => {
    const env = cliEnv({ TZ: 'UTC+5' });
    const fromTz = await runCli(['parse', 'every day at 9am', '--json', '--now', '2026-11-22T15:00:00Z'], { env });
    expect(fromTz.code).toBe(0);
    expect((JSON.parse(fromTz.stdout) as { cron_expression: string }).cron_expression).toBe('0 14 * * *');
    const fromFlag = await runCli(['parse', 'every day at 9am', '--json', '--now', '2026-11-22T15:00:00Z', '--tz', 'UTC+5'], { env });
    expect(fromFlag.code).toBe(0);
    expect((JSON.parse(fromFlag.stdout) as { cron_expression: string }).cron_expression).toBe('0 4 * * *');
  });
});

describe('config show and get: the zone in use when it comes from TZ', () => {
  it.each([
    ['Foo/Bar', 'UTC', "The time zone 'Foo/Bar' (from TZ) is unknown; using UTC."],
    ['UTC+5', 'Etc/GMT+5', 'TZ=UTC+5 is read as the system reads it: 5 hours behind UTC'],
  ])('TZ=%s is shown as %s, the zone commands use, with its warning', async (tz, zone, warning) => {
    const env = cliEnv({ TZ: tz });
    const show = await runCli(['config', 'show'], { env });
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(new RegExp(`^timezone\\t${zone.replace('+', '\\+')}\\tenv$`, 'm'));
    expect(show.stderr).toContain(warning);
    const get = await runCli(['config', 'get', 'timezone', '--json'], { env });
    expect(get.code).toBe(0);
    expect(JSON.parse(get.stdout)).toEqual({ name: 'timezone', value: zone, source: 'env' });
  });

  it('a zone in the file that is no zone is still shown as written (show must work to find it)', async () => {
    const env = cliEnv({ TZ: 'UTC+5' });
    mkdirSync(env.LETTA_SWITCHBOARD_CONFIG_DIR!, { recursive: true });
    writeFileSync(join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json'), '{"timezone":"Mars/Base"}');
    const show = await runCli(['config', 'show'], { env });
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^timezone\tMars\/Base\tfile$/m);
  });
});

describe('config set-api-key given the header or shell line around the key', () => {
  it.each([
    ['Bearer sk-let-pasted-1234', 'Bearer'],
    ['Authorization: Bearer sk-let-pasted-1234', 'Authorization: Bearer'],
    ['authorization:bearer sk-let-pasted-1234', 'authorization:bearer'],
    ['export LETTA_API_KEY=sk-let-pasted-1234', 'export LETTA_API_KEY='],
  ])('%s: refused naming what to leave out (exit 2), nothing saved, the key not shown', async (pasted, around) => {
    const env = cliEnv();
    const r = await runCli(['config', 'set-api-key', '-'], { env, input: `${pasted}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`Error: The API key starts with '${around}', as a header or a shell line does`, `Paste the key alone, without '${around}'.`]);
    expect(r.stderr).not.toContain('pasted-1234');
    expect(existsSync(join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json'))).toBe(false);
  });

  it('two keys, or a key that only starts with the word, are not taken for one', async () => {
    const two = await runCli(['config', 'set-api-key', '-'], { input: 'sk-let-one-1234 sk-let-two-5678\n' });
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/^Error: The API key contains white space\n/);
    const env = cliEnv();
    const word = await runCli(['config', 'set-api-key', '-'], { env, input: 'bearerish-key-1234\n' });
    expect(word.code).toBe(0);
    expect((await runCli(['config', 'show', '--json'], { env })).stdout).toContain('"source":"file"');
  });
});
