import { UsageError } from '../errors';
import { isoInstant } from './iso';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
/** The longest look back: a year of fires is already more than anyone reads. */
export const MAX_LOOKBACK_MS = 366 * 86_400_000;

const HINT = "Use a span back from now ('30m', '12h', '7d', '2w') or a date ('2026-11-20', '2026-11-20T09:00Z').";

/**
 * The start of a window back from `now`: a span ('7d', '12h', '90m', '2w') or
 * an ISO 8601 date or instant (a bare date is its midnight in `zone`). It must
 * be before now and at most MAX_LOOKBACK_MS back.
 */
export function sinceInstant(value: string, now: number, zone: string, flag = '--since'): number {
  const text = value.trim().toLowerCase();
  const span = /^(\d{1,6})\s*(m|h|d|w)$/.exec(text);
  let at: number | null;
  if (span) at = now - Number(span[1]) * UNIT_MS[span[2]!]!;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) at = isoInstant(`${text}T00:00`, zone, `${flag} '${value}'`);
  else at = isoInstant(text, zone, `${flag} '${value}'`);
  if (at === null || !Number.isFinite(at)) throw new UsageError(`${flag} '${value}' is not a span or a date`, HINT);
  if (at >= now) throw new UsageError(`${flag} '${value}' is not in the past`, HINT);
  if (now - at > MAX_LOOKBACK_MS) throw new UsageError(`${flag} '${value}' reaches back more than 366 days`, HINT);
  return at;
}
