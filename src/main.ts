import { CommanderError, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { AlreadyReported, AmbiguousAgentError, AuthError, CliError, InterruptedError, NeedsAttention, NetworkError, NotFoundError, UsageError, WrongKindError } from './errors';
import { VALUE_OPTIONS } from './global-options';
import { commandWords, hintFor } from './hints';
import { maskingSink, type Io, type Sink } from './output/output';
import { Secrets } from './output/secrets';
import { inert } from './output/inert';
import { writeJson } from './output/json-stream';
import { nearest } from './nearest';
import { buildProgram, type Runner } from './program';
import { Runtime } from './runtime';
import { VERSION } from './version';
import { foldJournals } from './state/journal-end';

export type Env = Record<string, string | undefined>;

/**
 * Run the CLI on `argv` (as process.argv: node, script, words...) and return
 * the exit code. Pure: everything it touches comes in as arguments. The one
 * place errors become messages, hints and exit codes.
 */
export async function main(argv: string[], io: Io, env: Env, interrupted: AbortSignal | (() => AbortSignal)): Promise<number> {
  // The signal itself, or (from the real process) what makes it when first asked for.
  const signal = typeof interrupted === 'function' ? interrupted : () => interrupted;
  const words = argv.slice(2);
  // Every key this run learns of is masked in everything printed; the config file's are added when it is read.
  const secrets = new Secrets();
  secrets.add(env.LETTA_API_KEY);
  words.forEach((word, i) => {
    if (!meantForKey(word)) return;
    const equals = word.indexOf('=');
    if (equals >= 0) secrets.add(word.slice(equals + 1));
    else if (words[i + 1] !== undefined && !words[i + 1]!.startsWith('-')) secrets.add(words[i + 1]);
  });
  for (const credential of proxyCredentials(env)) secrets.add(credential);
  const stdout = maskingSink(io.stdout, secrets);
  const stderr = maskingSink(io.stderr, secrets);

  const run: Runner = async (declaration, options, args, globals) => {
    const agentFlag = typeof options.agentId === 'string' ? options.agentId : undefined;
    // cli.md gives each its own stdout (one document; ids one a line): a script asking for both gets neither silently.
    if (globals.json && globals.quiet) throw new UsageError('--json and -q/--quiet cannot be used together', 'Give --json for one JSON document, or -q for only the ids, one a line.');
    const rt = new Runtime(io, env, globals, signal, secrets, agentFlag, declaration.changesSchedules);
    try {
      // A zone or instant given on the command line is checked as any flag's value is, also by a command that shows no time.
      if (globals.tz !== undefined) rt.zone();
      if (globals.now !== undefined) rt.now();
      await declaration.run(rt, options, args);
    } catch (error) {
      throw withDefaultAgentSource(error, rt);
    } finally {
      // The steps this command appended to the record's journal go into the state file now.
      await foldJournals();
    }
  };
  const at = firstCommandWord(words);
  const program = await buildProgram(run, { stdout, stderr }, at < 0 ? [] : goSpellings(words).slice(at, at + 2));
  try {
    // `--version --json`: the version as a document for scripts, as every other --json answer is (commander prints it bare).
    const rootWords = at < 0 ? words : words.slice(0, at);
    if (rootWords.includes('--json') && (rootWords.includes('--version') || rootWords.includes('-V'))) {
      writeJson({ name: 'letta-switchboard', version: VERSION }, io.stdoutIsTTY, (text) => stdout.write(text), '\n');
      return 0;
    }
    if (words.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(helpOnlyForCommands(program, helpAfterCommand(goSpellings(words))), { from: 'user' });
    return 0;
  } catch (error) {
    return report(error, words, stderr, signal, commandWords(program, argv), longOptions(program, goSpellings(words)));
  }
}

/**
 * --api-key, or a flag that looks meant to carry a key however it is spelled (--apikey, --api-kye, --api_key,
 * --token, ...): its value is masked, so an "Unknown option" error never shows it.
 */
function meantForKey(word: string): boolean {
  if (!word.startsWith('-')) return false;
  const name = word
    .replace(/^-+/, '')
    .split('=')[0]!
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return /key|token|secret|pass|auth|bearer/.test(name) || nearest(name, ['apikey']) !== undefined;
}

/** The user names and passwords in the proxy variables (a user name is often a token), as written and decoded. */
function proxyCredentials(env: Env): string[] {
  const found: string[] = [];
  for (const name of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']) {
    const value = env[name];
    // Most runs have no proxy with credentials: the pattern (slow to compile for what it does) is used only where there may be some.
    if (!value?.includes('@')) continue;
    const userinfo = /^\s*(?:[a-z][a-z0-9+.-]*:\/\/)?([^@/?#]*)@/i.exec(value)?.[1];
    if (!userinfo) continue;
    const colon = userinfo.indexOf(':');
    for (const part of colon < 0 ? [userinfo] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)]) {
      found.push(part);
      try {
        found.push(decodeURIComponent(part));
      } catch {
        // Not percent-encoded text: masked as written.
      }
    }
  }
  return found;
}

/** An agent that was not found because a default named it: say which default, so the user knows what to change. */
function withDefaultAgentSource(error: unknown, rt: Runtime): unknown {
  if (error instanceof AmbiguousAgentError) {
    // A default naming several agents: the fix is the default, not a flag on every command.
    const { value, source } = rt.settings.agentId;
    if (!value || (source !== 'env' && source !== 'file') || value.trim() !== error.agentName) return error;
    const where = source === 'env' ? 'LETTA_AGENT_ID' : `the config file (${rt.configPath})`;
    const fix = source === 'env' ? 'Set LETTA_AGENT_ID to one of these ids' : 'Make one of these ids the default with: letta-switchboard config set-agent-id ID';
    return new UsageError(`${error.message} (the default agent, from ${where})`, `${fix}, or pass --agent-id.`);
  }
  if (!(error instanceof NotFoundError) || error.missing?.what !== 'agent' || error instanceof WrongKindError) return error;
  const { value, source } = rt.settings.agentId;
  const missing = error.missing;
  const named = 'name' in missing ? missing.name : missing.id;
  if (!value || (source !== 'env' && source !== 'file') || !named || value.trim() !== named) return error;
  const where = source === 'env' ? 'LETTA_AGENT_ID' : `the config file (${rt.configPath}; change it with: letta-switchboard config set-agent-id AGENT)`;
  return new NotFoundError(`${error.message} (the default agent, from ${where})`, error.hint, missing);
}

/** The Go CLI's `onetime` group also answered to `send` and `message`, and its `create` to `send`. */
const GO_ONETIME = new Set(['onetime', 'send', 'message']);
const GO_CREATE = new Set(['create', 'send']);
const GO_LOOKUPS = new Set(['list', 'get', 'delete']);

/**
 * The Go CLI's spellings, read as this tool's: `send create`, `message send` and the like are `send`
 * (now, or later with --execute-at, as the Go CLI's create was); `send list` and `message delete ID`
 * are the `onetime` commands. `onetime create` stays itself (--execute-at required).
 */
function goSpellings(words: string[]): string[] {
  const at = firstCommandWord(words);
  const [group, sub] = [words[at] ?? '', words[at + 1] ?? ''];
  if (!GO_ONETIME.has(group)) return words;
  if (GO_CREATE.has(sub) && !(group === 'onetime' && sub === 'create')) return words.toSpliced(at, 2, 'send');
  // `message` is only ever the group (`message --help` too); `send` alone is this tool's own command.
  if (group === 'message' || (group === 'send' && GO_LOOKUPS.has(sub))) return words.toSpliced(at, 1, 'onetime');
  return words;
}

/**
 * `sned --help`, `recurring lst -h`: commander shows the help of the last command it knows and
 * says nothing of the word it did not. Without the help flag, the word is reported as it is
 * without one: an unknown command, with the nearest (exit 2).
 */
function helpOnlyForCommands(program: CommandUnknownOpts, words: string[]): string[] {
  const end = words.includes('--') ? words.indexOf('--') : words.length;
  const isHelp = (word: string) => word === '--help' || word === '-h';
  if (!words.slice(0, end).some(isHelp)) return words;
  const at = firstCommandWord(words);
  const [first, second] = [words[at], words[at + 1]];
  if (at < 0 || at >= end) return words;
  const named = (parent: CommandUnknownOpts, word: string) => parent.commands.find((c) => c.name() === word || c.aliases().includes(word));
  const command = named(program, first!);
  const unknownSub = command !== undefined && command.commands.length > 0 && second !== undefined && !second.startsWith('-') && at + 1 < end && !named(command, second);
  return command === undefined || unknownSub ? words.filter((word, i) => i >= end || !isHelp(word)) : words;
}

/** `--help send`, `-h recurring create`: the help asked for is the command's, as `send --help` shows it (commander would show the top level's). */
function helpAfterCommand(words: string[]): string[] {
  const at = firstCommandWord(words);
  const isHelp = (word: string, i: number) => i < at && (word === '--help' || word === '-h');
  if (at < 0 || !words.some(isHelp)) return words;
  const moved = words.filter((word, i) => !isHelp(word, i));
  // Before a `--`: what follows it is words, not options.
  const end = moved.includes('--') ? moved.indexOf('--') : moved.length;
  return moved.toSpliced(end, 0, '--help');
}

function firstCommandWord(words: string[]): number {
  for (let i = 0; i < words.length; i++) {
    if (VALUE_OPTIONS.has(words[i]!)) i++;
    else if (!words[i]!.startsWith('-')) return i;
  }
  return -1;
}

/** An error as the user sees it: "Error: ..." and at most one hint line on stderr; the exit code returned. */
function report(error: unknown, words: string[], stderr: Sink, signal: () => AbortSignal, command: string[], options: ReadonlyMap<string, boolean>): number {
  const verbose = words.includes('--verbose');
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    // Options but no command: commander has shown the help; say what was wrong under it.
    if (error.code === 'commander.help') stderr.write('Error: No command given\n');
    // Anything else commander has already said (through the masking writer); a phrase left unquoted gets told how.
    const phrase = error.code === 'commander.excessArguments' ? unquotedPhrase(words, options) : undefined;
    if (phrase) stderr.write(`Quote a phrase with spaces: ${phrase.flag} "${phrase.words.join(' ')}"\n`);
    // `parse "-2 days"`: no option has a space or starts with a digit, so it was a phrase.
    const word = error.code === 'commander.unknownOption' ? /unknown option '(-[^']*)'/i.exec(error.message)?.[1] : undefined;
    if (word && /\s|^-\d/.test(word)) stderr.write(`A phrase that starts with '-' is read as an option; put -- before it, after the options: letta-switchboard ${command.join(' ')} -- "${word}"\n`);
    // `--message "--json"`: the value that starts with '-' was read as the next option; with '=' it is the value.
    const flag = error.code === 'commander.optionMissingArgument' ? /option '(?:(-\w), )?(--[\w-]+)/i.exec(error.message) : null;
    const at = flag ? words.findIndex((w) => w === flag[2] || (flag[1] !== undefined && w === flag[1])) : -1;
    const dashed = at === -1 ? undefined : words[at + 1];
    if (flag && dashed?.startsWith('-'))
      stderr.write(`A value that starts with '-' is read as an option; join it to the flag with '=': ${flag[2]}=${/^[\w@%+=:,./-]+$/.test(dashed) ? dashed : `'${dashed.replace(/'/g, "'\\''")}'`}\n`);
    const oneDash = oneDashSpelling(error, words, options);
    if (oneDash) stderr.write(`Long options take two dashes: -${oneDash}, not ${oneDash}.\n`);
    // An unknown command with no near one to suggest: where the list of them is.
    if (error.code === 'commander.unknownCommand' && !/Did you mean/.test(error.message)) {
      const group = /for '([a-z-]+)'/.exec(error.message)?.[1];
      stderr.write(`Run 'letta-switchboard${group ? ` ${group}` : ''} --help' for the list.\n`);
    }
    return 2;
  }
  if (signal().aborted && !(error instanceof CliError)) error = new InterruptedError();
  if (error instanceof AlreadyReported || error instanceof NeedsAttention) {
    // Said per id already; a key refused or a server out of reach stopped them all: its one hint (where the key came from) is still due.
    const stoppedAll = error instanceof AlreadyReported && (error.reported instanceof AuthError || error.reported instanceof NetworkError) ? hintFor(error.reported, { command }) : undefined;
    if (stoppedAll) stderr.write(`${inert(stoppedAll)}\n`);
    return error.exitCode;
  }
  const cli = error instanceof CliError ? error : undefined;
  const message = cli ? cli.message : error instanceof Error ? error.message : String(error);
  // Server words may hold terminal control sequences: shown, never obeyed.
  stderr.write(`Error: ${inert(message)}\n`);
  const hint = hintFor(error, { command });
  if (hint) stderr.write(`${inert(hint)}\n`);
  else if (!cli && !verbose) stderr.write('This is a bug in letta-switchboard; run again with --verbose for details.\n');
  if (verbose && error instanceof Error && error.stack) stderr.write(`${error.stack.split('\n').slice(1).join('\n')}\n`);
  return cli ? cli.exitCode : 1;
}

