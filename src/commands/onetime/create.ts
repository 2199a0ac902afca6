import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { meaningOfOnce } from '../../time/index';
import { checkRole, readMessage } from '../shared/message';
import { createSchedule } from '../shared/schedule-create';

export interface OnetimeCreateOptions {
  agentId?: string;
  message?: string;
  executeAt: string;
  role?: string;
}

export async function run(ctx: Context, options: OnetimeCreateOptions): Promise<void> {
  const role = checkRole(options.role);
  const agent = ctx.agentFlagOrDefault(options.agentId);
  const meaning = await meaningOfOnce(options.executeAt, { now: ctx.now(), zone: ctx.zone() });
  if (meaning.is_now) {
    throw new UsageError("A one-time schedule needs a future time, not 'now'", 'To send right away: letta-switchboard send --agent-id A --message M');
  }
  const message = await readMessage(ctx, options.message);
  await createSchedule(ctx, { agent, message, role, meaning });
}
