#!/usr/bin/env node
// A standalone executable for users without Node: Node's single executable
// applications (SEA), made from the program `npm run build` writes (dist/app.cjs
// and the files it requires, joined again into one file, since an executable
// holds one script), with V8's code cache inside for a fast start.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const app = join(root, 'dist', 'app.cjs');

// `--out FILE` writes the executable elsewhere (the end-to-end tests make their own).
const outAt = process.argv.indexOf('--out');
const binary = outAt > 0 ? process.argv[outAt + 1] : join(root, 'dist', process.platform === 'win32' ? 'letta-switchboard.exe' : 'letta-switchboard');
if (!binary) throw new Error('--out needs a file name');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (!existsSync(app)) throw new Error('dist/app.cjs is missing: run npm run build first');

const work = `${binary}.sea`;
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const seaConfig = join(work, 'sea-config.json');
const blob = join(work, 'sea-prep.blob');
const main = join(work, 'app.cjs');
const { build } = await import('esbuild');
await build({ entryPoints: [app], outfile: main, bundle: true, format: 'cjs', platform: 'node', target: 'node20', minify: true, logLevel: 'warning' });
writeFileSync(seaConfig, JSON.stringify({ main, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true }));
execFileSync(process.execPath, ['--experimental-sea-config', seaConfig], { stdio: 'inherit' });

copyFileSync(process.execPath, binary);
chmodSync(binary, 0o755);
const postject = join(root, 'node_modules', 'postject', 'dist', 'cli.js');
execFileSync(process.execPath, [postject, binary, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'], { stdio: 'inherit' });
rmSync(work, { recursive: true, force: true });

const printed = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
if (printed !== version) throw new Error(`the binary printed '${printed}' for --version, expected ${version}`);
console.log(`${binary} (${(statSync(binary).size / 1024 / 1024).toFixed(1)} MiB) prints ${printed}`);
