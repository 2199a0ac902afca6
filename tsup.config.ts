import { defineConfig } from 'tsup';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// One self-contained ESM file: every dependency is bundled, and the lazy
// `import()` of each command stays in the same file (splitting off), so the
// built CLI runs when copied alone into an empty folder.
export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  splitting: false,
  sourcemap: false,
  minify: true,
  noExternal: [/.*/],
  define: { __VERSION__: JSON.stringify(version) },
  banner: {
    // Bundled CommonJS dependencies (cli-table3) call require(); give them one.
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
