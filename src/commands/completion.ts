import { Argument, Option, type CommandUnknownOpts, type Command } from '@commander-js/extra-typings';
import { UsageError } from '../errors';
import { defineCommand } from './command';
import { SUMMARIES } from './summaries';
import { SETTINGS } from './config/keys';
import { candidates } from './shared/candidates';
import { buildProgram } from '../program';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
/** What `completion --candidates` lists, from this machine only (the record of intent, the agent-name cache): never a request. */
const CANDIDATES = ['agents', 'schedules', 'zones'] as const;
type Candidates = (typeof CANDIDATES)[number];

/** What completes a value: a fixed list, a file, this machine's agents, schedules or zones, or free text (nothing offered). */
type ValueKind = { choices: readonly string[] } | { file: true } | { candidates: Candidates } | { free: true };

/** Values by option, where the declaration alone does not say (choices come from the declaration itself). */
const OPTION_VALUES: Record<string, ValueKind> = {
  '--ics': { file: true },
  '--file': { file: true },
  '--agent-id': { candidates: 'agents' },
  '--tz': { candidates: 'zones' },
  '--id': { candidates: 'schedules' },
};

/** Values by argument name (the name in its declaration, e.g. `<id>`). */
const ARGUMENT_VALUES: Record<string, ValueKind> = {
  id: { candidates: 'schedules' },
  ids: { candidates: 'schedules' },
  agent: { candidates: 'agents' },
  zone: { candidates: 'zones' },
  name: { choices: SETTINGS },
};

interface OptionNode {
  flags: string[];
  description: string;
  value?: ValueKind;
}

interface Node {
  path: string[];
  subcommands: Array<{ name: string; description: string }>;
  options: OptionNode[];
  /** What the command's first argument takes, if it takes one. */
  argument?: ValueKind;
}

function valueOf(option: Option): ValueKind | undefined {
  if (!option.required && !option.optional) return undefined;
  if (option.argChoices) return { choices: option.argChoices };
  return OPTION_VALUES[option.long ?? ''] ?? { free: true };
}

function argumentOf(command: CommandUnknownOpts): ValueKind | undefined {
  const [first] = command.registeredArguments;
  if (!first) return undefined;
  if (first.argChoices) return { choices: first.argChoices };
  return ARGUMENT_VALUES[first.name()] ?? { free: true };
}

/** Every command path with its subcommands, options and argument, read from the command tree itself (hidden options left out). */
function walk(command: CommandUnknownOpts, path: string[] = [], inherited: OptionNode[] = []): Node[] {
  const own: OptionNode[] = command.options
    .filter((o) => !o.hidden)
    .map((o) => ({ flags: [o.long, o.short].filter((f): f is string => !!f), description: o.description, value: valueOf(o as Option) }));
  const options = [...inherited, ...own, { flags: ['--help', '-h'], description: 'show help' }];
  const subcommands = command.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden).map((c) => ({ name: c.name(), description: c.description() }));
  const node: Node = { path, subcommands, options, argument: command.commands.length === 0 ? argumentOf(command) : undefined };
  return [node, ...command.commands.flatMap((c) => walk(c, [...path, c.name()], path.length === 0 ? own : inherited))];
}

export default defineCommand({
  path: ['completion'],
  description: SUMMARIES.completion.description,
  examples: [
    'letta-switchboard completion zsh > "${fpath[1]}/_letta-switchboard"',
    'mkdir -p ~/.local/share/bash-completion/completions && letta-switchboard completion bash > ~/.local/share/bash-completion/completions/letta-switchboard',
    'mkdir -p ~/.config/fish/completions && letta-switchboard completion fish > ~/.config/fish/completions/letta-switchboard.fish',
  ],
  globals: [],
  declare: (command: Command) =>
    command.addArgument(new Argument('[shell]', 'bash, zsh or fish').choices(SHELLS).argParser(parseShell)).addOption(new Option('--candidates <kind>').choices(CANDIDATES).hideHelp()),
  async run(rt, options, shell) {
    if (options.candidates) {
      const found = await candidates(rt, options.candidates as Candidates);
      if (rt.out.json) rt.out.document(found);
      else for (const line of found) rt.out.line(line);
      return;
    }
    if (!shell) throw new UsageError('Name a shell: bash, zsh or fish', 'e.g. letta-switchboard completion bash');
    const program = await buildProgram();
    const nodes = walk(program);
    const name = program.name();
    const fn = name.replace(/[^a-zA-Z0-9]/g, '_');
    const script = shell === 'bash' ? bash(name, fn, nodes) : shell === 'zsh' ? zsh(name, nodes) : fish(name, nodes);
    // Under --json, as every command: one document, the script a field of it (with its final newline, as a file would hold it).
    if (rt.out.json) rt.out.document({ shell, script: `${script}\n` });
    else rt.out.line(script);
  },
});

