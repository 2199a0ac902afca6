import { describe, expect, it } from 'vitest';
import { cliEnv, runCli } from '../helpers/run-cli';

/** A self-hosted server's address typed without its scheme, as its docs show it (localhost:8283): the hint gives the address to use. */
describe('a base URL without http(s)://', () => {
  it.each([
    ['localhost:8283', 'http://localhost:8283'],
    ['127.0.0.1:8283', 'http://127.0.0.1:8283'],
    ['letta.example.com', 'https://letta.example.com'],
  ])('%s: exit 2, the hint names %s, which is then accepted', async (given, full) => {
    const env = cliEnv();
    const r = await runCli(['config', 'set-url', given], { env });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[1]).toBe(`Use a full address: ${full}`);
    expect((await runCli(['config', 'set-url', full], { env })).code).toBe(0);
  });
});
