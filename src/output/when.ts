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
