import { describe, expect, it } from 'vitest';
import { cliEnv, runCli } from '../helpers/run-cli';

/** Help's examples are pasted as they are, any day: a time one gives must still be ahead when it is read. */

const env = cliEnv();

/** Every command's help, found by walking `--help` from the top (each read once). */
async function helpTexts(): Promise<string[]> {
  const found: string[] = [];
  const walk = async (path: string[]) => {
    const help = (await runCli([...path, '--help'], { env })).stdout;
    found.push(help);
    const commands = help.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
    for (const [, name] of commands.matchAll(/^ {2}(\S+)/gm)) if (name !== 'help') await walk([...path, name!]);
  };
  await walk([]);
  return found;
}

describe('help examples', () => {
  it('every --execute-at or --until time in an example is still in the future today (no date that has passed)', async () => {
    const times = new Set<string>();
    for (const help of await helpTexts()) {
      const examples = help.split('\nExamples:\n')[1] ?? '';
      for (const [, time] of examples.matchAll(/--(?:execute-at|until) "([^"]+)"/g)) times.add(time!);
    }
    expect(times.size).toBeGreaterThan(2);
    for (const time of times) {
      // Read against the real clock, as a pasted example is.
      const r = await runCli(['parse', time, '--once'], { env });
      expect(r.code, `${time}: ${r.stderr}`).toBe(0);
    }
  }, 120_000);
});
