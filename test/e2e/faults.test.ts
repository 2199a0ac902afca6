import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeLetta, TEST_KEY } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { BIN, runCli, runShell } from '../helpers/run-cli';

const LIST = new RegExp(`^GET /v1/agents/${AGENT}/schedule$`);
const CREATE = new RegExp(`^POST /v1/agents/${AGENT}/schedule$`);
const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env });
const createOnce = () => cli('onetime', 'create', '--message', 'hi', '--execute-at', 'in 1 hour');

describe('retries', () => {
  it('503 twice, then success', async () => {
    letta.inject(LIST, { status: 503, body: '' }, { status: 503, headers: { 'retry-after-ms': '50' }, body: '' });
    const r = await cli('recurring', 'list', '-q');
    expect(r.code).toBe(0);
    expect(letta.requests('GET', /schedule$/)).toHaveLength(3);
  });

  it('gives up after 3 attempts, reporting HTML from a proxy briefly', async () => {
    const html = '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>upstream went away</p></body></html>';
    letta.inject(LIST, ...Array.from({ length: 3 }, () => ({ status: 502, headers: { 'content-type': 'text/html', 'retry-after-ms': '10' }, body: html })));
    const r = await cli('recurring', 'list');
    expect(r.code).toBe(1);
    expect(letta.requests('GET', /schedule$/)).toHaveLength(3);
    expect(r.stderr).toMatch(
      /^Error: Letta answered 502 Bad Gateway: 502 Bad Gateway Bad Gateway upstream went away \(tried 3 times\)\nLetta is failing this request; try again in a few minutes\.\n$/,
    );
  });

  it('a list whose later page fails prints nothing on stdout', async () => {
    for (let i = 0; i < 120; i++) letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    const firstPage = JSON.stringify({ has_next_page: true, scheduled_messages: [...letta.schedules.values()].slice(0, 50) });
    for (const mode of ['--json', '-q', '--no-color']) {
      letta.inject(LIST, { status: 200, body: firstPage }, ...Array.from({ length: 3 }, () => ({ status: 500, headers: { 'retry-after-ms': '10' }, body: '{"detail":"boom"}' })));
      const r = await cli('recurring', 'list', mode);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('boom');
    }
  });

  it('a connection reset on a read is retried', async () => {
    letta.inject(LIST, { reset: true });
    const r = await cli('recurring', 'list', '-q');
    expect(r.code).toBe(0);
    expect(letta.requests('GET', /schedule$/)).toHaveLength(2);
  });
});

