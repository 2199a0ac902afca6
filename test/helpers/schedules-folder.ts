import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach } from 'vitest';
import { runCli, type CliResult } from './run-cli';
import { NOW, useFakeLetta, type Suite } from './suite';

export interface SchedulesFolder extends Suite {
  /** A new, empty letta-schedules folder for each test. */
  dir: string;
  /** The CLI at NOW, against the fake. */
  cli: (...args: string[]) => Promise<CliResult>;
}

/** Schedules as code: the suite's fake Letta (no default agent) and, for each test, an empty schedules folder. */
export function useSchedulesFolder(): SchedulesFolder {
  const folder = useFakeLetta({ defaultAgent: false }) as SchedulesFolder;
  folder.cli = (...args) => runCli(['--now', NOW, ...args], { env: folder.env });
  beforeEach(() => {
    folder.dir = join(mkdtempSync(join(tmpdir(), 'letta-schedules-test-')), 'letta-schedules');
    mkdirSync(folder.dir);
  });
  return folder;
}
