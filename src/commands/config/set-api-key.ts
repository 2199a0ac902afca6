import type { Command } from '@commander-js/extra-typings';
import { UsageError } from '../../errors';
import { keyProblem } from '../../letta/url';
import { maskKey } from '../../output/secrets';
import { defineCommand } from '../command';
import { updateConfig } from '../shared/config-file';

/**
 * Store the API key. With "-" or no argument it is read from stdin, or from a
 * hidden prompt on a terminal, so it stays out of shell history.
 */
export default defineCommand({
  path: ['config', 'set-api-key'],
  description: 'Store the API key (no argument or -: read it from stdin or a hidden prompt)',
  examples: ['letta-switchboard config set-api-key -', 'printf %s "$LETTA_KEY" | letta-switchboard config set-api-key -'],
  globals: ['dryRun'],
  declare: (command: Command) => command.argument('[key]', "the key, or '-' for stdin"),
  async run(rt, _options, keyArg) {
    let key: string;
    if (keyArg !== undefined && keyArg !== '-') {
      key = keyArg;
      rt.out.warn('A key given as an argument is kept in your shell history. Prefer: letta-switchboard config set-api-key - (then paste it).');
    } else if (rt.io.stdinIsTTY) key = await rt.prompt('Letta API key: ', { hidden: true });
    else key = await rt.readStdin('The API key', 64 * 1024);
    rt.out.hideSecret(key);
    key = key.trim();
    if (key === '') throw new UsageError('No API key given', 'Paste the key from your Letta account settings.');
    // Copied with the header or shell line around it (`Bearer sk-...`, `export LETTA_API_KEY=sk-...`): name what to leave out.
    const around = /^(?:(?:authorization:\s*)?bearer\s+|export\s+[A-Za-z_][A-Za-z0-9_]{0,63}=)/i.exec(key)?.[0].trim();
    if (around) throw new UsageError(`The API key starts with '${around}', as a header or a shell line does`, `Paste the key alone, without '${around}'.`);
    if (/\s/.test(key)) throw new UsageError('The API key contains white space', 'Give exactly one key.');
    // Copied from a .env or JSON file with its quotes, it would be saved as given and refused by Letta (401) later.
    if (/^(["'`]).*\1$/s.test(key)) throw new UsageError('The API key is wrapped in quotes', 'Paste the key alone, without the quotes around it.');
    // A .env or shell line (LETTA_API_KEY=sk-...): a name, '=', then more than base64 padding, which no key starts with.
    const assigned = /^([A-Za-z_][A-Za-z0-9_]{0,63})=[^=]/.exec(key)?.[1];
    if (assigned) throw new UsageError(`The API key starts with '${assigned}=', as a line of a .env file or a shell does`, `Paste the key alone, without '${assigned}='.`);
    const problem = keyProblem(key);
    if (problem) throw new UsageError(`The API key ${problem}`, 'Paste the key again without it.');
    if (key.length > 1024) throw new UsageError('The API key is longer than 1024 characters');
    updateConfig(
      rt,
      (file) => {
        file.api_key = key;
      },
      `API key ${maskKey(key)} saved to ${rt.configPath}`,
    );
  },
});
