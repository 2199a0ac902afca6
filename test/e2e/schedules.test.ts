import { statSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeLetta, TEST_KEY } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

const suite = useFakeLetta({ defaultAgent: false });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env });

describe('send', () => {
  it('sends now and prints the reply text', async () => {
    const r = await cli('send', '--agent-id', AGENT, '--message', 'Check the queue');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Echo: Check the queue\n');
    const [post] = letta.requests('POST');
    expect(post!.path).toBe(`/v1/agents/${AGENT}/messages`);
    expect(post!.body).toEqual({ messages: [{ role: 'user', content: 'Check the queue' }] });
    expect(post!.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
  });

  it('schedules with --execute-at, sending scheduled_at in ms and the type', async () => {
    const r = await cli('send', '--agent-id', AGENT, '--message', 'Later', '--execute-at', 'tomorrow at 9am', '--tz', 'America/New_York');
    expect(r.code).toBe(0);
    const [post] = letta.requests('POST', /schedule$/);
    expect(post!.body).toEqual({ schedule: { type: 'one-time', scheduled_at: 1795442400000 }, messages: [{ role: 'user', content: 'Later' }] });
    expect(r.stdout).toMatch(/^sm-\d+\n$/);
    expect(r.stderr).toContain('2026-11-23 09:00 EST');
    expect(r.stderr).toContain('2026-11-23T14:00:00.000Z');
  });

  it('keeps the Go CLI spelling `send create`', async () => {
    const r = await cli('send', 'create', '--agent-id', AGENT, '--message', 'Hi', '--role', 'system');
    expect(r.code).toBe(0);
    expect(letta.requests('POST')[0]!.body).toEqual({ messages: [{ role: 'system', content: 'Hi' }] });
  });

  it.each([
    ['onetime', 'send'],
    ['message', 'create'],
    ['message', 'send'],
    ['send', 'send'],
  ])("keeps the Go CLI's aliases: `%s %s` sends, now or later", async (group, sub) => {
    const now = await cli(group, sub, '--agent-id', AGENT, '--message', 'Hi');
    expect(now.code, now.stderr).toBe(0);
    const later = await cli(group, sub, '--agent-id', AGENT, '--message', 'Later', '--execute-at', 'tomorrow at 9am', '--tz', 'America/New_York');
    expect(later.code, later.stderr).toBe(0);
    expect(letta.requests('POST').map((r) => r.path)).toEqual([`/v1/agents/${AGENT}/messages`, `/v1/agents/${AGENT}/schedule`]);
  });

  it("keeps the Go CLI's aliases of onetime: `send list`, `message get`, `send delete`", async () => {
    const made = (await cli('send', '--agent-id', AGENT, '--message', 'Later', '--execute-at', 'tomorrow at 9am', '-q')).stdout.trim();
    expect((await cli('send', 'list', '--agent-id', AGENT, '-q')).stdout).toBe(`${made}\n`);
    expect((await cli('message', 'get', made, '--agent-id', AGENT, '-q')).stdout).toBe(`${made}\n`);
    expect((await cli('send', 'delete', made, '--agent-id', AGENT)).code).toBe(0);
    expect(letta.requests('DELETE')).toHaveLength(1);
  });

  it('a mistyped subcommand is named, also when options follow it', async () => {
    const r = await cli('onetime', 'crete', '--agent-id', AGENT, '--message', 'Hi');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: Unknown command 'crete' for 'onetime'\nDid you mean 'onetime create'\?\n$/);
    expect(letta.received).toHaveLength(0);
  });

  it('refuses an unknown role with exit 2 and sends nothing', async () => {
    const r = await cli('send', '--agent-id', AGENT, '--message', 'Hi', '--role', 'robot');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: --role 'robot' is not a role/);
    expect(r.stdout).toBe('');
    expect(letta.received).toHaveLength(0);
  });

  it('--async prints the run id', async () => {
    const r = await cli('send', '--agent-id', AGENT, '--message', 'Go', '--async');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^run-\d+\n$/);
    expect(letta.requests('POST')[0]!.path).toBe(`/v1/agents/${AGENT}/messages/async`);
  });

  it('a past time is exit 2 before any request', async () => {
    const r = await cli('send', '--agent-id', AGENT, '--message', 'x', '--execute-at', '2025-11-12 19:30');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is in the past');
    expect(letta.received).toHaveLength(0);
  });
});

