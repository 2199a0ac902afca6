import { contentSummary, type ScheduledMessage } from '../../letta/types';
import type { FullScheduleBody } from '../../sync/carry';
import { localAndUtc } from '../../output/when';
import type { ReceiptRow } from '../../output/receipt';
import { nextRuns } from '../../time/cron';
import { cronInZone } from './schedule';
import { preview } from './create-schedule';

/** "2026-12-03 15:00 EST (2026-12-03T20:00:00.000Z)" */
function both(zone: string, ms: number): string {
  const { local, utc } = localAndUtc(zone, ms, 'time');
  return `${local} (${utc})`;
}

/** A UTC cron as the user's clock reads it, with the cron Letta runs: "0 9 * * 1-5 in America/New_York (0 14 * * 1-5 UTC)". */
export function cronBoth(cron: string, zone: string, now: number): string {
  const local = cronInZone(cron, zone, now);
  return zone === 'UTC' || local === null ? `${cron} UTC` : `${local} in ${zone} (${cron} UTC)`;
}

/**
 * What an edit changes, as receipt rows: the message, the role, and the time or cron old → new in local time and UTC.
 * `oldZone`: the clock the old schedule was kept on, when that is not the new one's (an edit with --tz).
 */
export function editChanges(old: ScheduledMessage, body: FullScheduleBody, zone: string, now: number, oldZone = zone): ReceiptRow[] {
  const rows: ReceiptRow[] = [];
  const oldMessages = old.message?.messages ?? [];
  const text = (messages: Array<{ content: unknown }>) => preview(messages.map((m) => contentSummary(m.content)).join(' / '));
  if (text(oldMessages) !== text(body.messages)) rows.push(['Message', text(oldMessages), text(body.messages)]);
  const roles = (messages: Array<{ role: unknown }>) => [...new Set(messages.map((m) => String(m.role)))].join(', ');
  if (roles(oldMessages) !== roles(body.messages)) rows.push(['Role', roles(oldMessages), roles(body.messages)]);
  const [before, after] = [old.schedule, body.schedule];
  if (after.type === 'one-time' && before.scheduled_at !== after.scheduled_at) {
    rows.push(['Runs at', before.scheduled_at === undefined ? '-' : both(zone, before.scheduled_at), both(zone, after.scheduled_at)]);
  }
  if (after.type === 'recurring' && before.cron_expression !== after.cron_expression) {
    rows.push(['Cron', cronBoth(before.cron_expression ?? '', oldZone, now), cronBoth(after.cron_expression, zone, now)]);
    const next = (cron: string) => {
      try {
        return nextRuns(cron, now, 1)[0];
      } catch {
        return undefined;
      }
    };
    const [was, will] = [next(before.cron_expression ?? ''), next(after.cron_expression)];
    if (was !== undefined && will !== undefined) rows.push(['Next run', both(oldZone, was), both(zone, will)]);
  }
  return rows;
}
