import {
  AmbiguousAgentError,
  AuthError,
  CliError,
  CreateMayHaveLandedError,
  EndlessListError,
  NetworkError,
  NO_KEY_HINT,
  NotFoundError,
  RedirectRefusedError,
  RetiredServiceError,
  RouteMissingError,
  WrongKindError,
  type KeySource,
  type LandingKind,
  type ScheduleKind,
} from './errors';
import { COMMANDS } from './commands/registry';

/** What the edge knows about the run that failed. */
export interface HintFacts {
  /** The command's words as declared, e.g. ['onetime', 'delete']. */
  command?: readonly string[];
}

const CLI = 'letta-switchboard';
/** The command noun for each kind of schedule. */
const NOUN: Record<ScheduleKind, string> = { 'one-time': 'onetime', recurring: 'recurring' };

/**
 * The one hint line shown under an error: written here from the facts the
 * error carries, so lower layers never spell command lines. Errors without
 * such facts keep the hint they were given.
 */
export function hintFor(error: unknown, facts: HintFacts = {}): string | undefined {
  if (!(error instanceof CliError)) return undefined;
  if (error instanceof CreateMayHaveLandedError) {
    // A resume run again looks for the copy its lost create made before it sends another: running it again is the way on.
    if (facts.command?.[1] === 'resume') return `The schedule may have been created again. Run the resume again: it finds that copy and creates no other.`;
    if (error.syncFinishes) return `The schedule may have been created. Do not run this create again: '${CLI} sync' records it if it landed, or creates it.`;
    return landedHint(error.kind, error.agentId);
  }
  if (error instanceof WrongKindError) return otherKindHint(error, scheduleVerb(facts));
  if (error instanceof AuthError) {
    // A key that was refused, by the server or before sending: where it came from; no key at all: how to set one.
    if (error.facts.status !== undefined || error.facts.keySource !== undefined) return wrongKeyHint(error.facts.keySource);
    return error.hint ?? NO_KEY_HINT;
  }
  if (error instanceof RouteMissingError) {
    if (error.feature === 'letta') return `Every Letta server has this route, so the base URL does not lead to Letta's API. Check it (${CLI} config show).`;
    return `Schedules are a Letta Cloud feature: self-hosted servers do not have these routes. Check the base URL (${CLI} config show).`;
  }
  if (error instanceof NetworkError) {
    if (error.reason === 'timeout') return 'Raise the limit with --timeout MS, or check the server.';
    if (error.reason === 'unreachable') return `Check the base URL (${CLI} config show) and your network.`;
    // A connection to Letta cut mid-request (a reset, a proxy closing it): usually passing; reads were retried already.
    if (error.reason === 'cut') return error.hint ?? `The server or a proxy between closed the connection. Try again; if it keeps failing, check the base URL (${CLI} config show) and your network.`;
    return error.hint;
  }
  if (error instanceof RedirectRefusedError) return `If the API moved, set the new address with ${CLI} config set-url URL.`;
  if (error instanceof RetiredServiceError) {
    return `Letta's own API is at https://api.letta.com: run '${CLI} config set-url https://api.letta.com' (and drop any --base-url or LETTA_BASE_URL pointing at the old service).`;
  }
  if (error instanceof AmbiguousAgentError) return 'Pass one of these ids with --agent-id.';
  if (error instanceof EndlessListError) {
    return 'The server kept saying there was more: check it, or ask for less (one agent with --agent-id).';
  }
  if (error instanceof NotFoundError && error.missing) {
    const missing = error.missing;
    if (missing.what === 'agent') return `List your agents with: ${CLI} agents list`;
    if (missing.what === 'schedule' && 'agentsSearched' in missing) {
      const noun = facts.command?.[0];
      return noun === 'onetime' || noun === 'recurring' ? `Check the id with: ${CLI} ${noun} list --all-agents` : `Check the id with: ${CLI} onetime list (or recurring list)`;
    }
    if (missing.what === 'run') return error.hint ?? `List recent runs with: ${CLI} results list`;
  }
  return error.hint;
}

/** The same verb for the schedule's own kind, where that kind has it (one-time schedules have no pause, resume or adopt); else how to look at it. */
function otherKindHint(error: WrongKindError, verb: string): string {
  const noun = NOUN[error.actual];
  if (COMMANDS.some(({ path }) => path[0] === noun && path[1] === verb)) return `Use: ${CLI} ${noun} ${verb} ${error.id}`;
  return `A ${error.actual} schedule has no ${verb}. See it with: ${CLI} ${noun} get ${error.id}`;
}

/** The verb the user ran on a schedule (get, delete, ...), for pointing at the same verb of the other kind. */
function scheduleVerb(facts: HintFacts): string {
  const [noun, verb] = facts.command ?? [];
  return (noun === 'onetime' || noun === 'recurring') && verb && verb !== 'list' && verb !== 'create' ? verb : 'get';
}

function landedHint(kind: LandingKind, agentId: string): string {
  const [effect, check] =
    kind === 'message' || kind === 'async message'
      ? [kind === 'message' ? 'The message may have been delivered.' : 'The message may have been queued.', `${CLI} results list --agent-id ${agentId}`]
      : ['The schedule may have been created.', `${CLI} ${NOUN[kind]} list --agent-id ${agentId}`];
  return `${effect} Check with '${check}' before trying again.`;
}

/** Says where the refused key came from and how to change it there. */
function wrongKeyHint(source: KeySource | undefined): string {
  switch (source) {
    case 'flag':
      return 'The key came from --api-key: check it, or drop the flag to use LETTA_API_KEY or the config file.';
    case 'env':
      return `The key came from LETTA_API_KEY: set it to a valid key, or unset it to use the config file (${CLI} config set-api-key -).`;
    case 'file':
      return `The key came from the config file: replace it with '${CLI} config set-api-key -' (see ${CLI} config path).`;
    case 'legacy file':
      return `The key came from the Go CLI's old config (~/.letta-switchboard/config.yaml): store a current one with '${CLI} config set-api-key -'.`;
    default:
      return `Check your API key: ${CLI} config set-api-key - (or set LETTA_API_KEY).`;
  }
}

/** Something commander-like: a name and subcommands. */
export interface CommandNode {
  name(): string;
  readonly commands: readonly CommandNode[];
}

/** The declared command words an argv reaches (['onetime', 'delete']), skipping options and their values. */
export function commandWords(root: CommandNode, argv: readonly string[]): string[] {
  const words: string[] = [];
  let node = root;
  for (const token of argv.slice(2)) {
    const next = node.commands.find((command) => command.name() === token);
    if (!next) continue;
    words.push(token);
    node = next;
  }
  return words;
}
