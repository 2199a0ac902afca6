import { AlreadyReported, UsageError } from '../../errors';
import type { Role } from '../../letta/types';
import type { Runtime } from '../../runtime';
import { endOfSpan, noEndSaid, type PhraseOptions, type RecurringMeaning, type SeriesMeaning } from '../../time/index';
import { newSeries } from '../../state/records';
import { followsClock } from '../../sync/intent';
import { seriesInstants, horizonOf, laterInstants, topUpInstants, HORIZON_MEMBERS, MIN_COVERAGE_MS } from '../../sync/series';
import { startSeries } from '../../sync/execute';
import { recordWriter, whileChanging, serverOf, readableRecord } from './state';
import { localAndUtc } from '../../output/when';
import { printReceiptOf } from '../../output/receipt';
import { counted } from '../../output/counted';
import { NEXT_RUNS_SHOWN } from '../options';
import { formatLocal } from '../../time/zone';

export interface SeriesInput {
  agent: string;
  message: string;
  role: Role;
  meaning: RecurringMeaning | SeriesMeaning;
  /** --until, as typed. */
  until?: string;
  count?: number;
}

/**
 * A series: one-time schedules for each instant of the rule on the user's
 * clock (so DST cannot move them), created up to the horizon and recorded as
 * one series id that sync tops up. The id is the data (stdout).
 */
export async function createSeries(rt: Runtime, { agent, message, role, meaning, until: untilFlag, count: countFlag }: SeriesInput): Promise<void> {
  const now = rt.now();
  const { until, count } = await phraseEnds(rt, meaning, untilFlag, countFlag);
  if (meaning.type === 'recurring' && meaning.cron_expressions && meaning.cron_expressions.length > 1) {
    throw new UsageError(`'${meaning.input.trim()}' needs ${meaning.cron_expressions.length} crons, and a series follows one rule`, 'Create one series per time, each with --until or --count.');
  }
  const rule = seriesRule(meaning, followsClock);
  const series = newSeries(
    {
      agent_id: await rt.agentId(agent),
      server: serverOf(rt),
      phrase: meaning.input.trim(),
      ...rule,
      ...(until === undefined ? {} : { until: new Date(until).toISOString() }),
      ...(count === undefined ? {} : { count }),
      horizon: new Date(now).toISOString(),
      template: { messages: [{ role, content: message }] },
    },
    now,
  );
  if (series.until !== undefined && Date.parse(series.until) <= now) throw new UsageError(`--until '${untilFlag}' is not in the future`);
  // The members made now must last until a sync can make more: an hourly sync, with an hour's margin.
  const first = topUpInstants(series, now, seriesInstants);
  const covers = first.length > 0 ? first.at(-1)! - now : 0;
  if (first.length >= HORIZON_MEMBERS && covers < MIN_COVERAGE_MS) {
    throw new UsageError(
      `'${series.phrase}' needs more than ${HORIZON_MEMBERS} one-time schedules to cover ${duration(MIN_COVERAGE_MS)}: they would cover only ${duration(covers)}, and an hourly sync could not keep it from running dry`,
      'Pick a rule that fires less often, or one a cron can say (every 5, 10, 15, 20 or 30 minutes).',
    );
  }
  // A series is its record (sync tops it up; every command finds it by its id): none is made that could not be recorded.
  if (!rt.dryRun) await readableRecord(rt, 'A series');
  const api = await rt.api();
  const records = await recordWriter(rt);
  // Each member is created holding the changes lock, after reading what exists, so a sync topping up meanwhile cannot double one.
  const { planned, created, error } = await startSeries({ api, records, now }, { series, instants: seriesInstants }, (step) => whileChanging(rt, step));

  const out = rt.out;
  const zone = series.zone === 'UTC' ? rt.zone() : series.zone;
  const when = (ms: number) => {
    const { local, utc } = localAndUtc(zone, ms, 'instant');
    return `${local} (${utc})`;
  };
  const end =
    series.count !== undefined && created.length >= series.count
      ? 'all of them'
      : series.until !== undefined && horizonOf(series, now) >= Date.parse(series.until)
        ? `every run up to ${when(Date.parse(series.until))}`
        : null;
  const lastMade = planned[created.length - 1] ?? now;
  // The first runs, as `parse` shows them: the members made, then (fewer made than that, within its count) the rule's next ones.
  const made = planned.slice(0, created.length);
  const countLeft = series.count === undefined ? Infinity : series.count - made.length;
  const later = error ? [] : laterInstants(series, made.at(-1) ?? now, Math.min(NEXT_RUNS_SHOWN - made.length, countLeft));
  const nextRuns = [...made, ...later].slice(0, NEXT_RUNS_SHOWN);
  printReceiptOf(
    out,
    {
      document: {
        // The id every command takes for the series (`-q` prints it), as `id` in every receipt.
        id: series.series_id,
        series_id: series.series_id,
        agent_id: series.agent_id,
        phrase: series.phrase,
        timezone: series.zone,
        rule: series.rule,
        until: series.until,
        count: series.count,
        members: created.map((id, i) => ({ id, scheduled_at: planned[i], scheduled_at_iso: new Date(planned[i]!).toISOString() })),
        next_runs: nextRuns.map((ms) => new Date(ms).toISOString()),
        next_runs_local: nextRuns.map((ms) => formatLocal(meaning.timezone, ms)),
        horizon: new Date(horizonOf(series, now)).toISOString(),
        notes: meaning.notes,
      },
      title: `Created series ${series.series_id}: ${counted(created.length, 'one-time schedule')}`,
      would: `Would create a series of ${counted(created.length, 'one-time schedule')}`,
      rows: [{ id: series.series_id, label: 'Series' }, ['Means', meaning.description], ['First', when(planned[0]!)], ['Last', when(planned.at(-1)!)]],
      notes: meaning.notes,
      footer: [
        end
          ? `  That is ${end}.`
          : `  These cover ${duration(lastMade - now)}; 'letta-switchboard sync' makes more as time passes and must run within that (hourly from cron: letta-switchboard sync --print-cron; 'status' says when a series runs dry).`,
      ],
    },
    { idsOnly: error !== undefined },
  );
  if (error) {
    out.note(`${out.paintErr.red('Error:')} ${error.message}`);
    out.note(`Created ${created.length} of ${planned.length} schedules of series ${series.series_id}${created.length ? `: ${created.join(', ')}` : ''}.`);
    out.note(`The series is recorded: 'letta-switchboard sync' creates the rest, and 'letta-switchboard recurring delete ${series.series_id}' deletes what exists.`);
    throw new AlreadyReported(error);
  }
}

