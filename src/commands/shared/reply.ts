import type { LettaResponse, Run } from '../../letta/types';
import { contentText } from '../../letta/types';
import type { Output } from '../../output/output';
import { inert } from '../../output/inert';
import { printReceiptOf } from '../../output/receipt';
import { CliError } from '../../errors';
import { stopReasonCutShort, stopReasonMeaning, stopReasonVerdict } from '../../letta/stop-reasons';

/**
 * An agent's reply: the assistant's text on stdout (the whole answer with --json; the run id with -q); a note when there is none.
 * A run that stopped on a failure (`error`, `no_tool_call`, ...) is an error (exit 1), with nothing on stdout, as for any failure;
 * one cut short (`max_steps`, ...) is one too, after what the agent did say is printed: `status` counts both as failed fires.
 */
export function printReply(out: Output, response: LettaResponse): void {
  const reason = stopReason(response);
  const run = response.messages.map((m) => m.run_id).find((id): id is string => typeof id === 'string' && id !== '');
  const failed = reason !== undefined && stopReasonVerdict(reason) === 'failed';
  const failure = () => {
    const said = response.messages.filter((m) => m.message_type === 'error_message').map((m) => (typeof m.message === 'string' ? m.message : ''));
    const detail = said.find((text) => text.trim() !== '') ?? stopReasonMeaning(reason!);
    return new CliError(`The agent's run${run ? ` ${run}` : ''} stopped with '${reason}'${detail ? `: ${inert(detail)}` : ''}`, run ? `See the run: letta-switchboard results get ${run}` : undefined);
  };
  if (failed && !stopReasonCutShort(reason)) throw failure();
  if (out.json) out.document(response);
  else if (out.quiet) {
    if (run) out.line(inert(run));
    else out.note('The reply names no run id.');
  } else {
    const replies = response.messages.filter((m) => m.message_type === 'assistant_message').map((m) => contentText(m.content));
    for (const reply of replies) out.line(inert(reply));
    if (replies.length === 0) out.info(`The agent sent no reply text${reason ? ` (stop reason: ${reason})` : ''}.`);
  }
  if (failed) throw failure();
  const note = reason === undefined ? undefined : stopReasonMeaning(reason);
  if (note) out.warn(`${note} (stop reason: ${reason}).`);
}

/** The stop reason of a reply, whether given as {"stop_reason": "..."} or as the text. */
function stopReason(response: LettaResponse): string | undefined {
  const given = response.stop_reason;
  const reason = typeof given === 'object' && given ? (given as { stop_reason?: unknown }).stop_reason : given;
  return typeof reason === 'string' && reason !== '' ? inert(reason) : undefined;
}

/** Under --dry-run, in place of the reply (or, with --async, the run id): what would be sent to whom. */
export function sayWouldSend(out: Output, what: string, to: string, async: boolean): void {
  out.would(`Would send ${what} to ${to} now${async ? ', without waiting for the reply' : ' and wait for the reply'}`);
}

/** A message queued with --async: the run id is the data, with how to follow it. */
export function printQueued(out: Output, run: Run): void {
  printReceiptOf(out, {
    document: run,
    title: `Queued as run ${run.id} (${run.status ?? 'created'})`,
    rows: [{ id: run.id, label: 'Run' }],
    footer: [`Follow it with: letta-switchboard results get ${run.id}`],
  });
}
