import { readlinkSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { configPath, legacyApiKeyUnreadable, legacyConfigPath, misspeltKeys, readConfigFile, readLegacyApiKey, type ConfigFile } from './config/store';
import { usableEnvironment } from './config/environment';
import { posixTzZone, resolveSettings, type Settings, type Source } from './config/settings';
import { AuthError, InterruptedError, NO_KEY_HINT, UsageError, type KeySource } from './errors';
import type { GlobalOptions } from './global-options';
import type { AgentNames } from './letta/agent-names';
import type { LettaApi } from './letta/api';
import { isCleartextRemote, keyProblem, parseBaseUrl } from './letta/url';
import { Output, type Io } from './output/output';
import type { Secrets } from './output/secrets';
import { parseNow } from './time/now';
import { checkZone } from './time/zone';

/**
 * What a command works with: the streams (masked writers) and terminal facts,
 * stdin and prompts, the settings resolved once with their sources, the clock
 * and zone checked once, and the API built on first use. Commands never touch
 * process.* themselves, so any of them runs in-process in a test.
 */
export class Runtime {
  readonly out: Output;
  /** The environment, less blank values and XDG folder variables that are not absolute paths (see usableEnvironment). */
  readonly env: Record<string, string | undefined>;
  private foundConfigPath: string | undefined;
  private file: ConfigFile | undefined;
  private resolved: Settings | undefined;
  private client: Promise<LettaApi> | undefined;
  private checkedZone: string | undefined;
  private checkedNow: number | undefined;
  private names: AgentNames | undefined;

  constructor(
    readonly io: Io,
    env: Record<string, string | undefined>,
    readonly globals: GlobalOptions,
    /** The command's signal (aborted on Ctrl-C), made when first asked for. */
    private readonly signalOf: () => AbortSignal,
    secrets: Secrets,
    /** The command's --agent-id, when it has one. */
    private readonly agentFlag?: string,
    /** The command may change schedules: an agent's name is looked up afresh, as a name remembered may be another agent's now. */
    private readonly changing = false,
  ) {
    this.env = usableEnvironment(env);
    this.out = new Output(io, { colour: globals.color, env: this.env, json: !!globals.json, quiet: !!globals.quiet }, secrets);
  }

  get configPath(): string {
    this.foundConfigPath ??= configPath(this.env, () => this.home);
    return this.foundConfigPath;
  }

  /**
   * The user's home folder: $HOME when it is an absolute path, else the
   * account's home from the system (an empty HOME, as `env -i HOME=` or some
   * service managers leave it, must not put the key and the record under the
   * current folder). With neither, a usage error.
   */
  get home(): string {
    // The system is asked only without a usable HOME: asking costs a lookup in the account database every start.
    const home = this.env.HOME !== undefined && isAbsolute(this.env.HOME) ? this.env.HOME : accountHome();
    if (home === undefined) {
      throw new UsageError(
        `No home folder: HOME is ${this.env.HOME ? `'${this.env.HOME}', not an absolute path` : 'empty'} and the system names none for this account`,
        'Set HOME to your home folder, or point LETTA_SWITCHBOARD_CONFIG_DIR and LETTA_SWITCHBOARD_STATE_DIR at folders of your own.',
      );
    }
    return home;
  }

  get dryRun(): boolean {
    return !!this.globals.dryRun;
  }

  /** The config file's contents (read once; a broken file is a UsageError). */
  configFile(): ConfigFile {
    if (this.file) return this.file;
    this.file = readConfigFile(this.configPath);
    for (const { given, meant } of misspeltKeys(this.file)) {
      this.out.warn(`The config file ${this.configPath} has '${given}', which is not a setting and is ignored. Did you mean '${meant}'?`);
    }
    return this.file;
  }

  /** Every setting with where it came from, resolved once; every key found is masked from then on. */
  get settings(): Settings {
    if (this.resolved) return this.resolved;
    const file = this.configFile();
    this.resolved = resolveSettings({
      flags: { apiKey: this.globals.apiKey, baseUrl: this.globals.baseUrl, agentId: this.agentFlag, tz: this.globals.tz },
      env: this.env,
      file,
      legacyApiKey: file.api_key ? undefined : readLegacyApiKey(legacyConfigPath(this.home)),
      systemZone,
    });
    this.out.hideSecret(file.api_key);
    this.out.hideSecret(this.resolved.apiKey.value);
    return this.resolved;
  }

  /** "now" for every phrase, checked once: --now (Unix ms, or ISO 8601, read in the user's zone when it has no offset) or the clock. */
  now(): number {
    this.checkedNow ??= this.findNow();
    return this.checkedNow;
  }

  private findNow(): number {
    const given = this.globals.now?.trim();
    if (given === undefined) return Date.now();
    // Before 1973 in milliseconds: surely Unix seconds, which would silently mean January 1970.
    if (/^\d+$/.test(given) && Number(given) < 1e11) {
      throw new UsageError(`--now '${given}' looks like Unix seconds; --now takes Unix milliseconds`, `Use ${given}000, or an ISO 8601 time such as 2026-11-22T15:00:00Z.`);
    }
    return parseNow(given, this.zone());
  }

  /**
   * The user's zone, checked once. A --tz or config zone must be known; one
   * from TZ or the system that the time zone database does not know (a POSIX
   * rule, a file path) falls back to UTC, with a warning.
   */
  zone(): string {
    this.checkedZone ??= this.findZone();
    return this.checkedZone;
  }

  private findZone(): string {
    const { value, source } = this.settings.timezone;
    if (source === 'flag') return checkZone(value);
    if (source === 'file') {
      try {
        return checkZone(value);
      } catch (error) {
        // Nothing on the command line named it: say where it came from and how to mend it.
        if (!(error instanceof UsageError)) throw error;
        throw new UsageError(
          `${error.message} (the timezone set in ${this.configPath})`,
          "Set another with 'letta-switchboard config set-timezone ZONE' (or remove it: config unset timezone), or give --tz.",
        );
      }
    }
    const posix = source === 'env' ? posixTzZone(value) : undefined;
    if (posix === null) return this.unknownZone(value, source);
    if (posix) {
      // `UTC+5` reads as five hours ahead to a person, behind to the system: say which this is.
      if (posix !== 'UTC' && /^(UTC|GMT)[+-]?\d/i.test(value.trim())) {
        const hours = posix.slice('Etc/GMT+'.length);
        const behind = posix.startsWith('Etc/GMT+');
        this.out.warn(
          `TZ=${value.trim()} is read as the system reads it: ${hours} hours ${behind ? 'behind' : 'ahead of'} UTC (a POSIX TZ counts hours west). For ${hours} hours ${behind ? 'ahead of' : 'behind'} UTC, give --tz UTC${behind ? '+' : '-'}${hours} or set it with letta-switchboard config set-timezone.`,
        );
      }
      return posix;
    }
    try {
      return checkZone(value);
    } catch {
      return this.unknownZone(value, source);
    }
  }

  private unknownZone(value: string, source: Source | undefined): string {
    this.out.warn(`The time zone '${value}' (from ${source === 'env' ? 'TZ' : 'the system'}) is unknown; using UTC. Set one with --tz or letta-switchboard config set-timezone.`);
    return 'UTC';
  }

  /** The agent given by --agent-id, LETTA_AGENT_ID or the config file, if any (a name or an id). */
  agentOrNone(): string | undefined {
    return this.settings.agentId.value;
  }

  /** The agent to act on; none anywhere is a usage error. */
  agent(): string {
    const agent = this.agentOrNone();
    if (!agent) {
      throw new UsageError('No agent given', 'Pass --agent-id AGENT (an id or a name), set LETTA_AGENT_ID, or run: letta-switchboard config set-agent-id AGENT');
    }
    return agent;
  }

  /** Aborted on Ctrl-C or SIGTERM. */
  get signal(): AbortSignal {
    return this.signalOf();
  }

  /**
   * The API, built on first use (so offline commands never load the HTTP
   * stack). With --dry-run no key is needed: changing requests are printed,
   * not sent.
   */
  api(): Promise<LettaApi> {
    this.client ??= this.buildApi();
    return this.client;
  }

  private async buildApi(): Promise<LettaApi> {
    const apiKey = this.settings.apiKey.value?.trim() ?? '';
    if (!apiKey && !this.dryRun) {
      const store = NO_KEY_HINT;
      const legacy = legacyApiKeyUnreadable(legacyConfigPath(this.home));
      throw new AuthError('No API key set', legacy ? `~/.letta-switchboard/config.yaml (the Go CLI's config) has an api_key line that is not one plain YAML value. ${store}` : store);
    }
    const problem = keyProblem(apiKey);
    if (problem) {
      const from = { flag: '--api-key', env: 'LETTA_API_KEY', file: 'the config file', 'legacy file': "the Go CLI's old config" }[this.settings.apiKey.source as KeySource];
      throw new AuthError(`The API key${from ? ` from ${from}` : ''} ${problem}`, undefined, { keySource: this.settings.apiKey.source as KeySource });
    }
    this.warnIfKeyFileReadable();
    const base = parseBaseUrl(this.settings.baseUrl.value);
    if (isCleartextRemote(base)) this.out.warn(`${base.origin} is plain http: the API key would travel unencrypted.`);
    const [{ LettaClient }, { LettaApi }, { printRequest }] = await Promise.all([import('./letta/client'), import('./letta/api'), import('./output/request')]);
    // A command that talks to Letta may run for seconds.
    this.io.runsLong?.();
    const client = new LettaClient({
      baseUrl: base.href,
      apiKey,
      keySource: this.settings.apiKey.source as KeySource | undefined,
      timeoutMs: this.globals.timeout,
      signal: this.signal,
      env: this.env,
      log: this.globals.verbose ? (line) => this.out.note(this.out.paintErr.dim(line)) : undefined,
      dryRun: this.dryRun ? (request) => printRequest(this.out, request, apiKey) : undefined,
    });
    return new LettaApi(client, { warn: (line) => this.out.warn(line) });
  }

  /** A config file holding the key in use that others may read (made by hand, or copied with a loose umask): said, not changed. */
  warnIfKeyFileReadable(): void {
    if (this.settings.apiKey.source !== 'file') return;
    const path = this.configPath;
    let mode: number;
    try {
      mode = statSync(path).mode;
    } catch {
      return;
    }
    if ((mode & 0o077) === 0) return;
    this.out.warn(`The config file ${path} holds your API key and others can read it (mode ${(mode & 0o777).toString(8).padStart(4, '0')}). Make it private with: chmod 600 ${path}`);
  }

  /**
   * An agent id from an id or a name. Under --dry-run with no key, a name
   * cannot be looked up: it stands in the printed path, with a note.
   */
  async agentId(agent: string): Promise<string> {
    const api = await this.api();
    const { looksLikeAgentId } = await import('./letta/api');
    if (this.dryRun && !this.settings.apiKey.value && !looksLikeAgentId(agent)) {
      this.out.note(`(The agent name '${agent}' would first be looked up: GET /v1/agents/?name=...)`);
      return agent;
    }
    // An id needs no remembered names (reading them loads node:crypto for the file's name).
    if (looksLikeAgentId(agent)) return api.resolveAgent(agent);
    const names = await this.agentNames();
    const remembered = this.changing ? undefined : names.idOf(agent.trim());
    if (remembered) return remembered;
    const id = await api.resolveAgent(agent);
    names.remember(id, agent.trim());
    return id;
  }

  /** Agent names remembered for this server and key, in the cache folder. */
  async agentNames(): Promise<AgentNames> {
    const [{ AgentNames }, { cacheDir, serverCacheName }] = await Promise.all([import('./letta/agent-names'), import('./files/cache')]);
    this.names ??= new AgentNames(join(cacheDir(this.env, this.home), serverCacheName('agents', this.settings.baseUrl.value ?? '', this.settings.apiKey.value?.trim() ?? '')));
    return this.names;
  }

  /** All of stdin as UTF-8 text (refusing invalid UTF-8 and anything over `maxBytes`, saying `limit` where it is not bytes). */
  async readStdin(what: string, maxBytes = 1024 * 1024, limit = `${Math.round(maxBytes / 1024)} KiB`): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = this.io.stdin;
    const reading = (async () => {
      for await (const chunk of stream as AsyncIterable<Buffer | string>) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += buffer.length;
        if (size > maxBytes) throw new UsageError(`The text on stdin (${what.toLowerCase()}) is larger than ${limit}`);
        chunks.push(buffer);
      }
    })();
    await Promise.race([reading, this.interrupted()]);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    } catch {
      throw new UsageError(`The text on stdin (${what.toLowerCase()}) is not valid UTF-8`);
    }
  }

  /**
   * stdin's lines, each given as soon as it has come (without its line end), for a filter that answers line by line
   * (`parse -`): endless input (`yes`, `tail -f`) is read as it arrives and ends when the reader of stdout goes.
   * A line over `maxLineBytes` or invalid UTF-8 is refused at that line.
   */
  async *stdinLines(what: string, maxLineBytes = 1024 * 1024): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    // Each line decoded whole, so what is printed before a line that is not UTF-8 does not hang on how the bytes came.
    const decode = (line: Buffer): string => {
      try {
        return decoder.decode(line).replace(/\r$/, '');
      } catch {
        throw new UsageError(`The text on stdin (${what.toLowerCase()}) is not valid UTF-8`);
      }
    };
    const chunks = (this.io.stdin as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
    const interrupted = this.interrupted();
    interrupted.catch(() => {});
    let pending = Buffer.alloc(0);
    for (;;) {
      const next = await Promise.race([chunks.next(), interrupted]);
      if (next.done) break;
      pending = Buffer.concat([pending, typeof next.value === 'string' ? Buffer.from(next.value) : next.value]);
      for (let end = pending.indexOf(10); end !== -1; end = pending.indexOf(10)) {
        const line = pending.subarray(0, end);
        pending = pending.subarray(end + 1);
        yield decode(line);
      }
      if (pending.length > maxLineBytes) throw new UsageError(`A line on stdin (${what.toLowerCase()}) is longer than ${Math.round(maxLineBytes / 1024)} KiB`);
    }
    if (pending.length > 0) yield decode(pending);
  }

  /** A line typed at the terminal; `hidden`: not echoed (for keys). */
  prompt(question: string, { hidden = false } = {}): Promise<string> {
    const input = this.io.stdin as NodeJS.ReadStream;
    this.out.stderr.write(question);
    const answer = new Promise<string>((resolve, reject) => {
      let value = '';
      const finish = (error?: Error) => {
        input.setRawMode?.(false);
        input.pause();
        input.off('data', onData);
        this.out.stderr.write('\n');
        if (error) reject(error);
        else resolve(value);
      };
      const onData = (chunk: Buffer | string) => {
        for (const char of chunk.toString('utf8')) {
          if (char === '\r' || char === '\n' || char === '\u0004') return finish();
          if (char === '\u0003') return finish(new InterruptedError());
          if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
          else {
            value += char;
            if (!hidden) this.out.stderr.write(char);
          }
        }
      };
      input.setRawMode?.(true);
      input.resume();
      input.on('data', onData);
    });
    return Promise.race([answer, this.interrupted()]);
  }

  /** Rejects with InterruptedError on Ctrl-C or SIGTERM. */
  private interrupted(): Promise<never> {
    return new Promise<never>((_, reject) => {
      if (this.signal.aborted) reject(new InterruptedError());
      this.signal.addEventListener('abort', () => reject(new InterruptedError()), { once: true });
    });
  }
}

function accountHome(): string | undefined {
  try {
    // node:os only here, with HOME unset: loading it cost every command a third of a millisecond at start.
    const home = process.getBuiltinModule('node:os').userInfo().homedir;
    return isAbsolute(home) ? home : undefined;
  } catch {
    return undefined;
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
