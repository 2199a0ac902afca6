import { Command, type OptionValues } from '@commander-js/extra-typings';
import type { GlobalGroup } from '../global-options';
import type { Runtime } from '../runtime';

/**
 * One command: where it sits, what it says about itself, its arguments and
 * options (commander's own calls, so their types flow into `run`: renaming a
 * flag fails to compile), and the handler. Its module imports what it needs
 * as any module does: the registry loads a command's module only when that
 * command runs (or a help lists it).
 */
export interface CommandDeclaration<Args extends unknown[], Opts extends OptionValues> {
  /** ['onetime', 'list'], or ['send'] for a top-level command. */
  path: string[];
  description: string;
  /** Command lines shown first in the help, without the leading "$ ". */
  examples: string[];
  globals: GlobalGroup[];
  /** Never changes a schedule: its --dry-run holds back a file or a notification (agenda --ics, export, status --notify). */
  keepsSchedules?: true;
  declare: (command: Command) => Command<Args, Opts>;
  run: (rt: Runtime, options: Opts, ...args: Args) => Promise<void>;
}

/** A declaration as the registry holds it: its types erased where commander hands the parsed values back. */
export interface RegisteredCommand {
  path: string[];
  description: string;
  examples: string[];
  globals: GlobalGroup[];
  /** Takes --dry-run and may change schedules (or agents' messages): it looks an agent's name up afresh. */
  changesSchedules: boolean;
  build: () => Command<unknown[], OptionValues>;
  run: (rt: Runtime, options: OptionValues, args: unknown[]) => Promise<void>;
}

export function defineCommand<Args extends unknown[], Opts extends OptionValues>(declaration: CommandDeclaration<Args, Opts>): RegisteredCommand {
  return {
    path: declaration.path,
    description: declaration.description,
    examples: declaration.examples,
    globals: declaration.globals,
    changesSchedules: declaration.globals.includes('dryRun') && !declaration.keepsSchedules,
    build: () => declaration.declare(new Command(declaration.path.at(-1)!)) as unknown as Command<unknown[], OptionValues>,
    // Sound: commander parsed `options` and `args` with the very declaration that typed them.
    run: (rt, options, args) => declaration.run(rt, options as Opts, ...(args as Args)),
  };
}

/** A command that only holds subcommands. */
export interface GroupDeclaration {
  name: string;
  description: string;
  examples: string[];
}
