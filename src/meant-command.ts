import { COMMANDS } from './commands/registry';
import { nearestCommands, nearestInTurn } from './nearest';

/** Words for what a command is about, for a top-level word that neither names nor begins a command (`sch`, `schedules`). */
const TOPICS: Record<string, string[]> = {
  schedule: ['onetime', 'recurring'],
  schedules: ['onetime', 'recurring'],
  cron: ['recurring'],
  runs: ['results'],
  settings: ['config'],
  calendar: ['agenda'],
};

const unique = (words: string[]) => [...new Set(words)];

/**
 * The commands an unknown word most likely meant, as they are typed after `letta-switchboard`:
 * under a group, its subcommands the word begins or nearly spells; at the top level the same
 * among the top-level commands, every group's subcommands (`list` is 'onetime list',
 * 'recurring list', ...) and the words for what commands are about, in that order. Only ever a
 * suggestion: a word that begins one command never runs it, so a script's meaning does not
 * change when a command is added.
 */
export function meantCommands(word: string, group?: string): string[] {
  if (group !== undefined) {
    const near = nearestCommands(word, unique(COMMANDS.filter((entry) => entry.path[0] === group && entry.path.length > 1).map((entry) => entry.path[1]!)));
    return near.map((sub) => `${group} ${sub}`);
  }
  const top = [...unique(COMMANDS.map((entry) => entry.path[0]!)), 'help'];
  const subcommands = COMMANDS.filter((entry) => entry.path.length > 1);
  const near = nearestInTurn(word, [top, unique(subcommands.map((entry) => entry.path[1]!)), Object.keys(TOPICS)]);
  return unique(near.flatMap((name) => (top.includes(name) ? [name] : (TOPICS[name] ?? subcommands.filter((entry) => entry.path[1] === name).map((entry) => entry.path.join(' '))))));
}

/** `a`, `a or b`, `a, b or c`. */
export function eitherOf(words: string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? '');
}

/** The one way a suggestion is said, for commands and options alike: each as typed, quoted (`Did you mean 'agenda' or 'agents'?`). */
export function didYouMean(choices: string[]): string {
  return `Did you mean ${eitherOf(choices.map((choice) => `'${choice}'`))}?`;
}

/** The error commander reports for an unknown command, with what it most likely meant: whole commands, as typed after `letta-switchboard`. */
export function unknownCommandMessage(word: string, group?: string): string {
  const meant = meantCommands(word, group);
  return `error: unknown command '${word}'${group === undefined ? '' : ` for '${group}'`}${meant.length > 0 ? `\n${didYouMean(meant)}` : ''}`;
}

/** Commander's own suggestion (an unknown option: `(Did you mean one of --a, --b?)`) said as every other is. */
export function withOurSuggestion(text: string): string {
  return text.replace(/^\(Did you mean (?:one of )?(.+)\?\)$/m, (_, list: string) => didYouMean(list.split(', ')));
}
