import { Chalk, type ChalkInstance } from 'chalk';
import { inert } from './inert';

export interface ColourInputs {
  isTTY: boolean;
  env: Record<string, string | undefined>;
  /** false when --no-color was given. */
  flag: boolean;
}

/**
 * The one place colour is decided: never with --no-color or NO_COLOR; into a
 * pipe or a dumb terminal only when FORCE_COLOR asks. (chalk alone ignores NO_COLOR.)
 */
export function colourEnabled({ isTTY, env, flag }: ColourInputs): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/** The styles this CLI uses; each returns its text styled (or as it is, without colour). */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  underline(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const STYLES = ['bold', 'dim', 'underline', 'red', 'green', 'yellow', 'cyan'] as const;

/**
 * Styles whose escape codes are written as `mark` rather than ESC, and whose
 * text has its own control characters shown (inert): the writer turns marks
 * back into ESC after making everything else inert, so only the styles this
 * tool chose reach the terminal.
 */
export function painter(enabled: boolean, mark: string): Paint {
  const styles = {} as Paint;
  // Without colour chalk is never loaded (its set-up is a build time stand-in's, on first use: tsup.config.ts).
  const chalk: ChalkInstance | undefined = enabled ? new Chalk({ level: 1 }) : undefined;
  for (const style of STYLES) styles[style] = chalk ? (text) => chalk[style](inert(text)).replaceAll('\u001b', mark) : (text) => text;
  return styles;
}
