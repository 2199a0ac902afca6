import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A throwaway server on 127.0.0.1 answering every request with `answer`, for as long as `run` runs. */
export async function withServer(answer: (url: URL, res: ServerResponse) => void, run: (url: string) => Promise<void>): Promise<void> {
  const server: Server = createServer((req, res) => answer(new URL(req.url ?? '/', 'http://local'), res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
