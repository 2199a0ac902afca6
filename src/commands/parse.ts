import { Option, type Command } from '@commander-js/extra-typings';
import { AlreadyReported, UsageError } from '../errors';
import type { PhraseMeaning } from '../time/index';
import { defineCommand } from './command';
import { integer } from './options';

/** What a phrase means, with no network. "-" reads one phrase a line and prints one JSON object a line. */
export default defineCommand({
  path: ['parse'],
  description: 'Show what a time phrase means, with no network',
  examples: [
    'letta-switchboard parse "tomorrow at 9am" --tz America/New_York',
    'letta-switchboard parse "every weekday at 9pm" --json',
    'printf "in 5 minutes\\nevery hour\\n" | letta-switchboard parse -',
  ],
  globals: ['output', 'time'],
  declare: (command: Command) =>
    command
      .argument('<expression>', "a phrase, a cron, or '-' to read one phrase a line from stdin")
      .addOption(new Option('--once', 'read it as one instant').conflicts('recurring'))
      .option('--recurring', 'read it as a repeating schedule')
      .option('--count <n>', 'how many next runs to show (1 to 100)', integer('--count', 1, 100), 5),
  async run(rt, options, expression) {
    const { meaningOf, meaningOfOnce, meaningOfRecurring } = await import('../time/index');
    const phrase = { now: rt.now(), zone: rt.zone() };
    const mean = (input: string): Promise<PhraseMeaning> =>
      options.once ? meaningOfOnce(input, phrase) : options.recurring ? meaningOfRecurring(input, phrase, options.count) : meaningOf(input, phrase, options.count);
    const out = rt.out;

    if (expression === '-') {
      if (rt.io.stdinIsTTY) throw new UsageError("'parse -' reads phrases from stdin, but stdin is a terminal", "Pipe them in: printf 'tomorrow at 9am\\n' | letta-switchboard parse -");
      let failed: UsageError | undefined;
      for (const line of (await rt.readStdin('The phrases')).split(/\r?\n/)) {
        if (line.trim() === '') continue;
        try {
          out.jsonLine(forJson(await mean(line)));
        } catch (error) {
          if (!(error instanceof UsageError)) throw error;
          failed ??= error;
          out.jsonLine({ input: line, error: error.message });
        }
      }
      if (failed) throw new AlreadyReported(failed);
      return;
    }

    const meaning = await mean(expression);
    if (meaning.type === 'recurring') for (const warning of meaning.warnings) out.warn(warning);
    if (meaning.type === 'recurring' && meaning.local_cron === null && rt.settings.timezone.source === 'flag' && meaning.timezone !== 'UTC') {
      out.warn(`A 5-field cron is read as UTC; --tz ${meaning.timezone} does not apply to it.`);
    }
    if (out.json) return out.document(forJson(meaning));
    if (out.quiet) return out.line(meaning.type === 'one-time' ? String(meaning.scheduled_at) : meaning.cron_expression);
    const { printDetail } = await import('../output/detail');
    if (meaning.type === 'one-time') {
      return printDetail(out, [
        ['One-time', meaning.input],
        ['Local', `${meaning.local} (${meaning.timezone})`],
        ['UTC', meaning.scheduled_at_iso],
        ['Unix ms', String(meaning.scheduled_at)],
      ]);
    }
    printDetail(out, [
      ['Recurring', meaning.input],
      ['UTC cron', `${meaning.cron_expression}  (what Letta runs)`],
      ...(meaning.local_cron === null ? [] : [['Local cron', `${meaning.local_cron}  (${meaning.timezone})`] as [string, string]]),
      ['Means', meaning.description],
      ...meaning.next_runs.map((utc, i): [string, string] => [i === 0 ? 'Next runs' : '', `${meaning.next_runs_local[i]}  ${utc}`]),
    ]);
  },
});

function forJson(meaning: PhraseMeaning) {
  if (meaning.type === 'recurring') return meaning;
  const { is_now: _isNow, ...rest } = meaning;
  return rest;
}
