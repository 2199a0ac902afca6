import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeLetta, TEST_KEY } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { runCli, runCommand, runShell } from '../helpers/run-cli';

const ESC = '\u001b';
const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const sh = (script: string, input?: string) => runShell(script, { env, input });

describe('pipelines', () => {
  it('create --json, read the id with node, get it back with -q', async () => {
    const r = await sh(`
      id=$(letta-switchboard --now ${NOW} onetime create --message "Ping" --execute-at "in 1 hour" --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).id))')
      letta-switchboard onetime get "$id" -q`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sm-\d+\n$/);
    expect(letta.schedules.has(r.stdout.trim())).toBe(true);
  });

  it('a reader that stops early (| head) is no failure: exit 0, nothing on stderr', async () => {
    for (let i = 0; i < 2_000; i++) letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, `message ${i} ${'x'.repeat(200)}`);
    const r = await sh('letta-switchboard recurring list | head -n 1');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(r.stdout).toMatch(/^sm-\d+\t/);
  });

  it('create --json carries the CLI additions', async () => {
    const r = await sh(`letta-switchboard --now ${NOW} --tz America/New_York recurring create --message "Standup" --cron "every weekday at 10am" --json`);
    const created = JSON.parse(r.stdout);
    expect(created).toMatchObject({
      agent_id: AGENT,
      schedule: { type: 'recurring', cron_expression: '0 15 * * 1-5' },
      cron_expression: '0 15 * * 1-5',
      local_cron: '0 10 * * 1-5',
      timezone: 'America/New_York',
      message: { messages: [{ role: 'user', content: 'Standup' }] },
    });
    expect(created.id).toMatch(/^sm-/);
    expect(created.next_runs).toHaveLength(5);
  });

  it('-q list into delete - removes every schedule', async () => {
    for (let i = 0; i < 120; i++) letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse(NOW) + 60_000 });
    const r = await sh('letta-switchboard recurring list -q | letta-switchboard recurring delete -');
    expect(r.code).toBe(0);
    expect([...letta.schedules.values()].map((s) => s.schedule.type)).toEqual(['one-time']);
    expect(letta.requests('DELETE')).toHaveLength(120);
  });

  it('xargs -n1 delete works too', async () => {
    for (let i = 0; i < 3; i++) letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse(NOW) + 60_000 });
    const r = await sh('letta-switchboard onetime list -q | xargs -n1 letta-switchboard onetime delete');
    expect(r.code).toBe(0);
    expect(letta.schedules.size).toBe(0);
  });

  it('--message - reads the message from printf, UTF-8 intact', async () => {
    const r = await sh(`printf 'Déploiement terminé 🚀 完了\\n' | letta-switchboard send --message - --json`);
    expect(r.code).toBe(0);
    expect(letta.requests('POST')[0]!.body).toEqual({ messages: [{ role: 'user', content: 'Déploiement terminé 🚀 完了' }] });
    expect(JSON.parse(r.stdout).messages[1].content).toBe('Echo: Déploiement terminé 🚀 完了');
  });

  it('one final line end on stdin (echo, a heredoc, CRLF) is not part of the message; any other newline is', async () => {
    const cases: Array<[string, string]> = [
      ['echo hi', 'hi'],
      ["printf 'two\\nlines\\n'", 'two\nlines'],
      ["printf 'ends blank\\n\\n'", 'ends blank\n'],
      ["printf '\\nleading\\r\\n'", '\nleading'],
      ["printf 'no line end'", 'no line end'],
      ["cat <<'EOF' | CLI\nfrom a heredoc\n  indented\nEOF", 'from a heredoc\n  indented'],
    ];
    for (const [input, content] of cases) {
      letta.reset(() => Date.parse(NOW));
      for (const cli of ['letta-switchboard send --message -', "letta-switchboard onetime create --message - --execute-at 'in 1 hour' -q"]) {
        const command = input.includes('CLI') ? input.replace('CLI', cli) : `${input} | ${cli}`;
        const r = await sh(command);
        expect(r.code, command).toBe(0);
        const sent = letta.requests('POST').at(-1)!.body as { messages: Array<{ content: string }> };
        expect(sent.messages[0]!.content, command).toBe(content);
      }
    }
  });

  it('a piped stdin with no --message is the message, and stderr says so (even with -q); --message - says nothing', async () => {
    const r = await sh('git --version >/dev/null 2>&1; echo "from a pipe" | letta-switchboard send');
    expect(r.stdout).toBe('Echo: from a pipe\n');
    expect(r.stderr).toContain('read the message from stdin (--message not given)');
    const quiet = await sh(`echo "later" | letta-switchboard --now ${NOW} onetime create --execute-at "in 1 hour" -q`);
    expect(quiet.stdout).toMatch(/^sm-\d+\n$/);
    expect(quiet.stderr).toContain('--message not given');
    const explicit = await sh('echo "from a pipe" | letta-switchboard send --message -');
    expect(explicit.stderr).not.toContain('--message not given');
  });

  it('a while-read loop that forgot --message is told on stderr that its input became the message', async () => {
    const r = await sh(`printf 'a\\nb\\n' | while read id; do letta-switchboard send; done`);
    expect(r.stdout).toBe('Echo: b\n');
    expect(r.stderr).toContain('read the message from stdin (--message not given)');
  });

  it('parse - over a file of phrases: one JSON object a line, exit 2 if any failed', async () => {
    const file = join(env.HOME!, 'phrases.txt');
    writeFileSync(file, 'tomorrow at 9am\nevery weekday at 9pm\n13pm\n\nin 5 minutes\n');
    const r = await sh(`letta-switchboard parse - --now ${NOW} --tz America/New_York < ${file}`);
    expect(r.code).toBe(2);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({
      type: 'one-time',
      input: 'tomorrow at 9am',
      scheduled_at: 1795442400000,
      scheduled_at_iso: '2026-11-23T14:00:00.000Z',
      timezone: 'America/New_York',
      local: '2026-11-23 09:00 EST',
      notes: [],
    });
    expect(lines[1]).toMatchObject({ type: 'recurring', cron_expression: '0 2 * * 2-6', local_cron: '0 21 * * 1-5' });
    expect(lines[2]).toEqual({ input: '13pm', error: expect.stringContaining('13pm'), hint: expect.any(String) });
    expect(lines[3].type).toBe('one-time');
  });

  it('parse - answers each line as it comes: endless input (yes, tail -f) | head -1 gets its line and ends', async () => {
    const r = await sh(`yes "tomorrow at 9am" | letta-switchboard parse - --now ${NOW} | head -n 1; echo "exit \${PIPESTATUS[1]}"`);
    const [line, said, ...rest] = r.stdout.split('\n');
    expect([JSON.parse(line!).scheduled_at_iso, said, rest, r.stderr]).toEqual(['2026-11-23T09:00:00.000Z', 'exit 0', [''], '']);
  });

  it('parse -: the lines before one that is not UTF-8 are answered, then exit 2 naming it', async () => {
    const r = await sh(`printf 'in 5 minutes\\n\\377\\nin 6 minutes\\n' | letta-switchboard parse - --now ${NOW}`);
    expect(r.code).toBe(2);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).input),
    ).toEqual(['in 5 minutes']);
    expect(r.stderr).toBe('Error: The text on stdin (the phrases) is not valid UTF-8\n');
  });

  it('parse --json is one document; the human form shows both zones', async () => {
    const json = await runCli(['parse', 'every weekday at 9pm', '--json', '--now', NOW, '--tz', 'America/New_York', '--count', '2'], { env });
    expect(JSON.parse(json.stdout).next_runs).toEqual(['2026-11-24T02:00:00.000Z', '2026-11-25T02:00:00.000Z']);
    expect(json.stderr).toContain('daylight saving');
    const human = await runCli(['parse', 'tomorrow at 9am', '--now', NOW, '--tz', 'Asia/Kolkata'], { env });
    expect(human.stdout).toContain('2026-11-23 09:00 IST');
    expect(human.stdout).toContain('2026-11-23T03:30:00.000Z');
  });

  it('--now without an offset is wall time in the user zone', async () => {
    const at = async (now: string) => JSON.parse((await runCli(['parse', 'in 1 hour', '--json', '--now', now, '--tz', 'America/New_York'], { env })).stdout).scheduled_at_iso;
    expect(await at('2026-11-22T10:00:00')).toBe('2026-11-22T16:00:00.000Z');
    expect(await at('2026-11-22T10:00:00Z')).toBe('2026-11-22T11:00:00.000Z');
    expect(await at('1795359600000')).toBe('2026-11-22T16:00:00.000Z');
    expect(await at('2026-11-22')).toBe('2026-11-22T06:00:00.000Z');
    const bad = await runCli(['parse', 'in 1 hour', '--now', 'yesterday'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--now 'yesterday' is not an instant");
  });

  it('jq reads list output (when jq is installed)', async () => {
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * 1-5' });
    const r = await sh(`command -v jq >/dev/null || { echo "0 9 * * 1-5"; exit 0; }; letta-switchboard recurring list --json | jq -r '.[0].schedule.cron_expression'`);
    expect(r.stdout).toBe('0 9 * * 1-5\n');
  });
});

