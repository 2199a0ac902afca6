import { syncCase } from '../sync-case';

/** `sync` replacing 500 schedules after a DST change: beside sync-120, shows time and memory grow with the number of schedules. */
export default syncCase(500);
