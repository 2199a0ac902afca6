import { Command, type CommandUnknownOpts, type OptionValues } from '@commander-js/extra-typings';
import type { RegisteredCommand } from './commands/command';
import { COMMANDS, GROUPS } from './commands/registry';
import { UsageError } from './errors';
import { GROUP_OF, withGlobalOptions, type GlobalGroup, type GlobalOptions } from './global-options';
import type { Sink } from './output/output';
import { VERSION } from './version';

const ENVIRONMENT = `
Environment:
  LETTA_API_KEY                 API key (beats the config file)
  LETTA_BASE_URL                API address (default https://api.letta.com)
  LETTA_AGENT_ID                default agent id or name
  TZ                            time zone for phrases (else config, else system)
  LETTA_SWITCHBOARD_CONFIG_DIR  folder for config.json
  LETTA_SWITCHBOARD_STATE_DIR   folder for the record of intent (sync, series, pause)
  NO_COLOR                      no colour (FORCE_COLOR=1: colour even into a pipe)

Exit codes:
  0 success   1 API error   2 bad usage or input   3 not found
  4 auth (no key, 401/403)   5 network or timeout   6 needs attention (status)
  130 interrupted`;

/** Runs a command's handler once commander has parsed its arguments. */
export type Runner = (declaration: RegisteredCommand, options: OptionValues, args: unknown[], globals: GlobalOptions) => Promise<void>;

export interface ProgramOutput {
  stdout: Sink;
  stderr: Sink;
}

/** Examples close a help, after usage, description and options (as gh, kubectl and git do). */
function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}`;
}

/**
 * The command tree, from the registry. Without a runner it is the bare tree
 * (for completion scripts). Commands only declare themselves here; each
 * handler loads what it needs when it runs. With `only` (the first command
 * word of a run), just that command or group is declared, when it is one:
 * the other declarations would be built for nothing.
 */
export function buildProgram(runner?: Runner, output?: ProgramOutput, only?: string) {
  const program = withGlobalOptions(new Command('letta-switchboard'))
    .description('Message Letta agents now, later, or on a schedule.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText('after', `${examples([
      'letta-switchboard send --agent-id support-bot --message "Check the queue" --execute-at "tomorrow at 9am"',
      'letta-switchboard recurring create --agent-id support-bot --message "Standup" --cron "every weekday at 10am"',
      'letta-switchboard recurring list --json | jq -r ".[].id"',
    ])}\n${ENVIRONMENT}`);
  if (output) {
    program.configureOutput({
      writeOut: (text) => output.stdout.write(text),
      writeErr: (text) => output.stderr.write(text),
      outputError: (text, write) => write(text.replace(/^error: (.)/, (_, c: string) => `Error: ${c.toUpperCase()}`)),
    });
  }

  const uses = new WeakMap<CommandUnknownOpts, GlobalGroup[]>();
  program.configureHelp({
    showGlobalOptions: true,
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
      .addHelpText('after', `${examples(declaration.examples)}\n\nGlobal options (--json, --tz, --dry-run, ...) are listed in each command's help and in 'letta-switchboard --help'.`);
    const names = COMMANDS.filter((c) => c.path[0] === name).map((c) => c.path[1]!);
    // Run bare, a group says which subcommands exist instead of printing its help as an error; a typo gets the nearest.
    command.allowExcessArguments(true).action(function (this: CommandUnknownOpts) {
      const [word] = this.args;
      if (word !== undefined) {
        const near = nearest(word, names);
        this.error(`error: unknown command '${word}' for '${name}'${near ? `\n(Did you mean ${near}?)` : ''}`, { code: 'commander.unknownCommand', exitCode: 2 });
      }
      throw new UsageError(`'${name}' needs a subcommand: ${names.join(', ')}`, `Run 'letta-switchboard ${name} --help' for details.`);
    });
    groups.set(name, command);
    return command;
  };

  const known = only !== undefined && COMMANDS.some((declaration) => declaration.path[0] === only);
  for (const declaration of COMMANDS) {
    if (known && declaration.path[0] !== only) continue;
    const parent = declaration.path.length > 1 ? group(declaration.path[0]!) : program;
    const command = declaration.build();
    command.copyInheritedSettings(parent).allowExcessArguments(false);
    command.description(declaration.description).addHelpText('after', examples(declaration.examples));
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
      for (const word of words) {
        const next = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
        if (!next) throw new UsageError(`Unknown command '${[...words.slice(0, words.indexOf(word)), word].join(' ')}'`, "Run 'letta-switchboard --help' for the list.");
        command = next;
      }
      command.outputHelp();
    });
  return program;
}

/** The candidate closest to a mistyped word (edit distance at most 2, or a prefix), if any. */
export function nearest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = candidate.startsWith(word) && word.length >= 2 ? 1 : editDistance(word, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