describe('onetime and recurring', () => {
  it('creates a recurring schedule with the UTC cron', async () => {
    const r = await cli('recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--cron', 'every weekday at 9pm', '--tz', 'America/New_York');
    expect(r.code).toBe(0);
    expect(letta.requests('POST')[0]!.body).toEqual({
      schedule: { type: 'recurring', cron_expression: '0 2 * * 2-6' },
      messages: [{ role: 'user', content: 'Standup' }],
    });
    expect(r.stderr).toContain('0 21 * * 1-5');
    expect(r.stderr).toContain('daylight saving');
  });

  it('onetime create requires --execute-at (exit 2)', async () => {
    const r = await cli('onetime', 'create', '--agent-id', AGENT, '--message', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: Required option '--execute-at <when>' not specified/);
  });

  it('lists every page, one kind only', async () => {
    for (let i = 0; i < 250; i++) letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse(NOW) + (i + 1) * 60_000 }, `m${i}`);
    for (let i = 0; i < 3; i++) letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    const r = await cli('onetime', 'list', '--agent-id', AGENT, '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ id: string; scheduled_at_iso: string }>;
    expect(list).toHaveLength(250);
    expect(new Set(list.map((s) => s.id)).size).toBe(250);
    expect(list[0]!.scheduled_at_iso).toBe('2026-11-22T15:01:00.000Z');
    const pages = letta.requests('GET', /schedule$/);
    expect(pages.length).toBeGreaterThanOrEqual(6);
    expect(pages[1]!.query.after).toBe(list[49]!.id);

    const rec = await cli('recurring', 'list', '--agent-id', AGENT, '-q');
    expect(rec.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('an empty list is success with [] in JSON', async () => {
    const r = await cli('recurring', 'list', '--agent-id', AGENT, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('get shows one schedule; the other kind is not found', async () => {
    const item = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * 1-5' }, 'Standup');
    const r = await cli('recurring', 'get', item.id, '--agent-id', AGENT, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: item.id, schedule: { cron_expression: '0 9 * * 1-5' } });
    const wrong = await cli('onetime', 'get', item.id, '--agent-id', AGENT);
    expect(wrong.code).toBe(3);
    expect(wrong.stdout).toBe('');
  });

  it('get shows every part of a message: its text, and each image where it stands', async () => {
    const item = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * 1-5' });
    item.message = {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What changed in this chart?' },
            { type: 'image', source: { type: 'url', url: 'https://example.com/chart.png' } },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'A'.repeat(4096) } },
            { type: 'image', source: { type: 'letta', file_id: 'file-123' } },
          ],
        },
      ],
    };
    const r = await cli('recurring', 'get', item.id, '--agent-id', AGENT);
    expect(r.code).toBe(0);
    const message = r.stdout.slice(r.stdout.indexOf('What changed'));
    expect(
      message
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ).toEqual(['What changed in this chart?', '[image: https://example.com/chart.png]', '[image: image/png, 3 KiB]', '[image: file file-123]']);
  });

  it('agenda and list name a message of an image alone by its image, not by nothing', async () => {
    const item = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    item.message = { messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'url', url: 'https://example.com/chart.png' } }] }] };
    const r = await cli('agenda', '--agent-id', AGENT, '--days', '1', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Array<{ message: string }>).map((fire) => fire.message)).toEqual(['[image: https://example.com/chart.png]']);
    const list = await cli('recurring', 'list', '--agent-id', AGENT);
    expect(list.stdout).toContain('[image: https://example.com/chart.png]');
  });

  it('agenda names a message of text and an image by its text, as before', async () => {
    const item = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    item.message = {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'url', url: 'https://example.com/chart.png' } },
            { type: 'text', text: 'What changed?' },
          ],
        },
      ],
    };
    const r = await cli('agenda', '--agent-id', AGENT, '--days', '1', '--json');
    expect((JSON.parse(r.stdout) as Array<{ message: string }>).map((fire) => fire.message)).toEqual(['What changed?']);
  });

  it('delete checks existence first: unknown ids are exit 3', async () => {
    const item = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse(NOW) + 60_000 });
    const ok = await cli('onetime', 'delete', item.id, '--agent-id', AGENT);
    expect(ok.code).toBe(0);
    expect(letta.schedules.has(item.id)).toBe(false);
    expect(letta.requests('DELETE')).toHaveLength(1);
    const missing = await cli('onetime', 'delete', 'sm-nope', '--agent-id', AGENT);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("No schedule 'sm-nope'");
    expect(letta.requests('DELETE')).toHaveLength(1);
  });
});

