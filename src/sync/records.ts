/**
 * What the record of intent holds about schedules, as sync reads it. The
 * store (src/state) keeps these; sync only plans and applies changes to them.
 */

/** A schedule created from a phrase (or adopted), and what it is meant to do. */
export interface ScheduleIntent {
  /** The Letta schedule that carries the intent now. */
  id: string;
  agent_id: string;
  kind: 'recurring' | 'one-time';
  /** What the user typed (for an adopted schedule, the cron it had). */
  phrase: string;
  zone: string;
  /** The rule on the user's clock; null when the rule does not follow the clock (a UTC cron, an interval). */
  local_cron: string | null;
  /** The UTC cron Letta has (recurring). */
  cron?: string;
  /** The instant Letta has (one-time), Unix ms. */
  scheduled_at?: number;
  created_at: string;
  /** Earlier ids of this intent, oldest first: each replaced by the next. */
  replaces: string[];
  /** Replaced ids whose DELETE has not succeeded yet: sync retries them once the replacement exists. */
  pending_delete: string[];
  /** gone: deleted outside this tool (or fired, for a one-time schedule); never re-created. */
  status: 'active' | 'gone';
}

export interface SeriesMember {
  id: string;
  at: number;
  /** gone: deleted outside this tool before it fired. */
  status: 'pending' | 'gone';
}

/** The rule a series follows: a local cron, or a rule no cron can say, in the words it was given. */
export interface SeriesRule {
  local_cron?: string;
  phrase: string;
}

/** A set of one-time schedules standing for one rule, created up to a horizon and topped up by sync. */
export interface SeriesRecord {
  series_id: string;
  agent_id: string;
  phrase: string;
  zone: string;
  rule: SeriesRule;
  /** The last instant the series may have (from --until), Unix ms. */
  until: number | null;
  /** How many members the series has in all (from --count). */
  count: number | null;
  /** The body every member carries besides its schedule. */
  body: MemberBody;
  members: SeriesMember[];
  created_at: string;
  /** gone: every future member was deleted outside this tool; never topped up again. */
  status: 'active' | 'gone';
}

export interface MemberBody {
  messages: unknown[];
  callback_url?: string;
  max_steps?: number;
  include_return_message_types?: string[];
}
