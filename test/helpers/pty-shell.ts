import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './run-cli';

export type Shell = 'bash' | 'zsh' | 'fish';

const PROMPT = 'READY> ';

const START: Record<Shell, string> = {
  bash: 'bash --norc --noprofile -i',
  zsh: 'zsh -f -i',
  fish: `fish --no-config -i -C 'function fish_prompt; echo -n "${PROMPT}"; end'`,
};

/** Whether this machine has the shell and `script` (util-linux), which gives it a pseudo-terminal. */
export function hasShell(shell: Shell): boolean {
  return [shell, 'script'].every((command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0);
}

const clean = (text: string) => text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[()][A-Z0-9]|\u001b[=>]|\u001b\][^\u0007]*\u0007/g, '').replace(/\r/g, '');

export interface ShellSession {
  /**
   * Type keys as a person would and return what the terminal showed until
   * `until` matched it (or, with 'quiet', until it stopped changing: a
   * completion list).
   */
  type(keys: string, until: RegExp | 'quiet'): Promise<string>;
  /** Run a command line and wait until it has finished. */
  run(line: string): Promise<string>;
  close(): Promise<void>;
}

/** An interactive shell on a pseudo-terminal, `letta-switchboard` (the built CLI) on its PATH. */
export async function openShell(shell: Shell, env: Record<string, string>): Promise<ShellSession> {
  const child = spawn('script', ['-qfec', START[shell], '/dev/null'], {
    env: { ...env, PATH: `${join(ROOT, 'test', 'helpers', 'bin')}:${env.PATH ?? ''}`, TERM: 'xterm', PS1: PROMPT, PROMPT },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  let changed = Date.now();
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    screen += d;
    changed = Date.now();
  });
  // Bounded waits (a busy machine is slow, never wrong): 30 s at most for anything.
  const waitFor = async (done: () => boolean) => {
    const started = Date.now();
    while (!done() && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 50));
  };
  await waitFor(() => clean(screen).includes(PROMPT));
  const session: ShellSession = {
    async type(keys, until) {
      const from = screen.length;
      child.stdin.write(keys);
      if (until !== 'quiet') await waitFor(() => until.test(clean(screen.slice(from))));
      else {
        await new Promise((r) => setTimeout(r, 300));
        await waitFor(() => Date.now() - changed > 1_000);
      }
      return clean(screen.slice(from));
    },
    run(line) {
      // The marker is printed by the command, never typed whole, so seeing it means the line has run.
      return session.type(`${line}; echo DONE_ MARK\r`, /^DONE_ MARK$/m);
    },
    async close() {
      child.stdin.write('\u0003');
      child.stdin.write('exit\r');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => (child.kill('SIGKILL'), resolve()), 5_000);
        child.on('close', () => (clearTimeout(timer), resolve()));
      });
    },
  };
  return session;
}

/** Complete `line` with one ⇥, then print what the line became (Ctrl-A, `echo LINE:`, Enter) and return it. */
export async function completeOnce(session: ShellSession, line: string): Promise<string | undefined> {
  const shown = await session.type(`${line}\t\u0001echo LINE:\r`, /^LINE:.*\n/m);
  return [...shown.matchAll(/^LINE:(.*)$/gm)].at(-1)?.[1]?.trimEnd();
}
