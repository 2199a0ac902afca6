#!/usr/bin/env node
// `npm ci` refuses a lock file that leaves out any optional dependency, and
// `npm install` leaves out the platform packages (here rollup's, for vitest)
// that its registry does not serve. This adds an entry, with the package's
// os/cpu/libc, for each one missing, so `npm ci` accepts the lock and skips
// them on this platform as it would with a complete registry. Run it after
// `npm install` changes package-lock.json.
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORMS = {
  'android-arm-eabi': [['android'], ['arm']],
  'android-arm64': [['android'], ['arm64']],
  'android-x64': [['android'], ['x64']],
  'darwin-arm64': [['darwin'], ['arm64']],
  'darwin-x64': [['darwin'], ['x64']],
  'freebsd-arm64': [['freebsd'], ['arm64']],
  'freebsd-x64': [['freebsd'], ['x64']],
  'linux-arm-gnueabihf': [['linux'], ['arm'], ['glibc']],
  'linux-arm-musleabihf': [['linux'], ['arm'], ['musl']],
  'linux-arm64-gnu': [['linux'], ['arm64'], ['glibc']],
  'linux-arm64-musl': [['linux'], ['arm64'], ['musl']],
  'linux-loong64-gnu': [['linux'], ['loong64'], ['glibc']],
  'linux-loong64-musl': [['linux'], ['loong64'], ['musl']],
  'linux-ppc64-gnu': [['linux'], ['ppc64'], ['glibc']],
  'linux-ppc64-musl': [['linux'], ['ppc64'], ['musl']],
  'linux-riscv64-gnu': [['linux'], ['riscv64'], ['glibc']],
  'linux-riscv64-musl': [['linux'], ['riscv64'], ['musl']],
  'linux-s390x-gnu': [['linux'], ['s390x'], ['glibc']],
  'linux-x64-gnu': [['linux'], ['x64'], ['glibc']],
  'linux-x64-musl': [['linux'], ['x64'], ['musl']],
  'openbsd-x64': [['openbsd'], ['x64']],
  'openharmony-arm64': [['openharmony'], ['arm64']],
  'win32-arm64-msvc': [['win32'], ['arm64']],
  'win32-ia32-msvc': [['win32'], ['ia32']],
  'win32-x64-gnu': [['win32'], ['x64']],
  'win32-x64-msvc': [['win32'], ['x64']],
};

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const added = [];
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    const platform = PLATFORMS[/^@rollup\/rollup-(.+)$/.exec(name)?.[1]];
    if (!platform) throw new Error(`${name} is missing from the lock and its platform is unknown`);
    const [os, cpu, libc] = platform;
    lock.packages[key] = { version, cpu, dev: true, license: 'MIT', optional: true, os, ...(libc ? { libc } : {}) };
    added.push(name);
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync('package-lock.json', `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
console.log(added.length ? `added ${added.length} optional platform entries` : 'the lock file is complete');
