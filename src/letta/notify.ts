import { InterruptedError, NetworkError, UsageError } from '../errors';
import { VERSION } from '../version';
import { exchange } from './transport';
import { requestSignal } from './request-signal';

/** A notify target gets this long to answer (or the --timeout, if shorter). */
export const NOTIFY_TIMEOUT_MS = 10_000;
/** The one retry waits this long, and only after no answer or a 5xx/429. */
const RETRY_DELAY_MS = 1_000;

export interface NotifyOptions {
  timeoutMs: number;
  signal: AbortSignal;
  env: Record<string, string | undefined>;
  log?: (line: string) => void;
}

/** A notify URL must be http(s) and a URL; a UsageError otherwise. */
export function notifyUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new UsageError(`--notify '${value}' is not a URL`, 'Give the full address, e.g. https://hc-ping.com/UUID/fail or https://ntfy.sh/my-topic.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--notify '${value}' is not an http(s) URL`);
  return url;
}

/**
 * POST a JSON document to a notify URL (a chat webhook, a health check, ntfy):
 * never with the Letta API key or any credential, with a timeout, and at most
 * one retry when the target gave no answer or a 5xx/429, so a broken target
 * never gets a storm. Resolves with the status; a NetworkError when it failed.
 */
export async function postNotification(url: URL, document: unknown, options: NotifyOptions): Promise<number> {
  const body = JSON.stringify(document);
  let failure = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    if (attempt === 2) await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    const request = requestSignal(options.signal, Math.min(options.timeoutMs, NOTIFY_TIMEOUT_MS));
    try {
      options.log?.(`→ POST ${url.origin}${url.pathname} (notify)`);
      const reply = await exchange({
        method: 'POST',
        url,
        // Only these headers: the target is not Letta, so no authorization of any kind goes to it.
        headers: { 'content-type': 'application/json', accept: '*/*', 'user-agent': `letta-switchboard/${VERSION}` },
        body,
        signal: request.signal,
        env: options.env,
        log: options.log,
      });
      options.log?.(`← ${reply.status} (notify)`);
      if (reply.status >= 200 && reply.status < 300) return reply.status;
      failure = `it answered ${reply.status}`;
      if (reply.status < 500 && reply.status !== 429) break;
    } catch (error) {
      if (options.signal.aborted) throw new InterruptedError();
      failure = request.timedOut()
        ? `it gave no answer within ${Math.min(options.timeoutMs, NOTIFY_TIMEOUT_MS)} ms`
        : `the connection failed (${(error as { code?: string }).code ?? (error as Error).message})`;
    } finally {
      request.done();
    }
  }
  throw new NetworkError(`Could not notify ${url.origin}: ${failure}`);
}
