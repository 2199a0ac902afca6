import { statusCase } from '../status-case';

/** `status` over 100 schedules' fire history (beside the other size: time and memory as the number grows). */
export default statusCase(100);
