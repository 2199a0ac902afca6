import { Option, type Command } from '@commander-js/extra-typings';
import { defineCommand } from './command';
import { agentOption, messageOption, misplaced, roleOption } from './options';

/** Send now and print the reply, send now without waiting (--async), or schedule for later (--execute-at). */
export default defineCommand({
  path: ['send'],
  description: 'Send a message now and print the reply, or schedule it with --execute-at',
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
    const { meaningOfOnce } = await import('../time/index');
    const meaning = options.executeAt === undefined ? undefined : await meaningOfOnce(options.executeAt, { now: rt.now(), zone: rt.zone() });
    const { readMessage } = await import('./shared/message');
    const message = await readMessage(rt, options.message);
    if (meaning && !meaning.is_now) {
      const { createSchedule } = await import('./shared/create-schedule');
      return createSchedule(rt, { agent, message, role: options.role, meaning });
    }

    const messages = [{ role: options.role, content: message }];
    const api = await rt.api();
    const agentId = await rt.agentId(agent);
    const [{ unsure }, { printQueued, printReply }] = await Promise.all([import('./shared/create-schedule'), import('./shared/reply')]);
    if (options.async) return printQueued(rt.out, await unsure(() => api.sendMessageAsync(agentId, messages), agentId, 'async message'));
    const waiting = rt.out.progress(`Waiting for ${agent}'s reply…`);
    printReply(rt.out, await unsure(() => api.sendMessage(agentId, messages), agentId, 'message').finally(waiting));
  },
});

