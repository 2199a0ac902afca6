import { Option, type Command } from '@commander-js/extra-typings';
import { NotFoundError, UsageError } from '../errors';
import type { ScheduledMessage } from '../letta/types';
import type { Runtime } from '../runtime';
import { defineCommand } from './command';
import { SUMMARIES } from './summaries';
import { agentOption } from './options';
import { unsure } from './shared/create-schedule';
import { printQueued, printReply, sayWouldSend } from './shared/reply';
import { findSchedule } from './shared/schedule';
import { readRecordOrNothing, successorInRecord } from './shared/state';
import { findSeries, setMembers, findPaused } from '../state/records';
import { runBody } from './shared/schedule-copy';
import { resolveScheduleIds } from './shared/ids';

/** Send a schedule's messages to its agent now; the schedule itself is left as it is. */
export default defineCommand({
  path: ['run'],
  description: SUMMARIES.run.description,
  examples: ['letta-switchboard run SCHEDULE_ID', 'letta-switchboard run SCHEDULE_ID --async', 'letta-switchboard run SCHEDULE_ID --dry-run'],
  globals: ['output', 'api', 'dryRun'],
  declare: (command: Command) =>
    command
      .argument('<id>', 'a one-time or recurring schedule id (or the old id of a paused one)')
      .addOption(agentOption())
      .addOption(new Option('--async', 'send without waiting for the reply; print the run id')),
  async run(rt, options, id) {
    const schedule = await scheduleToRun(rt, id);
    const api = await rt.api();
    const agentId = schedule.agent_id;
    const { messages, ...fields } = runBody(schedule, !!options.async);
    // Under --dry-run there is no reply and no run id, as for send: what would be sent is said instead.
    const wouldSend = () => sayWouldSend(rt.out, `the message${messages.length === 1 ? '' : 's'} of ${schedule.id}`, agentId, !!options.async);
    if (options.async) {
      const queued = await unsure(() => api.sendMessageAsync(agentId, messages, fields), agentId, 'async message');
      return rt.dryRun ? wouldSend() : printQueued(rt.out, queued);
    }
    const reply = await unsure(() => api.sendMessage(agentId, messages, fields), agentId, 'message');
    if (rt.dryRun) wouldSend();
    else printReply(rt.out, reply);
  },
});

/** The schedule as Letta has it (either kind), else the copy `recurring pause` saved on this machine. */
async function scheduleToRun(rt: Runtime, given: string, say = true): Promise<ScheduledMessage> {
  // Resolved first, so an id recorded against another server is refused before anything is read or sent.
  const [id] = (await resolveScheduleIds(rt, [given])) as [string];
  if (id.startsWith('set-') || id.startsWith('series-')) {
    const state = await readRecordOrNothing(rt);
    const series = findSeries(state, id);
    if (series) {
      rt.out.info(`${id} is a series; its schedules share one message, sent once now.`);
      return { id, agent_id: series.agent_id, schedule: { type: 'one-time' }, message: series.template as ScheduledMessage['message'] } as ScheduledMessage;
    }
    const members = [...setMembers(state, id), ...state.intents.filter((i) => i.set_id === id && i.status === 'paused')];
    if (members.length === 0) throw new NotFoundError(`No set or series '${id}' standing in the record of intent`, 'List them with: letta-switchboard recurring list');
    const schedules: ScheduledMessage[] = [];
    let missing: unknown;
    for (const member of members) {
      try {
        schedules.push(await scheduleToRun(rt, member.schedule_id, false));
      } catch (error) {
        // One deleted outside letta-switchboard: the set fires short of it, and the rest still say its message.
        if (!(error instanceof NotFoundError)) throw error;
        missing ??= error;
      }
    }
    if (schedules.length === 0) throw missing;
    // An edit of one member's message leaves the set sending two: sending one of them would pass for the set's.
    const bodies = new Set(schedules.map((one) => JSON.stringify(runBody(one, false))));
    if (bodies.size > 1) {
      const which = schedules.map((one) => `${one.id} (${JSON.stringify(runBody(one, false).messages.map((m) => m.content))})`).join(', ');
      throw new UsageError(`${id} is a set whose schedules send different messages: ${which}`, `Run each: ${schedules.map((one) => `letta-switchboard run ${one.id}`).join('; ')}`);
    }
    rt.out.info(`${id} is a set; its schedules share one message, sent once now (from ${schedules[0]!.id}).`);
    return schedules[0]!;
  }
  try {
    return await findSchedule(rt, undefined, id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const saved = findPaused(await readRecordOrNothing(rt), id);
    if (saved) {
      if (say) rt.out.info(`${id} is paused; sending the messages of its saved copy.`);
      return saved.schedule;
    }
    // Replaced here (an edit, a sync, a resume): the schedule that stands for it now.
    const successor = await successorInRecord(rt, id);
    if (successor === undefined) throw error;
    return scheduleToRun(rt, successor, say);
  }
}
