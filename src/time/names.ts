/**
 * The names of weekdays and months as output shows them. Apart from the
 * vocabulary (lexicon.ts) that reads them, so a command that only shows a
 * schedule does not load and set up every spelling the readers know.
 */

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const WEEKDAY_SHORT = WEEKDAY_NAMES.map((name) => name.slice(0, 3));
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