describe('without an agent, like the Go CLI', () => {
  const OTHER = 'agent-33333333-3333-3333-3333-333333333333';

  it('list covers every agent, get and delete find the schedule by id alone', async () => {
    const mine = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    const theirs = letta.addSchedule(OTHER, { type: 'recurring', cron_expression: '0 10 * * *' });
    const list = await cli('recurring', 'list');
    expect(list.code).toBe(0);
    expect(
      list.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t').slice(0, 2)),
    ).toEqual([
      [mine.id, AGENT],
      [theirs.id, OTHER],
    ]);
    const got = await cli('recurring', 'get', theirs.id, '--json');
    expect(JSON.parse(got.stdout).agent_id).toBe(OTHER);
    const del = await cli('recurring', 'delete', theirs.id);
    expect(del.code).toBe(0);
    expect(letta.requests('DELETE').map((r) => r.path)).toEqual([`/v1/agents/${OTHER}/schedule/${theirs.id}`]);
    expect([...letta.schedules.keys()]).toEqual([mine.id]);
    const missing = await cli('recurring', 'get', 'sm-nowhere');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("No schedule 'sm-nowhere' for any of your 3 agents");
  });
});

describe('agents, results and auth', () => {
  it('resolves an agent name; several matches are exit 2, none exit 3', async () => {
    const r = await cli('onetime', 'list', '--agent-id', 'support-bot', '-q');
    expect(r.code).toBe(0);
    expect(letta.requests('GET', /^\/v1\/agents\/$/)[0]!.query.name).toBe('support-bot');
    expect(letta.requests('GET', /schedule$/)[0]!.path).toBe(`/v1/agents/${AGENT}/schedule`);
    const twin = await cli('onetime', 'list', '--agent-id', 'twin');
    expect(twin.code).toBe(2);
    expect(twin.stderr).toContain('agent-22222222-2222-2222-2222-222222222222');
    const none = await cli('onetime', 'list', '--agent-id', 'ghost');
    expect(none.code).toBe(3);
  });

  it('agents list shows ids and names, every page even when the server pages below our limit', async () => {
    const before = letta.agents;
    letta.agents = [...before, ...Array.from({ length: 57 }, (_, i) => ({ id: `agent-more-${String(i).padStart(2, '0')}`, name: `more-${i}` }))];
    try {
      const r = await cli('agents', 'list');
      expect(r.code).toBe(0);
      const rows = r.stdout.trim().split('\n');
      expect(rows[0]).toBe(`${AGENT}\tsupport-bot`);
      expect(rows).toHaveLength(60);
      expect(letta.requests('GET', /^\/v1\/agents\/$/).length).toBeGreaterThanOrEqual(2);
    } finally {
      letta.agents = before;
    }
  });

  it('results list and get', async () => {
    letta.runs = [{ id: 'run-9', status: 'completed', agent_id: AGENT, created_at: NOW, stop_reason: 'end_turn' }];
    const list = await cli('results', 'list', '--agent-id', AGENT, '--json');
    expect(JSON.parse(list.stdout)).toHaveLength(1);
    expect(letta.requests('GET', /^\/v1\/runs\/$/)[0]!.query).toMatchObject({ agent_id: AGENT, limit: '20' });
    const rows = await cli('results', 'list', '--agent-id', AGENT, '--tz', 'America/New_York');
    expect(rows.stdout).toBe(`run-9\tcompleted\tend_turn\t2026-11-22 10:00 EST\t2026-11-22T15:00:00.000Z\t${AGENT}\n`);
    const got = await cli('results', 'get', 'run-9');
    expect(got.stdout).toContain('completed');
    const missing = await cli('results', 'get', 'run-404');
    expect(missing.code).toBe(3);
  });

  it('a wrong key is exit 4 and the key is never printed', async () => {
    env.LETTA_API_KEY = 'sk-wrong-key-abcdefghijkl';
    const r = await cli('onetime', 'list', '--agent-id', AGENT, '--verbose');
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('401');
    expect(r.stdout + r.stderr).not.toContain('sk-wrong-key-abcdefghijkl');
  });

  it('no key at all is exit 4 with how to set it', async () => {
    delete env.LETTA_API_KEY;
    const r = await cli('recurring', 'list', '--agent-id', AGENT);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('config set-api-key -');
    expect(letta.received).toHaveLength(0);
  });
});

