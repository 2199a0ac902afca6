import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * The program is bundled as one CommonJS file (dist/app.cjs, every dependency
 * inside), then embedded in dist/cli.cjs behind a small loader that keeps a V8
 * code cache (build/loader.cjs). dist/cli.cjs runs alone, copied into an empty folder.
 */
export default defineConfig({
  entry: { app: 'src/bin.ts' },
  format: ['cjs'],
  outExtension: () => ({ js: '.cjs' }),
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  splitting: false,
  sourcemap: false,
  minify: true,
  noExternal: [/.*/],
  define: { __VERSION__: JSON.stringify(version) },
  esbuildOptions(options) {
    // cron-parser require()s luxon and src/time/cron.ts imports it: point both at one copy, so the settings made there apply.
    options.alias = { luxon: './node_modules/luxon/build/node/luxon.js' };
  },
  async onSuccess() {
    let app = readFileSync('dist/app.cjs', 'utf8');
    // commander loads child_process for executable subcommands, which this CLI has none of; loading it costs start-up time.
    const childProcess = 'require("child_process")';
    if (app.split(childProcess).length !== 2) throw new Error(`expected one ${childProcess} in dist/app.cjs`);
    app = app.replace(childProcess, '{spawn(){throw new Error("letta-switchboard runs no subprocesses")}}');
    writeFileSync('dist/app.cjs', app);
    const hash = createHash('sha256').update(app).digest('hex').slice(0, 16);
    // The root help, exactly as the program prints it into a pipe (80 columns).
    const help = execFileSync(process.execPath, ['dist/app.cjs', '--help'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    const loader = readFileSync('build/loader.cjs', 'utf8')
      .replace('__APP_SOURCE__', () => JSON.stringify(app))
      .replace('__APP_HASH__', () => JSON.stringify(hash))
      .replace('__APP_HELP__', () => JSON.stringify(help))
      .replace('__APP_VERSION__', () => JSON.stringify(version));
    writeFileSync('dist/cli.cjs', loader);
    chmodSync('dist/cli.cjs', 0o755);
  },
});
