import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { join } from 'node:path';
import { build as esbuild, type Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * commander loads child_process for executable subcommands, which this CLI has none of;
 * loading it costs start-up time. Its require resolves to a stub that refuses to spawn.
 */
const withoutSubprocesses: Plugin = {
  name: 'without-subprocesses',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'without-subprocesses' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'without-subprocesses' }, () => ({
      contents: 'module.exports = { spawn() { throw new Error("letta-switchboard runs no subprocesses"); } };',
      loader: 'js',
    }));
  },
};

/**
 * chalk's own colour detection loads node:tty (and with it Node's socket and
 * stream code) and asks the terminal when the bundle starts. Colour is decided
 * in src/output/colour.ts and handed to chalk as a level, so the detection
 * resolves to a stub that detects nothing.
 */
const withoutColourDetection: Plugin = {
  name: 'without-colour-detection',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, (args) =>
      /[\\/]node_modules[\\/]chalk[\\/]/.test(args.importer) ? { path: 'supports-color', namespace: 'without-colour-detection' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'without-colour-detection' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};

/**
 * The loader runs the bundle in vm.Script, which has no callback for a real dynamic import():
 * one would fail only when its line runs. A dynamic import of a module left outside the bundle
 * (a Node builtin) becomes a require wrapped in a promise instead.
 */
const dynamicImportsAsRequire: Plugin = {
  name: 'dynamic-imports-as-require',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' && isBuiltin(args.path) ? { path: args.path, namespace: 'dynamic-import-as-require' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'dynamic-import-as-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/**
 * Packages read and set up on first use, not when the module importing them
 * loads: cron-parser (with luxon) and cronstrue take milliseconds to set up and
 * are imported by modules that many commands load (`recurring list` shows a
 * recorded local rule through them) but few run (the crons this tool writes are
 * read and described without them); chrono-node reads only the one-time
 * phrases the readers in src/time leave. An import of one from src/ resolves
 * to a stand-in with the package's exports (read from it here) as getters that
 * load it when first read; esbuild reads a named import from CommonJS at each
 * use, so every use sees the package itself. The stand-in imports the package
 * (its CommonJS build, as require() would pick) dynamically, so the split puts
 * it in a file of its own that nothing else requires; once split, that import
 * becomes a plain require of the file (requireDeferredFiles): compiling 100 KiB
 * of a package that is never run cost half a millisecond.
 */
const DEFERRED = ['cron-parser', 'luxon', 'cronstrue', 'chrono-node/en', 'chalk'];
/**
 * Mark the stand-ins' dynamic imports, which requireDeferredFiles turns into requires of the files the split
 * made: of a CommonJS package, whose file holds it as its default export, or of an ES module (chalk), whose
 * file's exports are its own.
 */
const DEFERRED_FILE = '__deferredFile';
const DEFERRED_MODULE = '__deferredModule';
const requireHere = createRequire(import.meta.url);
const deferredPackages: Plugin = {
  name: 'deferred-packages',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${DEFERRED.join('|')})$`) }, (args) =>
      args.namespace === 'file' && /[\\/]src[\\/]/.test(args.importer) ? { path: args.path, namespace: 'deferred-package' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'deferred-package' }, (args) => {
      const real = requireHere(args.path) as Record<string, unknown>;
      const names = Object.keys(real).filter((name) => name !== 'default' && name !== '__esModule');
      const esModule = Object.prototype.toString.call(real) === '[object Module]';
      return {
        contents: [
          'let loaded;',
          `const load = () => (loaded ??= ${esModule ? DEFERRED_MODULE : DEFERRED_FILE}(import(${JSON.stringify(requireHere.resolve(args.path))})));`,
          ...(real.__esModule || esModule ? ['Object.defineProperty(exports, "__esModule", { value: true });'] : []),
          ...[...names, ...('default' in real ? ['default'] : [])].map(
            (name) => `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => load()[${JSON.stringify(name)}] });`,
          ),
        ].join('\n'),
        loader: 'js',
        resolveDir: process.cwd(),
      };
    });
  },
};

/** The top-level commands, read from the root help, so only they get a code cache. */
function commandNames(help: string, { groupsOnly = false } = {}): string[] {
  const section = help.split(/^Commands:$/m)[1]?.split(/^\S/m)[0] ?? '';
  // A group (a command that only holds subcommands) is listed with no options or arguments after its name.
  const names = [...section.matchAll(groupsOnly ? /^ {2}([a-z][a-z-]*) {2,}\S/gm : /^ {2}([a-z][a-z-]*)/gm)].map((match) => match[1]!);
  if (names.length === 0) throw new Error('no commands found in the root help');
  return names;
}

/** Where the split program is written as ES modules, before each file becomes CommonJS in dist/. */
const SPLIT = 'dist/esm';

/**
 * Every file of the program in ASCII. esbuild escapes what strings and names
 * hold, but leaves a regular expression as written ("’", "–"), and one
 * character past ASCII made Node decode the whole file the slow way (1.1 ms
 * for 258 KiB, 0.14 when ASCII) and V8 keep it as two-byte text. \uXXXX says
 * the same in a string, a template, a regular expression or a name.
 */
function asciiOnly(): void {
  for (const name of readdirSync(SPLIT).filter((file) => file.endsWith('.cjs'))) {
    const split = readFileSync(join(SPLIT, name), 'utf8');
    if (/[^\x00-\x7f]/.test(split))
      writeFileSync(
        join(SPLIT, name),
        split.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      );
  }
}

/**
 * A stand-in's dynamic import of its package (deferredPackages) as a require of
 * the file the split put the package in, so the getters stay synchronous (a
 * CommonJS package's file holds it as its default export, an ES module's file
 * has its exports). Returns those files' names.
 */
function requireDeferredFiles(): Set<string> {
  const deferred = new Set<string>();
  const marked = new RegExp(`(${DEFERRED_FILE}|${DEFERRED_MODULE})\\(import\\("\\./([\\w.-]+\\.cjs)"\\)\\)`, 'g');
  for (const name of readdirSync(SPLIT).filter((file) => file.endsWith('.cjs'))) {
    const split = readFileSync(join(SPLIT, name), 'utf8');
    if (!split.includes(DEFERRED_FILE) && !split.includes(DEFERRED_MODULE)) continue;
    const required = split.replace(marked, (_, mark: string, file: string) => {
      deferred.add(file);
      return `require("./${file}")${mark === DEFERRED_FILE ? '.default' : ''}`;
    });
    if (required.includes(DEFERRED_FILE) || required.includes(DEFERRED_MODULE)) throw new Error(`${name}: a deferred package's import was not turned into a require`);
    writeFileSync(join(SPLIT, name), required);
  }
  return deferred;
}

