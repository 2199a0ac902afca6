import { AlreadyReported, UsageError } from '../../errors';
import type { Role } from '../../letta/types';
import type { Runtime } from '../../runtime';
import type { PhraseOptions, RecurringMeaning, SeriesMeaning } from '../../time/index';

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
  const [{ newSeriesId }, { followsClock }, { seriesInstants, horizonOf }, { startSeries }, { recordWriter }, { localAndUtc }] = await Promise.all([
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
  const rule = seriesRule(meaning, followsClock);
  const series = {
    series_id: newSeriesId(),
    agent_id: await rt.agentId(agent),
    phrase: meaning.input.trim(),
    ...rule,
    ...(until === undefined ? {} : { until: new Date(await untilInstant(until, { now, zone: rt.zone() })).toISOString() }),
    ...(count === undefined ? {} : { count }),
    horizon: new Date(now).toISOString(),
    template: { messages: [{ role, content: message }] },
    members: [],
    status: 'active' as const,
    created_at: new Date(now).toISOString(),
  };
  if (series.until !== undefined && Date.parse(series.until) <= now) throw new UsageError(`--until '${until}' is not in the future`);
  const api = await rt.api();
  const records = await recordWriter(rt);
  const { planned, created, error } = await startSeries({ api, records, now }, { series, instants: seriesInstants });

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
  out.info(end ? `  That is ${end}.` : `  More are created as time passes by 'letta-switchboard sync' (run it daily or hourly: letta-switchboard sync --print-cron).`);
}

/** What a series' instants are computed from: the whole rule when no cron says it, else its local cron (or, off the clock, its UTC cron). */
export function seriesRule(meaning: RecurringMeaning | SeriesMeaning, followsClock: (meaning: RecurringMeaning) => boolean): { rule: string; zone: string; series_rule?: SeriesMeaning['rule'] } {
  if (meaning.type === 'series') return { rule: meaning.input.trim(), zone: meaning.timezone, series_rule: meaning.rule };
  if (followsClock(meaning) && meaning.local_cron !== null) return { rule: meaning.local_cron, zone: meaning.timezone };
  return { rule: meaning.cron_expression, zone: 'UTC' };
}

/** --until DATE (or a file's `until:`): a bare date means the end of that day on the zone's clock; anything else is a one-time phrase. */
export async function untilInstant(text: string, phrase: PhraseOptions): Promise<number> {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (date) {
    const { instantFromLocal } = await import('../../time/zone');
    return instantFromLocal(phrase.zone, { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]), hour: 23, minute: 59, second: 59 });
  }
  const { meaningOfOnce } = await import('../../time/index');
  return (await meaningOfOnce(text, phrase)).scheduled_at;
}
