import { NotFoundError, WrongKindError } from '../../errors';
import type { ScheduleKind } from '../../letta/types';
import { whyNotOnLetta } from '../../not-on-letta';
import { currentId, findIntent, type State } from '../../state/records';
import { NOUN } from './schedule';

/**
 * A schedule looked for on Letta and not found, said in the record's terms when this machine's record follows it
 * (deleted outside this tool, or paused, edited or deleted on another machine), as every command that looks one up
 * says it; undefined when the record has nothing to add (an id it does not hold, another kind, another agent asked).
 */
export function recordedNotFound(state: State, kind: ScheduleKind | undefined, id: string, error: NotFoundError, now: number): NotFoundError | undefined {
  if (error instanceof WrongKindError || error.missing?.what !== 'schedule') return undefined;
  const intent = findIntent(state, id);
  if (!intent || (kind !== undefined && intent.kind !== kind)) return undefined;
  // Looked for where the record puts it: not on another agent the flag named.
  if (!('agentsSearched' in error.missing) && error.missing.agentId !== intent.agent_id) return undefined;
  const noun = NOUN[intent.kind];
  const followed = currentId(state, id);
  if (followed !== id)
    return new NotFoundError(
      `Schedule '${id}' is recorded on this machine but not on Letta: the record follows it to ${followed}`,
      `Act on ${followed} instead (see it with: letta-switchboard ${noun} get ${followed})`,
    );
  if (intent.status !== 'active' && intent.status !== 'gone') return undefined;
  const history = `Its past fires: letta-switchboard history ${id}`;
  const due = Date.parse(intent.instants?.at(-1) ?? '');
  if (intent.kind === 'one-time' && due <= now) return new NotFoundError(`Schedule '${id}' is recorded on this machine but not on Letta: it has run (due ${new Date(due).toISOString()})`, history);
  // Only a record that holds its messages' fingerprint is followed to the copy a resume elsewhere makes.
  const comesBack = intent.kind === 'recurring' && intent.messages_key !== undefined;
  const remedy = comesBack
    ? 'Paused on another machine, it fires again once resumed there (sync here follows it). '
    : intent.status === 'active'
      ? 'letta-switchboard sync records it gone here. '
      : '';
  return new NotFoundError(`Schedule '${id}' is recorded on this machine but not on Letta (${whyNotOnLetta(intent.kind)})`, `${remedy}${history}`);
}
