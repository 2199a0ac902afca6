import { statusCase } from '../status-case';

/** `status` over 500 schedules' fire history (beside the other size: time and memory as the number grows). */
export default statusCase(500);
