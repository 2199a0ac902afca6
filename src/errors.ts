/**
 * Errors that carry their exit code. Commands throw them; only src/main.ts
 * prints them and exits. `hint` is the one optional line shown after the message.
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

/** Bad usage or input: unknown flag, unparseable time, invalid cron, unreadable config (exit 2). */
export class UsageError extends CliError {
  override readonly exitCode = 2;
}

/** The agent, schedule or run does not exist (exit 3). */
export class NotFoundError extends CliError {
  override readonly exitCode = 3;
}

/** No API key, or the server answered 401/403 (exit 4). */
export class AuthError extends CliError {
  override readonly exitCode = 4;
}

/** The server could not be reached or did not answer in time (exit 5). */
export class NetworkError extends CliError {
  override readonly exitCode = 5;
}

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

/** Ctrl-C (exit 130). */
export class InterruptedError extends CliError {
  override readonly exitCode = 130;
  constructor() {
    super('Interrupted');
  }
}

/** A failure already explained on stderr (e.g. one id of several); only its exit code is left to apply. */
export class AlreadyReported extends CliError {
  override readonly exitCode: number;
  constructor(cause: CliError) {
    super(cause.message);
    this.exitCode = cause.exitCode;
  }
}
