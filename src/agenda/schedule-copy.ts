import type { MessageCreate, ScheduledMessage } from '../letta/types';

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

/**
 * Whether Letta's copy is the schedule that was asked for: same timing and
 * messages. Used to read a re-created schedule back before the saved copy is
 * let go, and to recognise a create whose answer was lost.
 */
export function sameSchedule(sent: Pick<RecreateBody, 'schedule' | 'messages'>, stored: Pick<ScheduledMessage, 'schedule' | 'message'>): boolean {
  const timing =
    sent.schedule.type === 'recurring'
      ? stored.schedule.cron_expression?.trim().replace(/\s+/g, ' ') === sent.schedule.cron_expression
      : stored.schedule.scheduled_at === sent.schedule.scheduled_at;
  return timing && sameMessages(sent.messages, stored.message?.messages);
}

/**
 * The one comparison of messages sent with messages a server keeps: servers
 * fill in defaults (`"type": "message"`, `"name": null`) and may give text as
 * parts, so what counts is what was sent: each message's role and text, and
 * any other field the sender set that the server reports differently.
 */
export function sameMessages(sent: unknown, stored: unknown): boolean {
  if (!Array.isArray(sent) || !Array.isArray(stored) || sent.length !== stored.length) return false;
  return sent.every((message, i) => sameMessage(message as Record<string, unknown>, stored[i] as Record<string, unknown> | undefined));
}

function sameMessage(sent: Record<string, unknown>, stored: Record<string, unknown> | undefined): boolean {
  if (!stored || typeof stored !== 'object') return false;
  if (JSON.stringify(contentParts(sent.content)) !== JSON.stringify(contentParts(stored.content))) return false;
  for (const [field, value] of Object.entries(sent)) {
    if (field === 'content' || value === undefined || value === null) continue;
    const kept = stored[field];
    if (kept !== undefined && kept !== null && JSON.stringify(kept) !== JSON.stringify(value)) return false;
    if (field === 'role' && kept !== value) return false;
  }
  return true;
}

/** Text as a list of text parts, whichever way it was written. */
function contentParts(content: unknown): unknown[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (!Array.isArray(content)) return [content ?? null];
  return content.map((part) => (part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string' && ((part as { type?: unknown }).type ?? 'text') === 'text' ? { type: 'text', text: (part as { text: string }).text } : part));
}
