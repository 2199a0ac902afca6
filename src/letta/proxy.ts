/**
 * Proxies from the environment, as curl and undici read them:
 * - an https:// target uses https_proxy, else HTTPS_PROXY, else (like undici) http_proxy / HTTP_PROXY;
 *   an http:// target uses http_proxy, else HTTP_PROXY. The lowercase name wins, as in curl; an empty value counts as unset.
 * - no_proxy (else NO_PROXY) lists hosts to reach directly: `*`, `example.com` or `.example.com`
 *   (that domain and every host under it), `host:port`, IP addresses, `[::1]:8080`, IPv4 ranges such as `10.0.0.0/8`.
 * - the proxy URL is http:// or https:// (no scheme means http://); user:password in it is sent as
 *   Proxy-Authorization (basic) and never printed, the user name included.
 * HTTPS goes through a CONNECT tunnel, so the proxy sees only encrypted bytes; plain http is sent to
 * the proxy as an absolute-form request. Loaded only when a proxy variable is set.
 */
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import type { Socket } from 'node:net';
import { AuthError, NetworkError, UsageError } from '../errors';

export interface Proxy {
  url: URL;
  /** The variable it came from, e.g. HTTPS_PROXY, for messages. */
  variable: string;
}

type Env = Record<string, string | undefined>;

/** The proxy to use for `target`, or undefined for a direct connection; `bypassed` when NO_PROXY said so. */
export function proxyFor(target: URL, env: Env): { proxy?: Proxy; bypassed?: boolean } {
  const names = target.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
  const variable = names.find((name) => env[name]);
  if (!variable) return {};
  if (bypasses(env.no_proxy || env.NO_PROXY || '', target)) return { bypassed: true };
  return { proxy: { url: parseProxyUrl(env[variable]!, variable), variable } };
}

/** The route for `target` under `env` (undefined: connect directly) and what --verbose says about it. */
export function routeFor(target: URL, env: Env): { route?: Route; note?: string } {
  const { proxy, bypassed } = proxyFor(target, env);
  if (proxy) {
    const route = viaProxy(proxy, target);
    return { route, note: route.note };
  }
  return { note: bypassed ? `connecting to ${target.host} directly (NO_PROXY)` : undefined };
}

function parseProxyUrl(value: string, variable: string): URL {
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    // The value is not shown: it may hold a password.
    throw new UsageError(`${variable} is not a proxy URL`, `Set it to http://host:port (or http://user:password@host:port).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${variable} names a ${url.protocol.slice(0, -1)} proxy; only http:// and https:// proxies are supported`, 'Use the HTTP address of your proxy.');
  }
  return url;
}

/** Whether a NO_PROXY list sends `target` direct. */
export function bypasses(noProxy: string, target: URL): boolean {
  const host = bare(target.hostname);
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const entry of noProxy.toLowerCase().split(/[\s,]+/)) {
    if (entry === '') continue;
    if (entry === '*') return true;
    const { name, port: only } = splitEntry(entry);
    if (only && only !== port) continue;
    if (name.includes('/')) {
      if (inRange(host, name)) return true;
      continue;
    }
    const domain = name.replace(/^\*?\./, '');
    if (domain !== '' && (host === domain || host.endsWith(`.${domain}`))) return true;
  }
  return false;
}

/** `host`, `host:port`, `[v6]`, `[v6]:port`, or a bare IPv6 address (several colons, no port). */
function splitEntry(entry: string): { name: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1]!, port: bracketed[2] };
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  if (withPort) return { name: bare(withPort[1]!), port: withPort[2] };
  return { name: bare(entry) };
}

