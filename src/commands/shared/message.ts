import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { ROLES, type Role } from '../../letta/types';

/** A sane cap: Letta publishes no limit, and anything larger is almost surely a mistake. */
export const MAX_MESSAGE_CHARS = 100_000;

/**
 * The message text: --message TEXT, --message - (stdin), or piped stdin when
 * --message is absent. A terminal is never waited on: a missing message is an error.
 */
export async function readMessage(ctx: Context, flag: string | undefined): Promise<string> {
  let text: string;
  if (flag === '-' || (flag === undefined && !ctx.io.stdinIsTTY)) {
    if (ctx.io.stdinIsTTY) throw new UsageError('--message - reads the message from stdin, but stdin is a terminal', "Pipe it in: echo 'hello' | letta-switchboard send --agent-id A --message -");
    text = (await ctx.readStdin('The message', 4 * MAX_MESSAGE_CHARS + 4)).replace(/\r?\n$/, '');
  } else if (flag === undefined) {
    throw new UsageError('No message given', 'Pass --message TEXT, or --message - to read it from stdin.');
  } else {
    text = flag;
  }
  if (text.trim() === '') throw new UsageError('The message is empty');
  if (text.includes('\0')) throw new UsageError('The message contains a NUL character');
  const length = [...text].length;
  if (length > MAX_MESSAGE_CHARS) {
    throw new UsageError(`The message is ${length.toLocaleString('en-US')} characters; the limit is ${MAX_MESSAGE_CHARS.toLocaleString('en-US')}`, 'Send a shorter message, or point the agent at a file instead.');
  }
  return text;
}

export function checkRole(role: string | undefined): Role {
  const value = (role ?? 'user').trim().toLowerCase();
  if (!(ROLES as readonly string[]).includes(value)) {
    throw new UsageError(`--role '${role}' is not a role`, `Use one of: ${ROLES.join(', ')}.`);
  }
  return value as Role;
}
