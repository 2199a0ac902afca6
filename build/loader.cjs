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
// The root --help and --version, as the program itself printed them at build time.
const HELP = __APP_HELP__;
const VERSION = __APP_VERSION__;

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) process.stdout.write(HELP);
else if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) process.stdout.write(`${VERSION}\n`);
else run();

function run() {

  const cacheFile = codeCachePath();
  let cachedData;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet: compile from source and write one at exit.
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${SOURCE}\n})`, { filename: __filename, cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) process.once('exit', () => saveCodeCache(cacheFile, script));
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
  const words = args.filter((arg) => !arg.startsWith('-'));
  let command = /^[a-z][a-z-]{0,19}$/.test(words[0] ?? '') ? words[0] : 'other';
  // `parse` runs quite different code for one instant and for a repeating schedule.
  if (command === 'parse') command += /^\s*(every|each|daily|hourly|weekly|monthly|week|[0-9*@])/i.test(words[1] ?? '') ? '-recurring' : '-once';
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
