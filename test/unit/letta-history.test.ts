import { describe, expect, it } from 'vitest';
import { EndlessListError, MalformedResponseError, NotFoundError } from '../../src/errors';
import { flawsOf } from '../../src/letta/checks';
import { json, useLocalServer } from './letta-server';

const A = 'agent-11111111-1111-1111-1111-111111111111';
const local = useLocalServer();
const entry = (n: number, sentAt = `2026-11-22T${String(n % 24).padStart(2, '0')}:00:05Z`) => ({
  id: `fire-${n}`,
  scheduled_message_id: 'sm-1',
  status: 'success',
  response: null,
  run_id: `run-${n}`,
  sent_at: sentAt,
});

describe('the fire history route', () => {
  it.each([
    [405, { detail: 'Method Not Allowed' }],
    [404, { detail: 'Not Found' }],
    [404, ''],
  ])('a server without it (%i %j) is a fact, not an error', async (status, body) => {
    local.handle = (_req, res) => (body === '' ? (res.writeHead(status), res.end()) : json(res, status, body));
    expect(await local.api().fireHistory(A, 'sm-1')).toEqual({ available: false, status });
  });

  it('a schedule it does not know is not found (exit 3), naming it', async () => {
    local.handle = (_req, res) => json(res, 404, { detail: 'Scheduled message not found' });
    const error = (await local
      .api()
      .fireHistory(A, 'sm-1')
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe(`No schedule 'sm-1' for agent ${A}`);
  });

  it('pages by offset until has_next_page is false, each entry once', async () => {
    local.handle = (_req, res, url) => {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const page = offset === 0 ? [entry(1), entry(2)] : [entry(2), entry(3)];
      json(res, 200, { history: page, has_next_page: offset === 0, next_offset: offset === 0 ? 2 : null });
    };
    const history = await local.api().fireHistory(A, 'sm-1');
    expect(history.available && history.entries.map((e) => e.id)).toEqual(['fire-1', 'fire-2', 'fire-3']);
    expect(local.seen).toEqual([`GET /v1/agents/${A}/schedule/sm-1/history?limit=100`, `GET /v1/agents/${A}/schedule/sm-1/history?limit=100&offset=2`]);
  });

  it('stops when a server says there is more but its offset does not move, and fails a history that never ends', async () => {
    local.handle = (_req, res) => json(res, 200, { history: [entry(1)], has_next_page: true, next_offset: 0 });
    const stuck = await local.api().fireHistory(A, 'sm-1');
    expect(stuck.available && stuck.entries).toHaveLength(1);
    let n = 0;
    local.handle = (_req, res) => json(res, 200, { history: [entry(n++)], has_next_page: true });
    await expect(local.api({ maxPages: 5 }).fireHistory(A, 'sm-1')).rejects.toBeInstanceOf(EndlessListError);
  });

  it('an answer without a history list is malformed; an entry with a bad field is kept, the field named', async () => {
    local.handle = (_req, res) => json(res, 200, { items: [] });
    await expect(local.api().fireHistory(A, 'sm-1')).rejects.toBeInstanceOf(MalformedResponseError);
    const warnings: string[] = [];
    local.handle = (_req, res) =>
      json(res, 200, {
        history: [
          { ...entry(1), sent_at: 'yesterday' },
          { ...entry(2), run_id: 7 },
        ],
        has_next_page: false,
      });
    const history = await local.api({ warn: (line) => warnings.push(line) }).fireHistory(A, 'sm-1');
    expect(history.available && history.entries.map((e) => flawsOf(e).map((f) => f.field))).toEqual([['sent_at'], ['run_id']]);
    expect(warnings).toEqual([
      `Fire fire-1: the field 'sent_at' is "yesterday", not a date; showing the rest.`,
      `Fire fire-2: the field 'run_id' is 7, expected a non-empty string; showing the rest.`,
    ]);
  });
});
