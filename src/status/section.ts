import type { JsonWriter } from '../output/json-stream';

/** How a section stands, known once it has been read. */
export interface Verdict {
  /** Something here needs a person to act (status exits 6). */
  needsAttention: boolean;
  /** One line each for what needs action, for a notification (empty when nothing does). */
  problems: string[];
  /** The ids of what needs action, worst first: all `status -q` prints on stdout (each once, whichever sections name it). */
  ids: string[];
  /** One line on how it stands, for a notification. */
  summary: string;
  /** One line each for what could not be checked (its reads kept failing); the rest was. */
  unchecked?: string[];
  /** One line each for a run behind a send that could not be read: only that fire's ending is unknown. */
  unreadRuns?: string[];
  /** The exit code of the first of those failures (1 Letta failing, 5 no answer in time). */
  uncheckedExit?: number;
  /** How many schedules were looked at (unchecked ones included). */
  checked?: number;
}

/**
 * One part of `status` (fire health, the record of intent, ...): built by its
 * own module, shown and judged the same way by src/status/report.ts.
 */
export interface StatusSection {
  /** Its key in `status --json`, e.g. "fire_health". */
  name: string;
  /** Under --json: its value, written as a field of the open document (fire health writes each schedule as it is judged). */
  writeJson(json: JsonWriter): Promise<Verdict>;
  /** Otherwise: read all it shows, printing nothing (so a failure leaves no half report), then print() shows it. */
  read(): Promise<Verdict>;
  /** Data on stdout, notes on stderr; under -q, notes only (the report prints the verdicts' ids). */
  print(): Promise<void>;
}
