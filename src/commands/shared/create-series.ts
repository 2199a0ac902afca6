import { AlreadyReported, UsageError } from '../../errors';
import type { Role } from '../../letta/types';
import type { Runtime } from '../../runtime';
import type { RecurringMeaning, SeriesMeaning } from '../../time/index';

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
export async function createSeries(rt: Runtime, { agent, message, role, meaning, until, count }: SeriesInput): Promise<void> {
  const now = rt.now();
  const [{ newSeriesId }, { followsClock }, { seriesInstants, horizonOf, topUpInstants, HORIZON_MEMBERS, MIN_COVERAGE_MS }, { startSeries }, { recordWriter, whileChanging, serverOf }, { localAndUtc }] = await Promise.all([
    import('../../state/records'),
    import('../../sync/intent'),
    import('../../sync/series'),
    import('../../sync/execute'),
    import('./state'),
    import('../../output/when'),
  ]);
  if (meaning.type === 'recurring' && meaning.cron_expressions && meaning.cron_expressions.length > 1) {
    throw new UsageError(`'${meaning.input.trim()}' needs ${meaning.cron_expressions.length} crons, and a series follows one rule`, 'Create one series per time, each with --until or --count.');
  }
  const rule =
    meaning.type === 'series'
      ? { rule: meaning.input.trim(), zone: meaning.timezone, series_rule: meaning.rule }
      : followsClock(meaning) && meaning.local_cron !== null
        ? { rule: meaning.local_cron, zone: meaning.timezone }
        : { rule: meaning.cron_expression, zone: 'UTC' };
  const series = {
    series_id: newSeriesId(),
    agent_id: await rt.agentId(agent),
    server: serverOf(rt),
    phrase: meaning.input.trim(),
    ...rule,
    ...(until === undefined ? {} : { until: new Date(await untilInstant(rt, until)).toISOString() }),
    ...(count === undefined ? {} : { count }),
    horizon: new Date(now).toISOString(),
    template: { messages: [{ role, content: message }] },
    members: [],
    status: 'active' as const,
    created_at: new Date(now).toISOString(),
  };
  if (series.until !== undefined && Date.parse(series.until) <= now) throw new UsageError(`--until '${until}' is not in the future`);
  // The members made now must last until a sync can make more: an hourly sync, with an hour's margin.
  const first = topUpInstants(series, now, seriesInstants);
  const covers = first.length > 0 ? first.at(-1)! - now : 0;
  if (first.length >= HORIZON_MEMBERS && covers < MIN_COVERAGE_MS) {
    throw new UsageError(
      `'${series.phrase}' needs more than ${HORIZON_MEMBERS} one-time schedules to cover ${duration(MIN_COVERAGE_MS)}: they would cover only ${duration(covers)}, and an hourly sync could not keep it from running dry`,
      'Pick a rule that fires less often, or one a cron can say (every 5, 10, 15, 20 or 30 minutes).',
    );
  }
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
  if (out.json) {
    out.document({ series_id: series.series_id, agent_id: series.agent_id, phrase: series.phrase, timezone: series.zone, rule: series.rule, until: series.until, count: series.count, members: created.map((id, i) => ({ id, scheduled_at: planned[i], scheduled_at_iso: new Date(planned[i]!).toISOString() })), horizon: new Date(horizonOf(series, now)).toISOString() });
  } else {
    out.line(series.series_id);
  }
  if (error) {
    out.note(`${out.paintErr.red('Error:')} ${error.message}`);
    out.note(`Created ${created.length} of ${planned.length} schedules of series ${series.series_id}${created.length ? `: ${created.join(', ')}` : ''}.`);
    out.note(`The series is recorded: 'letta-switchboard sync' creates the rest, and 'letta-switchboard recurring delete ${series.series_id}' deletes what exists.`);
    throw new AlreadyReported(error);
  }
  if (out.json || out.quiet) return;
  out.success(`${rt.dryRun ? 'Would create' : 'Created'} series ${series.series_id}: ${created.length} one-time schedule${created.length === 1 ? '' : 's'}`);
  out.info(`  Means    ${meaning.description}`);
  out.info(`  First    ${when(planned[0]!)}`);
  out.info(`  Last     ${when(planned.at(-1)!)}`);
  const end = series.count !== undefined && created.length >= series.count ? 'all of them' : series.until !== undefined && horizonOf(series, now) >= Date.parse(series.until) ? `up to ${series.until}` : null;
  const lastMade = planned[created.length - 1] ?? now;
  out.info(
    end
      ? `  That is ${end}.`
      : `  These cover ${duration(lastMade - now)}; 'letta-switchboard sync' makes more as time passes and must run within that (hourly from cron: letta-switchboard sync --print-cron; 'status' says when a series runs dry).`,
  );
}

/** --until DATE: a bare date means the end of that day on the user's clock; anything else is a one-time phrase. */
async function untilInstant(rt: Runtime, text: string): Promise<number> {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (date) {
    const { instantFromLocal } = await import('../../time/zone');
    return instantFromLocal(rt.zone(), { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]), hour: 23, minute: 59, second: 59 });
  }
  const { meaningOfOnce } = await import('../../time/index');
  return (await meaningOfOnce(text, { now: rt.now(), zone: rt.zone() })).scheduled_at;
}

/** "5 h 43 min", "2 days 3 h": how long a series' members last. */
function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days ? `${days} day${days === 1 ? '' : 's'}` : '', hours ? `${hours} h` : '', rest || (!days && !hours) ? `${rest} min` : ''].filter(Boolean).join(' ');
}
