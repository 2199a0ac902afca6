import { isCronLike } from '../time/looks-recurring';
import { CliError, UsageError } from '../errors';
import type { FullScheduleBody } from '../sync/carry';
import { followsClock } from '../sync/intent';
import { HORIZON_MEMBERS, horizonOf, LEAD_MS, seriesInstants } from '../sync/series';
import { meaningOf, noEndSaid, type PhraseOptions, type RecurringMeaning, type SeriesMeaning } from '../time/index';
import { checkZone } from '../time/zone';
import { seriesRule, untilInstant } from '../commands/shared/create-series';
import type { FileKey, ScheduleFile } from './file-format';
import type { LockEntry, SeriesLock } from './lock-file';

/** What one file says should exist on the server, as create bodies. */
export interface Desired {
  /** The file's name in the folder. */
  name: string;
  agent_id: string;
  kind: 'one-time' | 'recurring' | 'series';
  when: string;
  timezone: string;
  /** Every schedule the file stands for now (a set: one per cron; a series: its members up to the horizon). */
  bodies: FullScheduleBody[];
  /** Recurring: each body's cron on the zone's clock (null where no local cron says it). */
  local_crons: Array<string | null>;
  /** One-time: the instant as first read; series: the rule as first read. */
  at?: number;
  series?: SeriesLock;
  /** The guesses the time language made reading `when` (am or pm, which week): said when the file is applied. */
  notes: string[];
}

/** What a file's `when` means on a zone's clock, read once per phrase and zone in a run (a folder repeats its phrases). */
export function meaningInRun(when: string, zone: string, context: DesiredContext): ReturnType<typeof meaningOf> {
  const key = `${when}\u0000${zone}`;
  const known = context.meanings?.get(key) ?? meaningOf(when, { now: context.now, zone }, 1);
  context.meanings?.set(key, known);
  return known;
}

/** A problem with one file, at a line of it; `from`: the refusal it restates, whose hint (what works) goes with it. */
export class FileError extends UsageError {
  constructor(
    readonly line: number,
    message: string,
    readonly from?: CliError,
  ) {
    super(message);
  }
}

export interface DesiredContext extends PhraseOptions {
  /** The zone did not come from a flag, TZ or the config file: a phrase with a clock time then needs `timezone:`. */
  zoneUnset: boolean;
  /** Meanings already read in this run, by phrase and zone (a folder repeats its phrases). */
  meanings?: Map<string, ReturnType<typeof meaningOf>>;
}

/**
 * A file's schedules, read as the create command reads them: a phrase or a
 * 5-field UTC cron; several crons when one cannot say it; a series for
 * `until`/`count` or a rule no cron says. A one-time or series file whose
 * `when` and zone are what the lock file recorded keeps its recorded instants
 * ("tomorrow at 9am" does not move each day). Pure: no I/O.
 */
