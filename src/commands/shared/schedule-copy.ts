import type { MessageCreate, ScheduledMessage } from '../../letta/types';

/**
 * The fields of a schedule's `message` that Letta uses when it fires, copied
 * as they are. Which of them each route accepts comes from Letta's API spec.
 */
const RUN_FIELDS = ['max_steps', 'include_return_message_types'] as const;
const RUN_ASYNC_FIELDS = [...RUN_FIELDS, 'callback_url'] as const;
const CREATE_FIELDS = ['max_steps', 'include_return_message_types', 'callback_url'] as const;

export interface RunBody {
  messages: MessageCreate[];
  max_steps?: number;
  include_return_message_types?: string[];
  callback_url?: string;
}

export interface RecreateBody extends RunBody {
  schedule: { type: 'recurring'; cron_expression: string } | { type: 'one-time'; scheduled_at: number };
}

function pick(message: ScheduledMessage['message'], fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = message[field];
    if (value !== undefined && value !== null) out[field] = value;
  }
  return out;
}

/** What `run` sends to /messages (or /messages/async): exactly the schedule's messages and the options it holds. */
export function runBody(schedule: ScheduledMessage, async: boolean): RunBody {
  return { messages: schedule.message.messages, ...pick(schedule.message, async ? RUN_ASYNC_FIELDS : RUN_FIELDS) };
}

/** What `resume` sends to re-create a saved schedule: every field it had, with the given timing. */
export function recreateBody(saved: ScheduledMessage, schedule: RecreateBody['schedule']): RecreateBody {
  return { schedule, messages: saved.message.messages, ...pick(saved.message, CREATE_FIELDS) };
}
