// The floor for `recurring list --json`: a bare Node script doing the same
// HTTP work (every page, streamed to stdout as one JSON array), nothing else.
const [base, key, agent] = process.argv.slice(2);
let after;
let first = true;
process.stdout.write('[');
for (;;) {
  const url = new URL(`/v1/agents/${agent}/schedule`, base);
  url.searchParams.set('limit', '100');
  if (after) url.searchParams.set('after', after);
  const page = await (await fetch(url, { headers: { authorization: `Bearer ${key}` } })).json();
  for (const item of page.scheduled_messages) {
    process.stdout.write((first ? '' : ',') + JSON.stringify(item));
    first = false;
  }
  after = page.scheduled_messages.at(-1)?.id;
  if (!page.has_next_page || !after) break;
}
process.stdout.write(']\n');
