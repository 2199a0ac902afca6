import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { LettaApi, type ApiOptions } from '../../src/letta/api';
import { LettaClient, type ClientOptions } from '../../src/letta/client';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

export interface LocalServer {
  url: string;
  /** Every "METHOD /path?query" received, in order. */
  seen: string[];
  /** What the next requests get (set per test). */
  handle: Handler;
  /** Connections the client closed before the answer ended. */
  closedEarly: number;
  api(options?: Partial<ClientOptions> & ApiOptions): LettaApi;
}

export const json = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};

/** A bare node:http server on 127.0.0.1 for one test file, answering as each test says. */
export function useLocalServer(): LocalServer {
  const sockets = new Set<Socket>();
  const local: LocalServer = {
    url: '',
    seen: [],
    closedEarly: 0,
    handle: (_req, res) => json(res, 404, { detail: 'Not Found' }),
    api: ({ maxPages, maxItems, maxListMs, warn, ...options } = {}) =>
      new LettaApi(new LettaClient({ baseUrl: local.url, apiKey: 'sk-test-key-0123456789', timeoutMs: 10_000, signal: new AbortController().signal, ...options }), {
        maxPages,
        maxItems,
        maxListMs,
        warn,
      }),
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    local.seen.push(`${req.method} ${url.pathname}${url.search}`);
    res.on('close', () => {
      if (!res.writableFinished) local.closedEarly++;
    });
    local.handle(req, res, url);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    local.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    local.seen.length = 0;
    local.closedEarly = 0;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return local;
}
