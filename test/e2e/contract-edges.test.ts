import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KEY, type FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { runCli, runShell } from '../helpers/run-cli';

/**
 * Edges of the command-line contract (cli.md) found by running the built CLI
 * as a user or a script would: what an answer cut short means, what stays on stdout.
 */

const CREATE = new RegExp(`^POST /v1/agents/${AGENT}/schedule$`);
const SEND = new RegExp(`^POST /v1/agents/${AGENT}/messages$`);
const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env });

/** A fresh `letta-schedules` path in a temporary folder (removed after the file's tests); not created. */
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
function schedulesFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'letta-schedules-test-'));
  folders.push(folder);
  return join(folder, 'letta-schedules');
}

describe('a success whose body is cut short', () => {
  it.each([
    ['a create answered 201 with truncated JSON', { status: 201, body: '{"id":"sm-0' }],
    ['a create answered 200 with an HTML page', { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>OK</body></html>' }],
  ])('%s: says the schedule may exist, and sync records the copy that landed instead of making another', async (_name, fault) => {
    letta.inject(CREATE, { ...fault, land: true });
    const r = await cli('onetime', 'create', '--message', 'cut short', '--execute-at', 'in 2 hours');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error: Letta answered 20[01] to POST .* not JSON/);
    expect(r.stderr).toContain(`The schedule may have been created. Check with 'letta-switchboard onetime list --agent-id ${AGENT}'`);
    expect(letta.requests('POST')).toHaveLength(1);
    const [landed] = [...letta.schedules.keys()];

    const sync = await cli('sync', '--json');
    expect(sync.code).toBe(0);
    expect(JSON.stringify(JSON.parse(sync.stdout))).toContain(landed);
    expect(letta.requests('POST')).toHaveLength(1);
    expect(letta.schedules.size).toBe(1);
  });

  it.each([
    ['truncated JSON', '{"messages":['],
    ['JSON of another shape', '{"result":"ok"}'],
  ])('a send answered 200 with %s says the message may have been delivered', async (_name, body) => {
    letta.inject(SEND, { status: 200, body });
    const r = await cli('send', '--message', 'hello');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The message may have been delivered. Check with 'letta-switchboard results list --agent-id ${AGENT}'`);
    expect(letta.requests('POST')).toHaveLength(1);
  });

  it('send --async answered 200 without a run id says the message may have been queued', async () => {
    letta.inject(/^POST .*\/messages\/async$/, { status: 200, body: '{"status":"created"}' });
    const r = await cli('send', '--message', 'hello', '--async');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The message may have been queued. Check with 'letta-switchboard results list --agent-id ${AGENT}'`);
  });
});