describe('exit codes for each kind of failure', () => {
  it.each([
    ['bad input', ['send', '--message', 'x', '--execute-at', 'whenever'], 2],
    ['unknown flag', ['onetime', 'list', '--bogus'], 2],
    ['unknown command', ['recuring', 'list'], 2],
    ['missing argument', ['onetime', 'get'], 2],
    ['unknown id', ['onetime', 'get', 'sm-missing'], 3],
    ['unknown agent', ['onetime', 'list', '--agent-id', 'agent-00000000-0000-0000-0000-000000000000'], 3],
    ['bad key', ['onetime', 'list', '--api-key', 'sk-bad-0000000000000000'], 4],
    ['unreachable server', ['onetime', 'list', '--base-url', 'http://127.0.0.1:9'], 5],
  ])('%s -> %i, with nothing on stdout', async (_name, args, code) => {
    const r = await runCli(args, { env });
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error: /);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown command suggests the nearest', async () => {
    const r = await runCli(['recuring'], { env });
    expect(r.stderr).toContain("Did you mean 'recurring'?");
  });
});

describe('terminal output', () => {
  const underTty = (command: string, extraEnv: Record<string, string> = {}) => runShell(`script -qec ${JSON.stringify(command)} /dev/null`, { env: { ...env, COLUMNS: '60', ...extraEnv } });

  it('piped output has no escape codes, no borders and no truncation', async () => {
    const long = `${'x'.repeat(300)} end`;
    letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse(NOW) + 60_000 }, long);
    const r = await sh('letta-switchboard onetime list | cat');
    expect(r.stdout).not.toContain(ESC);
    // id, agent_id, runs at, UTC, message: agent_id is in every list row, whatever the options.
    expect(r.stdout.trim().split('\t')).toHaveLength(5);
    expect(r.stdout).toContain(long);
  });

  it('on a terminal: colour unless NO_COLOR; CJK and emoji truncated on whole characters', async () => {
    letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse(NOW) + 60_000 }, `完了🚀${'日本語のメッセージ'.repeat(10)}`);
    const coloured = await underTty('letta-switchboard onetime list');
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toContain(ESC);
    const plain = await underTty('letta-switchboard onetime list', { NO_COLOR: '1' });
    expect(plain.stdout).not.toContain(ESC);
    const row = plain.stdout.split(/\r?\n/).find((line) => line.includes('完了'))!;
    expect(row).toContain('…');
    expect(row).toContain('完了🚀');
    expect(row).not.toContain('\ufffd');
    const noColorFlag = await underTty('letta-switchboard --no-color onetime list');
    expect(noColorFlag.stdout).not.toContain(ESC);
    const dumb = await underTty('letta-switchboard onetime list', { TERM: 'dumb' });
    expect(dumb.stdout).not.toContain(ESC);
  });
});

