// The floor a CLI command is held against: a bare Node script sending the
// same requests (the ones the fake server saw the CLI send) with the same
// number in flight, and nothing else: no parsing of arguments, no checks, no
// output but each answer's body, as it came. It uses node:http, the cheapest
// client to start on Node 20 (fetch costs ~100 ms more).
// Usage: node bare-requests.mjs PLAN.json BASE_URL API_KEY [--parse]
// PLAN.json: { "concurrency": N, "phases": [[{ "method", "path", "body"? }, ...], ...] };
// a phase starts when the one before it has ended (a cursor, or ids read from a list).
// --parse: each answer is parsed and written back as compact JSON, the least a
// command printing what it read as JSON must do (bench/cases/recurring-list.ts).
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

const [planFile, base, key, parse] = process.argv.slice(2);
const { concurrency, phases } = JSON.parse(readFileSync(planFile, 'utf8'));
const agent = new Agent({ keepAlive: true });

const send = ({ method, path, body }) =>
  new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${key}`, accept: 'application/json' };
    if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    const req = request(new URL(path, base), { method, agent, headers }, (res) => {
      const chunks = [];
      res
        .on('data', (chunk) => chunks.push(chunk))
        .on('end', () => {
          const body = Buffer.concat(chunks);
          process.stdout.write(parse === '--parse' ? JSON.stringify(JSON.parse(body.toString())) : body);
          resolve();
        });
    });
    req.on('error', reject).end(body);
  });

for (const requests of phases) {
  let next = 0;
  const worker = async () => {
    while (next < requests.length) await send(requests[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
}
process.stdout.write('\n', () => process.exit(0));