/**
 * Each ES module file of the split program as a CommonJS file of the same name
 * in dist/: imports of the other files become require() calls (a dynamic
 * import() becomes a require in a promise, since the loader's vm.Script cannot
 * import), exports become module.exports. The source maps carry through to src/.
 */
async function splitProgramAsCommonJs(deferred: Set<string>): Promise<string[]> {
  const files = readdirSync(SPLIT).filter((name) => name.endsWith('.cjs'));
  const convert = (names: string[], keepNames: boolean) =>
    esbuild({
      entryPoints: names.map((name) => join(SPLIT, name)),
      outdir: 'dist',
      outExtension: { '.js': '.cjs' },
      bundle: false,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      supported: { 'dynamic-import': false },
      minify: true,
      // A deferred package's classes keep their names, which its messages use (cron-parser's "CronMinute Validation error").
      keepNames,
      // Mapped onto stack traces that --verbose prints (build/loader.cjs), so they name real functions.
      sourcemap: true,
      logLevel: 'warning',
    });
  await convert(
    files.filter((name) => !deferred.has(name)),
    false,
  );
  await convert([...deferred], true);
  rmSync(SPLIT, { recursive: true });
  return files;
}

/**
 * The program is split into CommonJS files (dist/app.cjs, the entry, and the
 * files it requires: one per command module and the code they share, every
 * dependency inside), so a command reads and compiles only what it runs. It is
 * run by dist/cli.cjs, a small loader that keeps a V8 code cache
 * (build/loader.cjs) and answers the root --help and --version without reading
 * the program. They go together, as the package ships them (dist/*.cjs).
 */
