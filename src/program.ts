import { Command, Help, type CommandUnknownOpts, type OptionValues } from '@commander-js/extra-typings';
import type { RegisteredCommand } from './commands/command';
import { COMMANDS, GROUPS, type CommandEntry } from './commands/registry';
import { SUMMARIES, type TopLevel } from './commands/summaries';
import { UsageError } from './errors';
import { GROUP_OF, withGlobalOptions, type GlobalGroup, type GlobalOptions } from './global-options';
import type { Sink } from './output/output';
import { didYouMean, meantCommands, unknownCommandMessage, withOurSuggestion } from './meant-command';
import { VERSION } from './version';

const ENVIRONMENT = `
Environment:
  LETTA_API_KEY                 API key (beats the config file)
  LETTA_BASE_URL                API address (default https://api.letta.com)
  LETTA_AGENT_ID                default agent id or name
  TZ                            time zone when neither --tz nor the config's timezone is set
  LETTA_SWITCHBOARD_CONFIG_DIR  folder for config.json
  LETTA_SWITCHBOARD_STATE_DIR   folder for the record of intent (sync, series, pause)
  NO_COLOR                      no colour (FORCE_COLOR=1: colour even into a pipe)

Exit codes:
  0 success   1 API error   2 bad usage or input   3 not found
  4 auth (no key, 401/403)   5 network or timeout
  6 needs attention (status found a problem, plan found changes)   130 interrupted`;

/** Runs a command's handler once commander has parsed its arguments. */
export type Runner = (declaration: RegisteredCommand, options: OptionValues, args: unknown[], globals: GlobalOptions) => Promise<void>;

export interface ProgramOutput {
  stdout: Sink;
  stderr: Sink;
}

/** A help's examples, shown first: after its usage line and description, before its arguments and options (as kubectl does). */
function examples(lines: string[]): string {
  return `Examples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n\n`;
}

/** The help's text with its examples put in after the description, before the first list (arguments, options, commands). */
function withExamplesFirst(help: string, shown: string | undefined): string {
  if (shown === undefined) return help;
  const at = help.search(/^(?:Arguments|Options|Commands|Global Options):$/m);
  return at === -1 ? `${help}\n${shown.trimEnd()}\n` : `${help.slice(0, at)}${shown}${help.slice(at)}`;
}

/**
 * The command tree, from the registry. Without a runner it is the bare tree
 * (for completion scripts). `only` (the words of a run: its first command
 * word and the one after) says which command modules to load and declare;
 * the others would be loaded for nothing. Without it, every one.
 */