describe('schedules as code: a lock file that gives one schedule to two files', () => {
  it('is refused by plan, apply and export, naming both files, and nothing is sent', async () => {
    const dir = schedulesFolder();
    mkdirSync(dir);
    writeFileSync(join(dir, 'standup.md'), '---\nagent: support-bot\nwhen: every weekday at 9am\ntimezone: Europe/Berlin\n---\nStandup\n');
    writeFileSync(join(dir, 'weekly.md'), '---\nagent: support-bot\nwhen: every friday at 4pm\ntimezone: America/New_York\n---\nWeekly report\n');
    expect((await cli('apply', '--yes', '-f', dir)).code).toBe(0);
    const lockPath = join(dir, 'letta-schedules.lock.json');
    const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { servers: Record<string, Record<string, { ids: string[] }>> };
    const files = lock.servers[letta.url]!;
    // As a merge gone wrong might leave it: weekly.md now names standup's schedule too.
    files['weekly.md']!.ids = [...files['standup.md']!.ids];
    const text = JSON.stringify(lock, null, 2);
    writeFileSync(lockPath, text);
    const before = [...letta.schedules.keys()];
    letta.received.length = 0;

    for (const command of [['plan'], ['apply', '--yes'], ['export', '--agent-id', AGENT]]) {
      const r = await cli(...command, '-f', dir);
      expect(r.code, command.join(' ')).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^Error: The lock file .*letta-schedules.lock.json is not valid: .* gives ${files['standup.md']!.ids[0]} to two files, "standup.md" and "weekly.md"`));
    }
    expect(letta.requests('POST')).toHaveLength(0);
    expect(letta.requests('DELETE')).toHaveLength(0);
    expect([...letta.schedules.keys()]).toEqual(before);
    expect(readFileSync(lockPath, 'utf8')).toBe(text);
  });
});

describe("the Go CLI's `results get SCHEDULE_ID`", () => {
  it("shows the run of the schedule's latest fire, and says so on stderr", async () => {
    const schedule = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    letta.addFire(schedule.id, Date.parse(NOW) - 2 * 86_400_000);
    const latest = letta.addFire(schedule.id, Date.parse(NOW) - 86_400_000, { status: 'failed', stopReason: 'error' });
    const r = await cli('results', 'get', schedule.id, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: latest.run_id, status: 'failed', stop_reason: 'error' });
    expect(r.stderr).toContain(`${schedule.id} is a schedule: its latest fire, sent ${latest.sent_at}, is run ${latest.run_id}.`);
  });

  it('a schedule that has not fired, or a server without fire history, is not found (exit 3) with where to look', async () => {
    const schedule = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    const r = await cli('results', 'get', schedule.id);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Error: No run for schedule '${schedule.id}': it has not fired yet\nIts fires: letta-switchboard history ${schedule.id}\n`);
    letta.historyRoute = 404;
    expect((await cli('results', 'get', schedule.id)).stderr).toContain('this server keeps no fire history');
  });

  it('an id that is neither a run nor a schedule is still "No run" (exit 3)', async () => {
    const r = await cli('results', 'get', 'run-missing');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^Error: No run 'run-missing'\n/);
  });
});

describe('a config file others can read', () => {
  it('is used, with a warning naming it and how to make it private; a private one draws none', async () => {
    const { LETTA_API_KEY: _key, ...rest } = env;
    const dir = rest.LETTA_SWITCHBOARD_CONFIG_DIR!;
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ api_key: TEST_KEY }));
    for (const mode of [0o644, 0o640]) {
      chmodSync(file, mode);
      const r = await runCli(['agents', 'list', '-q'], { env: rest });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(AGENT);
      expect(r.stderr).toBe(`Warning: The config file ${file} holds your API key and others can read it (mode 0${mode.toString(8)}). Make it private with: chmod 600 ${file}\n`);
    }
    // config show, which names the key's file, says so too.
    expect((await runCli(['config', 'show'], { env: rest })).stderr).toContain(`Warning: The config file ${file} holds your API key and others can read it (mode 0640).`);
    chmodSync(file, 0o600);
    expect((await runCli(['agents', 'list', '-q'], { env: rest })).stderr).toBe('');
    expect((await runCli(['config', 'show'], { env: rest })).stderr).not.toContain('Warning');
    // A key from the environment is not the file's: no warning about the file.
    chmodSync(file, 0o644);
    expect((await runCli(['agents', 'list', '-q'], { env })).stderr).toBe('');
  });
});

