import { applyCase } from '../apply-case';

/** `apply` of 500 new schedule files (beside the other size: time and memory as the number grows). */
export default applyCase(500);
