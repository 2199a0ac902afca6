import type { MessageCreate, Schedule, ScheduledMessage } from '../letta/types';

/** What a schedule sends besides its schedule: carried unchanged by a replacement, and by every member of a series. */
export interface MemberBody {
  messages: unknown[];
  callback_url?: string;
  max_steps?: number;
  include_return_message_types?: string[];
}

/** A create body with every field a schedule's message can carry. */
export interface FullScheduleBody extends MemberBody {
  schedule: Schedule;
  messages: MessageCreate[];
}

const MESSAGE_FIELDS = ['role', 'content', 'name', 'otid', 'sender_id', 'type'] as const;

/** Everything an existing schedule sends besides its schedule: what a replacement must carry unchanged. */
export function carriedBody(old: Pick<ScheduledMessage, 'message'>): MemberBody {
  const message = old.message;
  const body: MemberBody = { messages: message.messages.map(keepMessageFields) };
  if (typeof message.callback_url === 'string') body.callback_url = message.callback_url;
  if (typeof message.max_steps === 'number') body.max_steps = message.max_steps;
  if (Array.isArray(message.include_return_message_types)) body.include_return_message_types = message.include_return_message_types as string[];
  return body;
}

/** The create body for a replacement: the carried fields with a new schedule. */
export function replacementBody(carried: MemberBody, schedule: Schedule): FullScheduleBody {
  return { schedule, ...carried, messages: carried.messages as MessageCreate[] };
}

function keepMessageFields(message: MessageCreate): MessageCreate {
  const source = message as unknown as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const field of MESSAGE_FIELDS) if (source[field] !== undefined && source[field] !== null) kept[field] = source[field];
  return kept as unknown as MessageCreate;
}
