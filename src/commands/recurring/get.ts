import type { Context } from '../../context';
import { showSchedule } from '../shared/schedule-view';

export async function run(ctx: Context, options: { agentId?: string }, id: string): Promise<void> {
  await showSchedule(ctx, 'recurring', ctx.settings(options.agentId).agentId.value, id);
}