function parseShell(value: string): (typeof SHELLS)[number] {
  const shell = SHELLS.find((s) => s === value.trim().toLowerCase());
  if (!shell) throw new UsageError(`'${value}' is not a shell this can complete for`, 'Use bash, zsh or fish.');
  return shell;
}

/** A value kind as the bash and zsh scripts read it: "choices:a b", "file", "candidates:agents", "free". */
function kindWord(kind: ValueKind | undefined): string {
  if (!kind) return '';
  if ('choices' in kind) return `choices:${kind.choices.join(' ')}`;
  if ('file' in kind) return 'file';
  if ('candidates' in kind) return `candidates:${kind.candidates}`;
  return 'free';
}

/** The case tables both bash and zsh use: children, flags, the value kind of each flag, the argument's kind. */
function tables(fn: string, nodes: Node[], describe: boolean): string {
  const key = (n: Node) => `"${n.path.join(' ')}"`;
  const quote = (text: string) => text.replace(/[\\"$`]/g, '\\$&');
  const list = (items: string[]) => `"${quote(items.join(describe ? '\n' : ' '))}"`;
  const flagWords = (n: Node) => n.options.flatMap((o) => o.flags.map((f) => (describe ? `${f.replace(/:/g, '\\:')}:${o.description}` : f)));
  const valueCases = nodes.flatMap((n) => n.options.filter((o) => o.value).flatMap((o) => o.flags.map((f) => `    "${n.path.join(' ')}|${f}") echo "${quote(kindWord(o.value))}" ;;`)));
  return `_${fn}_children() {
  case "$1" in
${nodes.map((n) => `    ${key(n)}) echo ${list(n.subcommands.map((s) => (describe ? `${s.name}:${s.description}` : s.name)))} ;;`).join('\n')}
  esac
}
_${fn}_flags() {
  case "$1" in
${nodes.map((n) => `    ${key(n)}) echo ${list(flagWords(n))} ;;`).join('\n')}
  esac
}
_${fn}_value() {
  case "$1|$2" in
${valueCases.join('\n')}
  esac
}
_${fn}_argument() {
  case "$1" in
${nodes
  .filter((n) => n.argument)
  .map((n) => `    ${key(n)}) echo "${quote(kindWord(n.argument))}" ;;`)
  .join('\n')}
  esac
}`;
}

/** Walks the words typed so far to the command path, skipping options and their values. */
function pathLoop(fn: string, first: string, words: string, last: string): string {
  return `  for ((i = ${first}; i < ${last}; i++)); do
    word="\${${words}[i]}"
    if [[ "$word" == -* ]]; then
      [[ "$word" != *=* && -n "$(_${fn}_value "$cmdpath" "$word")" ]] && ((i++))
      continue
    fi
    case " $(_${fn}_children "$cmdpath" | tr '\\n' ' ' | sed 's/:[^ ]*//g') " in
      *" $word "*) cmdpath="\${cmdpath:+$cmdpath }$word" ;;
    esac
  done`;
}

function bash(name: string, fn: string, nodes: Node[]): string {
  return `# ${name} completion for bash
${tables(fn, nodes, false)}
_${fn}_values() {
  case "$1" in
    choices:*) COMPREPLY+=($(compgen -W "\${1#choices:}" -- "$cur")) ;;
    candidates:*) COMPREPLY+=($(compgen -W "$(${name} completion --candidates "\${1#candidates:}" 2>/dev/null)" -- "$cur")) ;;
    file)
      if declare -F _filedir >/dev/null; then _filedir
      else
        compopt -o filenames 2>/dev/null
        local IFS=$'\\n'
        COMPREPLY+=($(compgen -f -- "$cur"))
      fi ;;
  esac
}
_${fn}_complete() {
  local cur prev cmdpath="" word i kind
  COMPREPLY=()
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
${pathLoop(fn, '1', 'COMP_WORDS', 'COMP_CWORD')}
  if ((COMP_CWORD > 1)) && [[ "$prev" == -* ]]; then
    kind="$(_${fn}_value "$cmdpath" "$prev")"
    if [[ -n "$kind" ]]; then
      _${fn}_values "$kind"
      return 0
    fi
  fi
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$(_${fn}_flags "$cmdpath")" -- "$cur"))
    return 0
  fi
  COMPREPLY=($(compgen -W "$(_${fn}_children "$cmdpath")" -- "$cur"))
  kind="$(_${fn}_argument "$cmdpath")"
  [[ -n "$kind" ]] && _${fn}_values "$kind"
  return 0
}
complete -F _${fn}_complete ${name}`;
}

