/**
 * Why a schedule the record of intent keeps is not on Letta, as every command says it: a pause on another machine
 * whose record holds it too deletes it on Letta and keeps it in that machine's record only, which looks here exactly
 * like a delete outside this tool. A one-time schedule is never paused alone: only a delete or an edit takes it away.
 */
export function whyNotOnLetta(kind: 'one-time' | 'recurring' = 'recurring'): string {
  return kind === 'one-time' ? 'deleted outside letta-switchboard, or edited or deleted on another machine' : 'deleted outside letta-switchboard, or paused on another machine';
}

/** What a copy of a recorded schedule made on Letta since says, as every command says it: a pause there, then a resume. */
export function madeAgainElsewhere(ids: string): string {
  return `made again elsewhere as ${ids}, with its timing and messages (paused and resumed on another machine, most likely)`;
}
