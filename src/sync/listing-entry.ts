import type { ScheduledMessage } from '../letta/types';

type Timing = ScheduledMessage['schedule'];

/**
 * A schedule as sync's listing keeps it, listed or read back: what sync compares and carries (its
 * timing and its message), none of the server's other fields. The listing of an agent is held whole
 * across its rounds, so an entry is kept small: the schedules with the same timing share one timing
 * object, and the message is kept as its JSON text (one string, where the parsed message held an
 * object, a list and an object per message: about 0.1 KiB a schedule), read again when a step
 * carries it or compares it.
 */
class ListedSchedule implements ScheduledMessage {
  [field: string]: unknown;
  readonly #message: string;

  constructor(
    readonly id: string,
    readonly agent_id: string,
    readonly schedule: Timing,
    message: ScheduledMessage['message'],
  ) {
    // JSON.stringify answers a string of pieces: read back from its quoted form it is one string, under half the size.
    this.#message = JSON.parse(JSON.stringify(JSON.stringify(message))) as string;
  }

  get message(): ScheduledMessage['message'] {
    return JSON.parse(this.#message) as ScheduledMessage['message'];
  }
}

/**
 * One listing's entries. `timings` holds one frozen timing object per timing met (a listing's
 * schedules mostly share a few crons), so it lives as long as the listing does.
 */
export function listingEntries(agentId: string): (item: ScheduledMessage) => ScheduledMessage {
  const timings = new Map<string, Timing>();
  return ({ id, schedule, message }) => {
    const key = JSON.stringify(schedule);
    let timing = timings.get(key);
    if (timing === undefined) {
      timing = Object.freeze({ ...schedule });
      timings.set(key, timing);
    }
    return new ListedSchedule(id, agentId, timing, message);
  };
}
