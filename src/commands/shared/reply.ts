import type { LettaResponse, Run } from '../../letta/types';
import { contentText } from '../../letta/types';
import type { Output } from '../../output/output';
import { inert } from '../../output/inert';
import { printReceiptOf } from '../../output/receipt';

/** An agent's reply: the assistant's text on stdout (the whole answer with --json; the run id with -q); a note when there is none. */
export function printReply(out: Output, response: LettaResponse): void {
  if (out.json) return out.document(response);
  if (out.quiet) {
    const run = response.messages.map((m) => m.run_id).find((id): id is string => typeof id === 'string' && id !== '');
    if (run) out.line(inert(run));
    else out.note('The reply names no run id.');
    return;
  }
  const replies = response.messages.filter((m) => m.message_type === 'assistant_message').map((m) => contentText(m.content));
  for (const reply of replies) out.line(inert(reply));
  if (replies.length === 0 && !out.quiet) {
    const reason = typeof response.stop_reason === 'object' && response.stop_reason ? (response.stop_reason as { stop_reason?: unknown }).stop_reason : response.stop_reason;
    out.info(`The agent sent no reply text${reason ? ` (stop reason: ${inert(String(reason))})` : ''}.`);
  }
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
