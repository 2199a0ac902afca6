/** One HTTP exchange over node:http(s): far cheaper to start than fetch, whose first use costs ~100 ms on Node 20. */
import type { Route } from './proxy';

export interface Exchange {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY (or their lowercase forms) are read; process.env when not given. */
  env?: Record<string, string | undefined>;
  /** --verbose lines (the caller's writer masks secrets; proxy passwords never reach it). */
  log?: (line: string) => void;
}

export interface Reply {
  status: number;
  statusText: string;
  headers: Record<string, string | undefined>;
  text: string;
}

/** The largest answer read: far above any real Letta answer, far below what a string or the heap can hold. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

/** Lines already logged, so a list of many pages says once how it connects. */
const said = new Set<string>();

export async function exchange({ method, url, headers, body, signal, env = process.env, log }: Exchange): Promise<Reply> {
  const route = PROXY_VARIABLES.some((name) => env[name]) ? await proxyRoute(url, env, log) : directRoute(url);
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => reject(route.explain(error));
    const req = route.request(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      signal,
    });
    req.on('error', fail);
    req.on('response', (res) => {
      try {
        route.check(res);
      } catch (error) {
        res.destroy();
        reject(error);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Stop reading (and drop the connection) rather than let an endless body grow.
        if (size <= MAX_BODY_BYTES) return chunks.push(chunk);
        reject(Object.assign(new Error('The answer is too large'), { code: 'EBODYTOOLARGE' }));
        req.destroy();
      });
      res.on('error', reject);
      res.on('end', () => {
        const flat: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(res.headers)) flat[name] = Array.isArray(value) ? value.join(', ') : value;
        resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: flat, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.end(body);
  });
}

function directRoute(url: URL): Route {
  // Loaded here, not imported at the top: node:http costs every command start-up time, and most never use it.
  const { request } = url.protocol === 'https:' ? process.getBuiltinModule('node:https') : process.getBuiltinModule('node:http');
  return { request, explain: (error) => error, check: () => undefined };
}

/** Only read when a proxy variable is set, so runs without one load nothing more. */
async function proxyRoute(url: URL, env: Record<string, string | undefined>, log: Exchange['log']): Promise<Route> {
  const { routeFor } = await import('./proxy');
  const { route, note } = routeFor(url, env);
  if (note && log && !said.has(note)) {
    said.add(note);
    log(note);
  }
  return route ?? directRoute(url);
}
