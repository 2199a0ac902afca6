#!/usr/bin/env node
// A standalone executable for users without Node: Node's single executable
// applications (SEA). Node 20 runs only CommonJS inside a SEA, so the CLI is
// bundled once more as CommonJS, with a V8 code cache to speed up start-up.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'tsup';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist', 'sea');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const binary = join(root, 'dist', process.platform === 'win32' ? 'letta-switchboard.exe' : 'letta-switchboard');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entry: { cli: join(root, 'src', 'cli.ts') },
  format: ['cjs'],
  platform: 'node',
  target: 'node20',
  outDir: out,
  splitting: false,
  minify: true,
  noExternal: [/.*/],
  define: { __VERSION__: JSON.stringify(version) },
  silent: true,
  config: false,
});

const seaConfig = join(out, 'sea-config.json');
const blob = join(out, 'sea-prep.blob');
writeFileSync(seaConfig, JSON.stringify({ main: join(out, 'cli.cjs'), output: blob, disableExperimentalSEAWarning: true, useCodeCache: true }));
execFileSync(process.execPath, ['--experimental-sea-config', seaConfig], { stdio: 'inherit' });

copyFileSync(process.execPath, binary);
chmodSync(binary, 0o755);
const postject = join(root, 'node_modules', 'postject', 'dist', 'cli.js');
execFileSync(process.execPath, [postject, binary, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'], { stdio: 'inherit' });

const printed = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
if (printed !== version) throw new Error(`the binary printed '${printed}' for --version, expected ${version}`);
console.log(`${binary} (${(statSync(binary).size / 1024 / 1024).toFixed(1)} MiB) prints ${printed}`);
