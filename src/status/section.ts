/**
 * One part of `status` (fire health, the record of intent, ...): built by its
 * own module, shown and judged the same way by src/status/report.ts.
 */
export interface StatusSection {
  /** Its key in `status --json`, e.g. "fire_health". */
  name: string;
  json: unknown;
  /** Something here needs a person to act (status exits 6). */
  needsAttention: boolean;
  /** One line each for what needs action, for a notification (empty when nothing does). */
  problems: string[];
  /** One line on how it stands, for a notification. */
  summary: string;
  /** Show it: data on stdout, notes on stderr (not called under --json). */
  print(): void | Promise<void>;
}
