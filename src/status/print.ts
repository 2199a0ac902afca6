import type { Output } from '../output/output';
import { localAndUtc } from '../output/when';
import { deleteAgain, type RecordStatus } from './record';

const MORE_OF = { changed: ['change', 'changes'], errors: ['error', 'errors'], skipped: ['skipped', 'skipped'] } as const;

/**
 * The record's part of `status` for a person: on a terminal with the rest on stdout; in a pipe on
 * stderr, so stdout keeps only the fire-health rows, one per schedule.
 */
export function printStatus(out: Output, status: RecordStatus, zone: string, { elsewhere = false } = {}): void {
  const say = (text: string): void => (out.io.stdoutIsTTY ? out.line(text) : out.note(text));
  const when = (iso: string) => {
    const { local, utc } = localAndUtc(zone, Date.parse(iso), 'instant');
    return `${local} (${utc})`;
  };
  // Another server's commands need its address: --base-url (or LETTA_BASE_URL).
  const there = elsewhere ? ` --base-url ${status.server}` : '';
  say(elsewhere ? `Server ${status.server} (recorded on this machine; not the server in use)` : `Server ${status.server}`);
  const sync = status.last_sync;
  say(sync ? `  Last sync     ${when(sync.at)}: ${sync.ok ? 'ok' : `failed (exit ${sync.exit_code})`}${sync.overdue ? ', overdue' : ''}` : '  Last sync     never');
  for (const kind of ['changed', 'errors', 'skipped'] as const) {
    const lines = sync?.[kind] ?? [];
    for (const line of lines) say(`    ${line}`);
    const more = (sync?.counts?.[kind] ?? lines.length) - lines.length;
    if (more > 0) say(`    and ${more} more ${MORE_OF[kind][more === 1 ? 0 : 1]} (the sync's own output has every line)`);
  }
  for (const w of status.wrong_local_time) say(`  Wrong time    ${w.id}: ${w.utc_cron} UTC, should be ${w.expected_cron} to keep ${w.local_rule} (${w.zone})`);
  for (const change of status.dst_changes) {
    const hours = (change.offset_after_minutes - change.offset_before_minutes) / 60;
    const [label, forGood] = change.seasonal ? ['Next DST     ', ''] : ['Offset change', ' for good'];
    say(`  ${label} ${change.zone} ${when(change.at)}: clocks move ${hours > 0 ? '+' : ''}${hours} h${forGood}; sync keeps ${change.moves.join(', ')}`);
  }
  for (const s of status.series) {
    say(`  Series        ${s.series_id} (${s.phrase}): ${s.waiting} waiting${s.complete ? ', all made' : s.runs_dry_at ? `, runs dry ${when(s.runs_dry_at)} unless sync tops it up` : ''}`);
  }
  for (const p of status.paused)
    say(
      `  Paused        ${p.id} since ${when(p.paused_at)}${p.unfinished ? ' (may still be on Letta: its pause stopped before deleting it)' : ''}: letta-switchboard recurring resume ${p.id}${there}`,
    );
  for (const s of status.skipped) say(`  Set aside     ${s.why}`);
  for (const c of status.unfinished_creates) {
    const of = c.replacing ? ` (replacing ${c.replacing})` : c.resuming ? ` (resuming ${c.resuming})` : c.series_id ? ` (series ${c.series_id})` : '';
    say(`  Unfinished    a create of '${c.phrase}'${of} sent ${when(c.attempted_at)}, its answer lost: letta-switchboard sync${there} finishes it (records it if it landed, else says so)`);
  }
  for (const d of status.unfinished_deletes)
    say(`  Unfinished    a delete of ${d.id} sent ${when(d.sent_at)}, cut short: it may still be on Letta; ${deleteAgain(d, elsewhere ? status.server : undefined)} finishes it`);
  if (status.needs_action.length === 0) out.success(elsewhere ? `The record of intent on ${status.server} needs no attention.` : 'The record of intent needs no attention.');
  for (const line of status.needs_action) out.warn(line);
}
