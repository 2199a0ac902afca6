import { AlreadyReported, CliError } from '../errors';
import type { Output } from './output';

/** What one id came to, as it comes: `id` is what -q prints, `text` what a person reads. */
export interface Said {
  id: string;
  text: string;
  /** The id is data the command made (a new schedule's id): on stdout without -q too. */
  data?: boolean;
  /** The id was acted on (a ✓ line), rather than found needing nothing (a plain line). */
  acted?: boolean;
  /**
   * Said by a --dry-run: what would be done, from what was read (true, unlike a
   * create's placeholder answer), so said though the requests took stdout; no ✓, since nothing was done.
   */
  dryRun?: boolean;
}

/**
 * The one way a per-id command (delete, pause, resume) says an id's outcome
 * as it comes: nothing with --json (the array at the end says all), the id
 * with -q, a line for the person otherwise.
 */
export function sayOutcome(out: Output, { id, text, data = false, acted = true, dryRun = false }: Said): void {
  if (out.json) return;
  if (out.quiet || data) out.line(id);
  if (dryRun) out.would(text);
  else if (out.quiet) return;
  else if (acted) out.success(text);
  else out.info(text);
}

/** An id's outcome as the --json array holds it. */
export interface Outcome {
  id: string;
}

export interface Ending<T extends Outcome> {
  outcomes: T[];
  /** How many ids were asked for. */
  asked: number;
  /** The failure that stopped the rest, or made every id fail the same way. */
  stopped?: CliError;
  firstError?: CliError;
  /** Whether the id's action was done. */
  done: (outcome: T) => boolean;
  /** The past participle: "deleted". */
  verb: string;
  /** Under --dry-run, the verb for what would be done ("delete"): the count says "Would delete 1 of 2", and the footer (about what was done) is left out. */
  would?: string;
  /** Failures that may have happened anyway (interrupted with the request out): said apart, with how to check. */
  unsure?: { is: (outcome: T) => boolean; say: (ids: string[]) => string };
  /** Said after the ids not done, given them. */
  notDone?: (ids: string[]) => string | undefined;
  /** Lines for the person when some ids were done (what to do next), before any failures are counted up. */
  footer?: (done: string[]) => string[];
}

/** The end of a per-id command given no ids at all (an empty stdin): --json still prints its array, empty. */
export function endWithNoIds(out: Output): void {
  if (out.json) out.document([]);
}

/**
 * The end of a per-id command: the --json array (always an array, whatever the
 * number of ids); with several ids (or an unsure one) that did not all succeed,
 * which were done and which not. One exit-code rule for one id and many: 0 when
 * every id was done, else that of the failure that stopped the rest, else the
 * first failure's.
 */
export function endOutcomes<T extends Outcome>(out: Output, ending: Ending<T>): void {
  const { outcomes, asked, done, verb } = ending;
  if (out.json) out.document(outcomes);
  const made = outcomes.filter(done).map((outcome) => outcome.id);
  if (made.length > 0 && !out.json && !out.quiet && ending.would === undefined) for (const line of ending.footer?.(made) ?? []) out.info(line);
  const failed = outcomes.filter((outcome) => !done(outcome));
  if (failed.length === 0) return;
  const unsure = ending.unsure ? failed.filter(ending.unsure.is).map((outcome) => outcome.id) : [];
  if (asked > 1 || unsure.length > 0) {
    const counted = ending.would === undefined ? verb : `would ${ending.would}`;
    out.note(`${counted.charAt(0).toUpperCase()}${counted.slice(1)} ${made.length} of ${asked}${made.length ? `: ${made.join(', ')}` : ''}.`);
    if (unsure.length > 0) out.note(ending.unsure!.say(unsure));
    const not = failed.map((outcome) => outcome.id).filter((id) => !unsure.includes(id));
    const after = not.length > 0 ? ending.notDone?.(not) : undefined;
    if (not.length > 0) out.note(`Not ${verb}: ${not.join(', ')}.${after ? ` ${after}` : ''}`);
  }
  throw new AlreadyReported(ending.stopped ?? ending.firstError ?? new CliError(`${failed.length} of ${asked} not ${verb}`));
}
