import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeLetta, TEST_KEY } from '../helpers/fake-letta';
import { ProxyProcess } from '../helpers/proxy-process';
import { cliEnv, runCli } from '../helpers/run-cli';
import { AGENT } from '../helpers/suite';

const LIST = ['recurring', 'list', '--agent-id', AGENT, '--json'];
const SCHEDULES = `/v1/agents/${AGENT}/schedule`;
let letta: FakeLetta;
const proxies: ProxyProcess[] = [];

beforeAll(async () => {
  letta = await new FakeLetta().start();
});
afterAll(() => letta.stop());
beforeEach(() => {
  letta.received.length = 0;
});
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.stop()));
});

async function proxy(options: ConstructorParameters<typeof ProxyProcess>[0] = {}): Promise<ProxyProcess> {
  const started = await new ProxyProcess(options).start();
  proxies.push(started);
  return started;
}

/** An address nothing listens on: a port that was just free. */
async function closedPort(): Promise<string> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const run = (args: string[], extra: Record<string, string | undefined>) => runCli(args, { env: cliEnv({ LETTA_BASE_URL: letta.url, LETTA_API_KEY: TEST_KEY, ...extra }) });

describe('plain http through a proxy', () => {
  it('sends each request to the proxy in absolute form, and the answer comes back', async () => {
    const p = await proxy();
    const r = await run(LIST, { HTTP_PROXY: p.url });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(p.requests).toEqual([expect.objectContaining({ kind: 'forward', method: 'GET', target: expect.stringContaining(`${letta.url}${SCHEDULES}`), answered: 200 })]);
    expect(letta.requests('GET', /schedule$/)).toHaveLength(1);
  });

  it('a create goes through the proxy too, body and all', async () => {
    const p = await proxy();
    const r = await run(['onetime', 'create', '--agent-id', AGENT, '--message', 'hello', '--execute-at', 'in 2 hours', '-q'], { http_proxy: p.url });
    expect(r.code).toBe(0);
    expect(p.requests.map((h) => `${h.method} ${new URL(h.target).pathname}`)).toEqual([`POST ${SCHEDULES}`]);
    expect(letta.requests('POST', /schedule$/)[0]!.body).toMatchObject({ messages: [{ content: 'hello' }] });
  });

  it('the lowercase variable wins over the uppercase one', async () => {
    const p = await proxy();
    const r = await run(LIST, { http_proxy: p.url, HTTP_PROXY: await closedPort() });
    expect(r.code).toBe(0);
    expect(p.requests).toHaveLength(1);
  });

  it('HTTPS_PROXY alone is not used for a plain http address', async () => {
    const r = await run(LIST, { HTTPS_PROXY: await closedPort() });
    expect(r.code).toBe(0);
    expect(letta.requests('GET', /schedule$/)).toHaveLength(1);
  });

  it('sends the credentials in the proxy URL as Proxy-Authorization, and never prints them', async () => {
    const p = await proxy({ auth: 'alice:pa ss@word' });
    const r = await run([...LIST, '--verbose'], { HTTP_PROXY: p.url.replace('//', '//alice:pa%20ss%40word@') });
    expect(r.code).toBe(0);
    expect(p.requests[0]!.proxyAuthorization).toBe(`Basic ${Buffer.from('alice:pa ss@word').toString('base64')}`);
    expect(r.stdout + r.stderr).not.toMatch(/pa%20ss|pa ss/);
  });
});

describe('NO_PROXY', () => {
  const bypassing = ['127.0.0.1', '*', 'example.com, 127.0.0.1', '.0.0.1', '127.0.0.0/8', 'localhost 127.0.0.1'];
  for (const noProxy of bypassing) {
    it(`"${noProxy}" sends the request directly`, async () => {
      const p = await proxy();
      const r = await run(LIST, { HTTP_PROXY: p.url, NO_PROXY: noProxy });
      expect(r.code).toBe(0);
      expect(p.requests).toEqual([]);
      expect(letta.requests('GET', /schedule$/)).toHaveLength(1);
    });
  }

  it('a host:port entry bypasses that port only', async () => {
    const p = await proxy();
    const port = new URL(letta.url).port;
    expect((await run(LIST, { HTTP_PROXY: p.url, no_proxy: `127.0.0.1:${port}` })).code).toBe(0);
    expect(p.requests).toEqual([]);
    expect((await run(LIST, { HTTP_PROXY: p.url, no_proxy: `127.0.0.1:${Number(port) + 1}` })).code).toBe(0);
    expect(p.requests).toHaveLength(1);
  });

  it('entries that do not match leave the proxy in use', async () => {
    const p = await proxy();
    const r = await run(LIST, { HTTP_PROXY: p.url, NO_PROXY: 'example.com,.internal,10.0.0.0/8,127.0.0.10' });
    expect(r.code).toBe(0);
    expect(p.requests).toHaveLength(1);
  });

  it('the lowercase no_proxy wins over NO_PROXY', async () => {
    const p = await proxy();
    const r = await run(LIST, { HTTP_PROXY: p.url, no_proxy: 'example.com', NO_PROXY: '*' });
    expect(r.code).toBe(0);
    expect(p.requests).toHaveLength(1);
  });
});

