#!/usr/bin/env node
// letta-switchboard: one self-contained file. The program itself is the
// string below (a CommonJS bundle with every dependency inside). It is
// compiled with a V8 code cache kept in the user's cache folder, so later
// runs skip most of the parsing and compiling that dominates start-up.
'use strict';
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { homedir } = require('node:os');
const { join } = require('node:path');
const { Script } = require('node:vm');

const SOURCE = __APP_SOURCE__;
const SOURCE_HASH = __APP_HASH__;
// The root --help (as the program printed it into a pipe at build time) and --version.
const HELP = __APP_HELP__;
const VERSION = __APP_VERSION__;
const COMMANDS = __APP_COMMANDS__;
// Commands that only hold subcommands: a cache is kept per subcommand, since each compiles different code.
const GROUPS = __APP_GROUPS__;

const args = process.argv.slice(2);
// On a terminal the program fits its help to the width, so only a pipe gets the ready-made text.
if (args.length === 1 && (args[0] === '--help' || args[0] === '-h') && !process.stdout.isTTY) process.stdout.write(HELP);
else if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) process.stdout.write(`${VERSION}\n`);
else run();

function run() {
  if (args.includes('--verbose')) mapStackTraces();
  const cacheFile = codeCachePath();
  let cachedData;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet: compile from source and write one at exit.
  }
  // The wrapper has a line of its own, so the bundle's lines stay where its source map says.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${SOURCE}\n})`, { filename: __filename, cachedData });
  // Only a run that succeeded leaves a cache: a mistyped command or option leaves nothing behind.
  if (cacheFile && (!cachedData || script.cachedDataRejected)) process.once('exit', (code) => code === 0 && saveCodeCache(cacheFile, script));
  const app = { exports: {} };
  script.runInThisContext()(app.exports, require, app, __filename, __dirname);
}

/**
 * $XDG_CACHE_HOME/letta-switchboard or ~/.cache/letta-switchboard: per user,
 * never a shared temp folder. One cache per command, since a cache holds the
 * functions compiled by the run that wrote it.
 */
function codeCachePath() {
  if (process.env.LETTA_SWITCHBOARD_NO_CODE_CACHE) return undefined;
  let home = process.env.HOME;
  try {
    home ||= homedir();
  } catch {
    return undefined;
  }
  const base = process.env.XDG_CACHE_HOME || join(home, '.cache');
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
    // Caches of other builds (or Node versions) are dead weight: remove them.
    const current = `v8-${SOURCE_HASH}-${process.version}-${process.arch}-`;
    for (const name of readdirSync(dir)) {
      if (name.startsWith('v8-') && !name.startsWith(current)) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // A cache is an optimisation; never fail a command over it.
  }
}

/**
 * With --verbose, stack traces name the functions and lines of the source
 * (src/...ts), read from cli.cjs.map beside this file; without that file
 * they stay as they are.
 */
function mapStackTraces() {
  let map;
  const { SourceMap } = require('node:module');
  const find = (line, column) => {
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${__filename}.map`, 'utf8')));
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
    lines ??= SOURCE.split('\n');
    const declared = /^(?:async\s*)?function\*?\s*([\w$]+)/.exec((lines[line - 2] ?? '').slice(column - 1));
    return declared ? find(line, column + declared[0].length - declared[1].length).name : undefined;
  };
  Error.prepareStackTrace = (error, frames) => {
    const lines = frames.map((frame, i) => {
      if (frame.getFileName() !== __filename) return `    at ${frame}`;
      const spot = find(frame.getLineNumber(), frame.getColumnNumber());
      if (!spot.originalSource) return `    at ${frame}`;
      // The name: the enclosing function's, else the one its caller used for it.
      const caller = frames[i + 1];
      const name = functionName(frame.getEnclosingLineNumber?.(), frame.getEnclosingColumnNumber?.()) ??
        (caller?.getFileName() === __filename ? find(caller.getLineNumber(), caller.getColumnNumber()).name : undefined) ?? frame.getFunctionName();
      const where = `${spot.originalSource.replace(/^(\.\.\/)+/, '')}:${spot.originalLine + 1}:${spot.originalColumn + 1}`;
      return name ? `    at ${name} (${where})` : `    at ${where}`;
    });
    return [`${error}`, ...lines].join('\n');
  };
}