describe('creates are never duplicated', () => {
  it('a POST answered 500 is sent exactly once; the error says it may exist and how to check', async () => {
    letta.inject(CREATE, { status: 500, body: '{"detail":"Internal error"}' });
    const r = await createOnce();
    expect(r.code).toBe(1);
    expect(letta.requests('POST')).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Letta answered 500 Internal Server Error: Internal error');
    expect(r.stderr).toContain(`may have been created. Check with 'letta-switchboard onetime list --agent-id ${AGENT}'`);
  });

  it('a reset after sending is not retried (exit 5)', async () => {
    letta.inject(CREATE, { reset: true });
    const r = await createOnce();
    expect(r.code).toBe(5);
    expect(letta.requests('POST')).toHaveLength(1);
    expect(r.stderr).toContain('may have been created');
  });

  it('a delete whose answers were all lost says it may have been done, and running it again finishes it', async () => {
    const made = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    letta.inject(/^DELETE /, { reset: true, land: true }, { reset: true }, { reset: true });
    const r = await cli('recurring', 'delete', made.id, '--agent-id', AGENT);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('The delete may have been done (its answer was lost): run the command again to finish it, or list the schedules to see.');
    expect(letta.schedules.has(made.id)).toBe(false);
  });

  it('a recorded schedule whose delete lost its answer is, to a later sync, deleted with this tool, not outside it', async () => {
    const made = await cli('recurring', 'create', '--message', 'hi', '--cron', 'every day at 9am', '-q');
    const id = made.stdout.trim();
    letta.inject(/^DELETE /, { reset: true, land: true }, { reset: true }, { reset: true });
    expect((await cli('recurring', 'delete', id)).code).toBe(5);
    const sync = await cli('sync');
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).toMatch(
      new RegExp(
        `^${id} is no longer on Letta: a delete of it by letta-switchboard \\(${NOW.slice(0, 16)}[^)]*\\) was cut short \\(its answer lost, or the command stopped\\) and was done; recorded as deleted`,
        'm',
      ),
    );
    expect(sync.stdout).not.toContain('deleted outside');
    const state = JSON.parse(readFileSync(join(env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json'), 'utf8')) as { intents: Array<{ schedule_id: string; status: string }> };
    expect(state.intents.find((intent) => intent.schedule_id === id)?.status).toBe('deleted');
  });

  it('a delete whose answer was lost and that was not done is said by the next sync, and forgotten: a later delete outside is said as such', async () => {
    const made = await cli('recurring', 'create', '--message', 'hi', '--cron', 'every day at 9am', '-q');
    const id = made.stdout.trim();
    letta.inject(/^DELETE /, { reset: true }, { reset: true }, { reset: true });
    expect((await cli('recurring', 'delete', id)).code).toBe(5);
    expect(letta.schedules.has(id)).toBe(true);
    const sync = await cli('sync');
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).toContain(`${id} is still on Letta: a delete of it by letta-switchboard (`);
    expect(sync.stdout).toContain('(its answer lost, or the command stopped) and was not done; it keeps firing');
    letta.schedules.delete(id);
    const later = await cli('sync');
    expect(later.stdout).toContain(`${id} was deleted outside letta-switchboard`);
  });

  it('a request answered 429 every time says Letta is limiting requests', async () => {
    letta.inject(/^GET \/v1\/agents\/[^/]+\/schedule$/, ...Array.from({ length: 3 }, () => ({ status: 429, headers: { 'retry-after': '0' }, body: '' })));
    const r = await cli('recurring', 'list', '--agent-id', AGENT);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error: Letta answered 429 Too Many Requests (tried 3 times)\nLetta is limiting requests; try again in a few minutes.\n');
  });

  it('a POST answered 429 was not processed, so it is retried', async () => {
    letta.inject(CREATE, { status: 429, headers: { 'retry-after': '0' }, body: '' });
    const r = await createOnce();
    expect(r.code).toBe(0);
    expect(letta.requests('POST')).toHaveLength(2);
    expect(letta.schedules.size).toBe(1);
  });

  it('a hang longer than --timeout fails fast with exit 5, once', async () => {
    letta.inject(CREATE, { hang: true });
    const r = await cli('--timeout', '400', 'onetime', 'create', '--message', 'hi', '--execute-at', 'in 1 hour');
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('No answer from');
    expect(r.stderr).toContain('within 400 ms');
    expect(letta.requests('POST')).toHaveLength(1);
    expect(r.ms).toBeLessThan(10_000); // a sanity bound, not a benchmark
  });
});

describe('every kind of server answer', () => {
  it.each([
    [
      '422 with a list',
      { status: 422, body: JSON.stringify({ detail: [{ loc: ['body', 'schedule', 'cron_expression'], msg: 'invalid cron', type: 'value_error' }] }) },
      1,
      'schedule.cron_expression: invalid cron',
    ],
    ['422 with a string', { status: 422, body: '{"detail":"bad schedule"}' }, 1, 'bad schedule'],
    ['402 error object', { status: 402, body: '{"error":{"type":"payment_required","message":"Out of credits"}}' }, 1, 'Out of credits'],
    // The time is ahead of --now but behind the real clock (--now is in the past here): bad input, exit 2, with Letta's words.
    ['400 past time', { status: 400, body: '{"detail":"scheduled_at must be in the future"}' }, 2, 'must be in the future'],
    ['403', { status: 403, body: '{"detail":"Forbidden"}' }, 4, 'Forbidden'],
    ['empty 404', { status: 404, body: '' }, 3, '404 Not Found'],
  ])('%s', async (_name, fault, code, text) => {
    letta.inject(CREATE, fault);
    const r = await createOnce();
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(text);
    expect(r.stdout).toBe('');
  });

  it('a server without schedule routes (self-hosted) gets a hint', async () => {
    letta.inject(CREATE, { status: 405, body: '{"detail":"Method Not Allowed"}' });
    const r = await createOnce();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Schedules are a Letta Cloud feature');
    letta.inject(/^GET .*\/schedule\/sm-1$/, { status: 404, body: '{"detail":"Not Found"}' });
    const get = await cli('onetime', 'get', 'sm-1');
    expect(get.code).toBe(3);
    expect(get.stderr).toContain('Schedules are a Letta Cloud feature');
  });

  it('malformed JSON on a 200 is a clear error', async () => {
    letta.inject(LIST, { status: 200, body: '{"scheduled_messages": [' });
    const r = await cli('recurring', 'list');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: Letta answered 200 .* not JSON/);
  });

  it('a 200 of the wrong shape names the field', async () => {
    letta.inject(LIST, { status: 200, body: '{"has_next_page": false, "items": []}' });
    const r = await cli('recurring', 'list');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("the field 'scheduled_messages' is missing");
  });

  it('unknown extra fields are accepted silently', async () => {
    const item = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    Object.assign(item, { name: 'new', description: 'newer servers add fields', created_by: { id: 'x' } });
    const r = await cli('recurring', 'list', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].description).toBe('newer servers add fields');
    expect(r.stderr).toBe('');
  });

  it('a redirect to another host is not followed, so the key stays home', async () => {
    const other = await new FakeLetta().start();
    try {
      letta.inject(LIST, { redirect: `${other.url}/v1/agents/${AGENT}/schedule`, status: 307 });
      const r = await cli('recurring', 'list');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('not following it');
      expect(other.received).toHaveLength(0);
    } finally {
      await other.stop();
    }
  });

  it('a same-host redirect is followed', async () => {
    letta.inject(LIST, { redirect: `/v1/agents/${AGENT}/schedule?limit=100`, status: 307 });
    const r = await cli('recurring', 'list', '--json');
    expect(r.code).toBe(0);
  });
});

