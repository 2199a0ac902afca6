import { UsageError } from '../errors';

export type Query = Record<string, string | number | undefined>;

/** The base URL, checked: http(s) only. */
export function parseBaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`'${value}' is not a URL`, 'Use a full address such as https://api.letta.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`'${value}' is not an http(s) URL`, 'Use a full address such as https://api.letta.com');
  }
  if (url.username || url.password) throw new UsageError('The base URL must not contain a user name or password');
  return url;
}

/** True for http:// addresses other than this machine, where the key would travel in clear text. */
export function isCleartextRemote(url: URL): boolean {
  if (url.protocol !== 'http:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return !(host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1');
}

/** base + "/v1/..." + query, keeping any path prefix the base URL has. */
export function apiUrl(base: string, path: string, query?: Query): URL {
  const url = new URL(path.replace(/^\//, ''), parseBaseUrl(base).href.replace(/\/*$/, '/'));
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}
