import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { TEST_KEY } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { BIN, cliEnv, runCli, runShell } from '../helpers/run-cli';

/**
 * The reproductions of the defects report, each run as a user would against the
 * built CLI, asserting what they would notice. Items already covered end to end
 * elsewhere are not repeated here.
 */

const suite = useFakeLetta({ defaultAgent: false });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const offline = (...args: string[]) => runCli(args);
const cli = (...args: string[]) => runCli(args, { env });

/** A throwaway server answering every request with `answer`. */
async function withServer(answer: (url: URL, res: import('node:http').ServerResponse) => void, run: (url: string) => Promise<void>) {
  const server: Server = createServer((req, res) => answer(new URL(req.url ?? '/', 'http://local'), res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function noCrash(r: { stderr: string; stdout: string }) {
  expect(r.stderr + r.stdout).not.toMatch(/Invalid time value|This is a bug|NaN|RangeError|    at /);
}

describe('1. instants outside the dates JavaScript can hold', () => {
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
    const lines = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.error).toEqual(expect.any(String));
    expect(lines[1]!.scheduled_at_iso).toBe('2026-11-23T09:00:00.000Z');
    noCrash(r);
  });
});

describe('2. phrases that used to backtrack', () => {
  it('a long run of "9 and" ends in a clear error', async () => {
    const r = await offline('parse', `every ${'9 and '.repeat(24)}x`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: /);
    const long = await offline('parse', `every ${'9 and '.repeat(2000)}x`);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/too long/);
  });
});

describe('3. long inputs never overflow the stack', () => {
  it('125,000 ids on stdin to onetime delete - --dry-run', async () => {
    const ids = Array.from({ length: 125_000 }, (_, i) => String(i + 1)).join('\n');
    const r = await runCli(['onetime', 'delete', '-', '--dry-run', '--agent-id', AGENT], { env, input: ids, timeoutMs: 60_000 });
    expect(r.code).not.toBeNull();
    expect([1, 2, 3]).toContain(r.code);
    expect(r.stderr).toMatch(/^Error: /m);
    expect(r.stderr).not.toMatch(/Maximum call stack|This is a bug|    at /);
    expect(letta.requests('DELETE')).toHaveLength(0);
  }, 70_000);
});

describe('4. answers too large to hold', () => {
  it('an endless chunked body stops at the cap with exit 1', async () => {
    await withServer(
      (_url, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1 << 20, 32);
        const write = () => {
          while (!res.destroyed && res.write(chunk));
        };
        res.on('drain', write);
        res.on('error', () => undefined);
        write();
      },
      async (url) => {
        const r = await runCli(['recurring', 'list', '--agent-id', AGENT], { env: cliEnv({ LETTA_BASE_URL: url, LETTA_API_KEY: TEST_KEY }), timeoutMs: 60_000 });
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/^Error: .*larger than 64 MiB/);
        expect(r.stderr).not.toMatch(/ERR_STRING_TOO_LONG|    at /);
      },
    );
  }, 70_000);
});

describe('6. pages that never end', () => {
  it('a page that brings nothing new under a new cursor ends the list', async () => {
    const item = { id: 'sm-1', agent_id: AGENT, message: { messages: [{ role: 'user', content: 'x' }] }, schedule: { type: 'recurring', cron_expression: '0 9 * * *' }, next_scheduled_time: null };
    let requests = 0;
    await withServer(
      (_url, res) => {
        requests++;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ has_next_page: true, scheduled_messages: [item] }));
      },
      async (url) => {
        const r = await runCli(['recurring', 'list', '--agent-id', AGENT], { env: cliEnv({ LETTA_BASE_URL: url, LETTA_API_KEY: TEST_KEY }) });
        expect(r.code).toBe(0);
        expect(r.stdout.trim().split('\n')).toHaveLength(1);
        expect(requests).toBeLessThan(5);
      },
    );
  });
});

