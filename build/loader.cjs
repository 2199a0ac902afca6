#!/usr/bin/env node
// letta-switchboard's entry point. The program itself is app.cjs and the files
// it requires beside this file (CommonJS, every dependency inside, split so a
// command reads only the code it runs), read only when a command runs: the
// root --help and --version are answered from here. Each file is compiled with
// a V8 code cache kept in the user's cache folder, so later runs skip most of
// the parsing and compiling that dominates start-up.
'use strict';
const { fstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } = require('node:fs');
const { isAbsolute, join, sep } = require('node:path');

// The cache file's first line: what it holds, as [file name, bytes of its cache, characters of its source] in order; the caches after it, then the sources.
const CACHE_HEADER = 'letta-switchboard code cache 2';
/** The program's files seen with --verbose, by path: their source (split into lines when asked) and source map (read when asked). */
const tracedFiles = new Map();
const SOURCE_HASH = __APP_HASH__;
// The root --help (as the program printed it into a pipe at build time) and --version.
const HELP = __APP_HELP__;
const VERSION = __APP_VERSION__;
const COMMANDS = __APP_COMMANDS__;
// Commands that only hold subcommands: a cache is kept per subcommand, since each compiles different code.
const GROUPS = __APP_GROUPS__;

const args = process.argv.slice(2);
// On a terminal the program fits its help to the width, so only a pipe or a file gets the ready-made text.
if (args.length === 1 && (args[0] === '--help' || args[0] === '-h') && !onTerminal()) print(HELP);
else if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) print(`${VERSION}\n`);
else run();

/**
 * Whether stdout may be a terminal. Asked of the file itself: process.stdout.isTTY
 * would load Node's stream and terminal code, which costs more than printing.
 */
function onTerminal() {
  try {
    return fstatSync(1).isCharacterDevice();
  } catch {
    return true;
  }
}

/** Straight to the file descriptor, for the same reason; a pipe that will not take it all at once gets the stream. */
function print(text) {
  const bytes = Buffer.from(text);
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
  } catch (error) {
    if (error.code === 'EPIPE') return;
    if (error.code !== 'EAGAIN') return outputLost(error);
    process.stdout.write(bytes.subarray(written));
  }
}

/** stdout refused a write for good (a full disk): said as the program says it (src/bin.ts), exit 1, no stack trace. */
function outputLost(error) {
  const reason = error.message.replace(/^[A-Z]+: /, '').replace(/, write$/, '');
  try {
    writeSync(2, `Error: Could not write the output to stdout: ${reason} (${error.code}); the rest of it is lost\n`);
  } catch {
    // Nowhere left to say it: the exit code does.
  }
  process.exitCode = 1;
}

function run() {
  const cacheFile = codeCachePath();
  const { cached, packed } = cacheFile ? readCodeCache(cacheFile) : { cached: new Map(), packed: new Map() };
  const { Script } = require('node:vm');
  /** The program's files run so far, by name: their compiled script, its source (wrapped) and module. */
  const loaded = new Map();
  const traced = args.includes('--verbose');
  // A file of the program (`./name.cjs`, as the build writes them) is compiled here with its cache; anything else is Node's.
  const requireInProgram = (id) => (id.startsWith('./') ? load(id.slice(2)) : require(id));
  const load = (name) => {
    const known = loaded.get(name);
    if (known) return known.module.exports;
    // A bare file name beside this one: join() would normalise the path again for each file.
    const file = `${__dirname}${sep}${name}`;
    // The file as the cache holds it, used only with the compiled code V8 accepts for it; else the file itself.
    let wrapped = traced ? undefined : packed.get(name);
    let script;
    try {
      if (wrapped !== undefined) script = new Script(wrapped, { filename: file, cachedData: cached.get(name) });
    } catch {
      // A damaged cache's source (V8 compiles it when it refuses the compiled part): the file is read instead.
      script = null;
    }
    if (!script || script.cachedDataRejected) {
      let source;
      try {
        source = readFileSync(file, 'utf8');
      } catch (error) {
        process.stderr.write(`Error: cannot read ${file} (${error.code}): this file needs the program's files beside it, as the package installs them\n`);
        process.exit(1);
      }
      if (traced) mapStackTraces(file, source);
      // The wrapper has a line of its own, so each file's lines stay where its source map says.
      wrapped = `(function (exports, require, module, __filename, __dirname) {\n${source}\n})`;
      script = new Script(wrapped, { filename: file, cachedData: script === undefined ? cached.get(name) : undefined });
    }
    const module = { exports: {} };
    loaded.set(name, { script, wrapped, module, fresh: !packed.has(name) || script.cachedDataRejected !== false });
    script.runInThisContext()(module.exports, requireInProgram, module, file, __dirname);
    return module.exports;
  };
  // Only a run that succeeded leaves a cache: a mistyped command or option leaves nothing behind.
  if (cacheFile) process.once('exit', (code) => code === 0 && [...loaded.values()].some((file) => file.fresh) && saveCodeCache(cacheFile, cached, packed, loaded));
  load('app.cjs');
}