describe('scripting helpers', () => {
  it('--dry-run prints the exact request, key masked, and sends nothing', async () => {
    const r = await runCli(['--now', NOW, 'recurring', 'create', '--message', 'Hi', '--cron', '0 9 * * *', '--dry-run', '--json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      method: 'POST',
      url: `${letta.url}/v1/agents/${AGENT}/schedule`,
      headers: { authorization: 'Bearer sk-...CRET' },
      body: { schedule: { type: 'recurring', cron_expression: '0 9 * * *' }, messages: [{ role: 'user', content: 'Hi' }] },
    });
    expect(letta.received).toHaveLength(0);
    // Reads go out under --dry-run (each id is checked before its DELETE is printed); nothing changing does.
    const [one, two] = [0, 1].map(() => letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse(NOW) + 60_000 }));
    const del = await runCli(['onetime', 'delete', one!.id, two!.id, '--dry-run'], { env });
    expect(del.code).toBe(0);
    expect(del.stdout).toContain(`DELETE ${letta.url}/v1/agents/${AGENT}/schedule/${two!.id}`);
    expect(del.stdout + del.stderr).not.toContain(TEST_KEY);
    expect(letta.received.map((r) => r.method)).toEqual(['GET', 'GET']);
    expect(letta.schedules.size).toBe(2);
  });

  it('--all-agents lists every agent with an agent column', async () => {
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    letta.addSchedule('agent-33333333-3333-3333-3333-333333333333', { type: 'recurring', cron_expression: '0 10 * * *' });
    const r = await runCli(['recurring', 'list', '--all-agents'], { env });
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(rows.map((row) => row[1])).toEqual([AGENT, 'agent-33333333-3333-3333-3333-333333333333']);
    expect(letta.requests('GET', /schedule$/)).toHaveLength(3);
  });

  it('--all-agents asks 8 agents at a time, the default limit of a fan-out', async () => {
    const extra = Array.from({ length: 16 }, (_, i) => ({ id: `agent-extra-${i}`, name: `extra-${i}` }));
    const before = letta.agents;
    letta.agents = [...before, ...extra];
    for (const agent of extra) letta.addSchedule(agent.id, { type: 'one-time', scheduled_at: Date.parse(NOW) + 60_000 });
    letta.latencyMs = 40;
    letta.maxInFlight = 0;
    try {
      const r = await runCli(['onetime', 'list', '--all-agents', '-q'], { env });
      expect(r.code).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(16);
      expect(letta.maxInFlight).toBe(8);
    } finally {
      letta.agents = before;
      letta.latencyMs = 0;
    }
  });

  it('config set-api-key with no argument asks on a terminal without echoing the key', async () => {
    const key = 'sk-let-typed-at-a-prompt-0987';
    // Typed once the prompt is up (raw mode on); on a busy machine start-up can take over a second.
    const r = await runShell(`(sleep 3; printf '${key}\\r') | script -qec "letta-switchboard config set-api-key" /dev/null`, { env });
    expect(r.stdout).toContain('Letta API key:');
    expect(r.stdout).not.toContain(key);
    expect(r.stdout).toContain('sk-...0987');
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync(join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json'), 'utf8')).api_key).toBe(key);
  });

  it('completion scripts load in bash and name the commands and flags', async () => {
    const r = await sh(`source <(letta-switchboard completion bash)
      COMP_WORDS=(letta-switchboard recurring cr); COMP_CWORD=2; _letta_switchboard_complete; echo "\${COMPREPLY[*]}"
      COMP_WORDS=(letta-switchboard recurring create --cr); COMP_CWORD=3; _letta_switchboard_complete; echo "\${COMPREPLY[*]}"`);
    expect(r.stdout).toBe('create\n--cron\n');
    const fish = await runCli(['completion', 'fish'], { env });
    expect(fish.stdout).toContain("complete -c letta-switchboard -n '__fish_use_subcommand' -a recurring");
    expect((await runCli(['completion', 'tcsh'], { env })).code).toBe(2);
  });

  it('every command help leads with usage and description, then its examples (cli.md: examples first), then options', async () => {
    for (const args of [
      ['send'],
      ['onetime'],
      ['onetime', 'create'],
      ['recurring'],
      ['recurring', 'list'],
      ['parse'],
      ['config'],
      ['config', 'set-api-key'],
      ['results'],
      ['results', 'get'],
      ['agents'],
      ['completion'],
    ]) {
      const r = await runCli([...args, '--help'], { env });
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith(`Usage: letta-switchboard ${args.join(' ')}`)).toBe(true);
      const [options, examples] = [r.stdout.search(/^(Options|Commands):/m), r.stdout.indexOf('\nExamples:\n  $ ')];
      // Examples first (cli.md): after the usage line and description, before the options.
      expect(examples).toBeGreaterThan(0);
      expect(options).toBeGreaterThan(examples);
    }
  });

  it('a terminal stdin is never waited on', async () => {
    const r = await runShell(`script -qec "letta-switchboard send --agent-id ${AGENT}" /dev/null`, { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('No message given');
  });
});