describe('7. a server that ignores `after` on the agents list', () => {
  const agents = Array.from({ length: 4 }, (_, i) => ({ id: `agent-6f1c000${i}-1111-4111-8111-111111111111`, name: i === 0 ? 'support-bot' : `agent ${i}` }));
  const answer = (url: URL, res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    if (url.pathname === '/v1/agents/') {
      const name = url.searchParams.get('name');
      const limit = Number(url.searchParams.get('limit') ?? 50);
      // Every page is the first page again, and as full as asked, so a client that trusts `after` never stops.
      const matching = agents.filter((a) => !name || a.name === name);
      return res.end(JSON.stringify(Array.from({ length: limit }, (_, i) => matching[i % matching.length])));
    }
    const agentId = url.pathname.split('/')[3]!;
    if (url.pathname.endsWith('/schedule')) {
      return res.end(JSON.stringify({ has_next_page: false, scheduled_messages: [{ id: `sm-${agentId}`, agent_id: agentId, message: { messages: [{ role: 'user', content: 'x' }] }, schedule: { type: 'recurring', cron_expression: '0 9 * * *' }, next_scheduled_time: null }] }));
    }
    res.end(JSON.stringify({ id: agentId, name: 'x' }));
  };

  it('names resolve to one agent, lists show each agent and schedule once', async () => {
    await withServer(answer, async (url) => {
      const e = cliEnv({ LETTA_BASE_URL: url, LETTA_API_KEY: TEST_KEY });
      const send = await runCli(['send', '--agent-id', 'support-bot', '--message', 'hi', '--dry-run'], { env: e });
      expect(send.code).toBe(0);
      expect(send.stdout).toContain(`/v1/agents/${agents[0]!.id}/messages`);
      const all = await runCli(['recurring', 'list', '--all-agents'], { env: e });
      expect(all.code).toBe(0);
      expect(all.stdout.trim().split('\n').sort()).toEqual(agents.map((a) => expect.stringMatching(new RegExp(`^sm-${a.id}\t`))));
      const list = await runCli(['agents', 'list'], { env: e });
      expect(list.stdout.trim().split('\n')).toHaveLength(4);
    });
  });
});

describe('8. zone names in any case are the database zone', () => {
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

describe('9. zones written in the phrase', () => {
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

describe('10. dates and offsets that do not exist are input errors', () => {
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

describe('11. past phrases', () => {
  it.each(['last friday', 'last monday', 'monday last week', 'past monday'])('%s is in the past', async (phrase) => {
    const r = await offline('parse', phrase, '--now', NOW);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: .*in the past/);
  });
});

describe('12. zones whose change falls before the next run', () => {
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

describe('13. intervals in half-hour zones', () => {
  it('every 2h in Kolkata says the runs are at half past', async () => {
    const r = await offline('parse', 'every 2h', '--tz', 'Asia/Kolkata', '--now', NOW);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/On the hour/);
    expect(r.stdout).toMatch(/30 minutes past/);
  });
});

describe('14. timeouts Node cannot hold', () => {
  it('--timeout above the largest timer is exit 2 before any request', async () => {
    const r = await cli('recurring', 'list', '--agent-id', AGENT, '--timeout', '2147483648');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: .*--timeout/);
    expect(letta.received).toHaveLength(0);
  });
});

describe('15. cron steps larger than the field', () => {
  it.each(['*/61 * * * *', '0 */25 * * *'])('%s is refused', async (cron) => {
    const r = await offline('parse', cron);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: .*step/);
  });
});

describe('17. the Go spelling of minutes', () => {
  it('daily at 9:5 is 09:05', async () => {
    const r = await offline('parse', 'daily at 9:5', '--json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('5 9 * * *');
  });
});

describe('18. results', () => {
  it('--limit N prints at most N whatever the server sends', async () => {
    letta.runs = Array.from({ length: 5 }, (_, i) => ({ id: `run-${i}`, status: 'completed', agent_id: AGENT, created_at: '2026-11-22T15:00:00Z' }));
    await withServer(
      (_url, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(letta.runs));
      },
      async (url) => {
        const r = await runCli(['results', 'list', '--agent-id', AGENT, '--limit', '2'], { env: cliEnv({ LETTA_BASE_URL: url, LETTA_API_KEY: TEST_KEY }) });
        expect(r.code).toBe(0);
        expect(r.stdout.trim().split('\n')).toHaveLength(2);
      },
    );
  });
});

describe('19. --all-agents with --agent-id', () => {
  it('is a usage error before any request', async () => {
    const r = await cli('recurring', 'list', '--all-agents', '--agent-id', AGENT);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: .*--all-agents.*--agent-id/);
    expect(letta.received).toHaveLength(0);
  });
});

describe('23. deleting several ids when one fails', () => {
  it('says which were deleted and which not, in text and JSON, and goes on (exit 1)', async () => {
    const [a, b, c] = [1, 2, 3].map(() => letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse('2026-12-01T09:00:00Z') }).id) as [string, string, string];
    letta.inject(new RegExp(`^DELETE /v1/agents/${AGENT}/schedule/${b}$`), { status: 400, body: '{"detail":"boom"}' });
    const json = await cli('onetime', 'delete', a, b, c, '--agent-id', AGENT, '--json');
    expect(json.code).toBe(1);
    const outcomes = JSON.parse(json.stdout) as Array<{ id: string; deleted: boolean }>;
    expect(outcomes.map((o) => [o.id, o.deleted])).toEqual([[a, true], [b, false], [c, true]]);
    expect(letta.schedules.has(a)).toBe(false);
    expect(letta.schedules.has(c)).toBe(false);

    const d = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse('2026-12-01T09:00:00Z') }).id;
    letta.inject(new RegExp(`^DELETE /v1/agents/${AGENT}/schedule/${b}$`), { status: 400, body: '{"detail":"boom"}' });
    const text = await cli('onetime', 'delete', b, d, '--agent-id', AGENT);
    expect(text.code).toBe(1);
    expect(text.stdout + text.stderr).toContain(d);
    expect(text.stderr).toMatch(new RegExp(`Not deleted: ${b}`));
  });
});

