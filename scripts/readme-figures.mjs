// Every size the README states, measured on the built files: run `npm run build` (and
// `npm run build:binary` for the executable), then `node scripts/readme-figures.mjs`.
// Times and ratios come from `npm run bench`; the undici and conf rows from
// bench/compare-libraries.mjs; this script prints which is which.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.cjs');
const PROGRAM = join(ROOT, 'dist', 'app.cjs');
const BINARY = join(ROOT, 'dist', 'letta-switchboard');
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

if (!existsSync(CLI) || !existsSync(PROGRAM)) {
  console.error('dist/cli.cjs or dist/app.cjs is missing: run npm run build first.');
  process.exit(1);
}

const cli = readFileSync(CLI);
console.log(`dist/cli.cjs: ${kib(cli.length)} (${kib(gzipSync(cli).length)} gzipped)`);
// The program: dist/app.cjs and the files it requires, every .cjs beside the loader.
const program = readdirSync(join(ROOT, 'dist')).filter((file) => file.endsWith('.cjs') && file !== 'cli.cjs');
const bytes = program.map((file) => readFileSync(join(ROOT, 'dist', file)));
const sum = (sizes) => sizes.reduce((total, size) => total + size, 0);
console.log(
  `the program (dist/app.cjs and ${program.length - 1} files it requires): ${kib(sum(bytes.map((b) => b.length)))} (${kib(sum(bytes.map((b) => gzipSync(b).length)))} gzipped, file by file)`,
);
console.log(`their source maps: ${kib(sum(program.map((file) => statSync(join(ROOT, 'dist', `${file}.map`)).size)))} (not in the published package)`);
console.log(existsSync(BINARY) ? `dist/letta-switchboard: ${mib(statSync(BINARY).size)}` : 'dist/letta-switchboard: not built (npm run build:binary)');

// The loader's code cache per command, as a first run writes it.
for (const [label, args] of [
  ['parse one-time', ['parse', 'tomorrow at 9am']],
  ['parse recurring', ['parse', 'every weekday at 10am']],
]) {
  const cache = mkdtempSync(join(tmpdir(), 'letta-switchboard-figures-'));
  try {
    execFileSync(process.execPath, [CLI, ...args], { env: { ...process.env, XDG_CACHE_HOME: cache, TZ: 'UTC' }, stdio: 'ignore' });
    const folder = join(cache, 'letta-switchboard');
    const size = readdirSync(folder).reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
    console.log(`code cache, ${label}: ${kib(size)}`);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

// Node 22.1+'s module.enableCompileCache() on the plain bundle, for comparison with the loader's cache.
if (Number(process.versions.node.split('.')[0]) >= 22) {
  const cache = mkdtempSync(join(tmpdir(), 'letta-switchboard-figures-'));
  try {
    execFileSync(
      process.execPath,
      ['-e', `require('node:module').enableCompileCache(${JSON.stringify(cache)}); process.argv.splice(1, 0, 'x', 'parse', 'tomorrow at 9am'); require(${JSON.stringify(PROGRAM)})`],
      { stdio: 'ignore' },
    );
    const sizes = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? sizes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
    console.log(`enableCompileCache, parse one-time: ${kib(sizes(cache))}`);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
} else {
  console.log(`enableCompileCache: needs Node 22 (run this script with "$(.ci/node-binary 22)")`);
}

// The proxy route, bundled as the CLI bundles it.
const proxy = execFileSync(join(ROOT, 'node_modules', '.bin', 'esbuild'), [join(ROOT, 'src/letta/proxy.ts'), '--bundle', '--platform=node', '--format=cjs', '--minify'], { encoding: 'utf8' });
console.log(`src/letta/proxy.ts bundled and minified: ${(Buffer.byteLength(proxy) / 1024).toFixed(1)} KiB`);
const table = execFileSync(join(ROOT, 'node_modules', '.bin', 'esbuild'), ['--bundle', '--platform=node', '--format=cjs', '--minify'], {
  input: "module.exports = require('cli-table3');",
  cwd: ROOT,
  encoding: 'utf8',
});
console.log(`cli-table3 bundled and minified: ${kib(Buffer.byteLength(table))}`);

console.log('\nStart-up ratios, the large list and the per-release table: npm run bench');
console.log('undici and conf sizes and costs: npm install --no-save undici@7 conf@15 && node bench/compare-libraries.mjs');
