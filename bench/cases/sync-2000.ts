import { syncCase } from '../sync-case';

/** `sync` replacing 2,000 schedules: beside sync-500, shows whether memory grows with the number of schedules (four windows of the record). */
export default syncCase(2000);
