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

/** "2026-11-23 09:00 EST (2026-11-23T14:00:00.000Z)", or "-" when there is no value. */
export function bothZones(zone: string, value: unknown, field: string): string {
  if (value === undefined || value === null) return '-';
  const { local, utc } = localAndUtc(zone, value, field);
  return `${local} (${utc})`;
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