function zsh(name: string, nodes: Node[]): string {
  const fn = `_${name}`;
  const helper = name.replace(/[^a-zA-Z0-9]/g, '_');
  return `#compdef ${name}
# ${name} completion for zsh: put it in a folder of $fpath as ${fn}, or source it.
${tables(helper, nodes, true)}
_${helper}_values() {
  case "$1" in
    choices:*) compadd -- \${=\${1#choices:}} ;;
    candidates:*) compadd -- \${(f)"$(${name} completion --candidates "\${1#candidates:}" 2>/dev/null)"} ;;
    file) _files ;;
  esac
}
${fn}() {
  local cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}" cmdpath="" word i kind
  local -a described
${pathLoop(helper, '2', 'words', 'CURRENT')}
  if ((CURRENT > 2)) && [[ "$prev" == -* ]]; then
    kind="$(_${helper}_value "$cmdpath" "$prev")"
    if [[ -n "$kind" ]]; then
      _${helper}_values "$kind"
      return
    fi
  fi
  if [[ "$cur" == -* ]]; then
    described=(\${(f)"$(_${helper}_flags "$cmdpath")"})
    _describe -t options option described
    return
  fi
  described=(\${(f)"$(_${helper}_children "$cmdpath")"})
  ((\${#described})) && _describe -t commands command described
  kind="$(_${helper}_argument "$cmdpath")"
  [[ -n "$kind" ]] && _${helper}_values "$kind"
}
# Loaded from $fpath, this file is the function's first call: complete now. Sourced: register.
if [[ "\${funcstack[1]}" == "${fn}" ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${name}
fi`;
}

function fish(name: string, nodes: Node[]): string {
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const lines = [`# ${name} completion for fish`, `complete -c ${name} -f`];
  const names = (node: Node) => node.subcommands.map((s) => s.name).join(' ');
  const conditionFor = (node: Node) => {
    if (node.path.length === 0) return '__fish_use_subcommand';
    const seen = node.path.map((word) => `__fish_seen_subcommand_from ${word}`).join('; and ');
    // Once a subcommand is typed, its siblings are no longer offered.
    return node.subcommands.length > 0 ? `${seen}; and not __fish_seen_subcommand_from ${names(node)}` : seen;
  };
  const values = (kind: ValueKind | undefined) => {
    if (!kind) return '';
    if ('choices' in kind) return ` -x -a ${quote(kind.choices.join(' '))}`;
    if ('file' in kind) return ' -r -F';
    if ('candidates' in kind) return ` -x -a ${quote(`(${name} completion --candidates ${kind.candidates} 2>/dev/null)`)}`;
    return ' -x';
  };
  for (const node of nodes) {
    const condition = quote(conditionFor(node));
    for (const sub of node.subcommands) lines.push(`complete -c ${name} -n ${condition} -a ${sub.name} -d ${quote(sub.description)}`);
    if (node.path.length === 0) continue;
    for (const option of node.options) {
      const long = option.flags.find((f) => f.startsWith('--'));
      const short = option.flags.find((f) => /^-[^-]$/.test(f));
      const flags = `${long ? ` -l ${long.slice(2)}` : ''}${short ? ` -s ${short.slice(1)}` : ''}`;
      lines.push(`complete -c ${name} -n ${condition}${flags}${values(option.value)} -d ${quote(option.description)}`);
    }
    if (node.argument && !('free' in node.argument)) lines.push(`complete -c ${name} -n ${condition}${values(node.argument).replace(' -x', '').replace(' -r', '')}`);
  }
  return lines.join('\n');
}
