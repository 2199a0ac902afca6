/**
 * What a run's stop reason (Letta's StopReasonType) says about the message it answered: the one rule
 * `send`, `run`, `status`, `history` and `agenda` judge a run by.
 */

/** Ended as a run should. `requires_approval` waits on the user: nothing went wrong. */
const FINE = new Set(['end_turn', 'tool_rule', 'requires_approval']);

/** Cut short: the agent may have said part of its answer, but did not finish the work asked of it. */
const CUT_SHORT = new Map(
  Object.entries({
    max_steps: 'the agent reached its step limit; the reply may be incomplete',
    max_tokens_exceeded: 'the agent reached its token limit; the reply may be incomplete',
  }),
);

/** Did not do the work asked of it. */
const FAILED = new Map(
  Object.entries({
    llm_api_error: "the model provider's API failed",
    invalid_llm_response: 'the model gave an answer the agent could not use',
    invalid_tool_call: 'the agent called a tool wrongly',
    no_tool_call: 'the agent answered without calling the tool it had to call',
    cancelled: 'the run was cancelled',
    insufficient_credits: 'the account has no credits left',
    context_window_overflow_in_system_prompt: "the agent's system prompt does not fit its context window",
  }),
);

/** Notes for reasons that are fine but worth saying. */
const NOTED = new Map(
  Object.entries({
    requires_approval: 'the agent is waiting for a tool call to be approved',
  }),
);

export type StopVerdict = 'fine' | 'failed' | 'unknown';

/**
 * Whether a stop reason means the message was not answered as asked: a failure, a run cut short, or any
 * other reason naming an error. An unknown reason (one newer than this tool) is not taken as a failure.
 */
export function stopReasonVerdict(reason: string | null | undefined): StopVerdict {
  if (reason === undefined || reason === null || reason === '') return 'unknown';
  if (FINE.has(reason)) return 'fine';
  if (FAILED.has(reason) || CUT_SHORT.has(reason) || /error|fail/i.test(reason)) return 'failed';
  return 'unknown';
}

/** What a stop reason means, in a user's words, when it is worth saying. */
export function stopReasonMeaning(reason: string): string | undefined {
  return CUT_SHORT.get(reason) ?? FAILED.get(reason) ?? NOTED.get(reason);
}

/** A failed reason whose reply may still hold part of the answer, worth printing. */
export function stopReasonCutShort(reason: string): boolean {
  return CUT_SHORT.has(reason);
}
