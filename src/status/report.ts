import { CliError, NeedsAttention } from '../errors';
import type { Runtime } from '../runtime';
import type { StatusSection } from './section';

export interface NotifyChoice {
  /** Where to POST the summary. */
  url?: URL;
  /** Also when all is well. */
  always: boolean;
}

/** The small JSON document a notify URL gets: a `text` line chat webhooks show as it is, and the facts. */
export function notification(sections: StatusSection[], now: number) {
  const needsAttention = sections.some((section) => section.needsAttention);
  const problems = sections.flatMap((section) => section.problems);
  const text = needsAttention
    ? `letta-switchboard status: ${problems.length} thing${problems.length === 1 ? '' : 's'} need${problems.length === 1 ? 's' : ''} attention. ${problems.join('; ')}`
    : `letta-switchboard status: all is well. ${sections.map((section) => section.summary).join('; ')}`;
  return {
    text,
    needs_attention: needsAttention,
    checked_at: new Date(now).toISOString(),
    problems,
    summary: Object.fromEntries(sections.map((section) => [section.name, section.summary])),
  };
}

/**
 * Show the sections (one JSON object with --json, `needs_attention` last, once
 * the sections have been read), send the notification when something needs
 * action (or always with --notify-ok), and end with exit 6 when something
 * needs action. A notification that could not be sent is said; it fails the
 * run only when nothing else does.
 */
export async function reportStatus(rt: Runtime, sections: StatusSection[], notify: NotifyChoice): Promise<void> {
  const data = rt.out.held();
  const json = rt.out.json ? rt.out.jsonDocument(data) : undefined;
  json?.begin('{');
  for (const section of sections) await section.show({ data, json });
  const needsAttention = sections.some((section) => section.needsAttention);
  if (json) {
    json.value(needsAttention, 'needs_attention');
    json.end('}');
    data.add('\n');
  }
  data.flush();

  let notifyFailure: CliError | undefined;
  if (notify.url && (needsAttention || notify.always)) notifyFailure = await send(rt, notify.url, notification(sections, rt.now()));
  if (needsAttention) throw new NeedsAttention('status found something that needs attention');
  if (notifyFailure) throw notifyFailure;
}

async function send(rt: Runtime, url: URL, body: unknown): Promise<CliError | undefined> {
  if (rt.dryRun) {
    const { printRequest } = await import('../output/request');
    printRequest(rt.out, { method: 'POST', url: url.href, body }, null);
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
