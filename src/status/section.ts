import type { HeldWriter } from '../output/output';
import type { JsonWriter } from '../output/json-stream';

/** Where a section shows itself: data held then streamed on stdout, and under --json the open document. */
export interface SectionSink {
  data: HeldWriter;
  json?: JsonWriter;
}

/**
 * One part of `status` (fire health, the record of intent, ...): built by its
 * own module, shown and judged the same way by src/status/report.ts.
 */
export interface StatusSection {
  /** Its key in `status --json`, e.g. "fire_health". */
  name: string;
  /**
   * Show it: under --json its value as a field of the document, else data on stdout and notes on
   * stderr. A section may read as it shows (fire health streams its schedules); what follows is
   * known once it has.
   */
  show(sink: SectionSink): Promise<void>;
  /** Something here needs a person to act (status exits 6). */
  readonly needsAttention: boolean;
  /** One line each for what needs action, for a notification (empty when nothing does). */
  readonly problems: string[];
  /** One line on how it stands, for a notification. */
  readonly summary: string;
}
