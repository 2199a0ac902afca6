import { Command, CommanderError, Option } from 'commander';
import { Context, type GlobalOptions } from './context';
import { AlreadyReported, CliError, InterruptedError, UsageError } from './errors';
import { commandWords, hintFor } from './hints';
import type { Io } from './output/output';
import { Secrets } from './output/secrets';

type Runner = (ctx: Context, options: any, ...args: any[]) => Promise<void>;
type Loader = () => Promise<{ run: Runner }>;

const ENVIRONMENT = `
Environment:
  LETTA_API_KEY                 API key (beats the config file)
  LETTA_BASE_URL                API address (default https://api.letta.com)
  LETTA_AGENT_ID                default agent id or name
  TZ                            time zone for phrases (else config, else system)
  LETTA_SWITCHBOARD_CONFIG_DIR  folder for config.json
  NO_COLOR                      no colour (FORCE_COLOR=1: colour even into a pipe)

Exit codes:
  0 success   1 API error   2 bad usage or input   3 not found
  4 auth (no key, 401/403)   5 network or timeout   130 interrupted`;

function examples(...lines: string[]): string {
  return `Examples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

/** Build the command tree. Each action imports its command module only when it runs. */
export function buildProgram(io: Io, env: Record<string, string | undefined>, signal: AbortSignal, secrets = new Secrets()): Command {
  const program = new Command('letta-switchboard');
  const action =
    (load: Loader, extra: unknown[] = []) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const positional = args.slice(0, -2);
      // Merged with the parents' options: `send create --agent-id A` parses --agent-id on `send`.
      const options = command.optsWithGlobals();
      const ctx = new Context(io, env, options as GlobalOptions, signal, secrets);
      const { run } = await load();
      await run(ctx, options, ...positional, ...extra);
    };

  program
    .description('Message Letta agents now, later, or on a schedule.')
    .version(__VERSION__, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--json', 'print one JSON document on stdout')
    .option('-q, --quiet', 'print only ids, one a line')
    .option('--no-color', 'no colour in output')
    .option('--api-key <key>', 'Letta API key (prefer config set-api-key or LETTA_API_KEY)')
    .option('--base-url <url>', 'Letta API address')
    .option('--timeout <ms>', 'request timeout in milliseconds (default 30000)')
    .option('--tz <zone>', 'IANA time zone for phrases and times shown')
    .option('--now <time>', 'read phrases as if it were this instant (ISO 8601 or Unix ms)')
    .option('--dry-run', 'print the request that would be sent, send nothing')
    .option('--verbose', 'log requests and timings on stderr')
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text.replace(/^error: (.)/, (_, c: string) => `Error: ${c.toUpperCase()}`)),
    })
    .addHelpText('before', examples(
      'letta-switchboard send --agent-id support-bot --message "Check the queue" --execute-at "tomorrow at 9am"',
      'letta-switchboard recurring create --agent-id support-bot --message "Standup" --cron "every weekday at 10am"',
      'letta-switchboard recurring list --json | jq -r ".[].id"',
    ))
    .addHelpText('after', ENVIRONMENT);

  /** A command that only holds subcommands: run bare, it says which exist instead of printing help as an error. */
  const group = (name: string, description: string, ...lines: string[]) => {
    const command = program.command(name).description(description).addHelpText('before', examples(...lines));
    return command.action(() => {
      const names = command.commands.filter((c) => !(c as Command & { _hidden?: boolean })._hidden).map((c) => c.name());
      throw new UsageError(`'${name}' needs a subcommand: ${names.join(', ')}`, `Run 'letta-switchboard ${name} --help' for details.`);
    });
  };
  const agentOption = () => new Option('--agent-id <agent>', 'agent id (agent-...) or name; default from LETTA_AGENT_ID or config');
  const messageOptions = (command: Command) =>
    command
      .addOption(agentOption())
      .option('--message <text>', "the message; '-' reads it from stdin")
      .option('--role <role>', 'user, assistant or system', 'user');

  const sendAction = action(() => import('./commands/send'));
  const send = messageOptions(program.command('send'))
    .description('Send a message now and print the reply, or schedule it with --execute-at')
    .option('--execute-at <when>', "when to send: 'in 5 minutes', 'tomorrow at 9am', ISO 8601 (default: now)")
    .option('--async', 'send now without waiting; print the run id')
    .addHelpText('before', examples(
      'letta-switchboard send --agent-id support-bot --message "Status?"',
      'letta-switchboard send --agent-id support-bot --message "Check the queue" --execute-at "tomorrow at 9am"',
      'git log -1 --format=%s | letta-switchboard send --agent-id support-bot --message -',
    ))
    .action(sendAction);
  // The Go CLI spelled it `send create`; keep that working.
  messageOptions(send.command('create', { hidden: true }))
    .option('--execute-at <when>', 'when to send (default: now)')
    .option('--async', 'send now without waiting; print the run id')
    .action(sendAction);

  for (const kind of ['onetime', 'recurring'] as const) {
    const noun = kind === 'onetime' ? 'one-time' : 'recurring';
    const schedules = group(
      kind,
      `Manage ${noun} schedules`,
      kind === 'onetime'
        ? 'letta-switchboard onetime create --agent-id support-bot --message "Reminder" --execute-at "in 2 hours"'
        : 'letta-switchboard recurring create --agent-id support-bot --message "Standup" --cron "every weekday at 10am"',
      `letta-switchboard ${kind} list --agent-id support-bot`,
      `letta-switchboard ${kind} list -q | letta-switchboard ${kind} delete -`,
    );
    const create = messageOptions(schedules.command('create')).description(`Create a ${noun} schedule`);
    if (kind === 'onetime') {
      create
        .requiredOption('--execute-at <when>', "when: 'in 2 hours', 'tomorrow at 9am', 'next monday at 3pm', ISO 8601")
        .addHelpText('before', examples(
          'letta-switchboard onetime create --agent-id support-bot --message "Reminder" --execute-at "in 2 hours"',
          'letta-switchboard onetime create --agent-id agent-123 --message "Report" --execute-at "2026-12-01T09:00:00Z" -q',
        ))
        .action(action(() => import('./commands/onetime/create')));
    } else {
      create
        .requiredOption('--cron <when>', "'every weekday at 10am', 'daily at 9am', or a 5-field UTC cron")
        .addHelpText('before', examples(
          'letta-switchboard recurring create --agent-id support-bot --message "Standup" --cron "every weekday at 10am"',
          'letta-switchboard recurring create --agent-id support-bot --message "Ping" --cron "*/15 * * * *"',
          'letta-switchboard recurring create --agent-id support-bot --message "Report" --cron "every monday at 9am" --tz Europe/London',
        ))
        .action(action(() => import('./commands/recurring/create')));
    }
    schedules
      .command('list')
      .description(`List ${noun} schedules (every page)`)
      .addOption(agentOption())
      .option('--all-agents', "every agent's schedules, with an agent column")
      .addHelpText('before', examples(`letta-switchboard ${kind} list --agent-id support-bot`, `letta-switchboard ${kind} list --all-agents --json`, `letta-switchboard ${kind} list -q`))
      .action(action(kind === 'onetime' ? () => import('./commands/onetime/list') : () => import('./commands/recurring/list')));
    schedules
      .command('get')
      .description(`Show one ${noun} schedule`)
      .argument('<id>', 'schedule id')
      .addOption(agentOption())
      .addHelpText('before', examples(`letta-switchboard ${kind} get SCHEDULE_ID --agent-id support-bot`, `letta-switchboard ${kind} get SCHEDULE_ID --json`))
      .action(action(kind === 'onetime' ? () => import('./commands/onetime/get') : () => import('./commands/recurring/get')));
    schedules
      .command('delete')
      .description(`Delete ${noun} schedules (ids, or - to read them from stdin)`)
      .argument('[ids...]', "schedule ids; '-' reads ids from stdin")
      .addOption(agentOption())
      .addHelpText('before', examples(`letta-switchboard ${kind} delete SCHEDULE_ID`, `letta-switchboard ${kind} list -q | letta-switchboard ${kind} delete -`))
      .action(action(kind === 'onetime' ? () => import('./commands/onetime/delete') : () => import('./commands/recurring/delete')));
  }

  const results = group('results', 'Letta runs: the executions behind messages', 'letta-switchboard results list --agent-id support-bot', 'letta-switchboard results get RUN_ID');
  results
    .command('list')
    .description('List recent runs')
    .addOption(agentOption())
    .option('--limit <n>', 'how many runs', '20')
    .addHelpText('before', examples('letta-switchboard results list --agent-id support-bot', 'letta-switchboard results list --limit 5 --json'))
    .action(action(() => import('./commands/results/list')));
  results
    .command('get')
    .description('Show one run')
    .argument('<run-id>', 'run id')
    .addHelpText('before', examples('letta-switchboard results get RUN_ID', 'letta-switchboard results get RUN_ID --json | jq .status'))
    .action(action(() => import('./commands/results/get')));

  group('agents', 'Agents you can message', 'letta-switchboard agents list', 'letta-switchboard agents list --json | jq -r ".[].id"')
    .command('list')
    .description('List agent ids and names')
    .option('--name <name>', 'only agents with this name')
    .addHelpText('before', examples('letta-switchboard agents list', 'letta-switchboard agents list --json | jq -r ".[].name"'))
    .action(action(() => import('./commands/agents/list')));

  const config = group(
    'config',
    'Settings: API key, base URL, default agent, time zone',
    'letta-switchboard config set-api-key -',
    'letta-switchboard config set-timezone America/New_York',
    'letta-switchboard config show',
  );
  config
    .command('set-api-key')
    .description('Store the API key (no argument or -: read it from stdin or a hidden prompt)')
    .argument('[key]', "the key, or '-' for stdin")
    .addHelpText('before', examples('letta-switchboard config set-api-key -', 'printf %s "$LETTA_KEY" | letta-switchboard config set-api-key -'))
    .action(action(() => import('./commands/config/set-api-key')));
  config
    .command('set-url')
    .description('Store the API base URL')
    .argument('<url>', 'e.g. https://api.letta.com')
    .addHelpText('before', examples('letta-switchboard config set-url https://api.letta.com'))
    .action(action(() => import('./commands/config/set-url')));
  config
    .command('set-agent-id')
    .description('Store the default agent')
    .argument('<agent>', 'agent id or name')
    .addHelpText('before', examples('letta-switchboard config set-agent-id agent-123', 'letta-switchboard config set-agent-id support-bot'))
    .action(action(() => import('./commands/config/set-agent-id')));
  config
    .command('set-timezone')
    .description('Store the time zone for phrases and times shown')
    .argument('<zone>', 'IANA zone, e.g. America/New_York')
    .addHelpText('before', examples('letta-switchboard config set-timezone Europe/London'))
    .action(action(() => import('./commands/config/set-timezone')));
  config
    .command('unset')
    .description('Remove a stored setting')
    .argument('<name>', 'api-key, base-url, agent-id or timezone')
    .addHelpText('before', examples('letta-switchboard config unset agent-id'))
    .action(action(() => import('./commands/config/unset')));
  config
    .command('show')
    .description('Effective settings and where each came from (key masked)')
    .addOption(agentOption())
    .addHelpText('before', examples('letta-switchboard config show', 'letta-switchboard config show --json'))
    .action(action(() => import('./commands/config/show')));
  config
    .command('path')
    .description('Print the config file path')
    .addHelpText('before', examples('letta-switchboard config path'))
    .action(action(() => import('./commands/config/path')));

  program
    .command('parse')
    .description('Show what a time phrase means, with no network')
    .argument('<expression>', "a phrase, a cron, or '-' to read one phrase a line from stdin")
    .option('--once', 'read it as one instant')
    .option('--recurring', 'read it as a repeating schedule')
    .option('--count <n>', 'how many next runs to show', '5')
    .addHelpText('before', examples(
      'letta-switchboard parse "tomorrow at 9am" --tz America/New_York',
      'letta-switchboard parse "every weekday at 9pm" --json',
      'printf "in 5 minutes\\nevery hour\\n" | letta-switchboard parse -',
    ))
    .action(action(() => import('./commands/parse')));

  program
    .command('completion')
    .description('Print a shell completion script')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('before', examples(
      'letta-switchboard completion bash > ~/.local/share/bash-completion/completions/letta-switchboard',
      'letta-switchboard completion zsh > "${fpath[1]}/_letta-switchboard"',
      'letta-switchboard completion fish > ~/.config/fish/completions/letta-switchboard.fish',
    ))
    .action(action(() => import('./commands/completion'), [program]));

  return program;
}

/** Run the CLI and return the exit code. The one place errors become messages and exit codes. */
export async function main(argv: string[], io: Io, env: Record<string, string | undefined>, signal: AbortSignal): Promise<number> {
  // Every key this run learns of (flag, environment, config file) is masked in errors as in output.
  const secrets = new Secrets();
  secrets.add(env.LETTA_API_KEY);
  const keyFlag = argv.indexOf('--api-key');
  if (keyFlag >= 0) secrets.add(argv[keyFlag + 1]);
  secrets.add(argv.find((a) => a.startsWith('--api-key='))?.slice('--api-key='.length));
  const program = buildProgram(io, env, signal, secrets);
  const verbose = argv.includes('--verbose');
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      // Options but no command: commander has shown the help; say what was wrong under it.
      if (error.code === 'commander.help') io.stderr.write('Error: No command given\n');
      return 2;
    }
    if (signal.aborted && !(error instanceof CliError)) error = new InterruptedError();
    if (error instanceof AlreadyReported) return error.exitCode;
    const cli = error instanceof CliError ? error : undefined;
    const mask = (text: string) => secrets.redact(text);
    const message = cli ? cli.message : error instanceof Error ? error.message : String(error);
    io.stderr.write(mask(`Error: ${message}\n`));
    const hint = hintFor(error, { command: commandWords(program, argv) });
    if (hint) io.stderr.write(mask(`${hint}\n`));
    else if (!cli && !verbose) io.stderr.write('This is a bug in letta-switchboard; run again with --verbose for details.\n');
    if (verbose && error instanceof Error && error.stack) io.stderr.write(mask(`${error.stack.split('\n').slice(1).join('\n')}\n`));
    return cli ? cli.exitCode : 1;
  }
}


function isDirectRun(): boolean {
  return !process.env.VITEST;
}

if (isDirectRun()) {
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts++;
    controller.abort();
    if (interrupts > 1) process.exit(130);
  });
  // Getters: touching process.stdin (or a stream's isTTY) loads tty, net and stream code that most commands never need.
  let stdoutUsed = false;
  const io: Io = {
    get stdout() {
      if (!stdoutUsed) {
        stdoutUsed = true;
        // `| head` closing the pipe early is not a failure.
        process.stdout.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'EPIPE') process.exit(0);
        });
      }
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    get stdin() {
      return process.stdin;
    },
    get stdoutIsTTY() {
      return !!process.stdout.isTTY;
    },
    get stderrIsTTY() {
      return !!process.stderr.isTTY;
    },
    get stdinIsTTY() {
      return !!process.stdin.isTTY;
    },
    get columns() {
      return process.stdout.columns || Number(process.env.COLUMNS) || 80;
    },
  };
  // A copy: the time code sets process.env.TZ while it works, and settings must see the user's own.
  main(process.argv, io, { ...process.env }, controller.signal).then((code) => {
    // Exit once stdout has drained: pooled HTTP connections must not hold the process open.
    if (stdoutUsed) process.stdout.write('', () => process.exit(code));
    else process.exit(code);
  });
}
