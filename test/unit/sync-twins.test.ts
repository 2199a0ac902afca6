import { describe, expect, it } from 'vitest';
import type { ScheduledMessage } from '../../src/letta/types';
import { earlierTwin, firstCopiesOf } from '../../src/sync/twins';

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

describe("firstCopiesOf: which of this client's copies give way, and to which", () => {
  const since = AT - 60_000;

  it("leaves copies kept alike on purpose as they are: another machine's one copy is not taken for either (nothing lost)", () => {
    // Machine A keeps two schedules alike and replaces both (x, y); machine B, which knew one of them, made b between.
    const [x, b, y] = [copy('sm-x', AT + 1_000), copy('sm-b', AT + 2_000), copy('sm-y', AT + 3_000)];
    const listed = [x, b, y];
    expect([...firstCopiesOf([x, y], listed, new Set(['sm-x', 'sm-y']), since)]).toEqual([]);
    // B gives way to the first of A's: A's two are left, one for each schedule A keeps.
    expect([...firstCopiesOf([b], listed, new Set(['sm-b']), since)].map(([ours, kept]) => [ours, kept.id])).toEqual([['sm-b', 'sm-x']]);
  });

  it('matches copies whose text the server keeps as parts, and never one with other text', () => {
    const ours = copy('sm-b', AT + 2_000);
    const parts = { ...copy('sm-a', AT + 1_000), message: { messages: [{ role: 'user', content: [{ type: 'text', text: 'standup' }] }] } } as ScheduledMessage;
    expect(firstCopiesOf([ours], [ours, parts], new Set(['sm-b']), since).get('sm-b')?.id).toBe('sm-a');
    expect(firstCopiesOf([ours], [ours, copy('sm-a', AT + 1_000, '0 13 * * *', 'other')], new Set(['sm-b']), since).size).toBe(0);
  });

  it("gives each of this client's copies its own look-alike", () => {
    const [a1, a2] = [copy('sm-a1', AT + 1_000, '0 13 * * *', 'one'), copy('sm-a2', AT + 1_000, '0 13 * * *', 'two')];
    const [b1, b2] = [copy('sm-b1', AT + 2_000, '0 13 * * *', 'one'), copy('sm-b2', AT + 2_000, '0 13 * * *', 'two')];
    const found = firstCopiesOf([b1, b2], [a1, a2, b1, b2], new Set(['sm-b1', 'sm-b2']), since);
    expect([...found].map(([ours, kept]) => [ours, kept.id])).toEqual([
      ['sm-b1', 'sm-a1'],
      ['sm-b2', 'sm-a2'],
    ]);
  });
});
