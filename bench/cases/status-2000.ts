import { statusCase } from '../status-case';

/** `status` over 2,000 schedules: past the sizes where the compiled code still grows, whether what it holds is bounded. */
export default statusCase(2000);
