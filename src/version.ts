/**
 * The version: put in by the build (and by vitest); when run from source
 * (`npm run dev`), npm's own variable for package.json's version.
 */
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : (process.env.npm_package_version ?? '0.0.0-dev');