describe('config', () => {
  it('stores the key from stdin in a 0600 file in a 0700 folder, and masks it', async () => {
    const set = await runCli(['config', 'set-api-key', '-'], { env, input: `${TEST_KEY}\n` });
    expect(set.code).toBe(0);
    expect(set.stdout + set.stderr).not.toContain(TEST_KEY);
    const file = join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(env.LETTA_SWITCHBOARD_CONFIG_DIR!).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ api_key: TEST_KEY });

    delete env.LETTA_API_KEY;
    const show = await runCli(['config', 'show', '--json'], { env });
    const shown = JSON.parse(show.stdout);
    expect(shown.api_key).toEqual({ value: 'sk-...CRET', source: 'file' });
    expect(shown.base_url.source).toBe('env');
    expect(show.stdout).not.toContain(TEST_KEY);

    const list = await runCli(['onetime', 'list', '--agent-id', AGENT], { env });
    expect(list.code).toBe(0);
  });

  it('flag beats env beats file', async () => {
    await runCli(['config', 'set-url', 'https://file.example'], { env });
    await runCli(['config', 'set-timezone', 'Asia/Tokyo'], { env });
    const show = JSON.parse((await runCli(['config', 'show', '--json', '--base-url', 'https://flag.example'], { env })).stdout);
    expect(show.base_url).toEqual({ value: 'https://flag.example', source: 'flag' });
    delete env.TZ;
    const noTz = JSON.parse((await runCli(['config', 'show', '--json'], { env })).stdout);
    expect(noTz.timezone).toEqual({ value: 'Asia/Tokyo', source: 'file' });
    expect(noTz.base_url).toEqual({ value: letta.url, source: 'env' });
  });

  it('reads the Go CLI key when the new file has none', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    delete env.LETTA_API_KEY;
    mkdirSync(join(env.HOME!, '.letta-switchboard'));
    writeFileSync(join(env.HOME!, '.letta-switchboard', 'config.yaml'), `api_key: ${TEST_KEY}\nbase_url: https://gone.example\n`);
    const show = JSON.parse((await runCli(['config', 'show', '--json'], { env })).stdout);
    expect(show.api_key.source).toBe('legacy file');
    expect(show.base_url.value).toBe(letta.url);
    expect((await runCli(['recurring', 'list', '--agent-id', AGENT], { env })).code).toBe(0);
  });

  it('a broken config file is exit 2, named, and left as it was', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(env.LETTA_SWITCHBOARD_CONFIG_DIR!, { recursive: true });
    const file = join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json');
    writeFileSync(file, '{"api_key": ');
    const r = await runCli(['config', 'set-agent-id', 'agent-x'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe('{"api_key": ');
    expect(existsSync(file)).toBe(true);
  });

  it('config path prints the file', async () => {
    const r = await runCli(['config', 'path'], { env });
    expect(r.stdout).toBe(`${join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json')}\n`);
  });
});
