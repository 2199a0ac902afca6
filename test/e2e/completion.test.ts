import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyState, newIntent } from '../../src/state/records';
import { completeOnce, hasShell, openShell, type Shell, type ShellSession } from '../helpers/pty-shell';
import { cliEnv } from '../helpers/run-cli';

const SCHEDULE = 'scheduled_message-4f1c2d3e-aaaa-4bbb-8ccc-0123456789ab';
/** Debian's bash-completion, which most bash users have loaded (files then complete through its _filedir). */
const BASH_COMPLETION = '/usr/share/bash-completion/bash_completion';

/** A HOME with a calendar file to complete and a record of intent holding one schedule. */
function setup(): Record<string, string> {
  const env = cliEnv();
  writeFileSync(join(env.HOME!, 'letta.ics'), '');
  const stateDir = join(env.HOME!, 'state');
  mkdirSync(stateDir);
  const state = emptyState();
  state.intents.push(
    newIntent(
      { schedule_id: SCHEDULE, agent_id: 'agent-11111111-1111-1111-1111-111111111111', kind: 'recurring', phrase: 'daily', zone: 'UTC', local_rule: '0 9 * * *', utc_crons: ['0 9 * * *'] },
      Date.parse('2026-11-22T15:00:00Z'),
    ),
  );
  writeFileSync(join(stateDir, 'state.json'), JSON.stringify(state));
  return { ...env, LETTA_SWITCHBOARD_STATE_DIR: stateDir };
}

/** Load the completion script into the shell, as the README's install lines do. */
async function load(shell: Shell, session: ShellSession, env: Record<string, string>, withBashCompletion: boolean): Promise<void> {
  if (withBashCompletion) await session.run(`source ${BASH_COMPLETION}`);
  if (shell === 'bash') await session.run('source <(letta-switchboard completion bash)');
  else if (shell === 'fish') await session.run('letta-switchboard completion fish | source');
  else {
    // An installed zsh completion is a file in $fpath, autoloaded on the first ⇥, which must complete.
    const folder = join(env.HOME!, 'zfunc');
    await session.run(`mkdir -p ${folder} && letta-switchboard completion zsh > ${folder}/_letta-switchboard`);
    await session.run(`fpath=(${folder} $fpath); autoload -U compinit; compinit -u; bindkey -e`);
  }
}

const variants: Array<[Shell, string, boolean]> = [
  ['bash', 'bash', false],
  ['bash', 'bash with bash-completion', true],
  ['zsh', 'zsh', false],
  ['fish', 'fish', false],
];
for (const [shell, name, withBashCompletion] of variants) {
  // bash is everywhere; bash-completion, zsh and fish may not be (apt-get install bash-completion zsh fish).
  const available = (shell === 'bash' || hasShell(shell)) && (!withBashCompletion || existsSync(BASH_COMPLETION));
  if (!available) console.warn(`Completion in ${name} is not tested here: it is not installed.`);
  describe.skipIf(!available)(`completion in ${name}, typed on a terminal`, { timeout: 60_000 }, () => {
    let session: ShellSession;
    beforeAll(async () => {
      const env = setup();
      session = await openShell(shell, env);
      await load(shell, session, env, withBashCompletion);
    }, 60_000);
    afterAll(() => session?.close());

    it.each([
      ['letta-switchboard con', 'letta-switchboard config'],
      ['letta-switchboard recurring create --role as', 'letta-switchboard recurring create --role assistant'],
      ['letta-switchboard config unset ti', 'letta-switchboard config unset timezone'],
      ['letta-switchboard completion fi', 'letta-switchboard completion fish'],
      ['letta-switchboard recurring get sched', `letta-switchboard recurring get ${SCHEDULE}`],
      ['letta-switchboard onetime create --ro', 'letta-switchboard onetime create --role'],
    ])('%s ⇥ completes', async (line, expected) => {
      expect(await completeOnce(session, line)).toBe(expected);
    });

    it('--ics ~/le ⇥ completes a file', async () => {
      expect(await completeOnce(session, 'letta-switchboard agenda --ics ~/le')).toMatch(/^letta-switchboard agenda --ics \S*letta\.ics$/);
    });

    it('-f ~/le ⇥ and --file ~/le ⇥ complete a path (a folder of schedule files, or one file)', async () => {
      expect(await completeOnce(session, 'letta-switchboard plan -f ~/le')).toMatch(/^letta-switchboard plan -f \S*letta\.ics$/);
      expect(await completeOnce(session, 'letta-switchboard apply --file ~/le')).toMatch(/^letta-switchboard apply --file \S*letta\.ics$/);
    });

    it('--role ⇥⇥ lists the roles, not flags or subcommands', async () => {
      const shown = await session.type('letta-switchboard recurring create --role \t\t', 'quiet');
      await session.run('\u0003true');
      for (const role of ['assistant', 'system', 'user']) expect(shown).toContain(role);
      expect(shown).not.toMatch(/--agent-id|\bdelete\b/);
    });

    if (shell !== 'bash') {
      it('describes options, and offers no subcommand again after a command', async () => {
        const options = await session.type('letta-switchboard onetime create --\t\t', 'quiet');
        await session.run('\u0003true');
        expect(options).toContain('who the message is from');
        const after = await session.type('letta-switchboard onetime create \t\t', 'quiet');
        await session.run('\u0003true');
        expect(after).not.toMatch(/\b(list|delete|edit)\b/);
      });
    }
  });
}