describe('interrupts', () => {
  it('Ctrl-C during a request exits 130 with nothing on stdout', async () => {
    letta.inject(LIST, { hang: true });
    const child = spawn(process.execPath, [BIN, 'recurring', 'list'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    while (letta.requests('GET', /schedule$/).length === 0) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stdout).toBe('');
    expect(stderr).toBe('Error: Interrupted\n');
  });
});

describe('hostile input', () => {
  it('ids with / ? # .. stay inside their route', async () => {
    const r = await cli('onetime', 'get', '../../../v1/runs/x?a=b#c');
    expect(r.code).toBe(3);
    const [get] = letta.requests('GET');
    expect(get!.path).toBe(`/v1/agents/${AGENT}/schedule/..%2F..%2F..%2Fv1%2Fruns%2Fx%3Fa%3Db%23c`);
    expect((await cli('onetime', 'get', '..')).code).toBe(2);
    const sneaky = await cli('onetime', 'list', '--agent-id', 'x/../../runs');
    expect(sneaky.code).toBe(3);
    expect(letta.requests('GET').at(-1)).toMatchObject({ path: '/v1/agents/', query: { name: 'x/../../runs' } });
  });

  it('an empty, NUL-bearing, enormous or invalid UTF-8 message is refused before sending', async () => {
    expect((await cli('send', '--message', '   ')).code).toBe(2);
    expect((await runShell(`printf 'a\\0b' | letta-switchboard send --message -`, { env })).code).toBe(2);
    const big = await runShell(`head -c 200001 /dev/zero | tr '\\0' 'a' | letta-switchboard send --message -`, { env });
    expect(big.code).toBe(2);
    expect(big.stderr).toContain('the limit is 100,000');
    const bad = await runShell(`printf 'caf\\xe9' | letta-switchboard send --message -`, { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not valid UTF-8');
    expect(letta.requests('POST')).toHaveLength(0);
  });

  it('control characters in a message are shown, never obeyed, in a table', async () => {
    letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse(NOW) + 60_000 }, 'evil\u001b[2Jclear');
    const r = await cli('onetime', 'list');
    expect(r.stdout).toContain('evil\\x1b[2Jclear');
    expect(r.stdout).not.toContain('\u001b');
  });
});

describe('config robustness', () => {
  const file = () => join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json');

  it('concurrent writers never leave a torn file', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => runCli(['config', 'set-agent-id', `agent-${i}`], { env })));
    const data = JSON.parse(readFileSync(file(), 'utf8'));
    expect(data.agent_id).toMatch(/^agent-\d+$/);
  });

  // A folder the user made is theirs: only the file's own mode is tightened.
  it('a looser config file is tightened on the next write; a folder the user made is left as it is', async () => {
    mkdirSync(env.LETTA_SWITCHBOARD_CONFIG_DIR!, { recursive: true, mode: 0o755 });
    chmodSync(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 0o755);
    writeFileSync(file(), '{"timezone": "UTC"}', { mode: 0o644 });
    const r = await runCli(['config', 'set-api-key', TEST_KEY], { env });
    expect(r.code).toBe(0);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(statSync(env.LETTA_SWITCHBOARD_CONFIG_DIR!).mode & 0o777).toBe(0o755);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ timezone: 'UTC', api_key: TEST_KEY });
  });

  it('wrong types are an error naming the file and the field; the file is left alone', async () => {
    mkdirSync(env.LETTA_SWITCHBOARD_CONFIG_DIR!, { recursive: true });
    writeFileSync(file(), '{"api_key": 42}');
    const r = await runCli(['config', 'show'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file());
    expect(r.stderr).toContain("'api_key'");
    expect(readFileSync(file(), 'utf8')).toBe('{"api_key": 42}');
  });

  it('an unwritable config folder is a clear error', async () => {
    for (const dir of ['/proc/letta-switchboard-cannot-exist', '/etc/hostname/letta-switchboard']) {
      env.LETTA_SWITCHBOARD_CONFIG_DIR = dir;
      const r = await runCli(['config', 'set-agent-id', 'agent-1'], { env });
      expect(r.code).toBe(2);
      // Names the part of the path that is in the way (the folder, or a file where a folder should be).
      expect(r.stderr).toMatch(/^Error: Cannot write the /);
      expect(r.stderr).toContain(dir.split('/').slice(0, 3).join('/'));
    }
  });

  it('a plain-http remote base URL gets a warning', async () => {
    const r = await runCli(['config', 'set-url', 'http://letta.example.com'], { env });
    expect(r.stderr).toContain('plain http');
    const local = await runCli(['config', 'set-url', 'http://localhost:8283'], { env });
    expect(local.stderr).not.toContain('plain http');
  });
});

