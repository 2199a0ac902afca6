import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CronExpressionParser } from 'cron-parser';
import { loadSpec, requestSchema, validate } from './openapi';

/**
 * A small Letta look-alike on 127.0.0.1, written from the public API spec:
 * 201 on create, 400 for a past scheduled_at, {"detail": ...} errors, 401
 * without the right key, pages with has_next_page, delete that "succeeds" for
 * unknown ids. Faults can be queued per route to test retries and timeouts.
 */

export const TEST_KEY = 'sk-let-test-0123456789abcdef-SECRET';

export interface Received {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: unknown;
  rawBody: string;
  /** The id of the schedule this request created, once the server has made it (to follow a create to its read back and delete). */
  created?: string;
}

export type Fault =
  | { status: number; body?: string; headers?: Record<string, string>; land?: true }
  | { hang: true; land?: true }
  | { reset: true; land?: true }
  | { redirect: string; status?: number }
  /** Answer this one normally (to place a fault on a later request). */
  | { pass: true };

/** One entry of a schedule's fire history, as Letta Cloud's history route returns it. */
export interface FireEntry {
  id: string;
  scheduled_message_id: string;
  status: 'success' | 'failed';
  response: unknown;
  run_id: string | null;
  sent_at: string;
}

/** A POST the CLI sent to a notify URL on this server (/notify/...): never Letta's, so never authenticated. */
export interface Notified {
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

interface Schedule {
  id: string;
  agent_id: string;
  message: { messages: unknown[] };
  schedule: { type: string; scheduled_at?: number; cron_expression?: string };
  next_scheduled_time: string | null;
  created_at: string;
}

/** JSON text put into an answer as it is (e.g. nested deeper than JSON.stringify can go): use as any field's value. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON.stringify, with each RawJson written as its text. */
function stringify(value: unknown): string {
  const raw: string[] = [];
  const text = JSON.stringify(value, (_, field: unknown) => (field instanceof RawJson ? `\u0000raw${raw.push(field.text) - 1}\u0000` : field));
  return raw.length === 0 ? text : text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_, i: string) => raw[Number(i)]!);
}

function defaultAgents(): Array<{ id: string; name: string }> {
  return [
    { id: 'agent-11111111-1111-1111-1111-111111111111', name: 'support-bot' },
    { id: 'agent-22222222-2222-2222-2222-222222222222', name: 'twin' },
    { id: 'agent-33333333-3333-3333-3333-333333333333', name: 'twin' },
  ];
}

export class FakeLetta {
  readonly received: Received[] = [];
  readonly specProblems: string[] = [];
  agents: Array<{ id: string; name: string }> = defaultAgents();
  schedules = new Map<string, Schedule>();
  runs: Array<Record<string, unknown>> = [];
  /** Fire history per schedule id, in the order added (answered newest first). */
  history = new Map<string, FireEntry[]>();
  /** How the history route answers: served, or absent as on a server without it (404 "Not Found" or 405). */
  historyRoute: 'served' | 404 | 405 = 'served';
  /** Largest history page handed out, whatever `limit` asks. */
  maxHistoryPage = 50;
  /** Bodies POSTed to /notify/... on this server. */
  notified: Notified[] = [];
  /** Largest page the server hands out, whatever `limit` asks. */
  maxPage = 50;
  /** Delay before each answer, in ms: a network's round trip, to make concurrency observable and measurable. */
  latencyMs: number;
  /** Fill in defaults on each stored message, as some servers do (`"type": "message"`). */
  fillDefaults = false;
  /** Letta's clock, for refusing past instants. */
  now = () => Date.now();
  /** Called as each request arrives, before it is answered (e.g. to kill the client mid-run). */
  onRequest: ((request: Received) => void) | undefined;
  /** Most requests in flight at once (to check bounded concurrency). */
  maxInFlight = 0;
  /** When set, every schedule list page brings this many new every-minute schedules and says there are more: a pager that never ends. */
  endlessPages: number | undefined = undefined;
  /** The id of the n-th schedule made (a hostile server can make them anything). */
  idFormat = (n: number) => `sm-${String(n).padStart(6, '0')}`;
  private inFlight = 0;
  private faults: Array<{ match: RegExp; fault: Fault }> = [];
  private sockets = new Set<Socket>();
  private server: Server;
  private nextId = 1;
  url = '';

