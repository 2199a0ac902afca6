// The floor for `recurring list --json`: a bare Node script doing the same
// HTTP work (every page, streamed to stdout as one JSON array), nothing else.
// It uses node:http, the cheapest client to start on Node 20 (fetch costs ~100 ms more).
import { Agent, get } from 'node:http';

const [base, key, agent] = process.argv.slice(2);
const pool = new Agent({ keepAlive: true });
const page = (url) =>
  new Promise((resolve, reject) => {
    get(url, { agent: pool, headers: { authorization: `Bearer ${key}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d) => (body += d)).on('end', () => resolve(JSON.parse(body)));
    }).on('error', reject);
  });

let after;
let first = true;
process.stdout.write('[');
for (;;) {
  const url = new URL(`/v1/agents/${agent}/schedule`, base);
  url.searchParams.set('limit', '100');
  if (after) url.searchParams.set('after', after);
  const { scheduled_messages: items, has_next_page: more } = await page(url);
  for (const item of items) {
    process.stdout.write((first ? '' : ',') + JSON.stringify(item));
    first = false;
  }
  after = items.at(-1)?.id;
  if (!more || !after) break;
}
process.stdout.write(']\n', () => process.exit(0));
