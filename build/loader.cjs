#!/usr/bin/env node
// letta-switchboard's entry point. The program itself is app.cjs beside this
// file (a CommonJS bundle with every dependency inside), read only when a
// command runs: the root --help and --version are answered from here. It is
// compiled with a V8 code cache kept in the user's cache folder, so later runs
// skip most of the parsing and compiling that dominates start-up.
'use strict';
const { fstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } = require('node:fs');
const { isAbsolute, join } = require('node:path');

const PROGRAM = join(__dirname, 'app.cjs');
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
    if (error.code !== 'EAGAIN') throw error;
    process.stdout.write(bytes.subarray(written));
  }
}

function run() {
  let source;
  try {
    source = readFileSync(PROGRAM, 'utf8');
  } catch (error) {
    process.stderr.write(`Error: cannot read ${PROGRAM} (${error.code}): this file needs app.cjs beside it, as the package installs them\n`);
    process.exit(1);
  }
  if (args.includes('--verbose')) mapStackTraces(source);
  const cacheFile = codeCachePath();
  let cachedData;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet: compile from source and write one at exit.
  }
  const { Script } = require('node:vm');
  // The wrapper has a line of its own, so the bundle's lines stay where its source map says.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, { filename: PROGRAM, cachedData });
  // Only a run that succeeded leaves a cache: a mistyped command or option leaves nothing behind.
  if (cacheFile && (!cachedData || script.cachedDataRejected)) process.once('exit', (code) => code === 0 && saveCodeCache(cacheFile, script));
  const app = { exports: {} };
  script.runInThisContext()(app.exports, require, app, PROGRAM, __dirname);
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
  if (command === 'parse') command += /^\s*(every|each|daily|hourly|weekly|monthly|week|[0-9*@])/i.test(words[at + 1] ?? '') ? '-recurring' : '-once';
  return join(base, 'letta-switchboard', `v8-${SOURCE_HASH}-${process.version}-${process.arch}-${command}.cache`);
}

/** Written beside it and renamed into place, so a reader never sees half a cache. Any failure just means no cache. */
function saveCodeCache(file, compiled) {
  try {
    const dir = join(file, '..');
    for (const folder of [join(dir, '..'), dir]) {
      try {
        mkdirSync(folder, { mode: 0o700 });
      } catch (error) {
        if (error.code !== 'EEXIST') throw error;
      }
    }
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, compiled.createCachedData(), { mode: 0o600 });
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
 * (src/...ts), read from app.cjs.map beside the program; without that file
 * (the published package leaves it out) they stay as they are.
 */
function mapStackTraces(source) {
  let map;
  const { SourceMap } = require('node:module');
  const find = (line, column) => {
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${PROGRAM}.map`, 'utf8')));
      } catch {
        map = null;
      }
    }
    return map && line > 0 && column > 0 ? map.findEntry(line - 1, column - 1) : {};
  };
  // A function's start maps to `function`; its name is on the identifier after it.
  let lines;
  const functionName = (line, column) => {
    const start = find(line, column);
    if (start.name || !start.originalSource) return start.name;
    lines ??= source.split('\n');
    const declared = /^(?:async\s*)?function\*?\s*([\w$]+)/.exec((lines[line - 2] ?? '').slice(column - 1));
    return declared ? find(line, column + declared[0].length - declared[1].length).name : undefined;
  };
  Error.prepareStackTrace = (error, frames) => {
    const lines = frames.map((frame, i) => {
      if (frame.getFileName() !== PROGRAM) return `    at ${frame}`;
      const spot = find(frame.getLineNumber(), frame.getColumnNumber());
      if (!spot.originalSource) return `    at ${frame}`;
      // The name: the enclosing function's, else the one its caller used for it.
      const caller = frames[i + 1];
      const name =
        functionName(frame.getEnclosingLineNumber?.(), frame.getEnclosingColumnNumber?.()) ??
        (caller?.getFileName() === PROGRAM ? find(caller.getLineNumber(), caller.getColumnNumber()).name : undefined) ??
        frame.getFunctionName();
      const where = `${spot.originalSource.replace(/^(\.\.\/)+/, '')}:${spot.originalLine + 1}:${spot.originalColumn + 1}`;
      return name ? `    at ${name} (${where})` : `    at ${where}`;
    });
    return [`${error}`, ...lines].join('\n');
  };
}