/**
 * The cache of each file of the program, by name, as saveCodeCache wrote them,
 * and each file's source as it was compiled (wrapped); empty when there is none
 * or it does not add up.
 */
function readCodeCache(file) {
  const cached = new Map();
  const packed = new Map();
  try {
    const bytes = readFileSync(file);
    const newline = bytes.indexOf(10);
    const header = JSON.parse(bytes.toString('utf8', 0, newline));
    if (header[0] !== CACHE_HEADER) return { cached, packed };
    let at = newline + 1;
    for (const [name, length] of header.slice(1)) {
      cached.set(name, bytes.subarray(at, at + length));
      at += length;
    }
    // The sources, all ASCII (the build makes sure), as one string: each file's is a slice of it, not a copy.
    const sources = bytes.toString('latin1', at);
    let from = 0;
    for (const [name, , length] of header.slice(1)) {
      if (length > 0) packed.set(name, sources.slice(from, from + length));
      from += length;
    }
    if (at + from !== bytes.length) {
      cached.clear();
      packed.clear();
    }
  } catch {
    // No cache yet (or not one of ours): compile from source and write one at exit.
  }
  return { cached, packed };
}

/**
 * $XDG_CACHE_HOME/letta-switchboard or ~/.cache/letta-switchboard: per user,
 * never a shared temp folder, and never relative to the current folder: with
 * neither an absolute XDG_CACHE_HOME nor an absolute HOME (an empty HOME from
 * `env -i HOME=`) there is no cache. One cache per command, since a cache
 * holds the functions compiled by the run that wrote it.
 */
function codeCachePath() {
  if (process.env.LETTA_SWITCHBOARD_NO_CODE_CACHE) return undefined;
  const { XDG_CACHE_HOME: xdg, HOME: home } = process.env;
  const base = xdg && isAbsolute(xdg) ? xdg : home && isAbsolute(home) ? join(home, '.cache') : undefined;
  if (base === undefined) return undefined;
  // Help compiles none of a command's own code: a cache written then would serve the command badly.
  if (args.includes('--help') || args.includes('-h')) return undefined;
  const words = args.filter((arg) => !arg.startsWith('-'));
  const at = words.findIndex((word) => COMMANDS.includes(word));
  if (at === -1 && words.length > 0) return undefined;
  if (words[at] === 'help') return undefined;
  let command = at === -1 ? 'root' : words[at];
  if (GROUPS.includes(command)) {
    if (!/^[a-z][a-z-]*$/.test(words[at + 1] ?? '')) return undefined;
    command += `-${words[at + 1]}`;
  }
  // `parse` runs quite different code for one instant and for a repeating schedule.
  if (command === 'parse') {
    // Not one regex of the words: compiling it took a tenth of a millisecond.
    const phrase = (words[at + 1] ?? '').trimStart().toLowerCase();
    command += /^[0-9*@]/.test(phrase) || ['every', 'each', 'daily', 'hourly', 'week', 'monthly'].some((word) => phrase.startsWith(word)) ? '-recurring' : '-once';
  }
  return join(base, 'letta-switchboard', `v8-${SOURCE_HASH}-${process.version}-${process.arch}-${command}.cache`);
}

