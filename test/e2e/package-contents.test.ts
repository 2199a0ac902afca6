import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli';

/** The paths `npm pack` would put in the published package (no build: the test run's global setup made dist/). */
function packedPaths(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const [pack] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
  return pack!.files.map((file) => file.path);
}

describe('the published package', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license?: string; bin: Record<string, string> };
  const paths = packedPaths();

  it('holds the README, the bin and the program, and no source maps, sources or tests', () => {
    expect(paths).toContain('README.md');
    expect(paths).toContain('dist/cli.cjs');
    for (const bin of Object.values(manifest.bin)) expect(paths).toContain(bin.replace(/^\.\//, ''));
    expect(paths.filter((path) => path.endsWith('.map') || /^(src|test|bench|scripts|build)\//.test(path))).toEqual([]);
  });

  it('the README it ships starts with installing the package itself, as its users do', () => {
    const { name } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string };
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))![1]!;
    expect(firstBlock.split('\n')[0]).toMatch(new RegExp(`^npm (install|i) (-g|--global) ${name}(\\s|$)`));
  });

  it('carries the text of the license package.json names', () => {
    expect(manifest.license).toBeTruthy();
    const licence = paths.find((path) => /^licen[cs]e(\.(md|txt))?$/i.test(path));
    expect(licence, 'a LICENSE file in the package').toBeDefined();
    const text = readFileSync(join(ROOT, licence!), 'utf8');
    if (manifest.license === 'MIT') expect(text).toMatch(/^MIT License\b[\s\S]*Permission is hereby granted, free of charge/);
  });
});