describe('the key never shows', () => {
  it('even when the server echoes a key that came from the config file', async () => {
    delete env.LETTA_API_KEY;
    expect((await runCli(['config', 'set-api-key', '-'], { env, input: TEST_KEY })).code).toBe(0);
    letta.inject(LIST, { status: 401, body: JSON.stringify({ detail: `Invalid API key ${TEST_KEY}` }) });
    const r = await cli('recurring', 'list', '--verbose');
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('Invalid API key sk-...CRET');
    expect(r.stdout + r.stderr).not.toContain(TEST_KEY);
  });

  it('in any command, in any mode', async () => {
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    letta.runs = [{ id: 'run-1', status: 'completed', agent_id: AGENT }];
    const commands = [
      ['send', '--message', 'hi'],
      ['send', '--message', 'hi', '--async'],
      ['send', '--message', 'hi', '--execute-at', 'in 2 hours'],
      ['recurring', 'create', '--message', 'hi', '--cron', 'daily'],
      ['recurring', 'list'],
      ['onetime', 'list', '--all-agents'],
      ['recurring', 'get', 'sm-missing'],
      ['results', 'list'],
      ['results', 'get', 'run-1'],
      ['agents', 'list'],
      ['config', 'show'],
      ['parse', 'tomorrow'],
      ['onetime', 'delete', 'sm-x'],
    ];
    for (const command of commands) {
      for (const mode of [[], ['--json'], ['-q'], ['--verbose'], ['--dry-run'], ['--api-key', TEST_KEY, '--verbose']]) {
        const r = await cli(...command, ...mode);
        expect(r.stdout + r.stderr, `${command.join(' ')} ${mode.join(' ')}`).not.toContain(TEST_KEY);
        expect(r.stdout + r.stderr).not.toContain(TEST_KEY.slice(4, 20));
      }
    }
  }, 120_000);
});
