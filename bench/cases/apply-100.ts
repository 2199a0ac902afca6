import { applyCase } from '../apply-case';

/** `apply` of 100 new schedule files (beside the other size: time and memory as the number grows). */
export default applyCase(100);
