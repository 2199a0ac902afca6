import type { Context } from '../context';
import { AlreadyReported, UsageError } from '../errors';
import { meaningOf, meaningOfOnce, meaningOfRecurring, type PhraseMeaning } from '../time/index';

export interface ParseOptions {
  once?: boolean;
  recurring?: boolean;
  count?: string;
}

/** What a phrase means, with no network. "-" reads one phrase a line and prints one JSON object a line. */
export async function run(ctx: Context, options: ParseOptions, expression: string): Promise<void> {
  if (options.once && options.recurring) throw new UsageError('Give --once or --recurring, not both');
  const count = Number(options.count ?? 5);
  if (!Number.isInteger(count) || count < 1 || count > 100) throw new UsageError(`--count '${options.count}' must be a whole number from 1 to 100`);
  const phrase = { now: ctx.now(), zone: ctx.zone() };
  const mean = (input: string): Promise<PhraseMeaning> =>
    options.once ? meaningOfOnce(input, phrase) : options.recurring ? meaningOfRecurring(input, phrase, count) : meaningOf(input, phrase, count);

  if (expression === '-') {
    if (ctx.io.stdinIsTTY) throw new UsageError("'parse -' reads phrases from stdin, but stdin is a terminal", "Pipe them in: printf 'tomorrow at 9am\\n' | letta-switchboard parse -");
    let failed: UsageError | undefined;
    for (const line of (await ctx.readStdin('The phrases')).split(/\r?\n/)) {
      if (line.trim() === '') continue;
      try {
        ctx.out.jsonLine(forJson(await mean(line)));
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        failed ??= error;
        ctx.out.jsonLine({ input: line, error: error.message });
      }
    }
    if (failed) throw new AlreadyReported(failed);
    return;
  }

  const meaning = await mean(expression);
  if (meaning.type === 'recurring') for (const warning of meaning.warnings) ctx.out.warn(warning);
  if (ctx.json) return ctx.out.json(forJson(meaning));
  if (ctx.quiet) return ctx.out.line(meaning.type === 'one-time' ? String(meaning.scheduled_at) : meaning.cron_expression);
  const label = (text: string) => ctx.out.paint.bold(text.padEnd(11));
  if (meaning.type === 'one-time') {
    ctx.out.line(`${label('One-time')} ${meaning.input}`);
    ctx.out.line(`${label('Local')} ${meaning.local} (${meaning.timezone})`);
    ctx.out.line(`${label('UTC')} ${meaning.scheduled_at_iso}`);
    ctx.out.line(`${label('Unix ms')} ${meaning.scheduled_at}`);
    return;
  }
  ctx.out.line(`${label('Recurring')} ${meaning.input}`);
  ctx.out.line(`${label('UTC cron')} ${meaning.cron_expression}  (what Letta runs)`);
  if (meaning.local_cron !== null) ctx.out.line(`${label('Local cron')} ${meaning.local_cron}  (${meaning.timezone})`);
  ctx.out.line(`${label('Means')} ${meaning.description}`);
  meaning.next_runs.forEach((utc, i) => ctx.out.line(`${label(i === 0 ? 'Next runs' : '')} ${meaning.next_runs_local[i]}  ${utc}`));
}

function forJson(meaning: PhraseMeaning) {
  if (meaning.type === 'recurring') return meaning;
  const { is_now: _isNow, ...rest } = meaning;
  return rest;
}
