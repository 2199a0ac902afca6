/** One HTTP exchange over node:http(s): far cheaper to start than fetch, whose first use costs ~100 ms on Node 20. */

export interface Exchange {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

export interface Reply {
  status: number;
  statusText: string;
  headers: Record<string, string | undefined>;
  text: string;
}

/** The largest answer read: far above any real Letta answer, far below what a string or the heap can hold. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export async function exchange({ method, url, headers, body, signal }: Exchange): Promise<Reply> {
  // Loaded here, not imported at the top: node:http costs every command start-up time, and most never use it.
  const { request } = url.protocol === 'https:' ? process.getBuiltinModule('node:https') : process.getBuiltinModule('node:http');
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      signal,
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Stop reading (and drop the connection) rather than let an endless body grow.
        if (size <= MAX_BODY_BYTES) return chunks.push(chunk);
        reject(Object.assign(new Error('The answer is too large'), { code: 'EBODYTOOLARGE' }));
        req.destroy();
      });
      res.on('error', reject);
      res.on('end', () => {
        const flat: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(res.headers)) flat[name] = Array.isArray(value) ? value.join(', ') : value;
        resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: flat, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.end(body);
  });
}
