import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';

const BOT = 'agent-11111111-1111-1111-1111-111111111111';

describe('several ids', () => {
  const suite = useHarness();

  it.each([
    ['recurring', 'delete'],
    ['onetime', 'delete'],
    ['recurring', 'pause'],
    ['recurring', 'resume'],
  ])('%s %s of ids that are all not found ends with exit 3, like one id does', async (noun, verb) => {
    const r = await suite.run([noun, verb, 'sm-nope-1', 'sm-nope-2', ...(verb === 'resume' ? [] : ['--agent-id', BOT])]);
    expect(r.stderr).toContain('sm-nope-2');
    expect(r.code).toBe(3);
  });

  it('a mix of not found and another failure stays exit 1', async () => {
    suite.letta.inject(/^GET \/v1\/agents\/[^/]+\/schedule\/sm-bad$/, { status: 400, body: '{"detail":"bad id"}' });
    const r = await suite.run(['recurring', 'delete', 'sm-nope', 'sm-bad', '--agent-id', BOT]);
    expect(r.code).toBe(1);
  });
});

describe('secrets on the command line and in proxy URLs', () => {
  const suite = useHarness();
  const KEY = 'sk-let-pasted-9f8e7d6c5b4a3210';

  it.each(['--apikey', '--api-kye', '--api_key', '--API-KEY', '--apikey-', '--api-keys', '--key', '--token', '--letta-api-key'])(
    '%s, with its value joined by = or apart, never prints the key',
    async (flag) => {
      for (const words of [[`${flag}=${KEY}`], [flag, KEY]]) {
        const r = await suite.run(['recurring', 'list', ...words]);
        expect(r.code).toBe(2);
        expect(r.stdout + r.stderr).not.toContain(KEY);
        expect(r.stdout + r.stderr).not.toContain(KEY.slice(4, -4));
      }
    },
  );

  it('a user name and password in a proxy URL are never printed, in errors or with --verbose', async () => {
    const user = 'ghp_tokenAsUserName123';
    const password = 'hunter2-pw';
    for (const proxy of [`http://${user}:${password}@127.0.0.1:9`, `${user}@127.0.0.1:9`, `http://${encodeURIComponent(user + '/x')}@127.0.0.1:9`]) {
      const r = await suite.run(['--verbose', '--timeout', '2000', 'recurring', 'list', '--agent-id', BOT], { env: { HTTP_PROXY: proxy } });
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('***@127.0.0.1:9');
      expect(r.stderr).not.toMatch(/ghp_token|hunter2/);
    }
  });
});

describe('a key HTTP cannot carry', () => {
  const suite = useHarness();

  it.each([
    ['a zero-width space', '\u200b', 'a zero-width space (U+200B)'],
    ['a no-break space', '\u00a0', 'a no-break space (U+00A0)'],
    ['a letter outside ASCII', 'é', 'U+00E9'],
    ['a space inside', ' x', 'a space (U+0020)'],
  ])('with %s is an auth error naming it, before anything is sent', async (_, char, named) => {
    const key = `sk-let-0123456789${char}abcdef`;
    for (const [args, env] of [
      [['recurring', 'create', '--agent-id', BOT, '--message', 'hi', '--cron', 'every day at 9am'], { LETTA_API_KEY: key }],
      [['onetime', 'list', '--agent-id', BOT], { LETTA_API_KEY: key }],
      [['--api-key', key, 'send', '--agent-id', BOT, '--message', 'hi'], { LETTA_API_KEY: undefined }],
    ] as const) {
      const r = await suite.run([...args], { env });
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(`has ${named} at character 18, which an HTTP header cannot carry`);
      expect(r.stderr).toMatch(/came from (LETTA_API_KEY|--api-key)/);
      expect(r.stderr).not.toMatch(/may have been created|retrying|connection/i);
      expect(r.requests).toEqual([]);
    }
  });

  it('config set-api-key refuses it', async () => {
    const r = await suite.run(['config', 'set-api-key', '-'], { stdin: 'sk-let-0123456789\u200babcdef\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('zero-width space (U+200B)');
  });
});