/** What a series' instants are computed from: the whole rule when no cron says it, else its local cron (or, off the clock, its UTC cron). */
export function seriesRule(meaning: RecurringMeaning | SeriesMeaning, followsClock: (meaning: RecurringMeaning) => boolean): { rule: string; zone: string; series_rule?: SeriesMeaning['rule'] } {
  if (meaning.type === 'series') return { rule: meaning.input.trim(), zone: meaning.timezone, series_rule: meaning.rule };
  if (followsClock(meaning) && meaning.local_cron !== null) return { rule: meaning.local_cron, zone: meaning.timezone };
  return { rule: meaning.cron_expression, zone: 'UTC' };
}

/** --until DATE (or a file's `until:`): a day without a time of day means the end of that day on the zone's clock. */
export async function untilInstant(text: string, phrase: PhraseOptions): Promise<number> {
  return endOfSpan(text, phrase);
}

/**
 * The series' end and count: --until (a day without a time of day includes that whole day on the
 * user's clock) and --count, or the same said in the phrase ("until dec 24", "10 times"); both, and different, is an error.
 */
async function phraseEnds(rt: Runtime, meaning: RecurringMeaning | SeriesMeaning, untilFlag: string | undefined, countFlag: number | undefined) {
  const noEnd = untilFlag !== undefined || countFlag !== undefined ? noEndSaid(meaning) : undefined;
  if (noEnd !== undefined)
    throw new UsageError(
      `The phrase says it has no end ('${noEnd}'), but ${untilFlag !== undefined ? `--until '${untilFlag}'` : `--count ${countFlag}`} gives one`,
      `Give one or the other: '${meaning.input.trim()}' with the flag, or the phrase without it.`,
    );
  const flagUntil = untilFlag === undefined ? undefined : await endOfSpan(untilFlag, { now: rt.now(), zone: rt.zone() });
  const said: { until?: string; count?: number } = meaning.type === 'series' ? meaning : {};
  const phraseUntil = said.until === undefined ? undefined : Date.parse(said.until);
  if (flagUntil !== undefined && phraseUntil !== undefined && flagUntil !== phraseUntil) {
    throw new UsageError(`'${meaning.input.trim()}' ends ${said.until}, but --until '${untilFlag}' is ${new Date(flagUntil).toISOString()}`, 'Give the end once: in the phrase or as --until.');
  }
  if (countFlag !== undefined && said.count !== undefined && countFlag !== said.count) {
    throw new UsageError(`'${meaning.input.trim()}' says ${said.count} times, but --count is ${countFlag}`, 'Give the count once: in the phrase or as --count.');
  }
  return { until: flagUntil ?? phraseUntil, count: countFlag ?? said.count };
}

/** "5 h 43 min", "2 days 3 h": how long a series' members last. */
function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days ? `${days} day${days === 1 ? '' : 's'}` : '', hours ? `${hours} h` : '', rest || (!days && !hours) ? `${rest} min` : ''].filter(Boolean).join(' ');
}
