import type { Output } from './output';
import { maskKey } from './secrets';

export interface UnsentRequest {
  method: string;
  url: string;
  body?: unknown;
}

/** --dry-run: a request exactly as it would have been sent, the key masked. With --json, one object a line. */
export function printRequest(out: Output, { method, url, body }: UnsentRequest, apiKey: string): void {
  const key = apiKey ? maskKey(apiKey) : '(no key set)';
  if (out.json) {
    out.request(`${JSON.stringify({ method, url, headers: { authorization: `Bearer ${key}` }, ...(body === undefined ? {} : { body }) })}\n`);
    return;
  }
  const lines = [`${method} ${url}`, `Authorization: Bearer ${key}`];
  if (body !== undefined) lines.push('Content-Type: application/json', '', JSON.stringify(body, null, 2));
  out.request(`${lines.join('\n')}\n`);
}
