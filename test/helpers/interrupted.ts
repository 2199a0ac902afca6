import { spawn } from 'node:child_process';
import type { FakeLetta } from './fake-letta';
import { BIN, type CliResult } from './run-cli';

/** The built CLI run with `args`, its create landing on the server and its answer never coming: Ctrl-C while it waits. */
export function interruptedAtCreate(letta: FakeLetta, env: Record<string, string>, args: string[]): Promise<CliResult> {
  letta.inject(/^POST .*\/schedule$/, { hang: true, land: true });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    letta.onRequest = (request) => {
      if (request.method === 'POST') setTimeout(() => child.kill('SIGINT'), 100);
    };
    child.on('close', (code) => {
      letta.onRequest = undefined;
      resolve({ code, stdout, stderr, ms: 0 });
    });
  });
}