describe('stdin that cannot be read', () => {
  it.each([
    [['parse', '-'], 'the phrases'],
    [['send', '--message', '-'], 'the message'],
    [['onetime', 'delete', '-'], 'the ids'],
  ])('%j: invalid UTF-8 is a usage error saying what was being read', async (args, what) => {
    const r = await runShell(`printf 'in \\377\\376 2 hours\\n' | letta-switchboard --now ${NOW} ${args.join(' ')}`, { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Error: The text on stdin (${what}) is not valid UTF-8\n`);
  });
});

describe('a --message whose bytes are not UTF-8', () => {
  it.each([
    ['send', '--message'],
    ['send', '--execute-at', "'in 2 hours'", '--message'],
    ['onetime', 'create', '--execute-at', "'in 2 hours'", '--message'],
    ['recurring', 'create', '--cron', "'every day at 9am'", '--message'],
  ])('%s %s ...: is refused as it is on stdin, nothing sent, instead of sent with U+FFFD in place of the bytes', async (...args) => {
    for (const bytes of ['caf\\351', '\\377\\376 report', 'ok \\342\\202 half']) {
      letta.received.length = 0;
      const r = await runShell(`letta-switchboard --now ${NOW} ${args.join(' ')} "$(printf '${bytes}')"`, { env });
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(/^Error: The message \(--message\) is not valid UTF-8/);
      expect(letta.received.filter((req) => req.method === 'POST')).toEqual([]);
    }
  });

  it('a U+FFFD typed as a character in valid UTF-8 is no different: refused, with how to send it', async () => {
    const r = await cli('send', '--message', 'shown as \uFFFD');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--message -');
  });
});

describe('config set-* while the environment names the same setting', () => {
  it('saves it and says the variable comes first; other settings and an unset variable draw no note', async () => {
    const withAgent = { ...env, LETTA_AGENT_ID: AGENT };
    const key = await runCli(['config', 'set-api-key', '-'], { env: withAgent, input: 'sk-let-saved-0123456789abcdef\n' });
    expect(key.code).toBe(0);
    expect(key.stderr).toContain('LETTA_API_KEY is set in this shell and comes before the config file: unset it to use the saved value.');
    const url = await runCli(['config', 'set-url', 'https://api.letta.com'], { env: withAgent });
    expect(url.stderr).toContain('LETTA_BASE_URL is set in this shell and comes before the config file');
    const agent = await runCli(['config', 'set-agent-id', 'support-bot'], { env: withAgent });
    expect(agent.stderr).toContain('LETTA_AGENT_ID is set in this shell and comes before the config file');
    // The config file now holds all three, and what commands use is still the environment's.
    const shown = JSON.parse((await runCli(['config', 'show', '--json'], { env: withAgent })).stdout) as Record<string, { source: string }>;
    expect([shown.api_key!.source, shown.base_url!.source, shown.agent_id!.source]).toEqual(['env', 'env', 'env']);

    const zone = await runCli(['config', 'set-timezone', 'Europe/London'], { env: withAgent });
    expect(zone.stderr).not.toContain('comes before');
    const { LETTA_BASE_URL: _url, ...noUrl } = env;
    expect((await runCli(['config', 'set-url', 'https://api.letta.com'], { env: noUrl })).stderr).not.toContain('comes before');
  });
});

describe('config set-* and unset with --json', () => {
  it('print one document: the setting as saved (the key masked), or null once removed', async () => {
    const saved = 'sk-let-saved-0123456789abcdef';
    const file = join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json');
    const key = await runCli(['config', 'set-api-key', '-', '--json'], { env, input: `${saved}\n` });
    expect(key.code).toBe(0);
    expect(JSON.parse(key.stdout)).toEqual({ name: 'api_key', value: 'sk-...cdef', config_file: file });
    expect(key.stdout + key.stderr).not.toContain(saved);
    const url = await runCli(['config', 'set-url', 'https://api.letta.com/', '--json'], { env });
    expect(JSON.parse(url.stdout)).toEqual({ name: 'base_url', value: 'https://api.letta.com', config_file: file });
    const zone = await runCli(['config', 'set-timezone', 'Europe/London', '--json'], { env });
    expect(JSON.parse(zone.stdout)).toEqual({ name: 'timezone', value: 'Europe/London', config_file: file });
    const unset = await runCli(['config', 'unset', 'timezone', '--json'], { env });
    expect(JSON.parse(unset.stdout)).toEqual({ name: 'timezone', value: null, config_file: file });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ api_key: saved, base_url: 'https://api.letta.com' });
  });
});

describe('export of schedules whose time cannot be read', () => {
  it('names them as not exported, rather than writing a file for 1970 or an empty cron, and plan has nothing to change', async () => {
    const dir = schedulesFolder();
    // A newer server's kind of schedule, and a recurring one whose cron is missing.
    letta.addSchedule(AGENT, { type: 'interval', every_seconds: 300 } as never, 'Interval');
    letta.addSchedule(AGENT, { type: 'recurring' }, 'No cron');
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Daily');
    const r = await cli('export', '--agent-id', AGENT, '-f', dir);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([join(dir, 'daily.md')]);
    expect(r.stderr).toContain(`Not exported: sm-000001 (agent ${AGENT}): its schedule has no instant or cron this tool can read.`);
    expect(r.stderr).toContain(`Not exported: sm-000002 (agent ${AGENT}): its schedule has no instant or cron this tool can read.`);
    const plan = await cli('plan', '-f', dir);
    expect(plan.code).toBe(0);
    expect(plan.stderr).toContain('0 to create, 0 to replace, 0 to delete, 1 unchanged');
  });
});

describe("an agent's run that stops on a failure", () => {
  const answer = (stopReason: string, messages: unknown[]) => ({
    status: 200,
    body: JSON.stringify({ messages, stop_reason: { message_type: 'stop_reason', stop_reason: stopReason }, usage: { message_type: 'usage_statistics' } }),
  });

  it.each(['error', 'llm_api_error', 'insufficient_credits', 'no_tool_call'])("'%s': send and run exit 1 with the reason, the server's words and the run; nothing on stdout", async (reason) => {
    const errorItem = { id: 'message-1', message_type: 'error_message', run_id: 'run-failed-1', error_type: 'internal_error', message: 'The model provider failed' };
    for (const mode of [[], ['--json'], ['-q']]) {
      letta.inject(SEND, answer(reason, [errorItem]));
      const r = await cli('send', '--message', 'hello', ...mode);
      expect(r.code, mode.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`Error: The agent's run run-failed-1 stopped with '${reason}': The model provider failed\nSee the run: letta-switchboard results get run-failed-1\n`);
    }
    const schedule = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    letta.inject(SEND, answer(reason, []));
    const run = await cli('run', schedule.id);
    expect(run.code).toBe(1);
    const meaning: Record<string, string> = {
      error: '',
      llm_api_error: ": the model provider's API failed",
      insufficient_credits: ': the account has no credits left',
      no_tool_call: ': the agent answered without calling the tool it had to call',
    };
    expect(run.stderr).toBe(`Error: The agent's run stopped with '${reason}'${meaning[reason]}\n`);
  });

  it("'no_tool_call' with no error message says what it means", async () => {
    letta.inject(SEND, answer('no_tool_call', [{ id: 'message-1', message_type: 'reasoning_message', reasoning: 'hm', run_id: 'run-3' }]));
    const r = await cli('send', '--message', 'hello');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("Error: The agent's run run-3 stopped with 'no_tool_call': the agent answered without calling the tool it had to call\nSee the run: letta-switchboard results get run-3\n");
  });

  it('a reply cut short by the step limit is printed, then exit 1 saying why (status counts it as failed too)', async () => {
    letta.inject(SEND, answer('max_steps', [{ id: 'message-1', message_type: 'assistant_message', content: 'Partial answer', run_id: 'run-2' }]));
    const r = await cli('send', '--message', 'hello');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('Partial answer\n');
    expect(r.stderr).toBe("Error: The agent's run run-2 stopped with 'max_steps': the agent reached its step limit; the reply may be incomplete\nSee the run: letta-switchboard results get run-2\n");
  });

  it('a run waiting for approval is printed with a note, exit 0', async () => {
    letta.inject(SEND, answer('requires_approval', [{ id: 'message-1', message_type: 'assistant_message', content: 'May I?', run_id: 'run-4' }]));
    const r = await cli('send', '--message', 'hello');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('May I?\n');
    expect(r.stderr).toBe('Warning: the agent is waiting for a tool call to be approved (stop reason: requires_approval).\n');
  });
});

describe('a 429 whose Retry-After is longer than a command waits', () => {
  it.each([
    ['seconds', { 'retry-after': '3600' }, '60 min'],
    ['an HTTP date', { 'retry-after': new Date(Date.now() + 3 * 3_600_000).toUTCString() }, '3 h'],
    ['retry-after-ms', { 'retry-after-ms': '90000' }, '90 s'],
  ])('(%s) fails at once, exit 1, saying how long Letta asked to wait', async (_name, headers, wait) => {
    letta.inject(/^GET \/v1\/agents\/$/, { status: 429, headers: { 'content-type': 'application/json', ...headers }, body: '{"detail":"Rate limit exceeded"}' });
    const r = await cli('agents', 'list');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Error: Letta answered 429 Too Many Requests: Rate limit exceeded\nLetta asked to wait ${wait} before trying again.\n`);
    expect(letta.requests('GET')).toHaveLength(1);
  });
});

describe('several ids stopped by a refused key or an unreachable server', () => {
  it('end with the one hint that says where the key came from, or what to check', async () => {
    const wrongKey = { ...env, LETTA_API_KEY: 'sk-let-wrong-0123456789abcdef' };
    for (const args of [
      ['onetime', 'delete', 'sm-000001', 'sm-000002'],
      ['recurring', 'pause', 'sm-000001', '--json'],
    ]) {
      const r = await runCli(args, { env: wrongKey });
      expect(r.code, args.join(' ')).toBe(4);
      expect(r.stderr).toMatch(/^Error: Letta answered 401 Unauthorized: Invalid API key\n/);
      expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('The key came from LETTA_API_KEY: set it to a valid key, or unset it to use the config file (letta-switchboard config set-api-key -).');
    }
    const down = await runCli(['onetime', 'delete', 'sm-000001', 'sm-000002'], { env: { ...env, LETTA_BASE_URL: 'http://127.0.0.1:1' } });
    expect(down.code).toBe(5);
    expect(down.stderr.trimEnd().split('\n').at(-1)).toBe('Check the base URL (letta-switchboard config show) and your network.');
    // Ids that are simply not there need no such hint: each is said.
    const missing = await cli('onetime', 'delete', 'sm-404', 'sm-405');
    expect(missing.code).toBe(3);
    expect(missing.stderr.trimEnd().split('\n').at(-1)).toBe('Not deleted: sm-404, sm-405.');
  });
});

describe('export → plan, for messages with white space at their ends', () => {
  it('has nothing to change: a file cannot hold that white space, so it is no difference', async () => {
    const dir = schedulesFolder();
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Hello\n\n');
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 10 * * *' }, '  indented\n  code block');
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 11 * * *' }, 'Top\n---\nagent: someone-else\n---\nbottom');
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 12 * * *' }, 'Windows\r\nline ends');
    // A max_steps no file can hold is named and left out, not written into a file that plan then refuses.
    Object.assign(letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 13 * * *' }, 'No steps').message, { max_steps: 0 });
    const exported = await cli('export', '--agent-id', AGENT, '-f', dir);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain(`Not exported: sm-000005 (agent ${AGENT}): its max_steps 0 is not one a file can say (1 to 10000).`);
    const plan = await cli('plan', '-f', dir);
    expect(plan.code).toBe(0);
    expect(plan.stderr).toContain('0 to create, 0 to replace, 0 to delete, 4 unchanged');
    // A change inside the text still is one.
    const file = join(dir, 'hello.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Hello\n', 'Hello there\n'));
    const changed = await cli('plan', '-f', dir);
    expect(changed.code).toBe(6);
    expect(changed.stdout).toContain('message: "Hello" → "Hello there"');
  });
});

describe('export of phrases a file would read as one instant', () => {
  it('writes them so they read back as made ("every" before them), and plan has nothing to change', async () => {
    const dir = schedulesFolder();
    const make = (message: string, phrase: string) => cli('recurring', 'create', '--agent-id', AGENT, '--message', message, '--cron', phrase, '--tz', 'Europe/London', '-q');
    for (const [message, phrase] of [
      ['Weekly', 'monday at 9am'],
      ['Noon', 'at noon'],
      ['First monday', 'first monday of the month at 9am'],
      ['Month start', 'on the 1st at 9am'],
    ] as const) {
      expect((await make(message, phrase)).code).toBe(0);
    }
    const before = letta.schedules.size;
    expect((await cli('export', '--agent-id', AGENT, '-f', dir)).code).toBe(0);
    const when = (name: string) => /^when: (.*)$/m.exec(readFileSync(join(dir, name), 'utf8'))![1];
    expect([when('weekly.md'), when('noon.md'), when('first-monday.md'), when('month-start.md')]).toEqual([
      'every monday at 9am',
      'every day at noon',
      'every first monday of the month at 9am',
      'every month on the 1st at 9am',
    ]);
    const plan = await cli('plan', '-f', dir);
    expect(plan.code).toBe(0);
    expect(plan.stderr).toContain('0 to create, 0 to replace, 0 to delete, 4 unchanged');
    expect(letta.schedules.size).toBe(before);
  });
});

describe('agenda --ics to a path that cannot be written', () => {
  it.each([
    ['a folder that does not exist', (folder: string) => join(folder, 'missing', 'agenda.ics'), 'ENOENT'],
    ['a file taken as a folder', (folder: string) => join(folder, 'plain-file', 'agenda.ics'), 'ENOTDIR'],
  ])('%s is bad input: exit 2 naming the path, as a device or folder given to --ics is', async (_name, pathIn, code) => {
    const folder = schedulesFolder();
    mkdirSync(folder);
    writeFileSync(join(folder, 'plain-file'), '');
    const path = pathIn(folder);
    const r = await cli('agenda', '--ics', path);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`Error: Cannot write the calendar file ${path} (${code})`);
  });
});

describe('agenda --ics FILE --dry-run', () => {
  it('writes no file, and says what it would write', async () => {
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Standup');
    const folder = schedulesFolder();
    mkdirSync(folder);
    const path = join(folder, 'agenda.ics');
    writeFileSync(path, 'kept\n');
    const r = await cli('agenda', '--ics', path, '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`Dry run: would write \\d+ events to ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; nothing written\\.`));
    expect(readFileSync(path, 'utf8')).toBe('kept\n');
    const fresh = join(folder, 'new.ics');
    expect((await cli('agenda', '--ics', fresh, '--dry-run')).code).toBe(0);
    expect(existsSync(fresh)).toBe(false);
  });
});

describe('parse - with notes in the list', () => {
  it('skips blank lines and # comments, and reads the rest one JSON object a line', async () => {
    const r = await runCli(['parse', '-', '--now', NOW, '--tz', 'America/New_York'], { env, input: '# morning\ntomorrow at 9am\n\n  # weekly, indented\nevery monday at 10am\r\n' });
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { input: string; type: string });
    expect(lines.map((l) => [l.input, l.type])).toEqual([
      ['tomorrow at 9am', 'one-time'],
      ['every monday at 10am', 'recurring'],
    ]);
  });

  it("a phrase it cannot read keeps its error's hint beside it, as a single phrase prints it", async () => {
    const one = await runCli(['parse', 'tomorow at 9am', '--now', NOW], { env });
    const [, hint] = one.stderr.trim().split('\n');
    const r = await runCli(['parse', '-', '--now', NOW], { env, input: 'tomorow at 9am\n' });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ input: 'tomorow at 9am', error: expect.stringContaining("did not understand 'tomorow'"), hint });
    expect(hint).toContain("Did you mean 'tomorrow'");
  });
});

describe('a delete Letta answers with "success": false, or fails', () => {
  it('is not said as deleted: exit 1, the schedule still listed, and no talk of an interruption', async () => {
    const schedule = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse(NOW) + 86_400_000 });
    letta.inject(/^DELETE /, { status: 200, body: '{"success":false}' });
    const r = await cli('onetime', 'delete', schedule.id);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Error: Letta did not delete ${schedule.id}: it answered "success": false\n`);
    const json = await (letta.inject(/^DELETE /, { status: 200, body: '{"success":false}' }), cli('onetime', 'delete', schedule.id, '--json'));
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([{ id: schedule.id, deleted: false, error: `Letta did not delete ${schedule.id}: it answered "success": false` }]);
    letta.inject(/^DELETE /, ...Array.from({ length: 3 }, () => ({ status: 500, headers: { 'content-type': 'application/json', 'retry-after-ms': '5' }, body: '{"detail":"boom"}' })));
    const failed = await cli('onetime', 'delete', schedule.id);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe('Error: Letta answered 500 Internal Server Error: boom (tried 3 times)\nLetta is failing this request; try again in a few minutes.\n');
    expect(letta.schedules.has(schedule.id)).toBe(true);
  });
});

