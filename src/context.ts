import { readlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { configPath, legacyConfigPath, readConfigFile, readLegacyApiKey, type ConfigFile } from './config/store';
import { resolveSettings, type Settings } from './config/settings';
import { AuthError, InterruptedError, UsageError } from './errors';
import type { LettaApi } from './letta/api';
import { apiUrl, isCleartextRemote, parseBaseUrl, type Query } from './letta/url';
import { Output, type Io } from './output/output';
import { maskKey, Secrets } from './output/secrets';
import { isoInstant } from './time/iso';
import { checkZone } from './time/zone';

/** The options every command accepts (commander's names). */
export interface GlobalOptions {
  json?: boolean;
  quiet?: boolean;
  color?: boolean;
  apiKey?: string;
  baseUrl?: string;
  timeout?: string;
  tz?: string;
  now?: string;
  dryRun?: boolean;
  verbose?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * What a command gets to work with. Commands never touch process.env or
 * process.stdout themselves, so any of them can run in-process in a test.
 */
export class Context {
  readonly out: Output;
  readonly configPath: string;
  private file: ConfigFile | undefined;
  private resolved = new Map<string | undefined, Settings>();
  private api: LettaApi | undefined;
  private warnedCleartext = false;
  private checkedZone: string | undefined;

  constructor(
    readonly io: Io,
    readonly env: Record<string, string | undefined>,
    readonly globals: GlobalOptions,
    readonly signal: AbortSignal,
    secrets: Secrets = new Secrets(),
  ) {
    this.out = new Output(io, { colour: globals.color !== false, env }, secrets);
    this.configPath = configPath(env, this.home);
    this.out.hideSecret(globals.apiKey);
    this.out.hideSecret(env.LETTA_API_KEY);
  }

  get home(): string {
    return this.env.HOME || homedir();
  }

  get json(): boolean {
    return !!this.globals.json;
  }

  get quiet(): boolean {
    return !!this.globals.quiet;
  }

  get dryRun(): boolean {
    return !!this.globals.dryRun;
  }

  /** The config file's contents (read once; a broken file is a UsageError). */
  configFile(): ConfigFile {
    this.file ??= readConfigFile(this.configPath);
    return this.file;
  }

  /** Every setting with where it came from (resolved once per agent flag). */
  settings(agentFlag?: string): Settings {
    const known = this.resolved.get(agentFlag);
    if (known) return known;
    const file = this.configFile();
    const settings = resolveSettings({
      flags: { apiKey: this.globals.apiKey, baseUrl: this.globals.baseUrl, agentId: agentFlag, tz: this.globals.tz },
      env: this.env,
      file,
      legacyApiKey: file.api_key ? undefined : readLegacyApiKey(legacyConfigPath(this.home)),
      systemZone,
    });
    this.out.hideSecret(settings.apiKey.value);
    this.resolved.set(agentFlag, settings);
    return settings;
  }

  /** "now" for every phrase: --now (Unix ms, or ISO 8601, read in the user's zone when it has no offset) or the clock. */
  now(): number {
    const value = this.globals.now?.trim();
    if (value === undefined) return Date.now();
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00` : value;
    const ms = /^\d+$/.test(value) ? Number(value) : (isoInstant(iso, this.zone()) ?? NaN);
    if (!Number.isFinite(ms)) {
      throw new UsageError(`--now '${value}' is not an instant`, "Use ISO 8601 ('2026-11-22T15:00:00Z') or Unix milliseconds.");
    }
    return ms;
  }

  /**
   * The user's zone, checked. A --tz or config zone must be known; one from TZ
   * or the system that the time zone database does not know (a POSIX rule, a
   * file path) falls back to UTC, with a warning.
   */
  zone(): string {
    this.checkedZone ??= this.findZone();
    return this.checkedZone;
  }

  private findZone(): string {
    const { value, source } = this.settings().timezone;
    if (source === 'flag' || source === 'file') return checkZone(value);
    try {
      return checkZone(value);
    } catch {
      this.out.warn(`The time zone '${value}' (from ${source === 'env' ? 'TZ' : 'the system'}) is unknown; using UTC. Set one with --tz or letta-switchboard config set-timezone.`);
      return 'UTC';
    }
  }

  timeoutMs(): number {
    if (this.globals.timeout === undefined) return DEFAULT_TIMEOUT_MS;
    const ms = Number(this.globals.timeout);
    if (!Number.isInteger(ms) || ms <= 0) throw new UsageError(`--timeout '${this.globals.timeout}' must be a positive number of milliseconds`);
    return ms;
  }

  /** The agent to act on: --agent-id, LETTA_AGENT_ID or the config file. Names are resolved later. */
  agentFlagOrDefault(flag: string | undefined): string {
    const agent = this.settings(flag).agentId.value;
    if (!agent) {
      throw new UsageError('No agent given', 'Pass --agent-id AGENT (an id or a name), set LETTA_AGENT_ID, or run: letta-switchboard config set-agent-id AGENT');
    }
    return agent;
  }

  /** An authenticated API, built on first use (so offline commands never load the HTTP stack). */
  async letta(): Promise<LettaApi> {
    if (this.api) return this.api;
    const settings = this.settings();
    const apiKey = settings.apiKey.value;
    if (!apiKey) {
      throw new AuthError('No API key set', "Run 'letta-switchboard config set-api-key -' and paste your key, or set LETTA_API_KEY.");
    }
    const base = this.checkedBaseUrl();
    const [{ LettaClient }, { LettaApi }] = await Promise.all([import('./letta/client'), import('./letta/api')]);
    const client = new LettaClient({
      baseUrl: base.href,
      apiKey,
      timeoutMs: this.timeoutMs(),
      signal: this.signal,
      log: this.globals.verbose ? (line) => this.out.info(this.out.paintErr.dim(line)) : undefined,
    });
    this.api = new LettaApi(client);
    return this.api;
  }

  /** The base URL, checked, with a warning when the key would cross the network in clear text. */
  private checkedBaseUrl(): URL {
    const base = parseBaseUrl(this.settings().baseUrl.value);
    if (isCleartextRemote(base) && !this.warnedCleartext) this.out.warn(`${base.origin} is plain http: the API key would travel unencrypted.`);
    this.warnedCleartext = true;
    return base;
  }

  /** --dry-run: the exact request, key masked, and nothing sent. */
  printRequest(method: string, path: string, body?: unknown, query?: Query): void {
    const settings = this.settings();
    const url = apiUrl(this.checkedBaseUrl().href, path, query).href;
    const key = settings.apiKey.value ? maskKey(settings.apiKey.value) : '(no key set)';
    if (this.json) {
      this.out.jsonLine({ method, url, headers: { authorization: `Bearer ${key}` }, ...(body === undefined ? {} : { body }) });
      return;
    }
    this.out.line(`${method} ${url}`);
    this.out.line(`Authorization: Bearer ${key}`);
    if (body !== undefined) {
      this.out.line('Content-Type: application/json');
      this.out.line('');
      this.out.line(JSON.stringify(body, null, 2));
    }
  }

  /** All of stdin as UTF-8 text (refusing invalid UTF-8 and anything over `maxBytes`). */
  async readStdin(what: string, maxBytes = 1024 * 1024): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = this.io.stdin;
    const reading = (async () => {
      for await (const chunk of stream as AsyncIterable<Buffer | string>) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += buffer.length;
        if (size > maxBytes) throw new UsageError(`${what} from stdin is larger than ${Math.round(maxBytes / 1024)} KiB`);
        chunks.push(buffer);
      }
    })();
    const interrupted = new Promise<never>((_, reject) => {
      if (this.signal.aborted) reject(new InterruptedError());
      this.signal.addEventListener('abort', () => reject(new InterruptedError()), { once: true });
    });
    await Promise.race([reading, interrupted]);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    } catch {
      throw new UsageError(`${what} from stdin is not valid UTF-8`);
    }
  }
}

/** The machine's zone from /etc/localtime's link, else from Intl (whose first use costs ~15 ms). */
function systemZone(): string {
  try {
    const zone = /zoneinfo\/(.+)$/.exec(readlinkSync('/etc/localtime'))?.[1];
    if (zone) return zone === 'Etc/UTC' || zone === 'Etc/Universal' ? 'UTC' : zone;
  } catch {
    // Not a link (or not there): ask Intl.
  }
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
