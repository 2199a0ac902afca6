/** Wire types for the parts of Letta's API this CLI uses (from the public OpenAPI spec). */
import type { ScheduleKind } from '../errors';

export const ROLES = ['user', 'assistant', 'system'] as const;
export type Role = (typeof ROLES)[number];

export interface TextPart {
  type?: 'text';
  text: string;
}

export interface MessageCreate {
  role: Role;
  content: string | Array<TextPart | Record<string, unknown>>;
}

export type Schedule = { type: 'one-time'; scheduled_at: number } | { type: 'recurring'; cron_expression: string };

export interface CreateScheduleBody {
  schedule: Schedule;
  messages: MessageCreate[];
}

/** 201 answer to a create. Note: `next_scheduled_at` here, `next_scheduled_time` in lists. */
export interface CreatedSchedule {
  id: string;
  next_scheduled_at?: string;
  [field: string]: unknown;
}

export interface ScheduledMessage {
  id: string;
  agent_id: string;
  message: { messages: MessageCreate[]; [field: string]: unknown };
  next_scheduled_time?: string | null;
  schedule: { type?: 'one-time' | 'recurring'; scheduled_at?: number; cron_expression?: string };
  [field: string]: unknown;
}

export interface ScheduleListPage {
  has_next_page: boolean;
  scheduled_messages: ScheduledMessage[];
}

export interface LettaMessage {
  message_type: string;
  content?: unknown;
  [field: string]: unknown;
}

export interface LettaResponse {
  messages: LettaMessage[];
  stop_reason?: unknown;
  usage?: unknown;
  [field: string]: unknown;
}

export interface Run {
  id: string;
  status?: string;
  agent_id?: string;
  created_at?: string;
  completed_at?: string | null;
  stop_reason?: string | null;
  [field: string]: unknown;
}

/** One fire of a schedule, from Letta Cloud's history route (not in the published spec). */
export interface FireRecord {
  id: string;
  scheduled_message_id?: string;
  /** "success" or "failed". */
  status: string;
  response?: unknown;
  run_id?: string | null;
  /** ISO 8601: when the message was sent. */
  sent_at: string;
  [field: string]: unknown;
}

export interface HistoryPage {
  history: FireRecord[];
  has_next_page?: boolean;
  next_offset?: number | null;
}

export interface Agent {
  id: string;
  name: string;
  [field: string]: unknown;
}

export type { ScheduleKind };

/** When Letta made a schedule (Unix ms), NaN when it does not say. */
export function madeAt(item: { created_at?: unknown; [field: string]: unknown }): number {
  return typeof item.created_at === 'string' ? Date.parse(item.created_at) : NaN;
}

/** One-time and recurring are told apart by `schedule.type`; older answers may omit it. */
export function scheduleKind(message: Pick<ScheduledMessage, 'schedule'>): ScheduleKind {
  const schedule = message.schedule;
  if (schedule.type === 'recurring' || schedule.type === 'one-time') return schedule.type;
  return typeof schedule.cron_expression === 'string' ? 'recurring' : 'one-time';
}

/** A part of a message's content that is text (others are images and the like). */
export function isTextPart(part: unknown): part is TextPart {
  return typeof part === 'object' && part !== null && typeof (part as { text?: unknown }).text === 'string';
}

/**
 * A message's content as a person reads it: its text, and each other part in brackets where it stands ("[image:
 * https://...]", "[image: image/png, 12 KiB]", "[image: file file-1]", "[audio]"), so no part goes unseen.
 */
export function contentShown(content: unknown): string {
  if (!Array.isArray(content)) return contentText(content);
  return content
    .filter((part) => !isTextPart(part) || part.text !== '')
    .map((part) => (isTextPart(part) ? part.text : `[${partLabel(part)}]`))
    .join('\n');
}

/** A message's content in a line of a list: its text, else (an image alone) what contentShown names. */
export function contentSummary(content: unknown): string {
  return contentText(content) || contentShown(content);
}

function partLabel(part: unknown): string {
  const { type, source } = (typeof part === 'object' && part !== null ? part : {}) as { type?: unknown; source?: Record<string, unknown> };
  const kind = typeof type === 'string' && type !== '' ? type : 'part';
  if (typeof source !== 'object' || source === null) return kind;
  if (typeof source.url === 'string') return `${kind}: ${source.url}`;
  if (typeof source.file_id === 'string') return `${kind}: file ${source.file_id}`;
  if (typeof source.data === 'string') {
    const bytes = Math.floor((source.data.length * 3) / 4);
    const size = bytes < 1024 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KiB`;
    return `${kind}: ${typeof source.media_type === 'string' ? `${source.media_type}, ` : ''}${size}`;
  }
  return kind;
}

/** The text of a message's content, whether a string or a list of parts. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (isTextPart(part) ? part.text : ''))
      .filter(Boolean)
      .join('\n');
  }
  return '';
}