describe('24. interrupting a create', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s says the schedule may have been created and how to check', async (signal) => {
    letta.inject(/^POST /, { hang: true });
    const child = spawn(process.execPath, [BIN, 'onetime', 'create', '--agent-id', AGENT, '--message', 'hi', '--execute-at', 'in 1 hour', '--now', NOW], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end();
    let stderr = '';
    let stdout = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    while (letta.requests('POST').length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill(signal);
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/may have been created/);
    expect(stderr).toContain('onetime list');
  });
});

describe('25. keys are masked in every form they are sent', () => {
  it('a key with surrounding white space, echoed by the server, never shows', async () => {
    const key = 'sk-let-echo-0123456789-SECRET';
    await withServer(
      (url, res) => {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ detail: `Invalid key Bearer ${key} for ${url.pathname}` }));
      },
      async (url) => {
        const r = await runCli(['recurring', 'list', '--agent-id', AGENT, '--verbose'], { env: cliEnv({ LETTA_BASE_URL: url, LETTA_API_KEY: `  ${key}\n` }) });
        expect(r.code).toBe(4);
        expect(r.stdout + r.stderr).not.toContain('0123456789-SECRET');
      },
    );
  });

  it('a short key is masked too', async () => {
    const r = await runCli(['recurring', 'create', '--agent-id', AGENT, '--message', 'hi', '--cron', '0 9 * * *', '--dry-run', '--api-key', 'k3y9q'], { env });
    expect(r.stdout + r.stderr).not.toContain('k3y9q');
  });

  it('a config syntax error does not echo part of the key', async () => {
    const e = cliEnv();
    mkdirSync(e.LETTA_SWITCHBOARD_CONFIG_DIR!, { recursive: true });
    writeFileSync(join(e.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json'), '{"api_key": "sk-let-partial-9f8e7d6c5b4a" x}');
    const r = await runCli(['config', 'show'], { env: e });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toMatch(/9f8e|partial/);
  });
});

describe("26. commander's own errors", () => {
  it('LETTA_API_KEY=sk-x L sk-x does not print the key', async () => {
    const r = await runCli(['sk-x'], { env: cliEnv({ LETTA_API_KEY: 'sk-x' }) });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain('sk-x');
  });
});

