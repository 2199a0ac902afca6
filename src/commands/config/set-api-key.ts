import type { Context } from '../../context';
import { maskKey } from '../../output/secrets';
import { InterruptedError, UsageError } from '../../errors';
import { updateConfig } from '../shared/config-file';

/**
 * Store the API key. With "-" or no argument it is read from stdin, or from a
 * hidden prompt on a terminal, so it stays out of shell history.
 */
export async function run(ctx: Context, _options: unknown, keyArg?: string): Promise<void> {
  let key: string;
  if (keyArg !== undefined && keyArg !== '-') key = keyArg;
  else if (ctx.io.stdinIsTTY) key = await promptHidden(ctx, 'Letta API key: ');
  else key = await ctx.readStdin('The API key', 64 * 1024);
  key = key.trim();
  if (key === '') throw new UsageError('No API key given', 'Paste the key from your Letta account settings.');
  if (/\s/.test(key)) throw new UsageError('The API key contains white space', 'Give exactly one key.');
  if (key.length > 1024) throw new UsageError('The API key is longer than 1024 characters');
  ctx.out.hideSecret(key);
  updateConfig(ctx, (file) => {
    file.api_key = key;
  });
  if (!ctx.dryRun) ctx.out.success(`API key ${maskKey(key)} saved to ${ctx.configPath}`);
}

/** Read a line from the terminal without echoing it. */
function promptHidden(ctx: Context, question: string): Promise<string> {
  const input = ctx.io.stdin as NodeJS.ReadStream;
  ctx.io.stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      input.setRawMode?.(false);
      input.pause();
      input.off('data', onData);
      ctx.io.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new InterruptedError());
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    input.setRawMode?.(true);
    input.resume();
    input.on('data', onData);
  });
}