describe('the printed sync job', () => {
  it("runs under cron's bare environment (env -i PATH=/usr/bin:/bin), logs into the state folder, and its failure is recorded", async () => {
    const env: Record<string, string> = { ...suite.env, LETTA_BASE_URL: suite.letta.url };
    const printed = await runCli(['sync', '--print-cron'], { env });
    expect(printed.code).toBe(0);
    const command = printed.stdout.trim().split(' ').slice(5).join(' ');
    // The config file holds no key here, so the job fails as a revoked key would: the failure must not vanish.
    const ran = await runShell(`env -i PATH=/usr/bin:/bin HOME='${env.HOME}' LETTA_BASE_URL='${suite.letta.url}' sh -c ${JSON.stringify(command)}`, { env });
    // It ran (not 127, command not found) and failed for want of a key, as a revoked key would.
    expect(ran.code).toBe(4);
    const stateDir = join(env.HOME!, '.local', 'state', 'letta-switchboard');
    expect(readFileSync(join(stateDir, 'sync.log'), 'utf8')).toContain('No API key set');
    expect(JSON.parse(readFileSync(join(stateDir, 'last-sync.json'), 'utf8')).servers[`${suite.letta.url}/`]).toMatchObject({ ok: false, exit_code: 4 });
  });

  it('the launchd agent names the program by absolute paths, keeps the state folder and logs there; its arguments run under a bare PATH', async () => {
    const stateDir = join(suite.env.HOME!, 'state & "logs"');
    const env: Record<string, string> = { ...suite.env, LETTA_BASE_URL: suite.letta.url, LETTA_SWITCHBOARD_STATE_DIR: stateDir };
    const printed = await runCli(['sync', '--print-launchd'], { env });
    expect(printed.code).toBe(0);
    const plist = printed.stdout;
    expect(plist).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE plist /);
    const unescape = (text: string) =>
      text
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const strings = (block: string) => [...block.matchAll(/<string>([^<]*)<\/string>/g)].map((m) => unescape(m[1]!));
    const args = strings(/<key>ProgramArguments<\/key>\s*<array>([\s\S]*?)<\/array>/.exec(plist)![1]!);
    expect(args.slice(-2)).toEqual(['sync', '--all-agents']);
    expect(args.slice(0, -2).every((word) => word.startsWith('/'))).toBe(true);
    const log = join(stateDir, 'sync.log');
    expect(strings(/<key>StandardOutPath<\/key>(<string>[^<]*<\/string>)/.exec(plist)![1]!)).toEqual([log]);
    expect(strings(/<key>StandardErrorPath<\/key>(<string>[^<]*<\/string>)/.exec(plist)![1]!)).toEqual([log]);
    expect(plist).toContain(`<key>LETTA_SWITCHBOARD_STATE_DIR</key><string>${stateDir.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}</string>`);
    expect(plist).toMatch(/<dict><key>Minute<\/key><integer>\d{1,2}<\/integer><\/dict>/);
    // What launchd would start, with launchd's bare PATH: it runs (no key here, so exit 4), in the state folder the plist names.
    const ran = await runCommand(args[0]!, args.slice(1), { env: { PATH: '/usr/bin:/bin', HOME: env.HOME!, LETTA_BASE_URL: suite.letta.url, LETTA_SWITCHBOARD_STATE_DIR: stateDir } });
    expect(ran.code).toBe(4);
    expect(JSON.parse(readFileSync(join(stateDir, 'last-sync.json'), 'utf8')).servers[`${suite.letta.url}/`]).toMatchObject({ ok: false, exit_code: 4 });
  });
});
