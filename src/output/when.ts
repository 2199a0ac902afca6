import { formatLocal } from '../time/zone';

/** A field of a server record that cannot be shown as it is (named, so the user can tell which). */
export class BadField extends Error {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(`'${field}' is not ${expected} (${String(JSON.stringify(value) ?? value).slice(0, 40)})`);
  }
}

export interface LocalAndUtc {
  ms: number;
  /** "2026-11-23 09:00 EST" */
  local: string;
  /** "2026-11-23T14:00:00.000Z" */
  utc: string;
}

/**
 * An instant (Unix ms or an ISO string from the server) in the user's zone and
 * in UTC: the one way every command shows a time. A value that is no instant
 * is a BadField naming `field`.
 */
export function localAndUtc(zone: string, value: unknown, field: string): LocalAndUtc {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
  const date = new Date(ms);
  if (!Number.isFinite(date.getTime())) throw new BadField(field, value, 'a time');
  return { ms, local: formatLocal(zone, ms), utc: date.toISOString() };
}

/**
 * "2026-11-23 09:00 EST (2026-11-23T14:00:00.000Z)", or "-" when there is no
 * value; with `now` (on a terminal), how far away it is too: "(…, in 2 days)".
 */
export function bothZones(zone: string, value: unknown, field: string, now?: number): string {
  if (value === undefined || value === null) return '-';
  const { ms, local, utc } = localAndUtc(zone, value, field);
  return `${local} (${utc}${now === undefined ? '' : `, ${fromNow(ms, now)}`})`;
}

const UNITS: Array<[name: string, ms: number, short?: string]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000, 'h'],
  ['minute', 60_000, 'min'],
  ['second', 1_000, 's'],
];

/**
 * How far an instant is from `now`, as a person says it: "in 2 days", "3
 * hours ago", "now"; `short`, for a table's cell: "in 2 days", "3 h ago".
 */
export function fromNow(ms: number, now: number, { short = false } = {}): string {
  const distance = Math.abs(ms - now);
  if (distance < 1_000) return 'now';
  // The largest unit of which there is at least one (45 minutes stays minutes; 36 hours is 2 days).
  const [name, size, abbreviation] = UNITS.find(([, size]) => distance >= size * (size >= 86_400_000 ? 1.5 : 1)) ?? UNITS.at(-1)!;
  const count = Math.max(1, Math.round(distance / size));
  const amount = short && abbreviation ? `${count} ${abbreviation}` : `${count} ${name}${count === 1 ? '' : 's'}`;
  return ms > now ? `in ${amount}` : `${amount} ago`;
}

/** "42s", "2m40s", "3h05m", "2d04h": how far apart two instants are. */
export function span(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${pad(seconds % 60)}s`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h${pad(Math.floor((seconds % 3600) / 60))}m`;
  return `${Math.floor(seconds / 86_400)}d${pad(Math.floor((seconds % 86_400) / 3600))}h`;
}