  /** `latencyMs`: the delay every answer gets, also after reset() (bench/ uses it as a network's round trip). */
  constructor(private readonly options: { latencyMs?: number } = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.server = createServer((req, res) => {
      this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
      res.on('close', () => this.inFlight--);
      void this.handle(req, res);
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Everything back as it was at the start (faults, data, records, clock), for the next test. */
  reset(now: () => number = () => Date.now()): void {
    this.received.length = 0;
    this.specProblems.length = 0;
    this.agents = defaultAgents();
    this.schedules.clear();
    this.runs = [];
    this.history.clear();
    this.historyRoute = 'served';
    this.maxHistoryPage = 50;
    this.notified = [];
    this.maxPage = 50;
    this.latencyMs = this.options.latencyMs ?? 0;
    this.now = now;
    this.maxInFlight = 0;
    this.idFormat = (n: number) => `sm-${String(n).padStart(6, '0')}`;
    this.endlessPages = undefined;
    this.onRequest = undefined;
    this.fillDefaults = false;
    this.faults = [];
    this.nextId = 1;
  }

  /** Answer the next requests whose "METHOD /path" matches with these faults, one each. */
  inject(match: RegExp, ...faults: Fault[]): void {
    for (const fault of faults) this.faults.push({ match, fault });
  }

  requests(method?: string, pathPattern?: RegExp): Received[] {
    return this.received.filter((r) => (!method || r.method === method) && (!pathPattern || pathPattern.test(r.path)));
  }

  addSchedule(agentId: string, schedule: Schedule['schedule'], text = 'hello'): Schedule {
    const now = () => this.now();
    let pinned: string | null | undefined = schedule.scheduled_at ? new Date(schedule.scheduled_at).toISOString() : undefined;
    const item: Schedule = {
      id: this.idFormat(this.nextId++),
      agent_id: agentId,
      message: { messages: [{ role: 'user', content: text }] },
      schedule,
      // A recurring schedule's next run moves on as Letta's clock does (its cron's next fire after now), unless a test
      // sets it (a stuck scheduler); one whose cron cannot be read gets an hour from now.
      get next_scheduled_time(): string | null {
        if (pinned !== undefined) return pinned;
        try {
          return CronExpressionParser.parse(schedule.cron_expression ?? '', { currentDate: new Date(now()), tz: 'UTC' })
            .next()
            .toDate()
            .toISOString();
        } catch {
          return new Date(now() + 3_600_000).toISOString();
        }
      },
      set next_scheduled_time(value: string | null) {
        pinned = value;
      },
      created_at: new Date(this.now()).toISOString(),
    };
    this.schedules.set(item.id, item);
    return item;
  }

  /**
   * A fire of a schedule as history records it: sent at `sentAt`, and with a
   * run id, a run (status and stop_reason) that GET /v1/runs/{id} serves.
   */
  addFire(scheduleId: string, sentAt: number, outcome: { status?: 'success' | 'failed'; stopReason?: string | null; runStatus?: string; noRun?: boolean } = {}): FireEntry {
    const n = this.nextId++;
    const runId = outcome.noRun ? null : `run-fire-${n}`;
    const entry: FireEntry = {
      id: `fire-${n}`,
      scheduled_message_id: scheduleId,
      status: outcome.status ?? 'success',
      response: null,
      run_id: runId,
      sent_at: new Date(sentAt).toISOString(),
    };
    const list = this.history.get(scheduleId) ?? [];
    list.push(entry);
    this.history.set(scheduleId, list);
    if (runId) {
      const agentId = this.schedules.get(scheduleId)?.agent_id;
      this.runs.push({
        id: runId,
        status: outcome.runStatus ?? (outcome.status === 'failed' ? 'failed' : 'completed'),
        agent_id: agentId,
        created_at: entry.sent_at,
        completed_at: entry.sent_at,
        stop_reason: outcome.stopReason === undefined ? 'end_turn' : outcome.stopReason,
      });
    }
    return entry;
  }

  /** A create's effect: the schedule stored as the server would keep it. */
  private store(pathname: string, body: unknown): Schedule | undefined {
    const agentId = /^\/v1\/agents\/([^/]+)\/schedule$/.exec(pathname)?.[1];
    const b = body as { schedule?: Schedule['schedule']; messages?: unknown[] } | undefined;
    if (!agentId || !b?.schedule || !Array.isArray(b.messages)) return undefined;
    const item = this.addSchedule(decodeURIComponent(agentId), b.schedule);
    const messages = this.fillDefaults ? b.messages.map((m) => ({ type: 'message', name: null, ...(m as object) })) : b.messages;
    // Letta keeps the other fields of the create in `message`, beside the messages.
    const { schedule: _schedule, messages: _messages, ...fields } = b as Record<string, unknown>;
    item.message = { ...fields, messages };
    return item;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    let body: unknown;
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined;
    } catch {
      body = rawBody;
    }
    const path = decodeURIComponent(url.pathname);
    const received: Received = { method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body, rawBody };
    this.received.push(received);
    this.onRequest?.(received);

    const signature = `${req.method} ${url.pathname}`;
    const index = this.faults.findIndex((f) => f.match.test(signature));
    const passes = index >= 0 && 'pass' in this.faults[index]!.fault;
    if (passes) this.faults.splice(index, 1);
    if (index >= 0 && !passes) {
      const fault = this.faults.splice(index, 1)[0]!.fault as Exclude<Fault, { pass: true }>;
      // The request was processed (a create landed, a delete was done) and only then did the answer fail.
      if ('land' in fault && fault.land) {
        const deleted = req.method === 'DELETE' ? /^\/v1\/agents\/[^/]+\/schedule\/([^/]+)$/.exec(url.pathname)?.[1] : undefined;
        if (deleted !== undefined) this.schedules.delete(decodeURIComponent(deleted));
        else this.store(url.pathname, body);
      }
      if ('hang' in fault) return; // never answer
      if ('reset' in fault) return req.socket.destroy();
      if ('redirect' in fault) {
        res.writeHead(fault.status ?? 307, { location: fault.redirect });
        return res.end();
      }
      res.writeHead(fault.status, fault.headers ?? { 'content-type': 'application/json' });
      return res.end(fault.body ?? '');
    }

    if (url.pathname.startsWith('/notify/') && req.method === 'POST') {
      this.notified.push({ path: url.pathname, headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('ok');
    }
    if (this.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(stringify(value));
    };
    if (req.headers.authorization !== `Bearer ${TEST_KEY}`) return send(401, { detail: 'Invalid API key' });
    this.checkAgainstSpec(req.method ?? '', url.pathname, body);

    const agentMatch = /^\/v1\/agents\/([^/]+)(\/.*)?$/.exec(url.pathname);
    const agentId = agentMatch ? decodeURIComponent(agentMatch[1]!) : undefined;
    const rest = agentMatch?.[2] ?? '';
    const knownAgent = this.agents.some((a) => a.id === agentId);

    if (req.method === 'GET' && url.pathname === '/v1/agents/') {
      const name = url.searchParams.get('name');
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), this.maxPage);
      const after = url.searchParams.get('after');
      let list = this.agents.filter((a) => !name || a.name === name);
      if (after) list = list.slice(list.findIndex((a) => a.id === after) + 1);
      return send(200, list.slice(0, limit));
    }
    if (agentId !== undefined && !knownAgent) return send(404, { detail: `Agent not found: ${agentId}` });
    if (req.method === 'GET' && agentId !== undefined && rest === '')
      return send(
        200,
        this.agents.find((a) => a.id === agentId),
      );

    if (rest === '/schedule' && req.method === 'POST') {
      const b = body as { schedule?: Schedule['schedule']; messages?: unknown[] };
      if (!b?.schedule || !Array.isArray(b.messages)) return send(422, { detail: [{ loc: ['body', 'schedule'], msg: 'Field required', type: 'missing' }] });
      if (b.schedule.type === 'one-time' || b.schedule.scheduled_at !== undefined) {
        if (typeof b.schedule.scheduled_at !== 'number') return send(422, { detail: 'scheduled_at must be a number' });
        if (b.schedule.scheduled_at <= this.now()) return send(400, { detail: 'scheduled_at must be in the future' });
      } else if (typeof b.schedule.cron_expression !== 'string' || b.schedule.cron_expression.split(' ').length !== 5) {
        return send(400, { detail: 'Invalid cron expression' });
      }
      const item = this.store(url.pathname, body)!;
      received.created = item.id;
      return send(201, { id: item.id, next_scheduled_at: item.next_scheduled_time });
    }
    if (rest === '/schedule' && req.method === 'GET' && this.endlessPages !== undefined) {
      const page = Array.from({ length: this.endlessPages }, () => {
        const id = this.idFormat(this.nextId++);
        return { id, agent_id: agentId, message: { messages: [{ role: 'user', content: `endless ${id}` }] }, schedule: { type: 'recurring', cron_expression: '* * * * *' }, next_scheduled_time: null };
      });
      return send(200, { has_next_page: true, scheduled_messages: page });
    }
    if (rest === '/schedule' && req.method === 'GET') {
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 50) || 50, this.maxPage);
      const after = url.searchParams.get('after');
      let list = [...this.schedules.values()].filter((s) => s.agent_id === agentId);
      if (after) list = list.slice(list.findIndex((s) => s.id === after) + 1);
      return send(200, { has_next_page: list.length > limit, scheduled_messages: list.slice(0, limit) });
    }
    const history = /^\/schedule\/([^/]+)\/history$/.exec(rest);
    if (history && req.method === 'GET') {
      if (this.historyRoute === 405) return send(405, { detail: 'Method Not Allowed' });
      if (this.historyRoute === 404) return send(404, { detail: 'Not Found' });
      const id = decodeURIComponent(history[1]!);
      const item = this.schedules.get(id);
      const fires = this.history.get(id);
      if ((!item || item.agent_id !== agentId) && !fires) return send(404, { detail: 'Scheduled message not found' });
      const newestFirst = [...(fires ?? [])].sort((a, b) => Date.parse(b.sent_at) - Date.parse(a.sent_at));
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 20) || 20, this.maxHistoryPage);
      const offset = Number(url.searchParams.get('offset') ?? 0) || 0;
      const page = newestFirst.slice(offset, offset + limit);
      const more = offset + limit < newestFirst.length;
      return send(200, { history: page, has_next_page: more, next_offset: more ? offset + limit : null });
    }
    const one = /^\/schedule\/(.+)$/.exec(rest);
    if (one) {
      const id = decodeURIComponent(one[1]!);
      const item = this.schedules.get(id);
      if (req.method === 'GET') return item && item.agent_id === agentId ? send(200, item) : send(404, { detail: 'Scheduled message not found' });
      if (req.method === 'DELETE') {
        if (item && item.agent_id === agentId) this.schedules.delete(id);
        return send(200, { success: true });
      }
    }
    if (rest === '/messages' && req.method === 'POST') {
      const text = ((body as { messages: Array<{ content: string }> }).messages[0]?.content ?? '') as string;
      return send(200, {
        messages: [
          { id: 'message-1', message_type: 'reasoning_message', reasoning: 'thinking', run_id: 'run-sync-1' },
          { id: 'message-2', message_type: 'assistant_message', content: `Echo: ${text}`, run_id: 'run-sync-1' },
        ],
        stop_reason: { message_type: 'stop_reason', stop_reason: 'end_turn' },
        usage: { message_type: 'usage_statistics', total_tokens: 10 },
      });
    }
    if (rest === '/messages/async' && req.method === 'POST') {
      const run = { id: `run-${this.nextId++}`, status: 'created', agent_id: agentId, created_at: new Date(this.now()).toISOString() };
      this.runs.unshift(run);
      return send(200, run);
    }
    if (req.method === 'GET' && url.pathname === '/v1/runs/') {
      const agent = url.searchParams.get('agent_id');
      const limit = Number(url.searchParams.get('limit') ?? 50);
      return send(200, this.runs.filter((r) => !agent || r.agent_id === agent).slice(0, limit));
    }
    const runMatch = /^\/v1\/runs\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && runMatch) {
      const run = this.runs.find((r) => r.id === runMatch[1]);
      return run ? send(200, run) : send(404, { detail: 'Run not found' });
    }
    return send(404, { detail: 'Not Found' });
  }

  /** Every body the CLI sends must fit Letta's published schema (when the spec is at hand). */
  private checkAgainstSpec(method: string, path: string, body: unknown) {
    if (!loadSpec() || body === undefined) return;
    const template = path.replace(/^\/v1\/agents\/[^/]+\/schedule\/[^/]+$/, '/v1/agents/{agent_id}/schedule/{scheduled_message_id}').replace(/^\/v1\/agents\/[^/]+\//, '/v1/agents/{agent_id}/');
    // Only Letta's own routes are checked; anything else (a notify URL) is not Letta's to judge.
    if (!template.startsWith('/v1/')) return;
    const schema = requestSchema(method, template);
    if (!schema) {
      this.specProblems.push(`${method} ${template}: no request schema in the spec`);
      return;
    }
    for (const problem of validate(body, schema)) this.specProblems.push(`${method} ${template}: ${problem}`);
  }
}
