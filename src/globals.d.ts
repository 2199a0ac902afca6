/** Replaced at build time (tsup `define`) and in tests (vitest `define`) with package.json's version; read it through src/version.ts. */
declare const __VERSION__: string | undefined;