describe('28. terminal escapes from the server are shown, never obeyed', () => {
  const ESC = '\u001b]0;owned\u0007\u001b[2J';
  it('in get, in send replies and in error bodies', async () => {
    const item = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse('2026-12-01T09:00:00Z') }, `hello ${ESC}`);
    const get = await cli('onetime', 'get', item.id, '--agent-id', AGENT);
    expect(get.code).toBe(0);
    expect(get.stdout).not.toContain('\u001b');

    const send = await cli('send', '--agent-id', AGENT, '--message', `hi ${ESC}`);
    expect(send.code).toBe(0);
    expect(send.stdout).toContain('Echo: hi');
    expect(send.stdout).not.toContain('\u001b');

    letta.inject(/^GET /, { status: 400, body: JSON.stringify({ detail: `bad ${ESC}` }) });
    const error = await cli('recurring', 'list', '--agent-id', AGENT);
    expect(error.code).toBe(1);
    expect(error.stderr).not.toContain('\u001b');
  });
});

describe('29. help', () => {
  it.each([['help'], ['help', 'recurring'], ['help', 'send']])('%s prints help and exits 0', async (...args) => {
    const r = await offline(...args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: letta-switchboard/);
    expect(r.stderr).not.toMatch(/Error/);
  });

  it('help recurring create shows the subcommand; help nothing is an unknown command', async () => {
    const sub = await offline('help', 'recurring', 'create');
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('Usage: letta-switchboard recurring create');
    const nothing = await offline('help', 'nothing');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^Error: Unknown command 'nothing'/);
  });
});

describe('35. config show and get', () => {
  it('show names the config file; get prints one setting', async () => {
    const e = cliEnv();
    const set = await runCli(['config', 'set-url', 'http://localhost:8283'], { env: e });
    expect(set.code).toBe(0);
    const show = await runCli(['config', 'show'], { env: e });
    expect(show.stdout + show.stderr).toContain(join(e.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json'));
    const get = await runCli(['config', 'get', 'base_url'], { env: e });
    expect(get.code).toBe(0);
    expect(get.stdout.trim()).toBe('http://localhost:8283');
  });
});

describe('39. raw crons with --tz', () => {
  it('notes that a raw cron is UTC and the zone does not apply', async () => {
    const r = await offline('parse', '0 9 * * *', '--tz', 'America/New_York');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Warning: .*UTC.*America\/New_York/);
  });
});

describe('40. small things a new user trips over', () => {
  it('a key passed as an argument warns about shell history', async () => {
    const r = await offline('config', 'set-api-key', 'sk-let-argument-123456');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/shell history/);
  });

  it('config set-agent-id refuses a line break', async () => {
    const r = await offline('config', 'set-agent-id', 'agent-1\nrm');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: /);
  });

  it('the Go YAML file loses its inline comments; a config with a byte-order mark is read', async () => {
    const e = cliEnv();
    mkdirSync(join(e.HOME!, '.letta-switchboard'), { recursive: true });
    writeFileSync(join(e.HOME!, '.letta-switchboard', 'config.yaml'), '\ufeffapi_key: sk-let-yaml-abcdef7890 # my key\n');
    mkdirSync(e.LETTA_SWITCHBOARD_CONFIG_DIR!, { recursive: true });
    writeFileSync(join(e.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json'), `\ufeff${JSON.stringify({ base_url: letta.url })}`);
    await runCli(['recurring', 'list', '--agent-id', AGENT], { env: e });
    expect(letta.received[0]?.headers.authorization).toBe('Bearer sk-let-yaml-abcdef7890');
  });

  it('a mistyped command leaves no code-cache file behind', async () => {
    const e = cliEnv();
    const r = await runCli(['parsee', 'x'], { env: e });
    expect(r.code).toBe(2);
    const cache = join(e.HOME!, '.cache', 'letta-switchboard');
    let files: string[] = [];
    try {
      files = readdirSync(cache);
    } catch {
      files = [];
    }
    expect(files).toEqual([]);
  });

  it("the README's completion install lines create their folder", async () => {
    const readme = readFileSync(join(BIN, '..', '..', 'README.md'), 'utf8');
    const lines = readme.split('\n').filter((line) => /letta-switchboard completion (bash|fish) >/.test(line));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const e = cliEnv();
      const r = await runShell(line.replace(/^\s*\$?\s*/, ''), { env: e });
      expect(r.code).toBe(0);
    }
  });
});