interface OptionsNode {
  name(): string;
  readonly options: ReadonlyArray<{ long?: string; required?: boolean; optional?: boolean }>;
  readonly commands: readonly OptionsNode[];
}

/** The long options (`--json`) the command the words reach takes, its groups' and the global ones with them: each, and whether it takes a value. */
function longOptions(program: OptionsNode, words: readonly string[]): Map<string, boolean> {
  const found = new Map<string, boolean>([['--help', false]]);
  const add = (node: OptionsNode) => {
    for (const option of node.options) if (option.long) found.set(option.long, option.required === true || option.optional === true);
  };
  let node = program;
  for (const word of words) {
    add(node);
    node = node.commands.find((command) => command.name() === word) ?? node;
  }
  add(node);
  return found;
}

/**
 * A long option written with one dash (`-agent-id x`, `-cron=...`), as people type by habit from tools that take
 * them so: commander calls it unknown, or (met before) names the required option it then lacks. The spelling given,
 * when it is one of those and `options` (the command's long options) has its two-dash spelling.
 */
function oneDashSpelling(error: CommanderError, words: string[], options: ReadonlyMap<string, boolean>): string | undefined {
  const given = words.flatMap((word) => /^(-[a-z][a-z-]+)(=|$)/i.exec(word)?.[1] ?? []);
  if (error.code === 'commander.unknownOption') {
    const word = /unknown option '(-[a-z][a-z-]+)(=[^']*)?'/i.exec(error.message)?.[1];
    return word !== undefined && given.includes(word) && options.has(`-${word}`) ? word : undefined;
  }
  if (error.code === 'commander.missingMandatoryOptionValue') {
    const flag = /required option '(--[a-z-]+)/i.exec(error.message)?.[1];
    return flag !== undefined && given.includes(flag.slice(1)) ? flag.slice(1) : undefined;
  }
  return undefined;
}

/**
 * `--cron every weekday at 10am`: the flag took "every" and the rest was left
 * over. The last flag whose value is followed by bare words is the one; only a
 * flag after the command word (one before it, `--tz Europe/Paris parse ...`,
 * took its one value and the command came next).
 */
function unquotedPhrase(words: string[], options: ReadonlyMap<string, boolean>): { flag: string; words: string[] } | undefined {
  for (let i = words.length - 2; i > firstCommandWord(words); i--) {
    const flag = words[i]!;
    // A switch (--json) takes no words: those after it are arguments (`get --json ID1 ID2`), no phrase.
    if (!flag.startsWith('--') || flag.includes('=') || words[i + 1]!.startsWith('-') || options.get(flag) === false) continue;
    let end = i + 1;
    while (end < words.length && !words[end]!.startsWith('-')) end++;
    if (end - i > 2) return { flag, words: words.slice(i + 1, end) };
  }
  return undefined;
}
