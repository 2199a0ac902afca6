import type { Context } from '../../context';
import { listSchedules, type ListOptions } from '../shared/schedule-list';

export async function run(ctx: Context, options: ListOptions): Promise<void> {
  await listSchedules(ctx, 'recurring', options);
}
