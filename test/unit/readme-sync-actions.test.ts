import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli';

/** A script reading `sync --json` learns the actions from the README: each kind of step sync can take is named there. */
it('the README names every sync --json action', () => {
  const plan = readFileSync(join(ROOT, 'src', 'sync', 'plan.ts'), 'utf8');
  const union = /export type SyncAction =([\s\S]*?)\n\n/.exec(plan)![1]!;
  const actions = [...union.matchAll(/\{\s*type: '([a-z-]+)'/g)].map((match) => match[1]!);
  expect(actions).toContain('replace');
  expect(actions).toContain('problem');
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const entry = /^ {2}- `sync`: an array[\s\S]*?(?=^ {2}- )/m.exec(readme)?.[0] ?? '';
  expect(actions.filter((action) => !entry.includes(`\`${action}\``))).toEqual([]);
});
