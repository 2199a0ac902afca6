import { Chalk, type ChalkInstance } from 'chalk';

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

export function painter(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}
