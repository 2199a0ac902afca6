import type { Context } from '../../context';
import { meaningOfRecurring } from '../../time/index';
import { checkRole, readMessage } from '../shared/message';
import { createSchedule } from '../shared/schedule-create';

export interface RecurringCreateOptions {
  agentId?: string;
  message?: string;
  cron: string;
  role?: string;
}

export async function run(ctx: Context, options: RecurringCreateOptions): Promise<void> {
  const role = checkRole(options.role);
  const agent = ctx.agentFlagOrDefault(options.agentId);
  const meaning = await meaningOfRecurring(options.cron, { now: ctx.now(), zone: ctx.zone() }, 1);
  const message = await readMessage(ctx, options.message);
  await createSchedule(ctx, { agent, message, role, meaning });
}
