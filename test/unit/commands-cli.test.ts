import { describe, expect, it } from 'vitest';
import { runIn, useHarness } from '../helpers/harness';
import { TEST_KEY } from '../helpers/fake-letta';
import { AGENT } from '../helpers/suite';

const h = useHarness();

describe('help', () => {
  it.each([[['help']], [['help', 'recurring']], [['help', 'send']]])('%j prints help and exits 0, with no error', async (args) => {
    const r = await h.run(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: letta-switchboard');
    expect(r.stderr).toBe('');
  });

  it('help recurring create shows that command, not its group', async () => {
    const r = await h.run(['help', 'recurring', 'create']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: letta-switchboard recurring create [options]');
    expect(r.stdout).toContain('--cron <when>');
  });

  it('the program, every group and every command print the same help when run alone (only their own part of the tree is loaded) as through help', async () => {
    const { COMMANDS, GROUPS } = await import('../../src/commands/registry');
    for (const path of [[], ...GROUPS.map((group) => [group.name]), ...COMMANDS.map((command) => command.path)]) {
      const alone = await h.run([...path, '--help']);
      const whole = await h.run(['help', ...path]);
      expect([alone.code, alone.stdout], path.join(' ')).toEqual([0, whole.stdout]);
    }
  });

  it('help for a command that does not exist is exit 2', async () => {
    const r = await h.run(['help', 'nothing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: Unknown command 'nothing'/);
  });

  it('a group lists its subcommands and no global options; a command shows only the options that do something for it', async () => {
    const group = await h.run(['recurring', '--help']);
    expect(group.stdout).toMatch(/Commands:\n\s+create/);
    expect(group.stdout).not.toContain('Global Options:');
    const parse = await h.run(['parse', '--help']);
    expect(parse.stdout).toContain('--tz <zone>');
    expect(parse.stdout).not.toContain('--dry-run');
    expect(parse.stdout).not.toContain('--api-key');
    const completion = await h.run(['completion', '--help']);
    expect(completion.stdout).not.toContain('Global Options:');
  });

  it('send --help has no phantom [command]; defaults print without quotes', async () => {
    const r = await h.run(['send', '--help']);
    expect(r.stdout).toContain('Usage: letta-switchboard send [options]\n');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('(one of user, assistant, system; default user)');
    expect(r.stdout).not.toContain('"user"');
    expect((await h.run(['results', 'list', '--help'])).stdout).toContain('(default 20)');
  });
});

describe('usage errors that teach', () => {
  it('an unquoted phrase is told to quote it', async () => {
    const r = await h.run(['recurring', 'create', '--agent-id', 'support-bot', '--cron', 'every', 'monday', 'at', '3pm', '--message', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--cron "every monday at 3pm"');
    expect(r.requests).toEqual([]);
  });

  it('ids after a switch (xargs onto get --json) are not taken for an unquoted phrase', async () => {
    const r = await h.run(['onetime', 'get', '--json', 'sm-1', 'sm-2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Too many arguments for 'get'");
    expect(r.stderr).not.toContain('Quote a phrase');
  });

  it('a mistyped subcommand gets the nearest', async () => {
    const r = await h.run(['recurring', 'delet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown command 'delet'");
    expect(r.stderr).toContain("Did you mean 'recurring delete'?");
  });

  it.each([
    [['onetime', 'crete', '--agent-id', 'support-bot'], /^Error: Unknown command 'crete' for 'onetime'\nDid you mean 'onetime create'\?\n$/],
    [['onetime', '--agent-id', 'support-bot', 'list'], /^Error: Options of 'onetime list' go after it\nFor example: letta-switchboard onetime list --agent-id support-bot\n/],
    [['recurring', '--bogus'], /^Error: Unknown option '--bogus'/],
    // An unknown command with none near it: where the list is.
    [['recurring', 'frobnicate'], /^Error: Unknown command 'frobnicate' for 'recurring'\nRun 'letta-switchboard recurring --help' for the list\.\n$/],
    [['frobnicate'], /^Error: Unknown command 'frobnicate'\nRun 'letta-switchboard --help' for the list\.\n$/],
    [['recurring'], /^Error: 'recurring' needs a subcommand: /],
    // The Go CLI's alias of onetime, alone.
    [['message'], /^Error: 'onetime' needs a subcommand: /],
  ])('a group with %j says what is wrong', async (args, said) => {
    const r = await h.run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(said);
    expect(r.requests).toEqual([]);
  });

  it('a phrase that starts with - is told how to pass it, and -- passes it', async () => {
    const r = await h.run(['parse', '-2 days', '--once']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`A phrase that starts with '-' is read as an option; put -- before it, after the options: letta-switchboard parse -- "-2 days"`);
    const passed = await h.run(['parse', '--once', '--', '-2 days']);
    expect(passed.stderr).toMatch(/^Error: '-2 days' counts back from now/);
    expect((await h.run(['parse', '--bogus'])).stderr).not.toContain('A phrase');
  });

  it('send --cron says where --cron belongs', async () => {
    const r = await h.run(['send', '--agent-id', 'support-bot', '--message', 'x', '--cron', 'daily']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: --cron belongs to recurring create/);
    expect(r.requests).toEqual([]);
  });

  it('a missing argument shows the usage line', async () => {
    const r = await h.run(['onetime', 'get']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("Error: Missing required argument 'id'\nUsage: letta-switchboard onetime get [options] <id>\n");
  });

  it('--now in Unix seconds is refused, saying so', async () => {
    const r = await runIn(h.letta, ['parse', 'in 1 hour', '--now', '1795442400'], h.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--now '1795442400' looks like Unix seconds");
    expect((await runIn(h.letta, ['parse', 'in 1 hour', '--now', '1795442400000'], h.env)).code).toBe(0);
  });

  it('a configured zone beats TZ, and --tz beats both', async () => {
    expect((await h.run(['config', 'set-timezone', 'Asia/Kolkata'])).code).toBe(0);
    const configured = await runIn(h.letta, ['parse', 'tomorrow at 9am', '--json', '--now', '2026-11-22T15:00:00Z'], { ...h.env, TZ: 'UTC' });
    expect(JSON.parse(configured.stdout)).toMatchObject({ timezone: 'Asia/Kolkata', scheduled_at_iso: '2026-11-23T03:30:00.000Z' });
    const flag = await runIn(h.letta, ['parse', 'tomorrow at 9am', '--json', '--tz', 'UTC', '--now', '2026-11-22T15:00:00Z'], { ...h.env, TZ: 'UTC' });
    expect(JSON.parse(flag.stdout)).toMatchObject({ timezone: 'UTC' });
  });

  it('a missing --message says so', async () => {
    const r = await h.run(['send', '--agent-id', 'support-bot'], { terminal: 80 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: No message given: --message is missing/);
  });

  it.each([
    ['send', ['send', '--message', ''], undefined],
    ['send, blanks only', ['send', '--message', ' \t'], undefined],
    ['send, empty stdin', ['send', '--message', '-'], ''],
    ['recurring create', ['recurring', 'create', '--cron', 'every day at 9am', '--message', ''], undefined],
    ['onetime create, stdin of blank lines', ['onetime', 'create', '--execute-at', 'in 1 hour', '--message', '-'], '\n  \n'],
    ['recurring edit', ['recurring', 'edit', 'sched-1', '--message', ''], undefined],
  ])('an empty message (%s) is refused with a hint, nothing sent', async (_name, args, stdin) => {
    const r = await h.run([...args, '--agent-id', AGENT], stdin === undefined ? {} : { stdin });
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('Error: The message is empty');
    expect(lines.slice(1)).toEqual([
      stdin === undefined
        ? 'Give the text to send with --message TEXT, or --message - to read it from stdin.'
        : "Stdin held no text: pipe the message in (echo 'hello' | ... --message -), or give it with --message TEXT.",
    ]);
    expect(r.requests.filter((q) => q.method !== 'GET')).toEqual([]);
  });

  it('a message with a NUL character is refused with a hint', async () => {
    const r = await h.run(['send', '--agent-id', AGENT, '--message', '-'], { stdin: 'a\0b' });
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual(['Error: The message contains a NUL character', "Letta takes text, not binary: remove the NUL bytes (tr -d '\\000') and send it again."]);
    expect(r.requests).toEqual([]);
  });

  it('--all-agents with --agent-id is a usage error', async () => {
    const r = await h.run(['recurring', 'list', '--all-agents', '--agent-id', 'support-bot']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'--all-agents' cannot be used with option '--agent-id");
    expect(r.requests).toEqual([]);
  });

  it.each([
    [['--timeout', '2147483648', 'agents', 'list'], "--timeout '2147483648' must be a whole number from 1 to 2147483647"],
    [['--timeout', '0', 'agents', 'list'], "--timeout '0'"],
    [['results', 'list', '--limit', 'ten'], "--limit 'ten'"],
    [['parse', 'daily', '--count', '101'], "--count '101'"],
    [['send', '--message', 'x', '--role', 'robot'], "--role 'robot' is not a role"],
  ])('%j is refused while the arguments are read', async (args, message) => {
    const r = await h.run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.requests).toEqual([]);
  });
});

describe('global options before the command', () => {
  it("a global option's value is never taken for the command word, for every global option that takes one", async () => {
    const { buildProgram } = await import('../../src/program');
    const values: Record<string, string> = { '--api-key': TEST_KEY, '--base-url': h.letta.url, '--timeout': '5000', '--tz': 'Europe/London', '--now': '2026-11-22T15:00:00Z' };
    const taking = (await buildProgram()).options.filter((option) => option.required || option.optional).map((option) => option.long!);
    expect(Object.keys(values).sort()).toEqual(taking.sort());
    for (const flag of taking) {
      // The Go CLI's spelling `send create` is read as `send` only when `send` is found as the command word.
      const r = await runIn(h.letta, [flag, values[flag]!, 'send', 'create', '--agent-id', AGENT, '--message', 'hi', '--async'], h.env);
      expect([r.code, r.stderr], flag).toEqual([0, expect.stringMatching(/^✓ Queued as run run-\d+ \(created\)\n/)]);
      expect(
        r.requests.map((request) => request.method),
        flag,
      ).toEqual(['POST']);
    }
  });
});

describe('secrets', () => {
  it("commander's own messages are masked", async () => {
    const r = await runIn(undefined, ['sk-x'], { LETTA_API_KEY: 'sk-x', HOME: '/nonexistent' });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('sk-x');
    expect(r.stderr).toContain('Unknown command');
  });

  it('a key with white space around it is masked as sent, and a short key is masked too', async () => {
    h.letta.inject(/^GET \/v1\/agents\/$/, { status: 401, body: JSON.stringify({ detail: `bad key ${TEST_KEY} and abc12` }) });
    const r = await h.run(['agents', 'list', '--verbose'], { env: { LETTA_API_KEY: `  ${TEST_KEY}\n` } });
    expect(r.code).toBe(4);
    expect(r.stderr).not.toContain(TEST_KEY);
    const short = await h.run(['config', 'show'], { env: { LETTA_API_KEY: 'abc12' } });
    expect(short.stdout + short.stderr).not.toContain('abc12');
  });

  it('a password in the base URL is masked by config show and config get, which still say where it was set', async () => {
    const env = { LETTA_BASE_URL: 'http://me:hunter2@127.0.0.1:9/' };
    const show = await h.run(['config', 'show', '--json'], { env });
    expect(show.code).toBe(0);
    expect(show.stdout + show.stderr).not.toContain('hunter2');
    expect(JSON.parse(show.stdout).base_url).toEqual({ value: 'http://***@127.0.0.1:9/', source: 'env' });
    const get = await h.run(['config', 'get', 'base-url'], { env });
    expect(get.stdout).toBe('http://***@127.0.0.1:9/\n');
    const table = await h.run(['config', 'show'], { env });
    expect(table.stdout + table.stderr).not.toContain('hunter2');
    expect(table.stdout).toContain('http://***@127.0.0.1:9/');
  });

  it.each(['http:/me:hunter2@127.0.0.1:9/', 'http:\\\\me:hunter2@127.0.0.1:9/', 'HTTP://me:hunter2@127.0.0.1:9/', ' http://me:hunter2@127.0.0.1:9/'])(
    'a password in a base URL written as %j (a URL parser reads the same credentials) is masked too',
    async (url) => {
      const env = { LETTA_BASE_URL: url };
      for (const args of [
        ['config', 'show', '--json'],
        ['config', 'show'],
        ['config', 'get', 'base-url'],
      ]) {
        const r = await h.run(args, { env });
        expect(r.stdout + r.stderr, args.join(' ')).not.toContain('hunter2');
      }
    },
  );

  it('a key given as an argument warns about shell history', async () => {
    const r = await h.run(['config', 'set-api-key', TEST_KEY]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('shell history');
    expect(r.stderr).not.toContain(TEST_KEY);
  });
});

describe('config', () => {
  it('show and path name the config file and the state file; get prints one setting', async () => {
    const show = await h.run(['config', 'show']);
    expect(show.stderr).toContain(`Config file: ${h.env.LETTA_SWITCHBOARD_CONFIG_DIR}/config.json`);
    expect(show.stderr).toContain(`State file:  ${h.env.HOME}/.local/state/letta-switchboard/state.json`);
    const path = await h.run(['config', 'path', '--json']);
    expect(JSON.parse(path.stdout)).toEqual({
      config_file: `${h.env.LETTA_SWITCHBOARD_CONFIG_DIR}/config.json`,
      state_file: `${h.env.HOME}/.local/state/letta-switchboard/state.json`,
      journal_file: `${h.env.HOME}/.local/state/letta-switchboard/state.journal`,
    });
    expect(show.stderr).toContain(`Journal:     ${h.env.HOME}/.local/state/letta-switchboard/state.journal`);
    const get = await h.run(['config', 'get', 'base-url']);
    expect(get.code).toBe(0);
    expect(get.stdout).toBe(`${h.letta.url}\n`);
    const json = await h.run(['config', 'get', 'timezone', '--json', '--tz', 'Asia/Tokyo']);
    expect(JSON.parse(json.stdout)).toEqual({ name: 'timezone', value: 'Asia/Tokyo', source: 'flag' });
    const unset = await h.run(['config', 'get', 'agent-id']);
    expect(unset.code).toBe(1);
    expect(unset.stderr).toMatch(/^Error: agent_id is not set\n.*config set-agent-id/);
    const unsetJson = await h.run(['config', 'get', 'agent-id', '--json']);
    expect([unsetJson.code, JSON.parse(unsetJson.stdout)]).toEqual([1, { name: 'agent_id', value: null, source: null }]);
    expect((await h.run(['config', 'get', 'colour'])).code).toBe(2);
  });

  it('set-agent-id refuses a line break', async () => {
    const r = await h.run(['config', 'set-agent-id', 'agent-1\nagent-2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line break');
  });
});

describe('parse shows the local time once', () => {
  it('names the zone beside its abbreviation, except UTC', async () => {
    const utc = await h.run(['parse', 'in 5 minutes', '--now', '2026-11-22T15:00:00Z', '--tz', 'UTC']);
    expect(utc.stdout).toMatch(/^Local\s+2026-11-22 15:05 UTC$/m);
    const kolkata = await h.run(['parse', 'in 5 minutes', '--now', '2026-11-22T15:00:00Z', '--tz', 'Asia/Kolkata']);
    expect(kolkata.stdout).toMatch(/^Local\s+2026-11-22 20:35 IST \(Asia\/Kolkata\)$/m);
  });
});