export async function buildProgram(runner?: Runner, output?: ProgramOutput, only?: string[]) {
  const program = withGlobalOptions(new Command('letta-switchboard'))
    .description('Message Letta agents now, later, or on a schedule.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText('after', ENVIRONMENT);
  // An unknown top-level word gets the same suggestions as one under a group (commander's own ignores prefixes: `rec`, `ag`).
  program.on('command:*', ([word]: string[]) => program.error(unknownCommandMessage(word!), { code: 'commander.unknownCommand', exitCode: 2 }));
  const examplesOf = new WeakMap<CommandUnknownOpts, string>();
  examplesOf.set(
    program,
    examples([
      'letta-switchboard send --agent-id support-bot --message "Check the queue" --execute-at "tomorrow at 9am"',
      'letta-switchboard recurring create --agent-id support-bot --message "Standup" --cron "every weekday at 10am"',
      'letta-switchboard recurring list --json | jq -r ".[].id"',
    ]),
  );
  if (output) {
    program.configureOutput({
      writeOut: (text) => output.stdout.write(text),
      writeErr: (text) => output.stderr.write(text),
      outputError: (text, write) => write(withOurSuggestion(text.replace(/^error: (.)/, (_, c: string) => `Error: ${c.toUpperCase()}`))),
    });
  }

  const uses = new WeakMap<CommandUnknownOpts, GlobalGroup[]>();
  /** Commands listed without their module loaded: the term the root help shows for each. */
  const listed = new WeakMap<CommandUnknownOpts, string>();
  program.configureHelp({
    subcommandTerm(this: Help, command) {
      return listed.get(command) ?? Help.prototype.subcommandTerm.call(this, command);
    },
    showGlobalOptions: true,
    formatHelp(this: Help, command, helper) {
      return withExamplesFirst(Help.prototype.formatHelp.call(this, command, helper), examplesOf.get(command));
    },
    // Choices and defaults as a person types them: user, not "user".
    optionDescription: (option) => {
      const extra = [
        ...(option.argChoices ? [`one of ${option.argChoices.join(', ')}`] : []),
        ...((option.required || option.optional) && option.defaultValue !== undefined ? [`default ${option.defaultValueDescription ?? String(option.defaultValue)}`] : []),
      ];
      return extra.length > 0 ? `${option.description} (${extra.join('; ')})` : option.description;
    },
    // Only the global options that do something for this command; none on a group's help.
    visibleGlobalOptions: (command) => {
      const groups = uses.get(command) ?? [];
      return program.options.filter((option) => !option.hidden && groups.includes(GROUP_OF[option.attributeName() as keyof GlobalOptions]));
    },
  });

  const groups = new Map<string, CommandUnknownOpts>();
  const group = (name: string) => {
    let command = groups.get(name);
    if (command) return command;
    const declaration = GROUPS.find((g) => g.name === name)!;
    command = program
      .command(name)
      .description(declaration.description)
      .addHelpText('after', "\nGlobal options (--json, --tz, --dry-run, ...) are listed in each command's help and in 'letta-switchboard --help'.");
    examplesOf.set(command, examples(declaration.examples));
    const names = COMMANDS.filter((c) => c.path[0] === name).map((c) => c.path[1]!);
    // Run bare, a group says which subcommands exist instead of printing its help as an error; a typo gets the nearest,
    // also when options follow it (`onetime sned --agent-id A` is about 'sned', not an unknown '--agent-id').
    command
      .allowExcessArguments(true)
      .allowUnknownOption(true)
      .action(function (this: CommandUnknownOpts) {
        const [word] = this.args;
        if (word?.startsWith('-')) {
          // An option before the subcommand: say where it goes when the subcommand is there after it.
          const sub = this.args.find((arg) => names.includes(arg));
          if (sub) {
            const before = this.args.slice(0, this.args.indexOf(sub));
            throw new UsageError(`Options of '${name} ${sub}' go after it`, `For example: letta-switchboard ${name} ${sub} ${before.join(' ')}`);
          }
          this.error(`error: unknown option '${word}'`, { code: 'commander.unknownOption', exitCode: 2 });
        }
        if (word !== undefined) {
          this.error(unknownCommandMessage(word, name), { code: 'commander.unknownCommand', exitCode: 2 });
        }
        throw new UsageError(`'${name}' needs a subcommand: ${names.join(', ')}`, `Run 'letta-switchboard ${name} --help' for details.`);
      });
    groups.set(name, command);
    return command;
  };

  const loaded = new Map(await Promise.all(wanted(only).map(async (entry) => [entry, await entry.load()] as const)));
  for (const entry of COMMANDS) {
    // Every group is declared (the root help lists them), in the registry's order; of the commands, those loaded.
    const parent = entry.path.length > 1 ? group(entry.path[0]!) : program;
    const declaration = loaded.get(entry);
    if (!declaration) {
      // Not loaded: a top-level command is listed from its summary, for the root help and for "did you mean".
      if (entry.path.length === 1) listed.set(program.command(entry.path[0]!).description(SUMMARIES[entry.path[0] as TopLevel].description), SUMMARIES[entry.path[0] as TopLevel].term);
      continue;
    }
    const command = declaration.build();
    command.copyInheritedSettings(parent).allowExcessArguments(false);
    command.description(declaration.description);
    examplesOf.set(command, examples(declaration.examples));
    // A usage error (a missing argument, an unknown option) ends with the command's usage line.
    command.showHelpAfterError(`Usage: ${program.name()} ${declaration.path.join(' ')} ${command.usage()}`);
    uses.set(command, declaration.globals);
    command.action(async (...params: unknown[]) => {
      const options = params.at(-2) as OptionValues;
      await runner?.(declaration, options, params.slice(0, -2), program.opts());
    });
    parent.addCommand(command);
  }

  program
    .command('help')
    .description('show help for a command')
    .argument('[command...]', 'e.g. recurring create')
    .action((words) => {
      let command: CommandUnknownOpts = program;
      for (const [at, word] of words.entries()) {
        const next = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
        if (!next) {
          const meant = at < 2 ? meantCommands(word, at === 0 ? undefined : words[0]) : [];
          const hint = meant.length > 0 ? didYouMean(meant.map((path) => `help ${path}`)) : "Run 'letta-switchboard --help' for the list.";
          throw new UsageError(`Unknown command '${words.slice(0, at + 1).join(' ')}'`, hint);
        }
        command = next;
      }
      command.outputHelp();
    });
  return program;
}

/**
 * The registry entries a run with these words needs: the one command they
 * name; else every command of the group they name (its help lists them);
 * every command for `help`, which may show any; else (no command, or a word
 * that is none) none: the root help lists the top-level ones from their summaries.
 */
function wanted(only: string[] | undefined): CommandEntry[] {
  if (only === undefined) return COMMANDS;
  const [first, second] = only;
  if (first === 'help') return COMMANDS;
  const exact = COMMANDS.filter((entry) => entry.path[0] === first && (entry.path.length === 1 || entry.path[1] === second));
  if (exact.length === 1) return exact;
  return COMMANDS.filter((entry) => entry.path[0] === first);
}