export async function desiredOf(name: string, file: ScheduleFile, agentId: string, entry: LockEntry | undefined, context: DesiredContext): Promise<Desired> {
  const at = (key: FileKey) => file.lines[key] ?? 1;
  const onLine = async <T>(key: FileKey, work: () => Promise<T> | T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof CliError && !(error instanceof FileError)) throw new FileError(at(key), `${key}: ${error.message}`, error);
      throw error;
    }
  };
  const zone = file.timezone === undefined ? context.zone : await onLine('timezone', () => checkZone(file.timezone!));
  // A cron is Letta's own, in UTC: a zone written beside it would be taken for its clock and silently not be.
  if (file.timezone !== undefined && zone !== 'UTC' && isCronLike(file.when.trim().toLowerCase().replace(/\s+/g, ' ')))
    throw new FileError(
      at('timezone'),
      `timezone: a 5-field cron runs in UTC, so '${file.timezone}' would not apply to '${file.when}'; write 'timezone: UTC', or the time in words ('every day at 9am')`,
    );
  const phrase = { now: context.now, zone };
  const kept = entry !== undefined && entry.when === file.when && entry.timezone === zone ? entry : undefined;
  // Written out, one shape for every file (a spread over a base gave each its own hidden class), in the lock file's order.
  const made = (kind: Desired['kind'], bodies: FullScheduleBody[], notes: string[], local_crons: Desired['local_crons'] = []): Desired => ({
    name,
    agent_id: agentId,
    when: file.when,
    timezone: zone,
    notes,
    kind,
    bodies,
    local_crons,
  });
  const body = (schedule: FullScheduleBody['schedule']): FullScheduleBody => ({
    schedule,
    messages: [{ role: file.role ?? 'user', content: file.message }],
    ...(file.callback_url === undefined ? {} : { callback_url: file.callback_url }),
    ...(file.max_steps === undefined ? {} : { max_steps: file.max_steps }),
    ...(file.include_return_message_types === undefined ? {} : { include_return_message_types: file.include_return_message_types }),
  });
  const needZone = (clock: boolean) => {
    if (clock && file.timezone === undefined && context.zoneUnset) {
      throw new FileError(at('when'), `when: '${file.when}' names a time on the clock, and no zone is set: add 'timezone: ZONE' (for example America/New_York)`);
    }
  };

  const read = () => meaningInRun(file.when, zone, context);
  // A series read before, its `until:`/`count:` lines as they were: kept whole, as first read. Its end said relative to a
  // day (`until: friday`, `when: ... for 3 weeks`) is not read again each day after (it would move), and its phrase may
  // not read at all on a later day (`until friday` on a Friday afternoon, when no run is left before it).
  const keptWhole = kept?.series?.lines !== undefined && kept.series.lines.until === file.until && kept.series.lines.count === file.count ? kept.series : undefined;
  if (keptWhole) {
    let known: Awaited<ReturnType<typeof read>> | undefined;
    try {
      known = await read();
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
    }
    if (known === undefined || known.type === 'series' || known.type === 'recurring') {
      const desired = made(
        'series',
        seriesMembers(keptWhole, context.now).map((instant) => body({ type: 'one-time', scheduled_at: instant })),
        known?.notes ?? [],
      );
      desired.series = keptWhole;
      return desired;
    }
  }
  const meaning = await onLine('when', () => (kept?.at !== undefined ? undefined : read()));
  if (kept?.at !== undefined || meaning?.type === 'one-time') {
    if (file.until !== undefined || file.count !== undefined)
      throw new FileError(at(file.until !== undefined ? 'until' : 'count'), `${file.until !== undefined ? 'until' : 'count'}: only a repeating 'when' can have an end`);
    if (meaning?.type === 'one-time') {
      if (meaning.is_now) throw new FileError(at('when'), "when: a schedule needs a future time, not 'now'");
      needZone(!/(?:Z|[+-]\d\d:?\d\d)$/i.test(file.when.trim()));
    }
    const instant = kept?.at ?? (meaning as { scheduled_at: number }).scheduled_at;
    // Made already and past (fired) or about to fire: nothing left to create for it. A new file's instant (the phrase
    // refuses the past) is made however soon, as `onetime create` makes it: left out, its message would never be sent.
    const bodies = instant > context.now + (kept?.at === undefined ? 0 : LEAD_MS) ? [body({ type: 'one-time', scheduled_at: instant })] : [];
    const desired = made('one-time', bodies, meaning?.notes ?? []);
    desired.at = instant;
    return desired;
  }

  // Read above: only a one-time file keeps an instant, so a repeating one always has its meaning here.
  const schedule = meaning!;
  needZone(schedule.type === 'series' ? schedule.rule.kind !== 'elapsed' : schedule.local_cron !== null || (schedule.crons ?? []).some((c) => c.local_cron !== null));
  if (schedule.type === 'recurring' && file.until === undefined && file.count === undefined) {
    const crons = schedule.crons ?? [{ cron_expression: schedule.cron_expression, local_cron: schedule.local_cron }];
    return made(
      'recurring',
      crons.map((c) => body({ type: 'recurring', cron_expression: c.cron_expression })),
      schedule.notes,
      crons.map((c) => c.local_cron),
    );
  }

  if (schedule.type === 'recurring' && schedule.cron_expressions && schedule.cron_expressions.length > 1) {
    throw new FileError(at('when'), `when: '${file.when}' needs ${schedule.cron_expressions.length} crons, and a series (until, count) follows one rule; use one file per time`);
  }
  const lines: SeriesLock['lines'] = { ...(file.until === undefined ? {} : { until: file.until }), ...(file.count === undefined ? {} : { count: file.count }) };
  const said: { until?: string; count?: number } = schedule.type === 'series' ? schedule : {};
  // An instant with its offset is taken as it is, so a series that has ended still reads (export writes `until` so).
  const exact = file.until !== undefined && /^\d{4}-\d\d-\d\dT[^ ]*(?:Z|[+-]\d\d:?\d\d)$/i.test(file.until) ? Date.parse(file.until) : NaN;
  const lineUntil = async () => (file.until === undefined ? undefined : Number.isFinite(exact) ? exact : await onLine('until', () => untilInstant(file.until!, phrase)));
  const keptSeries = kept?.series;
  // A lock file written before the lines were kept: the same end, read now, keeps it (and the lines are kept from now on).
  const sameEnd =
    keptSeries !== undefined &&
    keptSeries.lines === undefined &&
    keptSeries.until === ((await lineUntil()) ?? (said.until === undefined ? undefined : Date.parse(said.until))) &&
    keptSeries.count === (file.count ?? said.count);
  let series: SeriesLock;
  if (sameEnd) series = { ...keptSeries!, lines };
  else {
    const { until, count } = await endsOf(file, schedule, await lineUntil(), at);
    if (until !== undefined && until <= context.now)
      throw new FileError(
        at(file.until !== undefined ? 'until' : 'when'),
        `${file.until !== undefined ? `until: '${file.until}'` : `when: '${file.when}' ends ${new Date(until).toISOString()}, which`} is not in the future`,
      );
    // Only its end read again: the members deleted on purpose stay so (made again, the next plan would delete them).
    const skip = keptSeries?.skip;
    series = {
      ...seriesRule(schedule, followsClock),
      started: context.now,
      ...(until === undefined ? {} : { until }),
      ...(count === undefined ? {} : { count }),
      ...(skip === undefined || skip.length === 0 ? {} : { skip }),
      lines,
    };
  }
  const instants = seriesMembers(series, context.now);
  if (!sameEnd && instants.length === 0) {
    throw new FileError(at('when'), `when: '${file.when}' has no run between now and ${new Date(horizonOf(withUntil(series), context.now)).toISOString()}`);
  }
  const desired = made(
    'series',
    instants.map((instant) => body({ type: 'one-time', scheduled_at: instant })),
    schedule.notes,
  );
  desired.series = series;
  return desired;
}

