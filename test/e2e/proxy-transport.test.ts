import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, NetworkError } from '../../src/errors';
import { exchange } from '../../src/letta/transport';
import { FakeLetta, TEST_KEY } from '../helpers/fake-letta';
import { ProxyProcess } from '../helpers/proxy-process';

// The transport's own promises, for what the HTTP client above it turns into exit codes:
// a proxy wanting credentials is an AuthError (exit 4), one refusing a tunnel a NetworkError (exit 5),
// and the log hook is told once that a proxy is in use.
let letta: FakeLetta;
const proxies: ProxyProcess[] = [];
beforeAll(async () => {
  letta = await new FakeLetta().start();
});
afterAll(() => letta.stop());
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.stop()));
});

async function proxy(options: ConstructorParameters<typeof ProxyProcess>[0] = {}) {
  const started = await new ProxyProcess(options).start();
  proxies.push(started);
  return started;
}

const get = (url: string, env: Record<string, string>, log?: (line: string) => void) =>
  exchange({ method: 'GET', url: new URL('/v1/agents/', url), headers: { authorization: `Bearer ${TEST_KEY}` }, signal: new AbortController().signal, env, log });

describe('the transport through a proxy', () => {
  it('a proxy answering 407 to a forwarded request: AuthError naming the variable to fix', async () => {
    const p = await proxy({ auth: 'erin:right' });
    const error = await get(letta.url, { HTTP_PROXY: p.url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).exitCode).toBe(4);
    expect((error as AuthError).message).toMatch(/proxy http:\/\/127\.0\.0\.1:\d+ \(from HTTP_PROXY\) answered 407/);
    expect((error as AuthError).hint).toMatch(/HTTP_PROXY: http:\/\/user:password@host:port/);
  });

  it('wrong credentials: AuthError that says to check them, without showing the password', async () => {
    const p = await proxy({ auth: 'erin:right' });
    const error = (await get(letta.url, { HTTP_PROXY: p.url.replace('//', '//erin:wrong@') }).catch((e: unknown) => e)) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('//***@');
    expect(error.message).not.toContain('erin');
    expect(error.message + error.hint).not.toContain('wrong');
    expect(error.hint).toMatch(/user name and password/);
  });

  it('a CONNECT answered 407: AuthError; with another status: NetworkError', async () => {
    const auth = await proxy({ auth: 'erin:right' });
    const denied = await get('https://127.0.0.1:1', { HTTPS_PROXY: auth.url }).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AuthError);
    const refusing = await proxy({ connectStatus: 502 });
    const refused = (await get('https://127.0.0.1:1', { HTTPS_PROXY: refusing.url }).catch((e: unknown) => e)) as NetworkError;
    expect(refused).toBeInstanceOf(NetworkError);
    expect(refused.exitCode).toBe(5);
    expect(refused.message).toMatch(/refused to open a tunnel to 127\.0\.0\.1:1: 502/);
  });

  it('tells the log hook which proxy carries the requests, once, and when NO_PROXY sends them direct', async () => {
    const p = await proxy({ auth: 'frank:pw-123' });
    const lines: string[] = [];
    const env = { HTTP_PROXY: p.url.replace('//', '//frank:pw-123@') };
    expect((await get(letta.url, env, (l) => lines.push(l))).status).toBe(200);
    expect((await get(letta.url, env, (l) => lines.push(l))).status).toBe(200);
    expect(lines).toEqual([`via proxy http://***@${new URL(p.url).host} (from HTTP_PROXY) for ${new URL(letta.url).host}`]);
    await get(letta.url, { ...env, no_proxy: '127.0.0.1' }, (l) => lines.push(l));
    expect(lines[1]).toBe(`connecting to ${new URL(letta.url).host} directly (NO_PROXY)`);
  });

  it('reads process.env when the caller passes no environment', async () => {
    const p = await proxy();
    const saved = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = p.url;
    try {
      await exchange({ method: 'GET', url: new URL('/v1/agents/', letta.url), headers: {}, signal: new AbortController().signal });
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = saved;
    }
    expect(p.requests).toHaveLength(1);
  });
});

describe('which proxy, if any', () => {
  const cases: Array<[string, string, boolean]> = [
    ['https://api.letta.com', 'letta.com', true],
    ['https://api.letta.com', '.letta.com', true],
    ['https://letta.com', '.letta.com', true],
    ['https://api.letta.com', '*.letta.com', true],
    ['https://notletta.com', 'letta.com', false],
    ['https://API.Letta.COM.', 'api.letta.com', true],
    ['https://api.letta.com', 'api.letta.com:443', true],
    ['https://api.letta.com', 'api.letta.com:8443', false],
    ['http://api.letta.com', 'api.letta.com:80', true],
    ['http://10.1.2.3:8283', '10.0.0.0/8', true],
    ['http://11.1.2.3:8283', '10.0.0.0/8', false],
    ['http://[::1]:8283', '::1', true],
    ['http://[::1]:8283', '[::1]:8283', true],
    ['http://[::1]:8283', '[::1]:9000', false],
    ['http://192.168.1.5', '192.168.1.5', true],
    ['http://192.168.1.50', '192.168.1.5', false],
    ['https://api.letta.com', ' foo.com ,, bar.org  *  ', true],
    ['https://api.letta.com', '', false],
  ];
  for (const [target, noProxy, direct] of cases) {
    it(`NO_PROXY="${noProxy}" ${direct ? 'bypasses' : 'keeps'} the proxy for ${target}`, async () => {
      const { bypasses } = await import('../../src/letta/proxy');
      expect(bypasses(noProxy, new URL(target))).toBe(direct);
    });
  }

  it('an https target falls back to HTTP_PROXY; an http target never uses HTTPS_PROXY; empty counts as unset', async () => {
    const { proxyFor } = await import('../../src/letta/proxy');
    const https = new URL('https://api.letta.com');
    const http = new URL('http://letta.local:8283');
    expect(proxyFor(https, { HTTP_PROXY: 'proxy:3128' }).proxy?.url.href).toBe('http://proxy:3128/');
    expect(proxyFor(https, { https_proxy: '', HTTPS_PROXY: 'http://a:1' }).proxy?.variable).toBe('HTTPS_PROXY');
    expect(proxyFor(https, { https_proxy: 'http://b:1', HTTPS_PROXY: 'http://a:1' }).proxy?.variable).toBe('https_proxy');
    expect(proxyFor(http, { HTTPS_PROXY: 'http://a:1' })).toEqual({});
    expect(proxyFor(http, { HTTP_PROXY: 'http://a:1', NO_PROXY: 'letta.local' })).toEqual({ bypassed: true });
  });
});
