import { RetiredServiceError, UsageError } from '../errors';

export type Query = Record<string, string | number | undefined>;

/**
 * The base URL, checked: http(s) only, no credentials, never the retired
 * hosted service. A trailing /v1 is dropped, since every route adds its own.
 */
export function parseBaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new UsageError(`'${value}' is not a URL`, fullAddressHint(value));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`'${value}' is not an http(s) URL`, fullAddressHint(value));
  }
  if (url.username || url.password) throw new UsageError('The base URL must not contain a user name or password');
  // Each route is joined to the address, which drops a query or fragment: refuse it rather than save what is never sent (its text may be a token: not shown).
  if (url.search || url.hash) {
    const given = url.search ? 'a query (?...)' : 'a fragment (#...)';
    url.search = url.hash = '';
    throw new UsageError(`The base URL has ${given}, which no request would carry`, `Give the address alone: ${url.href.replace(/\/$/, '')}`);
  }
  // The Go CLI's hosted service ran on Modal; it answers 410 now, so the key must not go there.
  if (url.hostname === 'modal.run' || url.hostname.endsWith('.modal.run')) throw new RetiredServiceError(url.origin);
  // [vV], not the i flag: V8 sets up case folding for a pattern's first case-insensitive use (0.1 ms of every command that talks to Letta).
  // "http://host//" is the same server as "http://host/": a doubled slash names no other one.
  url.pathname = url.pathname.replace(/\/{2,}/g, '/').replace(/(\/[vV]1)+\/*$/, '/');
  return url;
}

/**
 * How to write the address: a host and port without a scheme (`localhost:8283`, a self-hosted
 * server's usual address, which parses as the scheme `localhost:`) gets it back with `http://`
 * for this machine, else `https://`.
 */
function fullAddressHint(value: string): string {
  const given = value.trim();
  if (/^[a-z0-9.-]+(:\d+)?(\/\S*)?$/i.test(given)) {
    try {
      const guess = new URL(`http://${given}`);
      return `Use a full address: ${isLoopback(guess.hostname) ? 'http' : 'https'}://${given}`;
    } catch {
      // Not a host either: the general hint below.
    }
  }
  return 'Use a full address such as https://api.letta.com';
}

/** True for http:// addresses other than this machine, where the key would travel in clear text. */
export function isCleartextRemote(url: URL): boolean {
  return url.protocol === 'http:' && !isLoopback(url.hostname);
}

/**
 * localhost, 127.0.0.0/8 or ::1, judged on the host as the URL parser
 * normalised it (dotted decimal IPv4, compressed IPv6), never on a prefix:
 * 127.evil.com is a name like any other.
 */
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  // ::1, and IPv4-mapped 127.x.x.x (written ::ffff:7fxx:xxxx once parsed).
  return host === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}

/** base + "/v1/..." + query, keeping any path prefix the base URL has. */
export function apiUrl(base: string, path: string, query?: Query): URL {
  const url = new URL(path.replace(/^\//, ''), parseBaseUrl(base).href.replace(/\/*$/, '/'));
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}

/** Invisible characters a pasted key often carries, by name. */
const CHARACTER_NAMES: Record<string, string> = {
  '\u200b': 'zero-width space',
  '\u200c': 'zero-width non-joiner',
  '\u200d': 'zero-width joiner',
  '\u2060': 'word joiner',
  '\ufeff': 'byte-order mark',
  '\u00a0': 'no-break space',
  ' ': 'space',
  '\t': 'tab',
};

/**
 * What keeps an API key out of an Authorization header, said for a person:
 * a bearer token is visible ASCII only, so a pasted zero-width space, a
 * space or a letter outside ASCII is refused before anything is sent.
 */
export function keyProblem(key: string): string | undefined {
  let position = 0;
  for (const char of key) {
    position++;
    if (/^[\x21-\x7e]$/.test(char)) continue;
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const name = CHARACTER_NAMES[char];
    return `has ${name ? `a ${name} (${code})` : code} at character ${position}, which an HTTP header cannot carry`;
  }
  return undefined;
}
