import { UsageError } from '../../errors';
import type { Runtime } from '../../runtime';

/** A sane cap: Letta publishes no limit, and anything larger is almost surely a mistake. */
export const MAX_MESSAGE_CHARS = 100_000;

/**
 * The message text: --message TEXT, --message - (stdin), or piped stdin when
 * --message is absent. A terminal is never waited on: a missing message is an error.
 */
export async function readMessage(rt: Runtime, flag: string | undefined): Promise<string> {
  let text: string;
  if (flag === '-' || (flag === undefined && !rt.io.stdinIsTTY)) {
    if (rt.io.stdinIsTTY) throw new UsageError('--message - reads the message from stdin, but stdin is a terminal', "Pipe it in: echo 'hello' | letta-switchboard send --agent-id A --message -");
    // Read up to 4 bytes a character, so the limit is said in characters below, as for --message.
    text = (await rt.readStdin('The message', 4 * MAX_MESSAGE_CHARS + 4, `the limit of ${MAX_MESSAGE_CHARS.toLocaleString('en-US')} characters`)).replace(/\r?\n$/, '');
    if (flag === undefined && text.trim() === '') throw new UsageError('No message given: --message is missing and stdin is empty', 'Pass --message TEXT, or --message - to read it from stdin.');
    // Said in every mode: in a `while read` loop that forgot --message, stdin is the loop's own input, eaten as a message.
    if (flag === undefined) rt.out.note('Note: read the message from stdin (--message not given); pass --message - to read it from stdin without this note.');
  } else if (flag === undefined) {
    throw new UsageError('No message given: --message is missing', 'Pass --message TEXT, or --message - to read it from stdin.');
  } else {
    // Node reads each argument as UTF-8 and puts U+FFFD where the bytes were not: the text sent would not be the text given.
    if (flag.includes('\uFFFD'))
      throw new UsageError(
        'The message (--message) is not valid UTF-8: its bytes were read as U+FFFD (\uFFFD)',
        'Save or convert the text as UTF-8 (iconv -t UTF-8); a message that holds U+FFFD itself can be given on stdin: --message -',
      );
    text = flag;
  }
  if (text.trim() === '') {
    throw new UsageError(
      'The message is empty',
      flag === '-'
        ? "Stdin held no text: pipe the message in (echo 'hello' | ... --message -), or give it with --message TEXT."
        : 'Give the text to send with --message TEXT, or --message - to read it from stdin.',
    );
  }
  if (text.includes('\0')) throw new UsageError('The message contains a NUL character', "Letta takes text, not binary: remove the NUL bytes (tr -d '\\000') and send it again.");
  const length = [...text].length;
  if (length > MAX_MESSAGE_CHARS) {
    throw new UsageError(
      `The message is ${length.toLocaleString('en-US')} characters; the limit is ${MAX_MESSAGE_CHARS.toLocaleString('en-US')}`,
      'Send a shorter message, or point the agent at a file instead.',
    );
  }
  return text;
}
