import type { Output } from './output';
import { maskKey } from './secrets';

export interface UnsentRequest {
  method: string;
  url: string;
  body?: unknown;
}

/**
 * --dry-run: a request exactly as it would have been sent, the key masked. With --json, one object a line. On stdout,
 * or `aside` on stderr when stdout holds the command's own data.
 */
export function printRequest(out: Output, { method, url, body }: UnsentRequest, apiKey: string | null, { aside = false }: { aside?: boolean } = {}): void {
  const print = (text: string) => (aside ? out.requestAside(text) : out.request(text));
  // null: a request to somewhere other than Letta (a notify URL), which carries no key at all.
  const key = apiKey === null ? undefined : apiKey ? maskKey(apiKey) : '(no key set)';
  const auth = key === undefined ? [] : [`Authorization: Bearer ${key}`];
  if (out.json) {
    print(`${JSON.stringify({ method, url, ...(key === undefined ? {} : { headers: { authorization: `Bearer ${key}` } }), ...(body === undefined ? {} : { body }) })}\n`);
    return;
  }
  const lines = [`${method} ${url}`, ...auth];
  if (body !== undefined) lines.push('Content-Type: application/json', '', JSON.stringify(body, null, 2));
  print(`${lines.join('\n')}\n`);
}
