import { Option, type Command } from '@commander-js/extra-typings';
import { AlreadyReported, UsageError } from '../errors';
import { printDetailOf, type DetailRow } from '../output/detail';
import { meaningOf, meaningOfOnce, meaningOfSchedule, type PhraseMeaning } from '../time/index';
import { defineCommand } from './command';
import { SUMMARIES } from './summaries';
import { integer, NEXT_RUNS_SHOWN } from './options';

/** What a phrase means, with no network. "-" reads one phrase a line and prints one JSON object a line. */
export default defineCommand({
  path: ['parse'],
  description: SUMMARIES.parse.description,
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
      .option('--count <n>', 'how many next runs to show (1 to 100)', integer('--count', 1, 100), NEXT_RUNS_SHOWN),
  async run(rt, options, expression) {
    const phrase = { now: rt.now(), zone: rt.zone() };
    const mean = (input: string): Promise<PhraseMeaning> =>
      options.once ? meaningOfOnce(input, phrase) : options.recurring ? meaningOfSchedule(input, phrase, options.count) : meaningOf(input, phrase, options.count);
    const out = rt.out;

    if (expression === '-') {
      if (rt.io.stdinIsTTY) throw new UsageError("'parse -' reads phrases from stdin, but stdin is a terminal", "Pipe them in: printf 'tomorrow at 9am\\n' | letta-switchboard parse -");
      let failed: UsageError | undefined;
      for await (const line of rt.stdinLines('The phrases')) {
        // Blank lines and `#` comments (a phrase never starts with '#'), so a list of phrases can be kept in a file with notes.
        if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
        try {
          out.jsonLine(forJson(await mean(line)));
        } catch (error) {
          if (!(error instanceof UsageError)) throw error;
          failed ??= error;
          // The hint a single phrase's error prints ("Did you mean ...", "Try ...") is kept beside it.
          out.jsonLine({ input: line, error: error.message, ...(error.hint ? { hint: error.hint } : {}) });
        }
      }
      if (failed) throw new AlreadyReported(failed);
      return;
    }

    const meaning = await mean(expression);
    out.readingNotes(meaning.notes);
    if (meaning.type === 'recurring') for (const warning of meaning.warnings) out.warn(warning);
    const given = rt.zone();
    if (meaning.type === 'recurring' && !meaning.crons && meaning.local_cron === null && rt.settings.timezone.source === 'flag' && meaning.timezone === 'UTC' && !/^(Etc\/)?UTC$/.test(given)) {
      out.warn(`A 5-field cron is read as UTC; --tz ${given} does not apply to it.`);
    }
    await printDetailOf(out, { document: forJson(meaning), quiet: quietLines(meaning), rows: detailRows(meaning) });
  },
});

function forJson(meaning: PhraseMeaning) {
  if (meaning.type !== 'one-time') return meaning;
  const { is_now: _isNow, ...rest } = meaning;
  return rest;
}

/** -q: the instant in Unix ms, a series' next instants, or the crons. */
function quietLines(meaning: PhraseMeaning): string[] {
  if (meaning.type === 'one-time') return [String(meaning.scheduled_at)];
  if (meaning.type === 'series') return meaning.next_runs.map((iso) => String(Date.parse(iso)));
  return meaning.cron_expressions ?? [meaning.cron_expression];
}

function detailRows(meaning: PhraseMeaning): DetailRow[] {
  if (meaning.type === 'one-time') {
    return [
      ['One-time', meaning.input],
      // The local time already ends with its abbreviation; the zone's name adds to it unless it is UTC itself.
      ['Local', meaning.timezone === 'UTC' ? meaning.local : `${meaning.local} (${meaning.timezone})`],
      ['UTC', meaning.scheduled_at_iso],
      ['Unix ms', String(meaning.scheduled_at)],
    ];
  }
  const nextRuns = meaning.next_runs.map((utc, i): DetailRow => [i === 0 ? 'Next runs' : '', `${meaning.next_runs_local[i]}  ${utc}`]);
  if (meaning.type === 'series') {
    return [
      ['Series', meaning.input],
      ['Means', meaning.description],
      ['No cron', `It ${meaning.reason}${/series/.test(meaning.reason) ? '' : '. It needs a series of one-time schedules'}.`],
      ...nextRuns,
    ];
  }
  const width = Math.max(...(meaning.crons ?? []).map((c) => c.cron_expression.length));
  return [
    ['Recurring', meaning.input],
    ...(meaning.crons
      ? meaning.crons.map((c, i): DetailRow => [i === 0 ? 'UTC crons' : '', `${c.cron_expression.padEnd(width)}  ${c.description}`])
      : [['UTC cron', `${meaning.cron_expression}  (what Letta runs)`] as DetailRow]),
    ...(meaning.local_cron === null ? [] : [['Local cron', `${meaning.local_cron}  (${meaning.timezone})`] as DetailRow]),
    ['Means', meaning.description],
    ...nextRuns,
  ];
}
