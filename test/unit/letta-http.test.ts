import { describe, expect, it } from 'vitest';
import { retryAfter, serverMessage } from '../../src/letta/client';
import { apiUrl, isCleartextRemote, parseBaseUrl } from '../../src/letta/url';
import { schedulePath } from '../../src/letta/api';
import { RetiredServiceError, UsageError } from '../../src/errors';
import { hintFor } from '../../src/hints';

describe('Retry-After', () => {
  const now = Date.parse('2026-11-22T15:00:00Z');
  it.each([
    [{ 'retry-after-ms': '250' }, 250],
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '1.5' }, 1500],
    [{ 'retry-after': 'Sun, 22 Nov 2026 15:00:03 GMT' }, 3000],
    [{ 'retry-after': 'Sun, 22 Nov 2026 14:00:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('%j -> %s', (headers, ms) => expect(retryAfter(headers, now)).toBe(ms));
});

describe("the server's own words", () => {
  it.each([
    ['{"detail":"Agent not found"}', 'Agent not found'],
    ['{"detail":[{"loc":["body","schedule"],"msg":"Field required","type":"missing"},{"msg":"bad"}]}', 'schedule: Field required; bad'],
    ['{"error":{"type":"rate_limit","message":"Slow down"}}', 'Slow down'],
    ['{"error":{"type":"payment_required"}}', 'payment_required'],
    ['{"error":{"type":"payment_required","message":"Out of credits","detail":"Upgrade your plan"}}', 'Out of credits (Upgrade your plan)'],
    ['{"error":{"message":"Slow down","detail":"Slow down"}}', 'Slow down'],
    ['<html><body><h1>502 Bad Gateway</h1><script>x()</script></body></html>', '502 Bad Gateway'],
    ['', ''],
    [`<p>${'long '.repeat(100)}</p>`, expect.stringMatching(/^long long .*\.\.\.$/)],
  ])('%s', (body, expected) => expect(serverMessage(body)).toEqual(expected));
});

describe('URLs', () => {
  it('keeps a base path and escapes segments', () => {
    expect(apiUrl('https://example.com/letta/', schedulePath('agent-1', 'a/b?c#d'), { limit: 100, after: undefined }).href).toBe(
      'https://example.com/letta/v1/agents/agent-1/schedule/a%2Fb%3Fc%23d?limit=100',
    );
  });
  it('refuses dot segments and empty ids', () => {
    expect(() => schedulePath('..')).toThrow(UsageError);
    expect(() => schedulePath('agent-1', '.')).toThrow(UsageError);
    expect(() => schedulePath('agent-1', ' ')).toThrow(UsageError);
  });
  it.each(['http://127.0.0.1:8283//', 'http://127.0.0.1:8283/v1//', 'http://127.0.0.1:8283//v1/', 'HTTP://127.0.0.1:8283/V1'])('%s is the server http://127.0.0.1:8283/', (given) => {
    expect(parseBaseUrl(given).href).toBe('http://127.0.0.1:8283/');
  });
  it('accepts only http(s) base URLs without credentials', () => {
    expect(() => parseBaseUrl('ftp://x')).toThrow(UsageError);
    expect(() => parseBaseUrl('not a url')).toThrow(UsageError);
    expect(() => parseBaseUrl('https://user:pw@x')).toThrow(UsageError);
  });
  it('knows which plain-http addresses leave the machine', () => {
    expect(isCleartextRemote(new URL('http://letta.example.com'))).toBe(true);
    expect(isCleartextRemote(new URL('http://127.0.0.1:8283'))).toBe(false);
    expect(isCleartextRemote(new URL('http://localhost'))).toBe(false);
    expect(isCleartextRemote(new URL('http://[::1]:80'))).toBe(false);
    expect(isCleartextRemote(new URL('https://letta.example.com'))).toBe(false);
  });
});

describe('which plain-http addresses are this machine', () => {
  it.each([
    ['http://127.0.0.1.example.com', true],
    ['http://127.evil.com', true],
    ['http://127.0.0.1.nip.io:8283', true],
    ['http://localhost.evil.com', true],
    ['http://10.0.0.1', true],
    ['http://[::2]', true],
    ['http://127.0.0.1', false],
    ['http://127.255.0.9:8283', false],
    ['http://127.1', false],
    ['http://LOCALHOST:8283', false],
    ['http://localhost.', false],
    ['http://[0:0:0:0:0:0:0:1]', false],
    ['http://[::ffff:127.0.0.1]', false],
  ])('%s leaves the machine: %s', (url, remote) => expect(isCleartextRemote(new URL(url))).toBe(remote));
});

describe('base URLs', () => {
  it.each([
    ['https://api.letta.com/v1', 'https://api.letta.com/'],
    ['https://api.letta.com/v1/', 'https://api.letta.com/'],
    ['https://api.letta.com/V1//', 'https://api.letta.com/'],
    ['https://example.com/letta/v1', 'https://example.com/letta/'],
    ['https://example.com/v1beta', 'https://example.com/v1beta'],
  ])('%s is read as %s', (value, href) => expect(parseBaseUrl(value).href).toBe(href));

  it('never sends /v1/v1', () => {
    expect(apiUrl('https://api.letta.com/v1/', '/v1/agents/').href).toBe('https://api.letta.com/v1/agents/');
  });

  it.each(['https://letta-switchboard--api.modal.run', 'https://someone-web.modal.run/v1', 'http://MODAL.RUN'])('refuses the retired service at %s', (value) => {
    let error: unknown;
    try {
      parseBaseUrl(value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RetiredServiceError);
    expect((error as Error).message).toMatch(/is the retired letta-switchboard service, which is gone$/);
    expect(hintFor(error)).toContain('https://api.letta.com');
  });
});
