import { applyCase } from '../apply-case';

/** `apply` of 2,000 new schedule files: past the point where V8 has compiled what a long run uses, how memory grows with the number. */
export default applyCase(2000);
