import type { Context } from '../context';
import { UsageError } from '../errors';
import { messagesPath } from '../letta/api';
import { contentText } from '../letta/types';
import { meaningOfOnce } from '../time/index';
import { checkRole, readMessage } from './shared/message';
import { createSchedule } from './shared/schedule-create';

export interface SendOptions {
  agentId?: string;
  message?: string;
  executeAt?: string;
  role?: string;
  async?: boolean;
}

/** Send now and print the reply, send now without waiting (--async), or schedule for later (--execute-at). */
export async function run(ctx: Context, options: SendOptions): Promise<void> {
  const role = checkRole(options.role);
  const agent = ctx.agentFlagOrDefault(options.agentId);
  const meaning = options.executeAt === undefined ? undefined : await meaningOfOnce(options.executeAt, { now: ctx.now(), zone: ctx.zone() });
  if (options.async && meaning && !meaning.is_now) {
    throw new UsageError('--async sends now, so it cannot be combined with --execute-at', 'Drop one of them.');
  }
  const message = await readMessage(ctx, options.message);
  if (meaning && !meaning.is_now) return createSchedule(ctx, { agent, message, role, meaning });

  const messages = [{ role, content: message }];
  if (ctx.dryRun) return ctx.printRequest('POST', messagesPath(agent, options.async), { messages });

  const api = await ctx.letta();
  const agentId = await api.resolveAgent(agent);
  if (options.async) {
    const runInfo = await api.sendMessageAsync(agentId, messages);
    if (ctx.json) return ctx.out.json(runInfo);
    ctx.out.line(runInfo.id);
    if (!ctx.quiet) ctx.out.info(`Queued as run ${runInfo.id} (${runInfo.status ?? 'created'}). Follow it with: letta-switchboard results get ${runInfo.id}`);
    return;
  }
  const response = await api.sendMessage(agentId, messages);
  if (ctx.json) return ctx.out.json(response);
  const replies = response.messages.filter((m) => m.message_type === 'assistant_message').map((m) => contentText(m.content));
  for (const reply of replies) ctx.out.line(reply);
  if (replies.length === 0 && !ctx.quiet) {
    const reason = typeof response.stop_reason === 'object' && response.stop_reason ? (response.stop_reason as { stop_reason?: string }).stop_reason : response.stop_reason;
    ctx.out.info(`The agent sent no reply text${reason ? ` (stop reason: ${String(reason)})` : ''}.`);
  }
}
