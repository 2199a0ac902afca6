import { Argument, type CommandUnknownOpts, type Command } from '@commander-js/extra-typings';
import { UsageError } from '../errors';
import { defineCommand } from './command';

interface Node {
  path: string[];
  subcommands: string[];
  flags: string[];
}

const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** Every command path with its subcommands and flags, read from the command tree itself (hidden flags left out). */
function walk(command: CommandUnknownOpts, path: string[] = [], inherited: string[] = []): Node[] {
  const own = command.options.filter((o) => !o.hidden).flatMap((o) => [o.long, o.short].filter((f): f is string => !!f));
  const flags = [...new Set([...inherited, ...own, '--help'])];
  const subcommands = command.commands.map((c) => c.name());
  return [{ path, subcommands, flags }, ...command.commands.flatMap((c) => walk(c, [...path, c.name()], path.length === 0 ? own : inherited))];
}

export default defineCommand({
  path: ['completion'],
  description: 'Print a shell completion script',
  examples: [
    'letta-switchboard completion zsh > "${fpath[1]}/_letta-switchboard"',
    'mkdir -p ~/.local/share/bash-completion/completions && letta-switchboard completion bash > ~/.local/share/bash-completion/completions/letta-switchboard',
    'mkdir -p ~/.config/fish/completions && letta-switchboard completion fish > ~/.config/fish/completions/letta-switchboard.fish',
  ],
  globals: [],
  declare: (command: Command) => command.addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS).argParser(parseShell)),
  async run(rt, _options, shell) {
    const { buildProgram } = await import('../program');
    const program = buildProgram();
    const nodes = walk(program);
    const name = program.name();
    const fn = name.replace(/[^a-zA-Z0-9]/g, '_');
    if (shell === 'bash') rt.out.line(bash(name, fn, nodes));
    else if (shell === 'zsh') rt.out.line(`#compdef ${name}\nautoload -U bashcompinit && bashcompinit\n${bash(name, fn, nodes)}`);
    else rt.out.line(fish(name, nodes));
  },
});

function parseShell(value: string): (typeof SHELLS)[number] {
  const shell = SHELLS.find((s) => s === value.trim().toLowerCase());
  if (!shell) throw new UsageError(`'${value}' is not a shell this can complete for`, 'Use bash, zsh or fish.');
  return shell;
}

function bash(name: string, fn: string, nodes: Node[]): string {
  const cases = nodes
    .map((n) => `    "${n.path.join(' ')}") words="${[...n.subcommands, ...n.flags].join(' ')}" ;;`)
    .join('\n');
  return `# ${name} completion for bash (and zsh through bashcompinit)
_${fn}_complete() {
  local cur path="" word words i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ "$word" == -* ]] && continue
    case " $(_${fn}_children "$path") " in
      *" $word "*) path="\${path:+$path }$word" ;;
    esac
  done
  case "$path" in
${cases}
    *) words="" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
_${fn}_children() {
  case "$1" in
${nodes.map((n) => `    "${n.path.join(' ')}") echo "${n.subcommands.join(' ')}" ;;`).join('\n')}
  esac
}
complete -F _${fn}_complete ${name}`;
}

function fish(name: string, nodes: Node[]): string {
  const lines = [`# ${name} completion for fish`, `complete -c ${name} -f`];
  for (const node of nodes) {
    const condition =
      node.path.length === 0
        ? '__fish_use_subcommand'
        : `__fish_seen_subcommand_from ${node.path.at(-1)}${node.path.length > 1 ? `; and __fish_seen_subcommand_from ${node.path[0]}` : ''}`;
    for (const sub of node.subcommands) lines.push(`complete -c ${name} -n '${condition}' -a ${sub}`);
    if (node.path.length > 0) {
      for (const flag of node.flags.filter((f) => f.startsWith('--'))) lines.push(`complete -c ${name} -n '${condition}' -l ${flag.slice(2)}`);
    }
  }
  return lines.join('\n');
}