/** Lowercase, no IPv6 brackets, no trailing dot. */
function bare(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

/** An IPv4 address inside a CIDR range such as 10.0.0.0/8. */
function inRange(host: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const size = Number(bits);
  const a = ipv4(host);
  const b = ipv4(base!);
  if (a === undefined || b === undefined || !Number.isInteger(size) || size < 0 || size > 32) return false;
  const mask = size === 0 ? 0 : (~0 << (32 - size)) >>> 0;
  return (a & mask) >>> 0 === (b & mask) >>> 0;
}

function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** The proxy as it may be shown: a user name and password replaced by *** (a user name is often a token). */
export function describeProxy(proxy: Proxy): string {
  const user = proxy.url.username || proxy.url.password ? '***@' : '';
  return `${proxy.url.protocol}//${user}${proxy.url.host} (from ${proxy.variable})`;
}

function authorization(proxy: Proxy): Record<string, string> {
  const { username, password } = proxy.url;
  if (!username && !password) return {};
  const pair = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(pair).toString('base64')}` };
}

type Request = (url: URL, options: RequestOptions) => ClientRequest;

/**
 * How to send a request to `target` through `proxy`: a request function
 * standing in for node:http(s)'s `request`, plus the line --verbose shows.
 */
export interface Route {
  request: Request;
  /** A failure to reach the proxy, said as such. */
  explain: (error: unknown) => unknown;
  /** Throws on the proxy's own refusal of a request sent to it in full. */
  check: (answer: IncomingMessage) => void;
}

function viaProxy(proxy: Proxy, target: URL): Route & { note: string } {
  const proxyRequest = (proxy.url.protocol === 'https:' ? process.getBuiltinModule('node:https') : process.getBuiltinModule('node:http')).request;
  const where = `${bare(target.hostname)}:${target.port || (target.protocol === 'https:' ? '443' : '80')}`;
  const explain = (error: unknown) => proxyFailure(error, proxy);
  const check = (answer: IncomingMessage) => {
    if (answer.statusCode === 407) throw refusal(answer, proxy, `forward the request to ${where}`);
  };

  if (target.protocol === 'https:') {
    const { request } = process.getBuiltinModule('node:https');
    return {
      note: `via proxy ${describeProxy(proxy)}, tunnel to ${where}`,
      explain,
      check: () => undefined,
      request: (url, options) =>
        request(url, {
          ...options,
          createConnection: ((_: unknown, done: (error: Error | null, socket?: Socket) => void) => {
            tunnel(proxyRequest, proxy, where, target, options.signal ?? undefined).then(
              (socket) => done(null, socket),
              (error: Error) => done(error),
            );
            return undefined;
          }) as unknown as RequestOptions['createConnection'],
        }),
    };
  }

  return {
    note: `via proxy ${describeProxy(proxy)} for ${where}`,
    explain,
    check,
    request: (url, options) =>
      proxyRequest(proxy.url, {
        ...options,
        path: url.href,
        headers: { ...(options.headers as Record<string, string>), host: url.host, ...authorization(proxy) },
        agent: false,
      }),
  };
}

/** A TLS connection to `target` inside a CONNECT tunnel through the proxy. */
function tunnel(proxyRequest: Request, proxy: Proxy, where: string, target: URL, signal: AbortSignal | undefined): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const connect = proxyRequest(proxy.url, { method: 'CONNECT', path: where, headers: { host: where, ...authorization(proxy) }, agent: false, signal });
    connect.on('error', reject);
    connect.on('connect', (answer: IncomingMessage, socket: Socket) => {
      if (answer.statusCode !== 200) {
        socket.destroy();
        reject(refusal(answer, proxy, `open a tunnel to ${where}`));
        return;
      }
      const { connect: tls } = process.getBuiltinModule('node:tls');
      const host = bare(target.hostname);
      const secure = tls({ socket, host, servername: /^[\d.]+$|:/.test(host) ? undefined : host });
      secure.once('secureConnect', () => resolve(secure));
      secure.once('error', reject);
    });
    connect.end();
  });
}

/** The proxy's own refusal, as a typed error (407 is about credentials: exit 4). */
function refusal(answer: IncomingMessage, proxy: Proxy, what: string): Error {
  const status = `${answer.statusCode} ${answer.statusMessage ?? ''}`.trim();
  if (answer.statusCode === 407) {
    return new AuthError(
      `The proxy ${describeProxy(proxy)} answered ${status}`,
      proxy.url.username ? 'Check the user name and password in the proxy URL.' : `Put the proxy's credentials in ${proxy.variable}: http://user:password@host:port`,
    );
  }
  return new NetworkError(`The proxy ${describeProxy(proxy)} refused to ${what}: ${status}`, 'Check the proxy, or list the host in NO_PROXY to connect directly.');
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Failing to reach the proxy itself is said as such, not blamed on Letta's address. */
function proxyFailure(error: unknown, proxy: Proxy): unknown {
  const code = (error as { code?: unknown } | undefined)?.code;
  const syscall = (error as { syscall?: unknown } | undefined)?.syscall;
  if (typeof code === 'string' && UNREACHABLE.has(code) && (syscall === 'connect' || syscall === 'getaddrinfo')) {
    return new NetworkError(`Cannot reach the proxy ${describeProxy(proxy)} (${code})`, `Check ${proxy.variable}, or list the host in NO_PROXY to connect directly.`);
  }
  return error;
}
