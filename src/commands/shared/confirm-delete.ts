import { CliError } from '../../errors';
import type { ScheduledMessage, ScheduleKind } from '../../letta/types';
import type { Runtime } from '../../runtime';
import { seriesRows } from './series';
import { isSeriesId } from '../../state/records';
import { findSchedule, messageText, nextRun } from './schedule';
import { GIVE_UP, RELATIVE_HEADER, relativeCell } from '../../output/list';
import { localAndUtc } from '../../output/when';
import { oneLine } from '../../output/inert';
import { shortIds } from '../../output/short-id';
import { allSettled, limiter, mapLimited } from '../../concurrency';

/**
 * Before deleting more than `askAbove` schedules on a terminal (several ids,
 * or a series of many), show what would go (id, agent, next run, message)
 * and ask. Returns whether to go on. The schedules are read `concurrency` at a time.
 */
export async function confirmDeletion(rt: Runtime, kind: ScheduleKind, ids: string[], askAbove: number, concurrency: number): Promise<boolean> {
  const series = ids.some(isSeriesId) ? new Map((await seriesRows(rt, undefined)).map((row) => [row.id, row] as const)) : new Map();
  const count = ids.reduce((sum, id) => sum + (series.get(id)?.remaining ?? 1), 0);
  if (count <= askAbove) return true;
  // Lookups among every agent (no agent given) share the same slots, so no more than `concurrency` requests are out.
  const requests = limiter(concurrency);
  const rows: ScheduledMessage[] = [];
  const looked = mapLimited(ids, concurrency, async (id): Promise<ScheduledMessage> => {
    const row = series.get(id);
    if (row) return row;
    try {
      return await findSchedule(rt, kind, id, requests);
    } catch (error) {
      // Said again, and counted, when its turn to be deleted comes.
      if (!(error instanceof CliError)) throw error;
      return { id, agent_id: '', schedule: { type: kind }, message: { messages: [] }, next_scheduled_time: null } as unknown as ScheduledMessage;
    }
  });
  for (const row of await allSettled(looked)) rows.push(row);
  // Short ids, as the lists show them: each is taken back by every command.
  const short = shortIds(rows.map((item) => item.id));
  const zone = rt.zone();
  const names = await (await rt.agentNames()).all(await rt.api());
  const when = (item: ScheduledMessage) => {
    try {
      const { value, field } = nextRun(item);
      return value === undefined ? { local: '-', ms: undefined } : localAndUtc(zone, value, field);
    } catch {
      return { local: '?', ms: undefined };
    }
  };
  const now = rt.now();
  const cells = rows.map((item) => {
    const members = series.get(item.id)?.remaining;
    const what = members === undefined ? messageText(item) : `series of ${members}: ${messageText(item)}`;
    return [short.get(item.id) ?? item.id, names.get(item.agent_id) || item.agent_id || '?', when(item).local, relativeCell(when(item).ms, now), what].map(oneLine);
  });
  const columns = [{ header: 'ID' }, { header: 'AGENT', giveUp: GIVE_UP.agent }, { header: 'NEXT RUN' }, { header: RELATIVE_HEADER, giveUp: GIVE_UP.relative }, { header: 'MESSAGE', flexible: true }];
  const out = rt.out;
  out.note(`These ${count} ${kind} schedules would be deleted:`);
  // Loaded here: a delete that asks nothing (a pipe, --yes, few ids) never needs the table code.
  const { renderTable } = await import('../../output/table');
  for (const line of renderTable(columns, cells, rt.io.columns === undefined ? undefined : rt.io.columns - 2)) out.note(`  ${line}`);
  const answer = await rt.prompt(`Delete ${count === ids.length ? 'them' : `all ${count}`}? [y/N] `);
  return /^y(es)?$/i.test(answer.trim());
}
