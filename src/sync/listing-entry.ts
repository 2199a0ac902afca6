import type { ScheduledMessage } from '../letta/types';

type Timing = Readonly<ScheduledMessage['schedule']>;

/**
 * A schedule as sync's listing keeps it, listed or read back: what sync compares and carries (its
 * timing, its message and when it was made), none of the server's other fields. The listing of an agent is held whole
 * across its rounds, so an entry is kept small: the schedules with the same timing share one timing
 * object, and the message is kept as its JSON text (one string of about 70 bytes, where the parsed
 * message held an object, a list and an object per message, about 160), read again when a step
 * carries it or compares it.
 */
class ListedSchedule implements ScheduledMessage {
  [field: string]: unknown;
  /** Absent when the server listed the schedule without one (the API's checks let it). */
  readonly #message: string | undefined;
  /** When the server made it (ms), kept as a number: a lost create's landing is made after the create was sent. */
  readonly #createdAt: number;

  constructor(
    readonly id: string,
    readonly agent_id: string,
    readonly schedule: Timing,
    message: ScheduledMessage['message'] | undefined,
    createdAt: string | undefined,
  ) {
    // JSON.stringify answers a string of pieces: read back from its quoted form it is one string, under half the size.
    this.#message = message === undefined ? undefined : (JSON.parse(JSON.stringify(JSON.stringify(message))) as string);
    this.#createdAt = createdAt === undefined ? NaN : Date.parse(createdAt);
  }

  get message(): ScheduledMessage['message'] {
    return (this.#message === undefined ? undefined : JSON.parse(this.#message)) as ScheduledMessage['message'];
  }

  get created_at(): string | undefined {
    return Number.isNaN(this.#createdAt) ? undefined : new Date(this.#createdAt).toISOString();
  }
}

/** A schedule as the listing keeps it, under `id` when given (the same id as a string sync holds already). */
export type ListingEntry = (item: ScheduledMessage, id?: string) => ScheduledMessage;

/**
 * The entries of one round's listing, confirms and read backs. `timings` holds one frozen timing
 * object per timing met (an agent's schedules mostly share a few crons); a listing kept for the
 * next round keeps its entries' timings, and that round shares its own.
 */
export function listingEntries(agentId: string): ListingEntry {
  const timings = new Map<string, Timing>();
  return ({ id: listedId, schedule, message, created_at: createdAt }, id = listedId) => {
    const key = JSON.stringify(schedule);
    let timing = timings.get(key);
    if (timing === undefined) {
      timing = Object.freeze({ ...schedule });
      timings.set(key, timing);
    }
    return new ListedSchedule(id, agentId, timing, message, typeof createdAt === 'string' ? createdAt : undefined);
  };
}
