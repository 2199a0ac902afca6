import {
  ApiError,
  AuthError,
  CreateMayHaveLandedError,
  InterruptedError,
  MalformedResponseError,
  NetworkError,
  DeleteMayHaveLandedError,
  NotFoundError,
  RedirectRefusedError,
  ResponseTooLargeError,
  RouteMissingError,
  CliError,
  type KeySource,
  type LandingKind,
} from '../errors';
import { oneLine } from '../output/inert';
import { VERSION } from '../version';
import { exchange, MAX_BODY_BYTES } from './transport';
import { requestSignal } from './request-signal';
import { apiUrl, type Query } from './url';

export type Method = 'GET' | 'POST' | 'DELETE';

export interface ClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Where the key came from, so a refused key can be traced to its setting. */
  keySource?: KeySource;
  timeoutMs: number;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  /** --verbose lines (the caller's writer masks the key). */
  log?: (line: string) => void;
  /** Where the proxy variables are read (HTTPS_PROXY, NO_PROXY, ...). */
  env?: Record<string, string | undefined>;
  /**
   * --dry-run: reads (GET) are sent, so names and ids resolve and the printed
   * request is the exact one; every changing request is handed here instead
   * of being sent, and answered with DRY_RUN_ANSWER.
   */
  dryRun?: (request: { method: Method; url: string; body?: unknown }) => void;
}

/** What a request not sent under --dry-run answers: enough for any command to finish its output. */
export const DRY_RUN_ANSWER = Object.freeze({ id: '(dry-run)', status: 'dry run', messages: [] as unknown[] });

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** For a POST: what may already exist if the answer is lost after the request went out. */
  mayLand?: { agentId: string; kind: LandingKind };
  /**
   * The routes belong to this feature: a server without them at all (405, or a bare "Not Found") lacks it.
   * `letta`: routes every Letta server has (agents, their messages, the run list), so lacking them means the base URL is not Letta's API.
   */
  feature?: 'schedules' | 'history' | 'letta';
}

export const MAX_ATTEMPTS = 3;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** A Retry-After longer than this is reported rather than waited for. */
const MAX_RETRY_AFTER_MS = 60_000;
const MAX_REDIRECTS = 3;
/** Errors raised before any byte of the request left this machine: safe to retry even a POST. */
const NOT_SENT = new Set(['ECONNREFUSED']);
const NO_ANSWER = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Reason phrases for when a server (or HTTP/2) sends none. Not node:http's table: loading that module costs start-up time. */
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

interface Answer {
  status: number;
  statusText: string;
  headers: Record<string, string | undefined>;
  text: string;
}

/**
 * The one HTTP seam to Letta: bearer auth, a timeout on every request, retries
 * for idempotent requests (never for a POST that may have landed), typed
 * errors with exit codes, and the key kept out of every message.
 */
export class LettaClient {
  constructor(private readonly options: ClientOptions) {}

