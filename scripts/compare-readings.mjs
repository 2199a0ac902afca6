// Whether two builds read every phrase alike: each string the test files hold (the suites'
// tables of phrases, and whatever else they quote) goes through `parse -` of both, as it
// is, with --once and with --recurring, in zones east and west of UTC, and every answer
// (the JSON line of its meaning, or of its error) must be the same.
//
//   node scripts/compare-readings.mjs OTHER_CHECKOUT [THIS_CHECKOUT]
//
// Each checkout must be built (`npm run build`). Exits 1 when any phrase is read differently (the first 20 are shown).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const [other, here = join(import.meta.dirname, '..')] = process.argv.slice(2);
if (!other) {
  console.error('usage: node scripts/compare-readings.mjs OTHER_CHECKOUT [THIS_CHECKOUT]');
  process.exit(2);
}

/** Every string literal (and template without substitutions) in the test files under `folder`. */
function quotedIn(folder) {
  const strings = new Set();
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.[cm]?ts$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const visit = (node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.add(node.text);
      node.forEachChild(visit);
    };
    visit(source);
  }
  return strings;
}

// One phrase a line, as `parse -` reads them: no line breaks, no blank or comment lines (it skips those).
const phrases = [...quotedIn(join(here, 'test'))].filter((text) => text.length <= 300 && !/[\r\n]/.test(text) && text.trim() !== '' && !text.trimStart().startsWith('#')).sort();
const input = `${phrases.join('\n')}\n`;

const RUNS = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'].flatMap((zone) =>
  [[], ['--once'], ['--recurring']].map((mode) => ['--now', '2026-12-03T15:04:05Z', '--tz', zone, ...mode]),
);

function readings(checkout, args) {
  const run = spawnSync(process.execPath, [join(checkout, 'bin', 'letta-switchboard.js'), 'parse', '-', ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LETTA_SWITCHBOARD_CONFIG_DIR: join(checkout, 'no-config') },
  });
  const lines = run.stdout.split('\n').filter(Boolean);
  if (lines.length !== phrases.length) throw new Error(`${checkout}: ${lines.length} answers to ${phrases.length} phrases (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
  return lines;
}

let compared = 0;
let differ = 0;
for (const args of RUNS) {
  const [before, after] = [readings(other, args), readings(here, args)];
  for (const [i, phrase] of phrases.entries()) {
    compared++;
    if (before[i] === after[i]) continue;
    if (differ++ < 20) console.error(`'${phrase}' (parse ${args.join(' ')}) is read differently:\n  ${other}: ${before[i]}\n  ${here}: ${after[i]}`);
  }
}
console.log(
  `${phrases.length} phrases from the test files, ${RUNS.length} ways each (4 zones; as they read, --once, --recurring): ${compared} readings, ${differ ? `${differ} read differently` : 'all the same'}.`,
);
process.exit(differ ? 1 : 0);
