/**
 * Errors that carry their exit code and the facts behind them. Lower layers
 * throw them with facts only; the edge (src/main.ts, through src/hints.ts)
 * turns the facts into the one hint line shown after the message. `hint` is
 * for a line that needs no knowledge of the command line (e.g. the server's words).
 */
export class CliError extends Error {
  readonly exitCode: number = 1;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** For a command that reads several agents' lists: the error, its message naming the agent whose list failed. */
export function aboutAgent(error: unknown, agentId: string): unknown {
  if (error instanceof CliError && !error.message.includes(agentId)) error.message = `Agent ${agentId}: ${error.message}`;
  return error;
}

/** Where the API key in use came from. */
export type KeySource = 'flag' | 'env' | 'file' | 'legacy file';

export type ScheduleKind = 'one-time' | 'recurring';

/** Bad usage or input: unknown flag, unparseable time, invalid cron, unreadable config (exit 2). */
export class UsageError extends CliError {
  override readonly exitCode = 2;
}

/** What could not be found. */
export type Missing =
  | { what: 'agent'; name: string }
  | { what: 'agent'; id: string }
  | { what: 'schedule'; id: string; agentId: string }
  | { what: 'schedule'; id: string; agentsSearched: number }
  | { what: 'run'; id: string };

/** The agent, schedule or run does not exist (exit 3). */
export class NotFoundError extends CliError {
  override readonly exitCode = 3;
  constructor(
    message: string,
    hint?: string,
    readonly missing?: Missing,
  ) {
    super(message, hint);
  }
}

/** A schedule exists but is of the other kind (asked for a one-time id that is recurring). Exit 3. */
export class WrongKindError extends NotFoundError {
  constructor(
    readonly id: string,
    readonly actual: ScheduleKind,
    readonly wanted: ScheduleKind,
    readonly agentId?: string,
  ) {
    super(`'${id}' is a ${actual} schedule, not a ${wanted} one`);
  }
}

/** How to give a key: from stdin, so it stays out of shell history. */
export const NO_KEY_HINT = "Run 'letta-switchboard config set-api-key -' and paste your key, or set LETTA_API_KEY.";

/** No API key, or the server answered 401/403 (exit 4). */
export class AuthError extends CliError {
  override readonly exitCode = 4;
  constructor(
    message: string,
    hint?: string,
    /** The server's status (absent when no key was found at all) and where the key sent came from. */
    readonly facts: { status?: number; keySource?: KeySource } = {},
  ) {
    super(message, hint);
  }
}

/** Why a request got no usable answer; `cut`: a connection to Letta that failed mid-request (a reset). */
export type NetworkReason = 'timeout' | 'unreachable' | 'cut' | 'failed';

/** The server could not be reached or did not answer in time (exit 5). */
export class NetworkError extends CliError {
  override readonly exitCode = 5;
  constructor(
    message: string,
    hint?: string,
    readonly reason: NetworkReason = 'failed',
  ) {
    super(message, hint);
  }
}

/** A delete sent whose answer was lost (timeout, reset): it may have been done (exit 5). */
export class DeleteMayHaveLandedError extends NetworkError {}

/** The API refused or failed in a way not covered above (exit 1). */
export class ApiError extends CliError {
  override readonly exitCode = 1;
  constructor(
    message: string,
    readonly status: number,
    hint?: string,
  ) {
    super(message, hint);
  }
}

/** The server has no such route at all (405, or a bare 404): most likely not Letta Cloud. Exit 3 for 404, else 1. */
export class RouteMissingError extends CliError {
  override readonly exitCode: number;
  constructor(
    message: string,
    readonly status: number,
    readonly feature: 'schedules' | 'history' | 'letta',
  ) {
    super(message);
    this.exitCode = status === 404 ? 3 : 1;
  }
}

/** A redirect to another origin, refused so the key stays with the configured host (exit 1). */
export class RedirectRefusedError extends ApiError {
  constructor(
    message: string,
    status: number,
    readonly location: string,
  ) {
    super(message, status);
  }
}

/** What a request that may have landed would have made. */
export type LandingKind = ScheduleKind | 'message' | 'async message';

/**
 * A creating request whose answer was lost after it may have reached the server
 * (timeout, reset, 5xx): the thing may exist, so it must be looked for before
 * trying again. Keeps the exit code of what went wrong.
 */
export class CreateMayHaveLandedError extends CliError {
  override readonly exitCode: number;
  /** Its attempt is in the record of intent: sync records the schedule if it landed, or creates it (a set's member). */
  syncFinishes = false;
  constructor(
    readonly failure: CliError,
    readonly agentId: string,
    readonly kind: LandingKind,
  ) {
    super(failure.message);
    this.exitCode = failure.exitCode;
  }
}

/** An answer that is not what Letta's API promises (exit 1). Not an ApiError: the status was fine. */
export class MalformedResponseError extends CliError {
  override readonly exitCode = 1;
  constructor(
    message: string,
    /** What was being read, e.g. "the schedule list". */
    readonly what: string,
    /** The field at fault, as a path ("schedule.scheduled_at"), when one field is. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** An answer larger than the CLI will hold in memory (exit 1). */
export class ResponseTooLargeError extends CliError {
  override readonly exitCode = 1;
  constructor(
    message: string,
    readonly limitBytes: number,
  ) {
    super(message);
  }
}

/** A list the pager had to stop early: a page brought nothing new though the server said there was more (exit 1). */
export class ListCutShortError extends CliError {
  override readonly exitCode = 1;
  constructor(what: string, pages: number) {
    super(
      `${what[0]!.toUpperCase()}${what.slice(1)} was cut short: page ${pages} brought nothing new though the server said there was more`,
      'Nothing was marked gone. Run sync again later; if it keeps happening, the server is paging wrongly.',
    );
  }
}

/** A list whose pages never end (exit 1). */
export class EndlessListError extends CliError {
  override readonly exitCode = 1;
  constructor(
    readonly what: string,
    readonly pages: number,
    /** The bound it reached: pages read, items read, or time spent reading. */
    readonly bound: 'pages' | 'items' | 'time' = 'pages',
    readonly items = 0,
    readonly ms = 0,
  ) {
    const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
    const after = {
      pages: count(pages, 'page'),
      items: pages > 0 ? `${count(items, 'item')} (${count(pages, 'page')})` : count(items, 'item'),
      time: `${count(Math.round(ms / 60_000), 'minute')} (${count(pages, 'page')}, ${count(items, 'item')})`,
    }[bound];
    super(`${what[0]!.toUpperCase()}${what.slice(1)} did not end after ${after}; stopped reading it`);
  }
}

/** A name shared by several agents (exit 2). */
export class AmbiguousAgentError extends UsageError {
  constructor(
    readonly agentName: string,
    readonly ids: string[],
  ) {
    super(`${ids.length} agents are named '${agentName}': ${ids.join(', ')}`);
  }
}

/** The base URL of the Go CLI's hosted service, which is gone (exit 2). */
export class RetiredServiceError extends UsageError {
  constructor(readonly url: string) {
    super(`${url} is the retired letta-switchboard service, which is gone`);
  }
}

/** Ctrl-C (exit 130). */
export class InterruptedError extends CliError {
  override readonly exitCode = 130;
  constructor() {
    super('Interrupted');
  }
}

/** Checked, and something needs the user's attention, already shown (exit 6): `status` found a problem, `plan` found changes to apply. */
export class NeedsAttention extends CliError {
  override readonly exitCode = 6;
  constructor(what: string) {
    super(what);
  }
}

/** A failure already explained on stderr (e.g. one id of several); only its exit code is left to apply. */
export class AlreadyReported extends CliError {
  override readonly exitCode: number;
  constructor(readonly reported: CliError) {
    super(reported.message);
    this.exitCode = reported.exitCode;
  }
}
