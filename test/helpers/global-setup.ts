import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './run-cli';

/** The end-to-end tests run the built CLI; build it once, fresh, before any test file. */
export default function setup(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'tsup', 'dist', 'cli-default.js')], { cwd: ROOT, stdio: 'ignore' });
}
