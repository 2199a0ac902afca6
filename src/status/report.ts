import { AlreadyReported, ApiError, CliError, NeedsAttention, NetworkError } from '../errors';
import type { Runtime } from '../runtime';
import type { StatusSection, Verdict } from './section';

export interface NotifyChoice {
  /** Where to POST the summary. */
  url?: URL;
  /** Also when all is well. */
  always: boolean;
}

/** The small JSON document a notify URL gets: a `text` line chat webhooks show as it is, and the facts. */
export function notification(sections: Array<{ name: string; verdict: Verdict }>, now: number) {
  // What could not be checked is told as a problem too: from cron, the notification is all anyone sees.
  const problems = sections.flatMap((section) => [...section.verdict.problems, ...(section.verdict.unchecked ?? []), ...(section.verdict.unreadRuns ?? [])]);
  const needsAttention = problems.length > 0 || sections.some((section) => section.verdict.needsAttention);
  const text = needsAttention
    ? `letta-switchboard status: ${problems.length} thing${problems.length === 1 ? '' : 's'} need${problems.length === 1 ? 's' : ''} attention. ${problems.join('; ')}`
    : `letta-switchboard status: all is well. ${sections.map((section) => section.verdict.summary).join('; ')}`;
  return {
    text,
    needs_attention: needsAttention,
    checked_at: new Date(now).toISOString(),
    problems,
    summary: Object.fromEntries(sections.map((section) => [section.name, section.verdict.summary])),
  };
}

/**
 * When the check itself failed (a key refused, Letta out of reach, a record that cannot be read): from cron, with its
 * output thrown away, the notify URL is the only one told. Said like any notification; the run keeps its own error.
 */
export async function notifyCheckFailed(rt: Runtime, url: URL, error: CliError): Promise<void> {
  const problem = `status could not check: ${error.message}`;
  await send(rt, url, {
    text: `letta-switchboard ${problem}`,
    needs_attention: true,
    checked_at: new Date(rt.now()).toISOString(),
    problems: [problem],
    summary: { error: error.message },
  });
}

/**
 * Show the sections (one JSON object with --json, `needs_attention` last, once
 * the sections have been read), send the notification when something needs
 * action or could not be checked (or always with --notify-ok), and end with
 * exit 6 when something needs action, else, when some schedules or runs could not
 * be read (the rest were), the first such failure's exit code (1, or 5 for no answer). A notification that could not be sent is said;
 * it fails the run only when nothing else does.
 */
export async function reportStatus(rt: Runtime, sections: StatusSection[], notify: NotifyChoice): Promise<void> {
  const judged: Array<{ name: string; verdict: Verdict }> = [];
  if (rt.out.json) {
    const data = rt.out.held();
    const json = rt.out.jsonDocument(data);
    json.begin('{');
    for (const section of sections) judged.push({ name: section.name, verdict: await section.writeJson(json) });
    json.value(
      judged.some((section) => section.verdict.needsAttention),
      'needs_attention',
    );
    json.end('}');
    data.add('\n');
    data.flush();
  } else {
    for (const section of sections) judged.push({ name: section.name, verdict: await section.read() });
    if (rt.out.quiet) for (const id of new Set(judged.flatMap((section) => section.verdict.ids))) rt.out.line(id);
    for (const section of sections) await section.print();
  }
  const needsAttention = judged.some((section) => section.verdict.needsAttention);
  const unchecked = judged.reduce((n, section) => n + (section.verdict.unchecked?.length ?? 0), 0);
  const unreadRuns = judged.reduce((n, section) => n + (section.verdict.unreadRuns?.length ?? 0), 0);

  let notifyFailure: CliError | undefined;
  if (notify.url && (needsAttention || unchecked + unreadRuns > 0 || notify.always)) notifyFailure = await send(rt, notify.url, notification(judged, rt.now()));
  if (needsAttention) throw new NeedsAttention('status found something that needs attention');
  if (unchecked + unreadRuns > 0) {
    const checked = judged.reduce((n, section) => n + (section.verdict.checked ?? 0), 0);
    const exit = judged.find((section) => section.verdict.uncheckedExit !== undefined)?.verdict.uncheckedExit ?? 1;
    const schedules =
      unchecked === 0
        ? ''
        : `${unchecked} of ${checked} schedule${checked === 1 ? '' : 's'} could not be checked (Letta kept failing to give their fires, did not answer, or holds a cron that cannot be read)`;
    const runs = unreadRuns === 0 ? '' : `${unreadRuns} run${unreadRuns === 1 ? '' : 's'} behind sends could not be read (how ${unreadRuns === 1 ? 'that fire' : 'those fires'} ended is unknown)`;
    const rest = unchecked < checked ? '; the rest are reported' : '';
    const message = `${[schedules, runs].filter(Boolean).join(', and ')}${rest}`;
    const error = exit === 5 ? new NetworkError(message, undefined, 'timeout') : new ApiError(message, 500);
    // Said here, not by the caller: the notification (if any) has told of it already.
    rt.out.note(`${rt.out.paintErr.red('Error:')} ${error.message}`);
    throw new AlreadyReported(error);
  }
  // Already said on stderr by send(): only its exit code is left to give.
  if (notifyFailure) throw new AlreadyReported(notifyFailure);
}

async function send(rt: Runtime, url: URL, body: unknown): Promise<CliError | undefined> {
  if (rt.dryRun) {
    const { printRequest } = await import('../output/request');
    printRequest(rt.out, { method: 'POST', url: url.href, body }, null, { aside: true });
    return undefined;
  }
  const { postNotification } = await import('../letta/notify');
  try {
    const status = await postNotification(url, body, {
      timeoutMs: rt.globals.timeout,
      signal: rt.signal,
      env: rt.env,
      log: rt.globals.verbose ? (line) => rt.out.note(rt.out.paintErr.dim(line)) : undefined,
    });
    rt.out.info(`Notified ${url.origin} (${status}).`);
    return undefined;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    rt.out.note(`${rt.out.paintErr.red('Error:')} ${error.message}`);
    return error;
  }
}
