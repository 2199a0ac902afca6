import { UsageError } from '../errors';
import { isoInstant } from './iso';
import { utcMillis } from './zone';

/** The instants this tool computes with: ISO 8601's four-digit years, well inside JavaScript's date range. */
export const EARLIEST_INSTANT = utcMillis(1, 1, 1);
export const LATEST_INSTANT = utcMillis(9999, 12, 31, 23, 59, 59) + 999;

const NOW_HINT = "Use ISO 8601 ('2026-11-22T15:00:00Z', '2026-11-22') or Unix milliseconds.";

/**
 * The instant `--now` names: Unix milliseconds, ISO 8601 (wall time in `zone`
 * without an offset), or a bare date (its midnight in `zone`). A UsageError
 * for anything else or anything outside the years 0001-9999.
 */
export function parseNow(value: string, zone: string): number {
  const text = value.trim();
  const notAnInstant = () => new UsageError(`--now '${text}' is not an instant`, NOW_HINT);
  if (text === '' || text.length > 64) throw notAnInstant();
  let ms: number | null;
  if (/^\d+$/.test(text)) ms = Number(text);
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) ms = isoInstant(`${text}T00:00`, zone, `--now '${text}'`);
  else ms = isoInstant(text, zone, `--now '${text}'`);
  if (ms === null || Number.isNaN(ms)) throw notAnInstant();
  if (!inRange(ms)) throw new UsageError(`--now '${text}' is outside the dates this tool can use (0001-01-01 to 9999-12-31)`, NOW_HINT);
  return ms;
}

export function inRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= EARLIEST_INSTANT && ms <= LATEST_INSTANT;
}