/** The members a series should have waiting now: its instants from its start (at most `count` of them), those not yet due, up to the horizon. */
export function seriesMembers(series: SeriesLock, now: number): number[] {
  const horizon = horizonOf(withUntil(series), now);
  const from = series.count === undefined ? now + LEAD_MS - 1 : series.started;
  // A member deleted on purpose still counts as made (not replaced by one later, under a count), and is not one of those waiting.
  const skip = new Set(series.skip);
  const all = seriesInstants(series, from, horizon, series.count ?? HORIZON_MEMBERS + skip.size);
  return all.filter((instant) => instant > now + LEAD_MS - 1 && !skip.has(instant)).slice(0, HORIZON_MEMBERS);
}

function withUntil(series: SeriesLock): { until?: string } {
  return series.until === undefined ? {} : { until: new Date(series.until).toISOString() };
}

/**
 * A series file's end and count: its `until:` and `count:` lines, or the same said in `when` ("until friday", "10 times");
 * both, and different, is an error at the line, as --until and --count beside such a phrase are.
 */
async function endsOf(file: ScheduleFile, meaning: RecurringMeaning | SeriesMeaning, lineUntil: number | undefined, at: (key: FileKey) => number): Promise<{ until?: number; count?: number }> {
  const said: { until?: string; count?: number } = meaning.type === 'series' ? meaning : {};
  const noEnd = file.until !== undefined || file.count !== undefined ? noEndSaid(meaning) : undefined;
  if (noEnd !== undefined) {
    const key = file.until !== undefined ? 'until' : 'count';
    throw new FileError(at(key), `${key}: ${key === 'until' ? `'${file.until}'` : file.count} gives an end, but when: '${file.when}' says it has none ('${noEnd}'); give one or the other`);
  }
  const phraseUntil = said.until === undefined ? undefined : Date.parse(said.until);
  if (lineUntil !== undefined && phraseUntil !== undefined && lineUntil !== phraseUntil) {
    throw new FileError(at('until'), `until: '${file.until}' is ${new Date(lineUntil).toISOString()}, but when: '${file.when}' ends ${said.until}; give the end once`);
  }
  if (file.count !== undefined && said.count !== undefined && file.count !== said.count) {
    throw new FileError(at('count'), `count: ${file.count}, but when: '${file.when}' says ${said.count} times; give the count once`);
  }
  return { until: lineUntil ?? phraseUntil, count: file.count ?? said.count };
}