  async request<T = unknown>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    let url = apiUrl(this.options.baseUrl, path, options.query);
    if (this.options.dryRun) {
      if (method !== 'GET') {
        this.options.dryRun({ method, url: url.href, ...(options.body === undefined ? {} : { body: options.body }) });
        return { ...DRY_RUN_ANSWER } as T;
      }
      if (!this.options.apiKey) throw new AuthError('No API key set', '--dry-run still reads (GET) to find names and ids; that needs a key.');
    }
    const idempotent = method !== 'POST';
    for (let attempt = 1, redirects = 0; ; attempt++) {
      let answer: Answer;
      try {
        answer = await this.send(method, url, options.body);
      } catch (error) {
        const code = errorCode(error);
        if (code === TOO_LARGE) throw new ResponseTooLargeError(`Letta's answer to ${method} ${url.pathname} is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB; stopped reading it`, MAX_BODY_BYTES);
        const failure = this.networkFailure(error, method, url, options);
        // A timeout is the user's whole budget for this request, so it is never retried.
        const retry = attempt < MAX_ATTEMPTS && failure instanceof NetworkError && (idempotent ? code !== 'TIMEOUT' : NOT_SENT.has(code));
        if (!retry) throw failure;
        await this.pause(this.backoff(attempt), `${method} ${url.pathname}`, attempt, failure.message);
        continue;
      }

      if (answer.status >= 300 && answer.status < 400 && answer.headers.location) {
        url = this.followable(url, answer.headers.location, method, answer.status, ++redirects);
        attempt--;
        continue;
      }
      if (answer.status >= 200 && answer.status < 300) return this.readBody(answer, method, url, options) as T;

      const retryable = idempotent ? answer.status === 408 || answer.status === 429 || answer.status >= 500 : answer.status === 429;
      const error = this.statusError(answer, method, options);
      if (!retryable) throw error;
      // Tried as often as it is: said, so the user knows it was not one bad moment, and that waiting may help.
      if (attempt >= MAX_ATTEMPTS) {
        if (!(error instanceof ApiError) || error.hint || error.constructor !== ApiError) throw error;
        const why = answer.status === 429 ? 'Letta is limiting requests' : answer.status === 408 ? 'Letta timed out on this request' : 'Letta is failing this request';
        throw new ApiError(`${error.message} (tried ${attempt} times)`, error.status, `${why}; try again in a few minutes.`);
      }
      const asked = retryAfter(answer.headers);
      const delay = asked ?? this.backoff(attempt);
      // Longer than a command should sit waiting: said, so the user knows when to try again.
      if (delay > MAX_RETRY_AFTER_MS)
        throw error instanceof ApiError && asked !== undefined ? new ApiError(error.message, error.status, `Letta asked to wait ${waitText(asked)} before trying again.`) : error;
      await this.pause(delay, `${method} ${url.pathname}`, attempt, `${answer.status} ${answer.statusText}`.trim());
    }
  }

  private async send(method: Method, url: URL, body: unknown): Promise<Answer> {
    const { timeoutMs, signal, apiKey, log, env } = this.options;
    const request = requestSignal(signal, timeoutMs);
    const started = Date.now();
    log?.(`→ ${method} ${url.href}`);
    try {
      const reply = await exchange({
        method,
        url,
        headers: {
          authorization: `Bearer ${apiKey}`,
          accept: 'application/json',
          'user-agent': `letta-switchboard/${VERSION}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: request.signal,
        env: env ?? {},
        log,
      });
      const statusText = reply.statusText || REASONS[reply.status] || '';
      log?.(`← ${reply.status} ${statusText} in ${Date.now() - started} ms`);
      return { ...reply, statusText };
    } catch (error) {
      if (signal.aborted) throw new InterruptedError();
      if (request.timedOut()) throw new TimeoutSignal();
      throw error;
    } finally {
      request.done();
    }
  }

  private networkFailure(error: unknown, method: Method, url: URL, options: RequestOptions): CliError {
    // Already said in the user's terms (Ctrl-C; a proxy's refusal, which never reached Letta).
    if (error instanceof CliError) return error;
    const code = errorCode(error);
    const where = url.host;
    let failure: NetworkError;
    if (code === 'TIMEOUT') {
      failure = new NetworkError(`No answer from ${where} within ${this.options.timeoutMs} ms (${method} ${url.pathname})`, undefined, 'timeout');
    } else if (NO_ANSWER.has(code)) {
      failure = new NetworkError(`Cannot reach ${where} (${code})`, undefined, 'unreachable');
    } else {
      const reason = code !== 'UNKNOWN' ? code : error instanceof Error ? error.message : String(error);
      failure = new NetworkError(`The connection to ${where} failed (${reason})`, undefined, 'cut');
    }
    const unsure = method === 'POST' && !NOT_SENT.has(code) && options.mayLand;
    if (unsure) return new CreateMayHaveLandedError(failure, unsure.agentId, unsure.kind);
    // A delete sent whose answer was lost may have been done: running it again finishes it either way.
    if (method === 'DELETE' && !NOT_SENT.has(code))
      return new DeleteMayHaveLandedError(failure.message, 'The delete may have been done (its answer was lost): run the command again to finish it, or list the schedules to see.', failure.reason);
    return failure;
  }

  /** A success whose body cannot be read: for a POST that may land, it did reach the server, so it may exist. */
  private readBody(answer: Answer, method: Method, url: URL, options: RequestOptions): unknown {
    try {
      return parseBody(answer, method, url);
    } catch (error) {
      if (method === 'POST' && options.mayLand && error instanceof CliError) throw new CreateMayHaveLandedError(error, options.mayLand.agentId, options.mayLand.kind);
      throw error;
    }
  }

  private statusError(answer: Answer, method: Method, options: RequestOptions): CliError {
    const status = answer.status;
    const detail = serverMessage(answer.text);
    const label = `${status} ${answer.statusText}`.trim();
    // An empty body said as JSON ("{}", "[]", null) says nothing more than the status.
    const said = /^(?:\{\}|\[\]|null)$/.test(detail) ? '' : detail;
    const message = said ? `Letta answered ${label}: ${said}` : `Letta answered ${label}`;
    if (status === 401 || status === 403) return new AuthError(message, undefined, { status, keySource: this.options.keySource });
    // 405, or FastAPI's bare "Not Found": the server lacks the route itself, not the thing asked for.
    const noRoute = status === 405 || (status === 404 && (detail === 'Not Found' || detail === ''));
    if (noRoute && options.feature) return new RouteMissingError(message, status, options.feature);
    if (status === 404) return new NotFoundError(message);
    const failure = new ApiError(message, status);
    const unsure = method === 'POST' && status >= 500 && options.mayLand;
    return unsure ? new CreateMayHaveLandedError(failure, unsure.agentId, unsure.kind) : failure;
  }

  private followable(from: URL, location: string, method: Method, status: number, count: number): URL {
    let to: URL;
    try {
      to = new URL(location, from);
    } catch {
      throw new MalformedResponseError(`Letta answered ${status} with a redirect to '${excerpt(location)}', which is not a URL`, 'a redirect', 'location');
    }
    if (to.origin !== from.origin) {
      throw new RedirectRefusedError(`Letta answered ${status} with a redirect to ${to.origin}; not following it, so the API key is not sent to another host`, status, to.origin);
    }
    const keepsMethod = status === 307 || status === 308;
    if (count > MAX_REDIRECTS || (method === 'POST' && !keepsMethod)) {
      throw new ApiError(`Letta answered ${status} with a redirect to ${to.pathname} that cannot be followed`, status);
    }
    return to;
  }

  private backoff(attempt: number): number {
    const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
    return Math.round(base * (0.5 + Math.random() / 2));
  }

  private async pause(ms: number, what: string, attempt: number, reason: string) {
    this.options.log?.(`retrying ${what} in ${(ms / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${MAX_ATTEMPTS}): ${reason}`);
    await sleep(ms, this.options.signal);
  }
}

/** The code transport gives a body it stopped reading at MAX_BODY_BYTES. */
const TOO_LARGE = 'EBODYTOOLARGE';

class TimeoutSignal extends Error {
  readonly code = 'TIMEOUT';
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

/** A wait as people say it: "90 s", "15 min", "2 h". */
function waitText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.ceil(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/** Milliseconds from retry-after-ms or Retry-After (seconds or an HTTP date), if given. */
export function retryAfter(headers: Answer['headers'], now = Date.now()): number | undefined {
  const ms = Number(headers['retry-after-ms']);
  if (headers['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers['retry-after'];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The server's own words from an error body: {"detail": ...}, {"error": {...}}, or a short excerpt of HTML/text.
 * On one line with control characters shown, never obeyed: it ends up on the user's terminal.
 */
export function serverMessage(text: string): string {
  return oneLine(serverWords(text)).trim();
}

function serverWords(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  try {
    const body = JSON.parse(trimmed) as Record<string, unknown>;
    const detail = body?.detail;
    if (typeof detail === 'string') return detail;
    if (Array.isArray(detail)) {
      return detail
        .map((item) => {
          const { loc, msg } = (item ?? {}) as { loc?: unknown[]; msg?: unknown };
          const where = Array.isArray(loc) ? loc.filter((part) => part !== 'body').join('.') : '';
          return where ? `${where}: ${String(msg)}` : String(msg ?? JSON.stringify(item));
        })
        .join('; ');
    }
    const error = body?.error;
    if (error && typeof error === 'object') {
      const { message, detail: inner, type } = error as Record<string, unknown>;
      // "Out of credits" with its detail ("Upgrade your plan"): what to do is often in the detail.
      if (typeof message === 'string' && typeof inner === 'string' && inner.trim() !== '' && inner !== message) return `${message} (${inner})`;
      return String(message ?? inner ?? type ?? JSON.stringify(error));
    }
    if (typeof error === 'string') return error;
    if (typeof body?.message === 'string') return body.message;
    return excerpt(trimmed);
  } catch {
    return excerpt(trimmed.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' '));
  }
}

/** A short piece of a server's text, safe for a terminal. */
function excerpt(text: string): string {
  const flat = oneLine(text.replace(/\s+/g, ' ')).trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}

function parseBody(answer: Answer, method: Method, url: URL): unknown {
  if (answer.text.trim() === '') return null;
  try {
    return JSON.parse(answer.text);
  } catch {
    throw new MalformedResponseError(`Letta answered ${answer.status} to ${method} ${url.pathname} with a body that is not JSON: ${excerpt(answer.text)}`, `${method} ${url.pathname}`);
  }
}

/** Wait `ms` before a retry; Ctrl-C ends the wait. Under the command's one listener, as a request is: a wait that ended leaves nothing on its signal. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const wait = requestSignal(signal, ms);
    const end = () => {
      wait.done();
      if (wait.timedOut()) resolve();
      else reject(new InterruptedError());
    };
    if (wait.signal.aborted) return end();
    wait.signal.addEventListener('abort', end, { once: true });
  });
}
