import type { Output } from '../output/output';
import { localAndUtc } from '../output/when';
import type { RecordStatus } from './record';

/** `status` for a person: what needs action first, then the facts behind it (stdout). */
export function printStatus(out: Output, status: RecordStatus, zone: string): void {
  const when = (iso: string) => {
    const { local, utc } = localAndUtc(zone, Date.parse(iso), 'instant');
    return `${local} (${utc})`;
  };
  out.line(`Server ${status.server}`);
  const sync = status.last_sync;
  out.line(sync ? `  Last sync     ${when(sync.at)}: ${sync.ok ? 'ok' : `failed (exit ${sync.exit_code})`}${sync.overdue ? ', overdue' : ''}` : '  Last sync     never');
  for (const line of sync?.changed ?? []) out.line(`    ${line}`);
  for (const line of sync?.errors ?? []) out.line(`    ${line}`);
  for (const line of sync?.skipped ?? []) out.line(`    ${line}`);
  for (const w of status.wrong_local_time) out.line(`  Wrong time    ${w.id}: ${w.utc_cron} UTC, should be ${w.expected_cron} to keep ${w.local_rule} (${w.zone})`);
  for (const change of status.dst_changes) {
    const hours = (change.offset_after_minutes - change.offset_before_minutes) / 60;
    out.line(`  Next DST      ${change.zone} ${when(change.at)}: clocks move ${hours > 0 ? '+' : ''}${hours} h; sync keeps ${change.moves.join(', ')}`);
  }
  for (const s of status.series) {
    out.line(`  Series        ${s.series_id} (${s.phrase}): ${s.waiting} waiting${s.complete ? ', all made' : s.runs_dry_at ? `, runs dry ${when(s.runs_dry_at)} unless sync tops it up` : ''}`);
  }
  for (const p of status.paused) out.line(`  Paused        ${p.id} since ${when(p.paused_at)}: letta-switchboard recurring resume ${p.id}`);
  for (const s of status.skipped) out.line(`  Set aside     ${s.why}`);
  if (status.needs_action.length === 0) out.success('Nothing needs attention.');
  for (const line of status.needs_action) out.warn(line);
}
