import type { Context } from '../../context';
import { deleteSchedules } from '../shared/schedule-delete';

export async function run(ctx: Context, options: { agentId?: string }, ids: string[]): Promise<void> {
  await deleteSchedules(ctx, 'one-time', options.agentId, ids);
}