/**
 * The caches of the files this run compiled (with the functions it ran) and
 * those of files an earlier run of the command needed and this one did not,
 * in one file, and after them each file's source as it was compiled, so that
 * a run of the command reads this one file rather than each file of the
 * program it needs (30 to 50). Written beside it and renamed into place, so a
 * reader never sees half a cache. Any failure just means no cache.
 */
function saveCodeCache(file, cached, packed, loaded) {
  try {
    const entries = new Map([...cached].map(([name, data]) => [name, { data, source: packed.get(name) ?? '' }]));
    for (const [name, { script, wrapped }] of loaded) entries.set(name, { data: script.createCachedData(), source: wrapped });
    // A source is kept only when it is ASCII, one byte a character, as it is read back.
    for (const entry of entries.values()) if (Buffer.byteLength(entry.source) !== entry.source.length) entry.source = '';
    const parts = [...entries.values()];
    const header = [CACHE_HEADER, ...[...entries].map(([name, { data, source }]) => [name, data.length, source.length])];
    const dir = join(file, '..');
    for (const folder of [join(dir, '..'), dir]) {
      try {
        mkdirSync(folder, { mode: 0o700 });
      } catch (error) {
        if (error.code !== 'EEXIST') throw error;
      }
    }
    const temp = `${file}.${process.pid}.tmp`;
    const sources = Buffer.from(parts.map(({ source }) => source).join(''), 'latin1');
    writeFileSync(temp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...parts.map(({ data }) => data), sources]), { mode: 0o600 });
    renameSync(temp, file);
    // Caches of other builds are dead weight: remove them. Those of other Node releases stay, so
    // switching between releases (nvm, a CI matrix) does not throw each one's caches away in turn.
    const current = `v8-${SOURCE_HASH}-`;
    for (const name of readdirSync(dir)) {
      if (name.startsWith('v8-') && !name.startsWith(current)) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // A cache is an optimisation; never fail a command over it.
  }
}

/**
 * With --verbose, stack traces name the functions and lines of the source
 * (src/...ts), read from each file's map beside it (app.cjs.map, ...);
 * without those (the published package leaves them out) they stay as they are.
 */
function mapStackTraces(file, source) {
  const firstFile = tracedFiles.size === 0;
  tracedFiles.set(file, { source, lines: undefined, map: undefined });
  if (!firstFile) return;
  const { SourceMap } = require('node:module');
  const find = (file, line, column) => {
    const seen = tracedFiles.get(file);
    if (!seen) return {};
    if (seen.map === undefined) {
      try {
        seen.map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
      } catch {
        seen.map = null;
      }
    }
    return seen.map && line > 0 && column > 0 ? seen.map.findEntry(line - 1, column - 1) : {};
  };
  // A function's start maps to `function`; its name is on the identifier after it.
  const functionName = (file, line, column) => {
    const start = find(file, line, column);
    if (start.name || !start.originalSource) return start.name;
    const seen = tracedFiles.get(file);
    seen.lines ??= seen.source.split('\n');
    const declared = /^(?:async\s*)?function\*?\s*([\w$]+)/.exec((seen.lines[line - 2] ?? '').slice(column - 1));
    return declared ? find(file, line, column + declared[0].length - declared[1].length).name : undefined;
  };
  Error.prepareStackTrace = (error, frames) => {
    const lines = frames.map((frame, i) => {
      const file = frame.getFileName();
      const spot = find(file, frame.getLineNumber(), frame.getColumnNumber());
      if (!spot.originalSource) return `    at ${frame}`;
      // The name: the enclosing function's, else the one its caller used for it.
      const caller = frames[i + 1];
      const name =
        functionName(file, frame.getEnclosingLineNumber?.(), frame.getEnclosingColumnNumber?.()) ??
        (caller ? find(caller.getFileName(), caller.getLineNumber(), caller.getColumnNumber()).name : undefined) ??
        frame.getFunctionName();
      const where = `${spot.originalSource.replace(/^(\.\.\/)+/, '')}:${spot.originalLine + 1}:${spot.originalColumn + 1}`;
      return name ? `    at ${name} (${where})` : `    at ${where}`;
    });
    return [`${error}`, ...lines].join('\n');
  };
}
