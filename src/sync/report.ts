import { formatLocal } from '../time/zone';
import { oneLine } from '../output/inert';
import type { SyncOutcome } from './execute';
import { localCronFromUtc } from './local-rule';
import { madeAgainElsewhere, whyNotOnLetta } from '../not-on-letta';

/** What sync says it did, one entry per action: the same facts for people (lines) and scripts (JSON). */
export interface SyncReport {
  action: SyncOutcome['action']['type'];
  agent_id: string;
  ok: boolean;
  /** The schedule acted on (the old one, for a replacement). */
  id?: string;
  series_id?: string;
  set_id?: string;
  new_id?: string;
  created?: string[];
  /** Series members an earlier create made (its answer lost), found and recorded rather than made again. */
  found?: string[];
  timezone?: string;
  old_cron?: string;
  new_cron?: string;
  old_local_cron?: string | null;
  local_rule?: string;
  next_run?: string;
  next_run_local?: string;
  /** Which of the schedules involved exist in Letta now. */
  exist: string[];
  error?: string;
  lines: string[];
}

/** `dryRun`: nothing was sent or recorded, so each line says what would happen. */
export function reportOutcome(outcome: SyncOutcome, now: number, dryRun = false): SyncReport {
  const { action } = outcome;
  const base = { action: action.type, agent_id: action.agent_id, ok: outcome.ok, exist: outcome.exist, ...(outcome.error ? { error: outcome.error.message } : {}) };
  const failed = outcome.error ? `: ${outcome.error.message}` : '';
  switch (action.type) {
    case 'replace': {
      const oldLocal = safeLocal(action.old_cron, action.zone, now);
      const facts = {
        ...base,
        id: action.old_id,
        new_id: outcome.new_id,
        timezone: action.zone,
        old_cron: action.old_cron,
        new_cron: action.new_cron,
        old_local_cron: oldLocal,
        local_rule: action.local_rule,
        next_run: new Date(action.next_fire).toISOString(),
        next_run_local: formatLocal(action.zone, action.next_fire),
      };
      const detail = [
        `  local  ${oldLocal ?? '?'} → ${action.local_rule} (${action.zone})`,
        `  UTC    ${action.old_cron} → ${action.new_cron}`,
        `  next   ${facts.next_run_local} (${facts.next_run})`,
      ];
      if (outcome.ok)
        return { ...facts, lines: [dryRun ? `Would replace ${action.old_id} (agent ${action.agent_id})` : `Replaced ${action.old_id} with ${outcome.new_id} (agent ${action.agent_id})`, ...detail] };
      if (!outcome.new_id && outcome.unsure) {
        return {
          ...facts,
          lines: [
            `Replacing ${action.old_id} stopped while its create was out (agent ${action.agent_id})${failed}`,
            `  ${action.old_id} is kept; the new schedule may have been created. The next sync finds it (the attempt is recorded) and finishes, without creating another.`,
            ...detail,
          ],
        };
      }
      if (!outcome.new_id)
        return { ...facts, lines: [`Could not replace ${action.old_id} (agent ${action.agent_id})${failed}`, `  ${action.old_id} is kept unchanged; no new schedule exists.`, ...detail] };
      return {
        ...facts,
        lines: [
          `Replacing ${action.old_id} stopped part-way (agent ${action.agent_id})${failed}`,
          `  Both exist: ${action.old_id} (old, kept; the next sync deletes it once ${outcome.new_id} is confirmed) and ${outcome.new_id} (new).`,
          ...detail,
        ],
      };
    }
    case 'finish':
      return {
        ...base,
        id: action.old_id,
        new_id: action.landed_id,
        lines: outcome.ok
          ? [`${dryRun ? 'Would finish' : 'Finished'} replacing ${action.old_id}: ${action.landed_id}, created by an earlier attempt whose answer was lost, takes its place (agent ${action.agent_id})`]
          : [`Could not finish replacing ${action.old_id} with ${action.landed_id}${failed}`, `  Both exist; the next sync tries again.`],
      };
    case 'finish-create':
      return { ...base, id: action.landed_id, lines: [`${dryRun ? 'Would record' : 'Recorded'} ${action.landed_id}: a create whose answer was lost had landed (agent ${action.agent_id})`] };
    case 'finish-resume':
      return {
        ...base,
        id: action.old_id,
        new_id: action.landed_id,
        lines: [`${dryRun ? 'Would finish' : 'Finished'} resuming ${action.old_id}: ${action.landed_id}, created by a resume whose answer was lost, is it now (agent ${action.agent_id})`],
      };
    case 'drop-resume-attempt':
      return {
        ...base,
        id: action.old_id,
        lines: [`${action.old_id} stays paused: its resume's create had not landed (agent ${action.agent_id}); resume it again with: letta-switchboard recurring resume ${action.old_id}`],
      };
    case 'drop-attempt':
      return {
        ...base,
        id: action.intent_id,
        lines: [
          action.phrase === undefined
            ? `${action.intent_id} stays as it was: the create of a change to it had not landed (agent ${action.agent_id}); make the change again to make it`
            : `The create of '${action.phrase}'${action.sent_at ? ` sent ${action.sent_at}` : ''} had not landed: ${dryRun ? 'would be dropped' : 'dropped'} from the record (agent ${action.agent_id}); create it again to make it`,
        ],
      };
    case 'confirm-paused':
      return {
        ...base,
        id: action.id,
        lines: [
          action.series
            ? `${dryRun ? 'Would record' : 'Recorded'} series ${action.id} as wholly paused: none of what its pause (cut short) deleted is on Letta (agent ${action.agent_id}); resume it with: letta-switchboard recurring resume ${action.id}`
            : `${dryRun ? 'Would record' : 'Recorded'} ${action.id} as paused: its pause's delete was done though the answer was lost (agent ${action.agent_id}); resume it with: letta-switchboard recurring resume ${action.id}`,
        ],
      };
    case 'complete-set':
      return {
        ...base,
        id: outcome.new_id,
        new_id: outcome.new_id,
        set_id: action.set_id,
        new_cron: action.cron,
        lines: outcome.ok
          ? [
              `${dryRun ? 'Would create' : `Created ${outcome.new_id} as`} the ${action.cron} schedule of set ${action.set_id}: its create had not landed, and the set's other schedules stand (agent ${action.agent_id})`,
            ]
          : [
              `Could not create the ${action.cron} schedule of set ${action.set_id}${failed}`,
              outcome.unsure
                ? '  It may have been created; the next sync finds it (the attempt is recorded).'
                : outcome.refused
                  ? `  The set is short of it; to make it whole, delete the set (letta-switchboard recurring delete ${action.set_id}) and create it again.`
                  : '  The next sync tries again.',
            ],
      };
    case 'delete-not-done':
      return {
        ...base,
        id: action.id,
        lines: [
          `${action.id} is still on Letta: a delete of it by letta-switchboard (${action.deleteSent}) was cut short (its answer lost, or the command stopped) and was not done; it keeps firing (agent ${action.agent_id})`,
        ],
      };
    case 'found':
      return { ...base, id: action.id, lines: [`${action.id} is on the server again (an earlier list lacked it): ${dryRun ? 'would be followed' : 'followed'} again (agent ${action.agent_id})`] };
    case 'disowned': {
      const which = `The record of ${action.series_id === undefined ? action.id : `series ${action.series_id}`} ('${action.phrase}', ${action.zone})`;
      const shows = action.series_id === undefined ? `this server's ${action.id} is another schedule` : "this server has other schedules under its members' ids";
      return {
        ...base,
        ...(action.id === undefined ? {} : { id: action.id }),
        ...(action.series_id === undefined ? {} : { series_id: action.series_id }),
        timezone: action.zone,
        lines: [`${which} is from before records named their server, and ${shows}: left to the server it was made on, not synced here (agent ${action.agent_id})`],
      };
    }
    case 'skipped':
      return {
        ...base,
        error: action.reason,
        // The id is the record's, which a hand edit may have broken across lines: shown on one, inert.
        lines: [`Agent ${oneLine(action.agent_id)}: ${action.reason}; its ${action.records} record${action.records === 1 ? '' : 's'} kept as they are, not checked`],
      };
    case 'delete-replaced':
      return {
        ...base,
        id: action.old_id,
        lines: outcome.ok
          ? [`${dryRun ? 'Would delete' : 'Deleted'} ${action.old_id}, already replaced by ${action.intent_id} (agent ${action.agent_id})`]
          : [`Could not delete ${action.old_id}, already replaced by ${action.intent_id}${failed}`, `  Both exist; the next sync tries again.`],
      };
    case 'keep-first-copy':
      return {
        ...base,
        id: action.id,
        new_id: action.kept_id,
        lines: outcome.ok
          ? [
              `Deleted ${action.id}, this sync's replacement of ${action.old_id}: another client replaced ${action.old_id} at the same time, and its ${action.kept_id} was made first (agent ${action.agent_id})`,
              `  ${action.kept_id} is kept and recorded in ${action.id}'s place, so the schedule fires once.`,
            ]
          : [
              `Could not delete ${action.id}, this sync's replacement of ${action.old_id}, beside another client's ${action.kept_id} made first${failed}`,
              `  ${action.kept_id} is recorded in its place; the next sync deletes ${action.id}.`,
            ],
      };
    case 'replaced-elsewhere':
      return {
        ...base,
        id: action.id,
        new_id: action.new_id,
        timezone: action.zone,
        new_cron: action.cron,
        local_rule: action.local_rule,
        lines: [
          `${action.id} was ${action.again ? madeAgainElsewhere(action.new_id) : `replaced elsewhere by ${action.new_id} (another machine's sync, most likely)`}: ${dryRun ? 'would follow' : 'following'} ${action.new_id} at ${action.local_rule} ${action.zone} (${action.cron} UTC) from now on (agent ${action.agent_id})`,
        ],
      };
    case 'gone':
      return {
        ...base,
        id: action.id,
        lines: [
          action.fired
            ? `${action.id} has run and is no longer followed (agent ${action.agent_id})`
            : action.reusedBy !== undefined
              ? `${action.id} is no longer on Letta: its id is another schedule's now (${action.reusedBy} UTC), left alone; ${dryRun ? 'would be marked' : 'marked'} gone (agent ${action.agent_id})`
              : action.deleteSent !== undefined
                ? `${action.id} is no longer on Letta: a delete of it by letta-switchboard (${action.deleteSent}) was cut short (its answer lost, or the command stopped) and was done; ${dryRun ? 'would be recorded' : 'recorded'} as deleted (agent ${action.agent_id})`
                : action.followable
                  ? `${action.id} was ${whyNotOnLetta()}: ${dryRun ? 'would be marked' : 'marked'} gone, not re-created; a copy with its timing and messages made later (its resume there) is followed (agent ${action.agent_id})`
                  : `${action.id} was deleted outside letta-switchboard: ${dryRun ? 'would be marked' : 'marked'} gone, not re-created (agent ${action.agent_id})`,
        ],
      };
    case 'delete-paused': {
      const what = action.series_id === undefined ? `paused schedule ${action.id}` : `${action.id} of paused series ${action.series_id}`;
      return {
        ...base,
        id: action.id,
        ...(action.series_id === undefined ? {} : { series_id: action.series_id }),
        lines: outcome.ok
          ? [`${dryRun ? 'Would delete' : 'Deleted'} ${what} (its pause stopped before deleting it) (agent ${action.agent_id})`]
          : [`Could not delete ${what}${failed}`, '  It is still on Letta; the next sync tries again.'],
      };
    }
    case 'member-gone':
      return {
        ...base,
        id: action.id,
        series_id: action.series_id,
        lines: [`${action.id} of series ${action.series_id} was deleted outside letta-switchboard: ${dryRun ? 'would be marked' : 'marked'} gone, not re-created`],
      };
    case 'series-gone':
      return {
        ...base,
        series_id: action.series_id,
        lines: [
          `Series ${action.series_id} was ${whyNotOnLetta()}: ${dryRun ? 'would be marked' : 'marked'} gone, not topped up again; copies of its schedules with their instants and messages made later (its resume there) are followed (agent ${action.agent_id})`,
        ],
      };
    case 'series-made-again': {
      const skipped = action.gone.length === 0 ? '' : `; ${action.gone.join(', ')}, due while it was paused there, ${dryRun ? 'would be' : 'are'} no longer followed`;
      return {
        ...base,
        series_id: action.series_id,
        lines: [
          `Series ${action.series_id} was ${madeAgainElsewhere(action.members.map((m) => m.new_id).join(', '))}: ${dryRun ? 'would follow' : 'following'} them from now on${skipped} (agent ${action.agent_id})`,
        ],
      };
    }
    case 'finish-series-delete': {
      const what = action.ids.length === 0 ? 'none of its schedules was left on Letta' : `${dryRun ? 'would delete' : outcome.ok ? 'deleted' : 'could not delete all of'} ${action.ids.join(', ')}`;
      return {
        ...base,
        series_id: action.series_id,
        lines: outcome.ok
          ? [`Series ${action.series_id}, whose delete was cut short: ${what}; ${dryRun ? 'would be recorded' : 'recorded'} as deleted (agent ${action.agent_id})`]
          : [`Series ${action.series_id}, whose delete was cut short: ${what}${failed}`, `  Still on Letta: ${outcome.exist.join(', ')}; the next sync tries again.`],
      };
    }
    case 'series-found':
      return {
        ...base,
        series_id: action.series_id,
        lines: [`Series ${action.series_id} is on the server again (an earlier list lacked its schedules): ${dryRun ? 'would be followed' : 'followed'} again (agent ${action.agent_id})`],
      };
    case 'top-up': {
      const created = outcome.created ?? [];
      const found = action.landed.map((l) => l.id);
      const wanted = action.instants.length;
      const first = Math.min(...action.instants, ...action.landed.map((l) => l.at));
      const from = `from ${formatLocal(action.zone, first)} (${new Date(first).toISOString()}) (agent ${action.agent_id})`;
      const foundLine = found.length > 0 ? [`  Found ${found.join(', ')}, made by an earlier create whose answer was lost: ${dryRun ? 'would be recorded' : 'recorded'}, not made again.`] : [];
      const lines = outcome.ok
        ? [`Series ${action.series_id}: ${dryRun ? 'would create' : 'created'} ${wanted} more${found.length > 0 ? ` and found ${found.length}` : ''}, ${from}`, ...foundLine]
        : [
            `Series ${action.series_id}: created ${created.length} of ${wanted}, then stopped${failed}`,
            ...foundLine,
            created.length > 0 ? `  Created: ${created.join(', ')}. The next sync creates the rest.` : '  None were created. The next sync tries again.',
            ...(outcome.unsure ? ['  The last create may have landed; it is recorded as attempted, so the next sync finds it rather than making another.'] : []),
          ];
      return { ...base, series_id: action.series_id, created, ...(found.length > 0 ? { found } : {}), lines };
    }
    case 'problem':
      return { ...base, ok: false, id: action.id, error: action.message, lines: [`${action.id} left as it is: ${action.message}`] };
  }
}

function safeLocal(cron: string, zone: string, now: number): string | null {
  try {
    return localCronFromUtc(cron, zone, now);
  } catch {
    return null;
  }
}
