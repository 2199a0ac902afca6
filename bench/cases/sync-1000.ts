import { syncCase } from '../sync-case';

/** `sync` replacing 1,000 schedules: with sync-120 and sync-500, whether peak memory stays flat as the number grows (two rounds: each run takes about 20 s). */
export default { ...syncCase(1000), rounds: 2 };