describe('a proxy that fails', () => {
  it('refusing connections: a network error (exit 5) that names the proxy, not the server', async () => {
    const dead = await closedPort();
    const r = await run(LIST, { HTTP_PROXY: dead });
    expect(r.code).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`proxy ${dead}`);
    expect(r.stderr).toContain('HTTP_PROXY');
    expect(letta.received).toEqual([]);
  });

  it('a password in the URL of an unreachable proxy stays hidden', async () => {
    const dead = await closedPort();
    const r = await run(LIST, { HTTP_PROXY: dead.replace('//', '//bob:hunter2@') });
    expect(r.code).toBe(5);
    expect(r.stderr).not.toContain('hunter2');
    expect(r.stderr).toContain('//***@');
    expect(r.stderr).not.toContain('bob');
  });

  it('not a proxy URL: an error that does not echo the value', async () => {
    const r = await run(LIST, { HTTP_PROXY: 'http://carol:opensesame@[bad' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/HTTP_PROXY is not a proxy URL/);
    expect(r.stderr).not.toContain('opensesame');
  });
});

describe('HTTPS through a CONNECT tunnel', () => {
  let tls: Server;
  let base = '';
  let caFile = '';

  beforeAll(async () => {
    // A self-signed certificate for 127.0.0.1, trusted by the CLI through NODE_EXTRA_CA_CERTS.
    const folder = mkdtempSync(join(tmpdir(), 'letta-switchboard-tls-'));
    caFile = join(folder, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout',
        join(folder, 'key.pem'),
        '-out',
        caFile,
      ],
      { stdio: 'ignore' },
    );
    // HTTPS in front of the fake Letta.
    tls = createHttpsServer({ key: readFileSync(join(folder, 'key.pem')), cert: readFileSync(caFile) }, (req, res) => {
      const upstream = request(`${letta.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    base = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => tls.close(resolve)));

  const runTls = (args: string[], extra: Record<string, string | undefined>) => runCli(args, { env: cliEnv({ LETTA_BASE_URL: base, LETTA_API_KEY: TEST_KEY, NODE_EXTRA_CA_CERTS: caFile, ...extra }) });

  it('tunnels to the server, so the proxy never sees the key', async () => {
    const p = await proxy({ watch: TEST_KEY });
    const r = await runTls(LIST, { HTTPS_PROXY: p.url });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(p.requests).toEqual([expect.objectContaining({ kind: 'connect', target: new URL(base).host, answered: 200 })]);
    expect(await p.closed()).toMatchObject({ sawWatchedText: false });
    expect(letta.requests('GET', /schedule$/)[0]!.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
  }, 45_000);

  it('falls back to HTTP_PROXY when HTTPS_PROXY is not set', async () => {
    const p = await proxy();
    const r = await runTls(LIST, { HTTP_PROXY: p.url });
    expect(r.code).toBe(0);
    expect(p.requests.map((h) => h.kind)).toEqual(['connect']);
  });

  it('with credentials: the tunnel request carries them', async () => {
    const p = await proxy({ auth: 'dave:tunnel-pass' });
    const r = await runTls(LIST, { https_proxy: p.url.replace('//', '//dave:tunnel-pass@') });
    expect(r.code).toBe(0);
    expect(p.requests[0]!.proxyAuthorization).toBe(`Basic ${Buffer.from('dave:tunnel-pass').toString('base64')}`);
  });

  it('a tunnel refused with another status: a clear network error', async () => {
    const p = await proxy({ connectStatus: 403 });
    const r = await runTls(LIST, { HTTPS_PROXY: p.url });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/refused to open a tunnel to 127\.0\.0\.1:\d+: 403/);
    expect(letta.received).toEqual([]);
  });

  it('NO_PROXY bypasses the tunnel too', async () => {
    const p = await proxy();
    const r = await runTls(LIST, { HTTPS_PROXY: p.url, NO_PROXY: '127.0.0.1' });
    expect(r.code).toBe(0);
    expect(p.requests).toEqual([]);
  });
});