describe('onetime edit of one schedule of a series', () => {
  it('is refused (exit 2, naming the series and what to do), and nothing is sent', async () => {
    const made = await cli('recurring', 'create', '--message', 'Stand up', '--cron', 'every day at 9am', '--count', '3', '-q');
    const series = made.stdout.trim();
    const members = (await cli('onetime', 'list', '--id', series, '-q')).stdout.trim().split('\n');
    expect(members).toHaveLength(3);
    letta.received.length = 0;
    const r = await cli('onetime', 'edit', members[1]!, '--message', 'Only this one');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`Error: ${members[1]} is one of the schedules of series ${series}; an edit would take it out of the series`);
    expect(letta.requests('POST')).toHaveLength(0);
    expect(letta.requests('DELETE')).toHaveLength(0);
    expect((await cli('onetime', 'list', '--id', series, '-q')).stdout.trim().split('\n')).toEqual(members);
    // A one-time schedule of its own is edited as before.
    const own = (await cli('onetime', 'create', '--message', 'Mine', '--execute-at', 'in 5 hours', '-q')).stdout.trim();
    expect((await cli('onetime', 'edit', own, '--message', 'Mine, edited')).code).toBe(0);
  });
});

describe('a schedule a folder owns, paused with recurring pause', () => {
  it('is not made again by apply while paused, plan says so, and after resume the folder owns the resumed one', async () => {
    const dir = schedulesFolder();
    expect((await cli('recurring', 'create', '--message', 'Standup', '--cron', 'every weekday at 9am', '--tz', 'America/New_York')).code).toBe(0);
    expect((await cli('export', '--agent-id', AGENT, '-f', dir)).code).toBe(0);
    const [id] = [...letta.schedules.keys()];
    expect((await cli('recurring', 'pause', id!)).code).toBe(0);

    const plan = await cli('plan', '-f', dir);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toBe(`= paused    standup.md  (${id} paused on this machine: left as it is until 'letta-switchboard recurring resume ${id}')\n`);
    expect(JSON.parse((await cli('plan', '-f', dir, '--json')).stdout).paused).toEqual([{ file: 'standup.md', ids: [id] }]);
    letta.received.length = 0;
    expect((await cli('apply', '--yes', '-f', dir)).code).toBe(0);
    expect(letta.requests('POST')).toHaveLength(0);
    expect(letta.schedules.size).toBe(0);

    expect((await cli('recurring', 'resume', id!)).code).toBe(0);
    expect(letta.schedules.size).toBe(1);
    const after = await cli('plan', '-f', dir);
    expect(after.code).toBe(0);
    expect(after.stderr).toContain('0 to create, 0 to replace, 0 to delete, 1 unchanged');
  });

  it('a paused series is left as it is too, and the plan names the series id that resumes it', async () => {
    const dir = schedulesFolder();
    const series = (await cli('recurring', 'create', '--message', 'Series', '--cron', 'every day at 9am', '--count', '3', '-q')).stdout.trim();
    expect((await cli('export', '--agent-id', AGENT, '-f', dir)).code).toBe(0);
    expect((await cli('recurring', 'pause', series)).code).toBe(0);
    const plan = await cli('plan', '-f', dir);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toBe(`= paused    series.md  (${series} paused on this machine: left as it is until 'letta-switchboard recurring resume ${series}')\n`);
    letta.received.length = 0;
    expect((await cli('apply', '--yes', '-f', dir)).code).toBe(0);
    expect(letta.requests('POST')).toHaveLength(0);
  });
});
