import { describe, expect, it } from 'vitest';
import { AmbiguousAgentError, ApiError, AuthError, CreateMayHaveLandedError, EndlessListError, MalformedResponseError, NotFoundError, ResponseTooLargeError, WrongKindError } from '../../src/errors';
import { looksLikeAgentId, MAX_BATCH, MAX_ITEMS, MAX_LIST_MS, MAX_PAGES } from '../../src/letta/api';
import { flawsOf, MAX_DEPTH } from '../../src/letta/checks';
import { MAX_BODY_BYTES } from '../../src/letta/transport';
import { json, useLocalServer } from './letta-server';

const A = 'agent-11111111-1111-1111-1111-111111111111';
const B = 'agent-22222222-2222-2222-2222-222222222222';
const uuid = (n: number) => `agent-${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;

const local = useLocalServer();

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('agent ids and names', () => {
  it.each([
    [A, true],
    ['AGENT-6F1C2D3E-0000-4000-8000-00000000ABCD', true],
    ['agent-smith', false],
    ['agent-123', false],
    ['agent-11111111-1111-1111-1111-11111111111', false],
    ['agent-11111111-1111-1111-1111-111111111111-x', false],
    ['support-bot', false],
  ])('%s is an id: %s', (value, id) => expect(looksLikeAgentId(value)).toBe(id));

  it('looks up anything not shaped like an id as a name', async () => {
    local.handle = (_req, res, url) => json(res, 200, url.searchParams.get('after') ? [] : [{ id: A, name: 'agent-smith' }]);
    expect(await local.api().resolveAgent('agent-smith')).toBe(A);
    expect(local.seen[0]).toBe('GET /v1/agents/?name=agent-smith&limit=100');
  });

  it('an unknown name is not found (exit 3), naming it', async () => {
    local.handle = (_req, res) => json(res, 200, []);
    const error = await failure(local.api().resolveAgent('agent-smith'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ exitCode: 3, message: "No agent named 'agent-smith'", missing: { what: 'agent', name: 'agent-smith' } });
  });
});

describe('lists merged from pages', () => {
  it('a server that ignores `after` gives each agent once, for lists, names and counts', async () => {
    local.handle = (_req, res) =>
      json(res, 200, [
        { id: A, name: 'support-bot' },
        { id: B, name: 'other' },
      ]);
    const api = local.api();
    expect(await api.allAgentIds()).toEqual([A, B]);
    expect(await local.api().resolveAgent('support-bot')).toBe(A);
    local.handle = (_req, res, url) =>
      url.pathname === '/v1/agents/'
        ? json(res, 200, [
            { id: A, name: 'support-bot' },
            { id: B, name: 'other' },
          ])
        : json(res, 404, { detail: 'Scheduled message not found' });
    const missing = await failure(local.api().locateSchedule('sm-1'));
    expect(missing.message).toBe("No schedule 'sm-1' for any of your 2 agents");
  });

  it('a name matched twice across repeated pages is one agent; two agents are ambiguous', async () => {
    local.handle = (_req, res) => json(res, 200, [{ id: A, name: 'twin' }]);
    expect(await local.api().resolveAgent('twin')).toBe(A);
    local.handle = (_req, res, url) =>
      json(
        res,
        200,
        url.searchParams.get('after')
          ? []
          : [
              { id: A, name: 'twin' },
              { id: B, name: 'twin' },
              { id: A, name: 'twin' },
            ],
      );
    const error = await failure(local.api().resolveAgent('twin'));
    expect(error).toBeInstanceOf(AmbiguousAgentError);
    expect(error.message).toBe(`2 agents are named 'twin': ${A}, ${B}`);
  });

  it('schedule pages that repeat are read once, each schedule once', async () => {
    const page = { has_next_page: true, scheduled_messages: [schedule('sm-1'), schedule('sm-2')] };
    local.handle = (_req, res) => json(res, 200, page);
    const ids: string[] = [];
    for await (const items of local.api().schedulePages(A)) for (const item of items) ids.push(item.id);
    expect(ids).toEqual(['sm-1', 'sm-2']);
    expect(local.seen).toHaveLength(2);
  });

  it('a page that brings nothing new ends the list, even under a new cursor', async () => {
    let call = 0;
    local.handle = (_req, res) => {
      call++;
      const items = call === 1 ? [schedule('sm-1'), schedule('sm-2')] : call === 2 ? [schedule('sm-3'), schedule('sm-1')] : [schedule('sm-2'), schedule('sm-3')];
      json(res, 200, { has_next_page: true, scheduled_messages: items });
    };
    const ids: string[] = [];
    for await (const items of local.api().schedulePages(A)) for (const item of items) ids.push(item.id);
    expect(ids).toEqual(['sm-1', 'sm-2', 'sm-3']);
    expect(local.seen).toHaveLength(3);
  });

  it('pages that never end (new ids every page) stop at the page limit with a clear error', async () => {
    expect(MAX_PAGES).toBe(10_000);
    let n = 0;
    local.handle = (_req, res) => json(res, 200, { has_next_page: true, scheduled_messages: [schedule(`sm-${++n}`)] });
    const api = local.api({ maxPages: 25 });
    let count = 0;
    const error = await failure(
      (async () => {
        for await (const items of api.schedulePages(A)) count += items.length;
      })(),
    );
    expect(error).toBeInstanceOf(EndlessListError);
    expect(error).toMatchObject({ exitCode: 1, message: 'The schedule list did not end after 25 pages; stopped reading it' });
    expect(local.seen).toHaveLength(25);
    expect(count).toBe(25);
  });

  it('a list is bounded by items and by time as well as by pages', async () => {
    expect([MAX_ITEMS, MAX_LIST_MS]).toEqual([100_000, 300_000]);
    let n = 0;
    local.handle = (_req, res) => json(res, 200, { has_next_page: true, scheduled_messages: Array.from({ length: 30 }, () => schedule(`sm-${++n}`)) });
    const read = async (api: ReturnType<typeof local.api>) => {
      let count = 0;
      const error = await failure(
        (async () => {
          for await (const items of api.schedulePages(A)) count += items.length;
        })(),
      );
      return { error, count };
    };
    const byItems = await read(local.api({ maxItems: 100 }));
    expect(byItems.error).toMatchObject({ exitCode: 1, message: 'The schedule list did not end after 120 items (4 pages); stopped reading it' });
    expect(byItems.count).toBe(120);
    const byTime = await read(local.api({ maxListMs: 0 }));
    expect(byTime.error).toBeInstanceOf(EndlessListError);
    expect((byTime.error as Error).message).toMatch(/^The schedule list did not end after 0 minutes \(1 page, 30 items\); stopped reading it$/);
  });

  it('asks for the next page while the caller still handles this one, never two at once', async () => {
    let inFlight = 0;
    let most = 0;
    local.handle = (_req, res, url) => {
      most = Math.max(most, ++inFlight);
      const n = Number(url.searchParams.get('after')?.slice('sm-'.length) ?? 0);
      // A moment late, so a second request sent meanwhile would overlap this one.
      setTimeout(() => {
        inFlight--;
        json(res, 200, { has_next_page: n < 4, scheduled_messages: [schedule(`sm-${n + 1}`)] });
      }, 20);
    };
    const askedWhileHandling: number[] = [];
    for await (const page of local.api().schedulePages(A)) {
      const n = Number(page[0]!.id.slice('sm-'.length));
      // The caller is slow with page n: the request for page n + 1 (if any) reaches the server meanwhile.
      for (let waited = 0; waited < 2_000 && n < 5 && local.seen.length <= n; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      askedWhileHandling.push(local.seen.length);
    }
    expect(askedWhileHandling).toEqual([2, 3, 4, 5, 5]);
    expect(local.seen.map((line) => new URL(line.split(' ')[1]!, 'http://local').searchParams.get('after'))).toEqual([null, 'sm-1', 'sm-2', 'sm-3', 'sm-4']);
    expect(most).toBe(1);
  });

  it('a caller that stops early leaves the page read ahead unreported, whether it came or failed', async () => {
    local.handle = (_req, res, url) => (url.searchParams.get('after') ? json(res, 400, { detail: 'no second page' }) : json(res, 200, { has_next_page: true, scheduled_messages: [schedule('sm-1')] }));
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', note);
    try {
      for await (const page of local.api().schedulePages(A)) {
        expect(page.map((item) => item.id)).toEqual(['sm-1']);
        break;
      }
      // Long enough for the second answer to arrive and fail.
      for (let waited = 0; waited < 2_000 && local.seen.length < 2; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(local.seen).toHaveLength(2);
      expect(unhandled).toEqual([]);
      // Read to the end, the same failure is the list's.
      const error = await failure(
        (async () => {
          for await (const _page of local.api().schedulePages(A));
        })(),
      );
      expect(error).toBeInstanceOf(ApiError);
      expect(error.message).toBe('Letta answered 400 Bad Request: no second page');
    } finally {
      process.off('unhandledRejection', note);
    }
  });

  it('an agents page of 220,000 items is read without overflowing the stack, in bounded batches', async () => {
    const big = JSON.stringify(Array.from({ length: 220_000 }, (_, i) => ({ id: uuid(i), name: i === 219_999 ? 'last' : 'bot' })));
    local.handle = (_req, res, url) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(url.searchParams.get('after') ? '[]' : big);
    };
    // Above the item bound of one list (MAX_ITEMS), raised here: this is about a page's size, not a list's length.
    const ids = await local.api({ maxItems: 250_000 }).allAgentIds();
    expect(ids).toHaveLength(220_000);
    expect(ids.at(-1)).toBe(uuid(219_999));
    let largest = 0;
    for await (const page of local.api({ maxItems: 250_000 }).agentPages('last')) largest = Math.max(largest, page.length);
    expect(largest).toBe(MAX_BATCH);
  }, 60_000);
});

function schedule(id: string, fields: Record<string, unknown> = {}) {
  return {
    id,
    agent_id: A,
    message: { messages: [{ role: 'user', content: 'hello' }] },
    schedule: { type: 'one-time', scheduled_at: 1795366800000 },
    next_scheduled_time: '2026-11-23T14:00:00.000Z',
    ...fields,
  };
}

describe('one malformed record does not hide a list', () => {
  it('keeps every schedule, setting aside and naming the bad field', async () => {
    const bad = schedule('sm-bad', { schedule: { type: 'one-time', scheduled_at: 1e20 }, next_scheduled_time: 'soon' });
    local.handle = (_req, res) => json(res, 200, { has_next_page: false, scheduled_messages: [schedule('sm-1'), bad, null, schedule('sm-2', { message: { messages: [null] } })] });
    const items = [];
    for await (const page of local.api().schedulePages(A)) items.push(...page);
    expect(items.map((item) => item.id)).toEqual(['sm-1', 'sm-bad', '', 'sm-2']);
    expect(flawsOf(items[0]!)).toEqual([]);
    expect(items[1]!.schedule).toEqual({ type: 'one-time' });
    expect(items[1]!.next_scheduled_time).toBeUndefined();
    expect(flawsOf(items[1]!).map((flaw) => flaw.field)).toEqual(['schedule.scheduled_at', 'next_scheduled_time']);
    expect(flawsOf(items[1]!)[0]!.problem).toBe('is 100000000000000000000, not a time in Unix milliseconds');
    expect(flawsOf(items[2]!)[0]).toEqual({ field: '(record)', problem: 'expected an object, got null' });
    expect(flawsOf(items[3]!)[0]).toEqual({ field: 'message.messages', problem: 'has an unreadable message at position 1' });
    // JSON output keeps the server's fields and shows no marker.
    expect(JSON.parse(JSON.stringify(items[1]))).toEqual({ id: 'sm-bad', agent_id: A, message: bad.message, schedule: { type: 'one-time' } });
  });

  it('a single schedule with a bad field is shown without it; one with no id is an error naming the field', async () => {
    local.handle = (_req, res) => json(res, 200, schedule('sm-1', { schedule: { type: 'one-time', scheduled_at: 1e20 } }));
    const item = await local.api().getSchedule(A, 'sm-1');
    expect(flawsOf(item).map((flaw) => flaw.field)).toEqual(['schedule.scheduled_at']);
    local.handle = (_req, res) => json(res, 200, schedule('sm-1', { id: 42 }));
    const error = await failure(local.api().getSchedule(A, 'sm-1'));
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ exitCode: 1, field: 'id', message: "Unexpected answer from Letta for the scheduled message: the field 'id' is 42, expected a non-empty string" });
  });

  it('keeps every run; a stop_reason that is not text is set aside and named', async () => {
    const runs = [
      { id: 'run-1', status: 'completed', agent_id: A, stop_reason: { message_type: 'stop_reason', stop_reason: 'end_turn' }, created_at: '2026-11-22T15:00:00Z' },
      { id: 'run-2', status: 'completed', agent_id: A, stop_reason: 'end_turn', created_at: '2026-11-22T15:00:00Z' },
    ];
    local.handle = (_req, res) => json(res, 200, runs);
    const got = await local.api().listRuns({ agent_id: A, limit: 20 });
    expect(got.map((run) => run.id)).toEqual(['run-1', 'run-2']);
    expect(got[0]!.stop_reason).toBeUndefined();
    expect(flawsOf(got[0]!)).toEqual([{ field: 'stop_reason', problem: 'is an object, expected a string' }]);
    expect(got[1]!.stop_reason).toBe('end_turn');
  });

  it('sets aside a field nesting deeper than MAX_DEPTH levels, at any depth of the record, and keeps one exactly that deep', async () => {
    // `levels` objects inside one another below the field's own value.
    const nest = (levels: number): unknown => (levels === 0 ? 'bottom' : { a: nest(levels - 1) });
    const list = (levels: number): unknown => (levels === 0 ? 'bottom' : [list(levels - 1)]);
    local.handle = (_req, res) =>
      json(res, 200, {
        has_next_page: false,
        scheduled_messages: [
          schedule('sm-at-limit', { extra: nest(MAX_DEPTH) }),
          schedule('sm-too-deep', { extra: nest(MAX_DEPTH + 1), kept: { a: 1 } }),
          schedule('sm-list-too-deep', { extra: list(MAX_DEPTH + 1) }),
          schedule('sm-inner-too-deep', { schedule: { type: 'recurring', cron_expression: '0 9 * * *', nested: nest(MAX_DEPTH) } }),
          schedule('sm-inner-at-limit', { schedule: { type: 'recurring', cron_expression: '0 9 * * *', nested: nest(MAX_DEPTH - 1) } }),
        ],
      });
    const items = [];
    for await (const page of local.api().schedulePages(A)) items.push(...page);
    const byId = new Map(items.map((item) => [item.id, item as typeof item & Record<string, unknown>]));
    expect(flawsOf(byId.get('sm-at-limit')!)).toEqual([]);
    expect(byId.get('sm-at-limit')!.extra).toEqual(nest(MAX_DEPTH));
    // An object field too deep keeps its top level; what is too deep inside it is set aside.
    expect(flawsOf(byId.get('sm-too-deep')!)).toEqual([{ field: 'extra.a', problem: `nests deeper than ${MAX_DEPTH} levels` }]);
    expect(byId.get('sm-too-deep')!.extra).toEqual({});
    expect(byId.get('sm-too-deep')!.kept).toEqual({ a: 1 });
    expect(flawsOf(byId.get('sm-list-too-deep')!).map((flaw) => flaw.field)).toEqual(['extra']);
    expect(flawsOf(byId.get('sm-inner-too-deep')!).map((flaw) => flaw.field)).toEqual(['schedule.nested']);
    expect(byId.get('sm-inner-too-deep')!.schedule).toEqual({ type: 'recurring', cron_expression: '0 9 * * *' });
    expect(flawsOf(byId.get('sm-inner-at-limit')!)).toEqual([]);
  });

  it('says once per flawed record what was set aside', async () => {
    local.handle = (_req, res) => json(res, 200, { has_next_page: false, scheduled_messages: [schedule('sm-1'), schedule('sm-2', { schedule: { type: 'one-time', scheduled_at: 1e20 } }), 7] });
    const lines: string[] = [];
    for await (const _page of local.api({ warn: (line) => lines.push(line) }).schedulePages(A));
    expect(lines).toEqual([
      "Schedule sm-2: the field 'schedule.scheduled_at' is 100000000000000000000, not a time in Unix milliseconds; showing the rest.",
      'Schedule without an id: expected an object, got number; showing the rest.',
    ]);
  });
});

describe('runs', () => {
  it('at most `limit` runs, whatever the server sends', async () => {
    local.handle = (_req, res) =>
      json(
        res,
        200,
        Array.from({ length: 50 }, (_, i) => ({ id: `run-${i}`, agent_id: A })),
      );
    expect(await local.api().listRuns({ agent_id: A, limit: 5 })).toHaveLength(5);
  });

  it('no runs for an agent that does not exist is not found (exit 3)', async () => {
    local.handle = (_req, res, url) => (url.pathname === '/v1/runs/' ? json(res, 200, []) : json(res, 404, { detail: `Agent ${A} not found` }));
    const error = await failure(local.api().listRuns({ agent_id: A, limit: 20 }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ exitCode: 3, message: `No agent '${A}'`, missing: { what: 'agent', id: A } });
    expect(local.seen).toEqual([`GET /v1/runs/?agent_id=${A}&limit=20`, `GET /v1/agents/${A}`]);
  });

  it('an unknown agent id on its own routes is said as such', async () => {
    local.handle = (_req, res) => json(res, 404, { detail: `Agent not found: ${A}` });
    for (const call of [() => local.api().sendMessage(A, [{ role: 'user', content: 'hi' }]), () => local.api().schedulePages(A).next()]) {
      const error = await failure(call());
      expect(error).toMatchObject({ exitCode: 3, message: `No agent '${A}'`, missing: { what: 'agent', id: A } });
    }
  });

  it('no runs for an agent that exists is an empty list', async () => {
    local.handle = (_req, res, url) => (url.pathname === '/v1/runs/' ? json(res, 200, []) : json(res, 200, { id: A, name: 'bot' }));
    expect(await local.api().listRuns({ agent_id: A, limit: 20 })).toEqual([]);
  });
});

describe('schedule kinds', () => {
  it('asking for one kind by id when it is the other names the actual kind', async () => {
    local.handle = (_req, res) => json(res, 200, schedule('sm-7', { schedule: { type: 'recurring', cron_expression: '0 9 * * *' } }));
    const error = await failure(local.api().getSchedule(A, 'sm-7', 'one-time'));
    expect(error).toBeInstanceOf(WrongKindError);
    expect(error).toMatchObject({ exitCode: 3, id: 'sm-7', actual: 'recurring', wanted: 'one-time', agentId: A });
    expect(error.message).toBe("'sm-7' is a recurring schedule, not a one-time one");
  });

  it('also when the schedule is looked for among all agents', async () => {
    local.handle = (_req, res, url) =>
      url.pathname === '/v1/agents/'
        ? json(res, 200, url.searchParams.get('after') ? [] : [{ id: A }, { id: B }])
        : url.pathname.startsWith(`/v1/agents/${B}/`)
          ? json(res, 200, schedule('sm-7', { agent_id: B, schedule: { type: 'recurring', cron_expression: '0 9 * * *' } }))
          : json(res, 404, { detail: 'Scheduled message not found' });
    const error = await failure(local.api().locateSchedule('sm-7', 'one-time'));
    expect(error).toMatchObject({ actual: 'recurring', agentId: B });
  });
});

describe('answers', () => {
  it(`a body over ${MAX_BODY_BYTES / 1024 / 1024} MiB is refused, and reading stops`, async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    local.handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // Endless, chunked: write until the client hangs up.
      const more = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', more);
      };
      more();
    };
    const error = await failure(local.api().allAgentIds());
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ exitCode: 1, message: "Letta's answer to GET /v1/agents/ is larger than 64 MiB; stopped reading it" });
    expect(local.seen).toHaveLength(1);
    await expect.poll(() => local.closedEarly).toBe(1);
  });

  it('a 401 says which key source was used, and no command line', async () => {
    local.handle = (_req, res) => json(res, 401, { detail: 'Invalid API key' });
    const error = await failure(local.api({ keySource: 'legacy file' }).allAgentIds());
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ exitCode: 4, facts: { status: 401, keySource: 'legacy file' } });
  });

  it("a proxy's own refusal keeps its meaning (407 is exit 4 with the proxy's hint) and is not retried", async () => {
    local.handle = (_req, res) => {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="proxy"' });
      res.end();
    };
    // The proxy comes from the user's environment as the runtime hands it to the client.
    const env = { HTTP_PROXY: local.url, NO_PROXY: '', no_proxy: '' };
    const error = (await failure(local.api({ baseUrl: 'http://letta.invalid', env }).allAgentIds())) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.exitCode).toBe(4);
    expect(error.message).toMatch(/^The proxy .* answered 407/);
    expect(error.hint).toMatch(/HTTP_PROXY/);
    expect(local.seen).toHaveLength(1);
  });

  it('a create whose answer is lost may have landed: the error names the agent and kind', async () => {
    local.handle = (_req, res) => json(res, 500, { detail: 'Internal error' });
    const body = { schedule: { type: 'recurring' as const, cron_expression: '0 9 * * *' }, messages: [{ role: 'user' as const, content: 'hi' }] };
    const error = await failure(local.api().createSchedule(A, body));
    expect(error).toBeInstanceOf(CreateMayHaveLandedError);
    expect(error).toMatchObject({ exitCode: 1, agentId: A, kind: 'recurring', message: 'Letta answered 500 Internal Server Error: Internal error' });
    expect(local.seen).toEqual([`POST /v1/agents/${A}/schedule`]);
  });

  it.each([[{}], [[]], [null]])('an error whose body is empty JSON (%j) is said by its status alone', async (body) => {
    local.handle = (_req, res) => json(res, 400, body);
    const error = await failure(local.api().getSchedule(A, 'sm-1'));
    expect(error.message).toBe('Letta answered 400 Bad Request');
  });

  it('a create answered with no id may have landed too', async () => {
    local.handle = (_req, res) => json(res, 201, { next_scheduled_at: '2026-11-23T14:00:00Z' });
    const body = { schedule: { type: 'one-time' as const, scheduled_at: 1795366800000 }, messages: [{ role: 'user' as const, content: 'hi' }] };
    const error = await failure(local.api().createSchedule(A, body));
    expect(error).toMatchObject({ kind: 'one-time', agentId: A, message: "Unexpected answer from Letta for the new schedule: the field 'id' is missing" });
  });

  it('errors from the API layer carry facts, never command lines', async () => {
    const answers: Array<[number, unknown]> = [
      [401, { detail: 'bad key' }],
      [404, { detail: 'Not Found' }],
      [405, { detail: 'Method Not Allowed' }],
      [500, { detail: 'boom' }],
      [200, { nope: true }],
    ];
    for (const [status, value] of answers) {
      local.handle = (_req, res) => json(res, status, value);
      for (const call of [
        () => local.api().getSchedule(A, 'sm-1'),
        () => local.api().resolveAgent('bot'),
        () => local.api().createSchedule(A, { schedule: { type: 'one-time', scheduled_at: 1 }, messages: [] }),
      ]) {
        const error = (await failure(call())) as Error & { hint?: string };
        expect(`${error.message} ${error.hint ?? ''}`).not.toMatch(/letta-switchboard|--[a-z]/);
      }
    }
  });
});