export default defineConfig({
  entry: { app: 'src/bin.ts' },
  // esbuild splits only ES modules: the split is made as ES modules in dist/esm, then turned into CommonJS.
  format: ['esm'],
  outExtension: () => ({ js: '.cjs' }),
  platform: 'node',
  target: 'node20',
  outDir: SPLIT,
  clean: true,
  splitting: true,
  sourcemap: true,
  // Minified once, when each file becomes CommonJS; the checks below read the plain split.
  minify: false,
  noExternal: [/.*/],
  define: { __VERSION__: JSON.stringify(version) },
  esbuildPlugins: [withoutSubprocesses, withoutColourDetection, dynamicImportsAsRequire, deferredPackages],
  // Kept, so the plugin above sees node:child_process (and Node 20 needs no help with the prefix).
  removeNodeProtocol: false,
  esbuildOptions(options) {
    // cron-parser require()s luxon and src/time/cron.ts imports it: point both at one copy, so the settings made there apply.
    options.alias = { luxon: './node_modules/luxon/build/node/luxon.js' };
  },
  async onSuccess() {
    // The files of an earlier build (its split had other names) and an earlier executable go.
    for (const name of readdirSync('dist')) if (join('dist', name) !== SPLIT) rmSync(join('dist', name), { recursive: true, force: true });
    for (const name of readdirSync(SPLIT).filter((file) => file.endsWith('.cjs'))) {
      const split = readFileSync(join(SPLIT, name), 'utf8');
      if (/(require\(|from\s*|import\s*)"(node:)?child_process"/.test(split)) throw new Error(`the program loads child_process (${name})`);
      if (/(require\(|from\s*|import\s*)"(node:)?tty"/.test(split)) throw new Error(`the program loads tty when it starts (${name})`);
    }
    const deferred = requireDeferredFiles();
    asciiOnly();
    const files = await splitProgramAsCommonJs(deferred);
    const loaderSource = readFileSync('build/loader.cjs', 'utf8');
    // Caches are named by this: a new program or a new loader (which compiles it differently) starts afresh.
    const hash = createHash('sha256');
    for (const name of files.sort()) {
      const code = readFileSync(join('dist', name), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
      writeFileSync(join('dist', name), code);
      const dynamicImport = /\bimport\s*\(/.exec(code);
      if (dynamicImport)
        throw new Error(`dist/${name} holds a dynamic import, which fails in the loader's vm.Script: …${code.slice(Math.max(0, dynamicImport.index - 80), dynamicImport.index + 40)}…`);
      if (/[^\x00-\x7f]/.test(code)) throw new Error(`dist/${name} holds text past ASCII`);
      hash.update(name).update(code);
      // Each file runs in the loader one line down (its wrapper takes the first), hence the leading ';'.
      const map = JSON.parse(readFileSync(join('dist', `${name}.map`), 'utf8')) as { mappings: string; sourcesContent?: unknown };
      delete map.sourcesContent;
      map.mappings = `;${map.mappings}`;
      writeFileSync(join('dist', `${name}.map`), JSON.stringify(map));
    }
    hash.update(loaderSource);
    // The root help, exactly as the program prints it into a pipe (80 columns); the loader prints it only there.
    const help = execFileSync(process.execPath, ['dist/app.cjs', '--help'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    const loader = loaderSource
      .replace('__APP_HASH__', () => JSON.stringify(hash.digest('hex').slice(0, 16)))
      .replace('__APP_HELP__', () => JSON.stringify(help))
      .replace('__APP_COMMANDS__', () => JSON.stringify(commandNames(help)))
      .replace('__APP_GROUPS__', () => JSON.stringify(commandNames(help, { groupsOnly: true })))
      .replace('__APP_VERSION__', () => JSON.stringify(version));
    writeFileSync('dist/cli.cjs', loader);
    chmodSync('dist/cli.cjs', 0o755);
  },
});
