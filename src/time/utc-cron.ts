import { CronExpressionParser } from 'cron-parser';
import { Settings } from 'luxon';
import { plainCronFields, type CronFields } from './cron-fields';

/**
 * cron-parser works through luxon, which otherwise asks Intl for the system
 * locale and zone on first use (~15 ms of ICU set-up). Crons here are always
 * UTC and locale-free, so name both while cron-parser runs, and put back
 * whatever was there: importing this module changes nothing.
 */
export function inUtc<T>(work: () => T): T {
  const locale = Settings.defaultLocale;
  const zone = Settings.defaultZone;
  Settings.defaultLocale = 'en-US';
  Settings.defaultZone = 'UTC';
  try {
    return work();
  } finally {
    Settings.defaultLocale = locale;
    Settings.defaultZone = zone;
  }
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * A UTC cron read once (src/time/cron-fields.ts, else cron-parser: both read
 * crons alike), then matched and stepped through with plain UTC arithmetic.
 * cron-parser builds a luxon date for every step and every match, which made
 * an agenda of a thousand schedules take seconds.
 */
export interface UtcCron {
  /** Whether the cron fires at this instant (a whole minute). */
  matches(at: number): boolean;
  /** Its instants in [from, to], at most `limit` of them; `hasMore` when there were more. */
  firesIn(from: number, to: number, limit: number): { instants: number[]; hasMore: boolean };
}

/** A UTC cron read by plainCronFields (else by cron-parser, which also steps through what plain arithmetic does not cover: L, #). Throws for a cron that cannot be read. */
export function utcCron(cron: string): UtcCron {
  const fields = plainCronFields(cron) ?? parsedFields(cron);
  return fields === 'stepped' ? steppedCron(cron) : cronOfFields(fields);
}

/** A cron already read into its fields, stepped through with plain UTC arithmetic. */
export function cronOfFields({ minutes, hours, daysOfMonth, months, daysOfWeek, anyDayOfMonth, anyDayOfWeek }: CronFields): UtcCron {
  /** Cron's day rule: with both day fields restricted, either may match; else the restricted one must. */
  const dayMatches = (day: number) => {
    const date = new Date(day * DAY);
    if (!months.has(date.getUTCMonth() + 1)) return false;
    const byMonth = daysOfMonth.has(date.getUTCDate());
    const byWeek = daysOfWeek.has(date.getUTCDay());
    if (!anyDayOfMonth && !anyDayOfWeek) return byMonth || byWeek;
    return anyDayOfMonth ? byWeek || anyDayOfWeek : byMonth;
  };
  const minuteSet = new Set(minutes);
  const hourSet = new Set(hours);

  return {
    matches(at) {
      if (at % MINUTE !== 0) return false;
      const date = new Date(at);
      return minuteSet.has(date.getUTCMinutes()) && hourSet.has(date.getUTCHours()) && dayMatches(Math.floor(at / DAY));
    },
    firesIn(from, to, limit) {
      const instants: number[] = [];
      for (let day = Math.floor(from / DAY); day * DAY <= to; day++) {
        if (!dayMatches(day)) continue;
        for (const hour of hours) {
          for (const minute of minutes) {
            const at = day * DAY + hour * HOUR + minute * MINUTE;
            if (at < from) continue;
            if (at > to) return { instants, hasMore: false };
            if (instants.length === limit) return { instants, hasMore: true };
            instants.push(at);
          }
        }
      }
      return { instants, hasMore: false };
    },
  };
}

/** The fields as cron-parser reads them, or 'stepped' for a cron with L or #. */
function parsedFields(cron: string): CronFields | 'stepped' {
  const { fields } = inUtc(() => CronExpressionParser.parse(cron, { tz: 'UTC' }));
  if (fields.dayOfMonth.hasLastChar || fields.dayOfWeek.hasLastChar || fields.dayOfWeek.nthDay > 0) return 'stepped';
  return {
    minutes: [...fields.minute.values].map(Number).sort((a, b) => a - b),
    hours: [...fields.hour.values].map(Number).sort((a, b) => a - b),
    daysOfMonth: new Set(fields.dayOfMonth.values.map(Number)),
    months: new Set(fields.month.values.map(Number)),
    // 7 is Sunday too.
    daysOfWeek: new Set(fields.dayOfWeek.values.map((day) => Number(day) % 7)),
    anyDayOfMonth: fields.dayOfMonth.isWildcard,
    anyDayOfWeek: fields.dayOfWeek.isWildcard,
  };
}

/** cron-parser's own stepping, for the rare cron plain arithmetic does not cover. */
function steppedCron(cron: string): UtcCron {
  return {
    matches: (at) => inUtc(() => CronExpressionParser.parse(cron, { tz: 'UTC' }).includesDate(new Date(at))),
    firesIn: (from, to, limit) =>
      inUtc(() => {
        const expression = CronExpressionParser.parse(cron, { tz: 'UTC', currentDate: new Date(from - 1), endDate: new Date(to) });
        const instants: number[] = [];
        while (expression.hasNext()) {
          const at = expression.next().getTime();
          if (at > to) break;
          if (instants.length === limit) return { instants, hasMore: true };
          instants.push(at);
        }
        return { instants, hasMore: false };
      }),
  };
}
