import type { Context } from '../../context';
import { deleteSchedules } from '../shared/schedules';

export async function run(ctx: Context, options: { agentId?: string }, ids: string[]): Promise<void> {
  await deleteSchedules(ctx, 'recurring', options.agentId, ids);
}
