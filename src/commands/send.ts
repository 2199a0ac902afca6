import { Option, type Command } from '@commander-js/extra-typings';
import { defineCommand } from './command';
import { SUMMARIES } from './summaries';
import { agentOption, messageOption, misplaced, roleOption } from './options';
import { meaningOfOnce } from '../time/index';
import { readMessage } from './shared/message';
import { createSchedule, unsure } from './shared/create-schedule';
import { printQueued, printReply, sayWouldSend } from './shared/reply';

/** Send now and print the reply, send now without waiting (--async), or schedule for later (--execute-at). */
export default defineCommand({
  path: ['send'],
  description: SUMMARIES.send.description,
  examples: [
    'letta-switchboard send --agent-id support-bot --message "Status?"',
    'letta-switchboard send --agent-id support-bot --message "Check the queue" --execute-at "tomorrow at 9am"',
    'git log -1 --format=%s | letta-switchboard send --agent-id support-bot --message -',
  ],
  globals: ['output', 'time', 'api', 'dryRun'],
  declare: (command: Command) =>
    command
      .addOption(agentOption())
      .addOption(messageOption())
      .addOption(roleOption())
      .option('--execute-at <when>', "when to send: 'in 5 minutes', 'tomorrow at 9am', ISO 8601 (default now)")
      .addOption(new Option('--async', 'send now without waiting; print the run id').conflicts('executeAt'))
      .addOption(misplaced('--cron <when>', 'recurring create')),
  async run(rt, options) {
    const agent = rt.agent();
    const meaning = options.executeAt === undefined ? undefined : await meaningOfOnce(options.executeAt, { now: rt.now(), zone: rt.zone() });
    const message = await readMessage(rt, options.message);
    if (meaning && !meaning.is_now) {
      return createSchedule(rt, { agent, message, role: options.role, meaning });
    }

    const messages = [{ role: options.role, content: message }];
    const api = await rt.api();
    const agentId = await rt.agentId(agent);
    // Under --dry-run there is no reply and no run id: what would be sent is said instead.
    const wouldSend = () => sayWouldSend(rt.out, 'the message', agent === agentId ? agentId : `${agent} (${agentId})`, !!options.async);
    if (options.async) {
      const queued = await unsure(() => api.sendMessageAsync(agentId, messages), agentId, 'async message');
      return rt.dryRun ? wouldSend() : printQueued(rt.out, queued);
    }
    const waiting = rt.dryRun ? () => {} : rt.out.progress(`Waiting for ${agent}'s reply…`);
    const reply = await unsure(() => api.sendMessage(agentId, messages), agentId, 'message').finally(waiting);
    if (rt.dryRun) wouldSend();
    else printReply(rt.out, reply);
  },
});
