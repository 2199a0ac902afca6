import { describe, expect, it } from 'vitest';
import type { ScheduledMessage } from '../../src/letta/types';
import { earlierTwin } from '../../src/sync/twins';

const AT = Date.parse('2027-03-20T12:00:00Z');
const copy = (id: string, madeAt: number | undefined, cron = '0 13 * * *', text = 'standup'): ScheduledMessage =>
  ({
    id,
    agent_id: 'agent-1',
    schedule: { type: 'recurring', cron_expression: cron },
    message: { messages: [{ role: 'user', content: text }] },
    ...(madeAt === undefined ? {} : { created_at: new Date(madeAt).toISOString() }),
  }) as ScheduledMessage;

describe('earlierTwin: the copy two machines both keep', () => {
  const ours = copy('sm-b', AT + 2_000);
  const since = AT - 60_000;

  it('is the copy made first, whichever machine looks', () => {
    const theirs = copy('sm-a', AT + 1_000);
    expect(earlierTwin(ours, [ours, theirs], new Set(), since)?.id).toBe('sm-a');
    expect(earlierTwin(theirs, [ours, theirs], new Set(), since)).toBeUndefined();
  });

  it('is the smaller id when both were made the same millisecond', () => {
    const a = copy('sm-a', AT);
    const b = copy('sm-b', AT);
    expect(earlierTwin(b, [a, b], new Set(), since)?.id).toBe('sm-a');
    expect(earlierTwin(a, [a, b], new Set(), since)).toBeUndefined();
  });

  it('is never a schedule the record knows, one made before the sync began, one with other timing or text, or one without its time', () => {
    const candidates = [copy('sm-known', AT), copy('sm-old', since - 1), copy('sm-cron', AT, '0 14 * * *'), copy('sm-text', AT, '0 13 * * *', 'other'), copy('sm-untimed', undefined)];
    expect(earlierTwin(ours, [ours, ...candidates], new Set(['sm-known']), since)).toBeUndefined();
  });

  it('is not chosen when ours has no time it was made (no order both machines agree on)', () => {
    expect(earlierTwin(copy('sm-b', undefined), [copy('sm-a', AT)], new Set(), since)).toBeUndefined();
  });
});
