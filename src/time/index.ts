/**
 * The time language: phrases to instants and UTC crons. Pure (no I/O); the
 * heavy parsers are imported only on the path that needs them.
 *
 * The pipeline, one file per step, every word from lexicon.ts:
 *   one instant:  once.ts (INSTANT_RULES) -> read-once.ts (DAY_RULES) -> resolve-once.ts
 *   repeating:    read-recurring.ts (CLAUSE_RULES, unite) -> resolve-recurring.ts -> to-utc.ts
 *   either:       read-ends.ts takes a phrase's own start, end or count off first.
 */
import { quotedAsTyped } from './quoted-as-typed';
import { UsageError } from '../errors';
import type { LocalSchedule } from './resolve-recurring';
import type { SeriesRule } from './series';
import type { InstantOptions, ParsedInstant } from './once';
import { LATEST_INSTANT } from './now';
import { plainlyOnce } from './plainly-once';
import { withMonthWordsInOrder } from './month-words';
import { capitalMNote } from './lexicon';
import { ordinalDay } from './words';
import { dstNote, formatLocal, instantFromLocal, wallTime } from './zone';

/** The last day LATEST_INSTANT allows, as errors name it. */
const lastDate = () => new Date(LATEST_INSTANT).toISOString().slice(0, 10);

export interface PhraseOptions {
  now: number;
  zone: string;
}

export interface OnceMeaning {
  type: 'one-time';
  input: string;
  scheduled_at: number;
  scheduled_at_iso: string;
  timezone: string;
  local: string;
  /** The phrase was "now": send immediately. */
  is_now: boolean;
  /** What the reader chose where the phrase left a choice, and how to write the other reading. */
  notes: string[];
}

/** One cron of a set, with what it means on the user's clock. */
export interface CronMeaning {
  cron_expression: string;
  local_cron: string | null;
  description: string;
}

export interface RecurringMeaning {
  type: 'recurring';
  input: string;
  /** The cron Letta runs; for a set, the first of `cron_expressions`. */
  cron_expression: string;
  timezone: string;
  local_cron: string | null;
  description: string;
  /** Runs of every cron, merged in time order. */
  next_runs: string[];
  next_runs_local: string[];
  warnings: string[];
  /** What the reader chose where the phrase left a choice, and how to write the other reading. */
  notes: string[];
  /** Only when the phrase needs more than one cron (at most 4): every cron, one schedule each. */
  cron_expressions?: string[];
  /** Only beside `cron_expressions`: each cron with its local cron and description. */
  crons?: CronMeaning[];
}

/** A rule no set of crons says exactly: created as a series of one-time schedules. */
export interface SeriesMeaning {
  type: 'series';
  input: string;
  timezone: string;
  description: string;
  /** Why no cron (or small set of crons) can say it. */
  reason: string;
  /** What the user can do instead. */
  hint: string;
  next_runs: string[];
  next_runs_local: string[];
  warnings: string[];
  notes: string[];
  /** The rule itself, for `nextInstants` (series.ts): every instant is computed on the zone's clock. */
  rule: SeriesRule;
  /** The end the phrase gives ("until dec 24", "for 4 weeks"), as --until would. */
  until?: string;
  /** The count the phrase gives ("10 times"), as --count would. */
  count?: number;
}

export type PhraseMeaning = OnceMeaning | RecurringMeaning | SeriesMeaning;

export async function meaningOfOnce(input: string, options: PhraseOptions): Promise<OnceMeaning> {
  return onceMeaning(input, options).catch(async (error: unknown) => {
    throw error instanceof (await import('./once')).RecurringPhraseError ? await asRuleRefused(error, input, options) : error;
  });
}

/** The one instant a phrase names; a repeating phrase is refused as one, without asking the repeating reader (which asks this). */
async function onceMeaning(input: string, { now, zone }: PhraseOptions): Promise<OnceMeaning> {
  const { instant, isNow, notes } = await instantOf(input, { now, zone });
  return {
    type: 'one-time',
    input,
    scheduled_at: instant,
    scheduled_at_iso: new Date(instant).toISOString(),
    timezone: zone,
    local: formatLocal(zone, instant, true),
    is_now: isNow,
    notes: quotedAsTyped(notes, input),
  };
}

/**
 * The end of a span (--until): a one-time phrase, where a day without a time
 * of day ("friday", "dec 24", "2026-12-04") includes that whole local day.
 */
export async function endOfSpan(input: string, { now, zone }: PhraseOptions): Promise<number> {
  return (await instantOf(input, { now, zone, edge: 'end' })).instant;
}

/** The one-time reader's answer; the recurring grammar is loaded only for a phrase in words that may repeat. */
async function instantOf(input: string, options: InstantOptions): Promise<ParsedInstant> {
  const { parseInstant, GrammarNeeded, refuseLastNightOf } = await import('./once');
  refuseLastNightOf(input.trim());
  try {
    return parseInstant(input, options);
  } catch (error) {
    if (!(error instanceof GrammarNeeded)) throw error;
    const { looksRecurring, isShortCron } = await import('./looks-recurring');
    // A cron short of a field ("0 9 * *") is no instant, nor a rule to create: say what it lacks.
    if (isShortCron(input.trim().replace(/\s+/g, ' '))) throw (await import('./cron')).fieldCountError(input);
    try {
      return parseInstant(input, { ...options, repeats: looksRecurring });
    } catch (refused) {
      // A rule with its own end ("every day at 9am until friday") is a series: refused as a rule, as one without an end is.
      // Asked only of a phrase no instant was read from: "three fridays from now" is one time.
      if (refused instanceof UsageError && (await repeatsWithinEnds(input, options, looksRecurring))) throw new (await import('./once')).RecurringPhraseError(input.trim());
      throw refused;
    }
  }
}

/**
 * A repeating phrase given as one instant points to `recurring create`, unless the repeating reader refuses it too
 * ("every fri in week 12"): then its refusal, which says what to write, is the answer, and no command is offered that
 * would refuse it.
 */
async function asRuleRefused(error: UsageError, input: string, options: PhraseOptions): Promise<UsageError> {
  const refused = await meaningOfSchedule(input, { now: options.now, zone: options.zone }, 1).then(
    () => undefined,
    (other: unknown) => other,
  );
  return refused instanceof UsageError ? refused : error;
}

export interface RecurringOptions {
  /**
   * Accept a phrase that needs a small set of crons (`cron_expressions`).
   * Off by default, so a caller that sends only `cron_expression` can never
   * create part of a schedule: such a phrase is an error naming every cron.
   */
  sets?: boolean;
}

/**
 * A repeating phrase as one UTC cron (or, with `sets`, a small exact set). A
 * rule that needs a series of one-time schedules is an input error that says
 * so (see `meaningOfSchedule` for the meaning of such rules).
 */
export async function meaningOfRecurring(input: string, options: PhraseOptions, count = 5, { sets = false }: RecurringOptions = {}): Promise<RecurringMeaning> {
  const meaning = await meaningOfSchedule(input, options, count);
  if (meaning.type === 'series') {
    throw new UsageError(`'${input.trim()}' ${meaning.reason}. It means: ${meaning.description}`, meaning.hint);
  }
  if (meaning.cron_expressions && !sets) {
    throw new UsageError(
      `'${input.trim()}' needs ${meaning.cron_expressions.length} crons to be exact (${meaning.cron_expressions.join(', ')}), one schedule each`,
      `Create one schedule per cron: ${meaning.cron_expressions.map((cron) => `--cron '${cron}'`).join(', then ')}.`,
    );
  }
  return meaning;
}

/** Words that may start a phrase's own start, end or count ("starting may 13th", "until dec 24", "for 4 weeks", "10 times", "5x", "up to"), or a span it keeps within ("this week"). */
const END_WORDS = new Set('starting starts beginning from effective commencing until till til through thru ending ends for times occurrence occurrences runs except'.split(' '));

/**
 * Whether a phrase (lower case, single spaces) has a word that may start its own end. Words in a
 * set, not one regex of them all: compiling that took a fifth of a millisecond of every `parse`.
 */
function mayGiveEnds(text: string): boolean {
  return (
    text.split(/\W+/).some((word) => END_WORDS.has(word) || /^(?:\d+x|x\d+)$/.test(word)) ||
    /\bas of\b| x \d+(?:$| at | @ )/.test(text) ||
    /\bup to\b|\bfor the rest of the\b/.test(text) ||
    // "every weekday between dec 7 and dec 18": two days.
    /\bbetween\b.+\band\b/.test(text) ||
    // "every dec 1 to dec 24": two days.
    / (?:to|-) (?:[a-z]+ \d|\d+(?:st|nd|rd|th)? [a-z])/.test(text) ||
    // "every day this week", "every weekday next week at 10am": within that span.
    [' this week', ' next week', ' this month', ' next month'].some((span) => text.includes(span)) ||
    // "every hour today", "every 15 minutes tomorrow from 9 to 5": within that day.
    / (?:today|tomorrow)\b/.test(text) ||
    // "every monday in 2027", "every day in june 2027 at 8am": within that year; "the next 3 sundays": that many.
    /\b(?:in|during|throughout)(?: the year| [a-z]+,?)? \d{4}\b|\bnext [a-z\d]+ [a-z]+days$/.test(text)
  );
}

/** "Every 12 hours", "Every 90 minutes": an interval counted from its start. */
function elapsedText(rule: SeriesRule): string {
  const minutes = rule.kind === 'elapsed' ? rule.minutes : 0;
  if (minutes % 60 !== 0) return `Every ${minutes} minutes`;
  return minutes === 60 ? 'Every hour' : `Every ${minutes / 60} hours`;
}

/**
 * "forever", "until further notice", "from now on", "with no end date": no end, which a repeating schedule has already. Last,
 * after a comma or a dash ("weekly - forever", RFC 5545's English), or before the rest of the rule ("every day forever at 9am").
 */
const OPEN_END =
  /(?:,| -)? (?:and )?(?:forever|for ever|for good|indefinitely|perpetually|endlessly|ongoing|going forward|from now on|from here on(?: out)?|(?:until|till|til) (?:further notice|(?:it is |i )?(?:cancell?ed|stopped|stop it|cancel it))|(?:with )?no end(?: date)?|without (?:an )?end(?: date)?|never ends?|never ending)(?=$|,? )/;

/** "from now on every day at 9am", "going forward, daily": the same, said first. */
const OPEN_START = /^(?:from now on|from here on(?: out)?|going forward|starting now|(?:forever|indefinitely) and)\b,? /;

/** The rule without its open end, read as the whole phrase, said in a note; an end or a count beside it is a contradiction, refused. */
async function withoutEnd(input: string, open: RegExpExecArray, options: PhraseOptions, count: number): Promise<RecurringMeaning | SeriesMeaning> {
  const said = input.trim().replace(/\s+/g, ' ');
  // The match was on the phrase in lower case, whose letters are where the phrase's are.
  const rule = open.index > 0 ? `${said.slice(0, open.index)}${said.slice(open.index + open[0].length)}` : said.slice(open[0].length);
  const meaning = await meaningOfSchedule(rule, options, count);
  const openSaid = open[0].replace(/^(?:,| -)? (?:and )?/, '').replace(/,? $/, '');
  if (meaning.type === 'series' && (meaning.until !== undefined || meaning.count !== undefined))
    throw new UsageError(`'${input.trim()}' gives an end and says it has none ('${openSaid}')`, `Give one or the other: '${rule}' alone ends as it says.`);
  // Read as the rule alone, which is what is recorded and read again (sync, export): the open end adds nothing to it.
  return { ...meaning, notes: [...meaning.notes, `read '${openSaid}'${OPEN_END_NOTE}'${rule}' has already`] };
}

const OPEN_END_NOTE = ' as no end, which ';

/** The words by which a phrase said it has no end ("forever"), from its note: an end given beside it as a flag contradicts them. */
export function noEndSaid(meaning: { notes: readonly string[] }): string | undefined {
  const note = meaning.notes.find((one) => one.includes(OPEN_END_NOTE));
  return note?.slice("read '".length, note.indexOf(`'${OPEN_END_NOTE}`));
}

/**
 * A repeating phrase as crons, or, for a rule no set of crons says exactly, as
 * a series with its next instants. A phrase that gives its own start, end or
 * count ("every monday until dec 24") is a series within them.
 */
export async function meaningOfSchedule(input: string, options: PhraseOptions, count = 5): Promise<RecurringMeaning | SeriesMeaning> {
  const typed = input.trim().replace(/\s+/g, ' ');
  const { text: said, spans } = withMonthWordsInOrder(typed);
  if (said === typed) {
    const meaning = await scheduleMeaning(input, options, count);
    return { ...meaning, notes: quotedAsTyped(meaning.notes, input) };
  }
  // Said again in an order the grammar reads: the meaning and its errors repeat the phrase as typed, and its notes the words typed.
  const meaning = await scheduleMeaning(said, options, count).catch((error: unknown) => {
    if (error instanceof UsageError) error.message = error.message.split(said).join(typed);
    throw error;
  });
  const notes = meaning.notes.map((note) => spans.reduce((each, [again, words]) => each.split(`'${again}'`).join(`'${words}'`), note));
  return { ...meaning, input, notes: quotedAsTyped(notes, input) };
}

async function scheduleMeaning(input: string, options: PhraseOptions, count: number): Promise<RecurringMeaning | SeriesMeaning> {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  (await import('./resolve-recurring')).refuseWordingsOfRule(input.trim(), options);
  const open = OPEN_END.exec(text) ?? OPEN_START.exec(text);
  if (open && (open.index > 0 || open[0].length < text.length)) return withoutEnd(input, open, options, count);
  if (!mayGiveEnds(text)) return (await scheduleOf(input, options, count)).meaning;
  const [{ readEnds }, { asSeriesRule, isStartNote, isEveryMonthNote }, { nextInstants, instantsWithNotes }] = await Promise.all([
    import('./read-ends'),
    import('./resolve-recurring'),
    import('./series'),
  ]);
  const { rule: ruleText, ends } = await Promise.resolve()
    .then(() => readEnds(text, options))
    .catch(async (error: unknown) => {
      throw await insteadIfOneInstant(error, input.trim(), options);
    });
  if (ends.ruleSaid !== undefined) return { ...(await scheduleOf(ends.ruleSaid, options, count)).meaning, input };
  if (ends.said.length === 0) return (await scheduleOf(input, options, count)).meaning;
  if (ends.until !== undefined && !(ends.until <= LATEST_INSTANT))
    throw new UsageError(`'${input.trim()}' ends after ${lastDate()}, the last date this tool can use`, 'Give an earlier end, or leave it out.');
  // Rules that count from their first run ("every 3 days") count from the start; a start of today, or one gone by ("starting
  // nov 30" on 5 December, read-ends), counts from the start of its day, even once its time has passed ("every other monday
  // starting dec 7" said on Monday 7 Dec at 10:00 is the 21st next).
  const startDay = ends.start === undefined ? undefined : wallTime(options.zone, Math.min(ends.start, options.now));
  const from =
    ends.start === undefined ? options.now : ends.start <= options.now ? instantFromLocal(options.zone, { ...startDay!, hour: 0, minute: 0, second: 0 }) : Math.max(options.now, ends.start - 1);
  // The series within the ends says its own DST notes, for its own runs.
  const base = await scheduleOf(ruleText, { now: from, zone: options.zone }, count, ends.start, false).catch(async (error: unknown) => {
    // What is left once the ends are read may be one instant ("on 3" of "on 3 next week") that the whole phrase is not:
    // the one-time reader's own refusal of the whole says why ("next week has no 3rd"), where one of its words alone misleads.
    if (error instanceof OneInstantError) {
      const whole = await onceRefusalOf(input.trim(), options);
      if (whole) throw whole;
    }
    const instead = await insteadIfOneInstant(error, input.trim(), options);
    // An error about the rule repeats the phrase as typed, not what is left of it once its ends are read.
    if (instead === error && error instanceof UsageError) error.message = error.message.replace(`'${ruleText}'`, `'${input.trim()}'`);
    throw instead;
  });
  const read = asSeriesRule(base.local, from, `'${input.trim()}'`);
  // An interval with its own start counts from it: "every 2 hours starting dec 11 at 4pm" is 16:00, 18:00, ...
  const inner: SeriesRule = read.kind === 'elapsed' && ends.start !== undefined ? { ...read, start: ends.start } : read;
  const bounded: SeriesRule = ends.start === undefined ? inner : { kind: 'starting', start: ends.start, rule: inner };
  const rule: SeriesRule = ends.except === undefined ? bounded : { kind: 'except', days: ends.except, rule: bounded };
  const { instants: runs, notes: moved } = instantsWithNotes(rule, base.meaning.timezone, options.now, Math.min(count, ends.count ?? count), ends.until);
  const zone = base.meaning.timezone;
  // A rule kept within a span it runs in once ("2nd tuesday next month at noon") is one instant, unless it says it repeats.
  if (ends.until !== undefined && !RECURRING_WORDS.test(text) && nextInstants(rule, zone, options.now, 2, ends.until).length === 1) {
    const once = await oneInstantError(input.trim(), options);
    if (once) throw once;
  }
  if (runs.length === 0 && count > 0 && ends.until !== undefined) {
    // "on the 20 this week": a phrase with no word that repeats it, whose span has no run, is refused as the one-time
    // reader refuses it ("this week has no 20th"), not for an end before a start it never said.
    const whole = RECURRING_WORDS.test(text) ? undefined : await onceRefusalOf(input.trim(), options);
    if (whole) throw whole;
    throw endedError(input.trim(), rule, zone, options.now, ends.until, nextInstants);
  }
  const acrossMonths = ends.start === undefined ? undefined : startOnDayOfMonth(text, read);
  // A set's description names the zone after each cron's part ("...; and ..."): said once, after the whole and its ends.
  const described = base.meaning.description.split(` (${base.meaning.timezone})`).join('');
  // A rule counted from a day says it ("starting 2027-05-13"); a start said in the phrase is that day, said once, as written.
  const ruleSaid = ends.start === undefined ? described : described.replace(/, starting \d{4}-\d{2}-\d{2}$/, '');
  return {
    type: 'series',
    input,
    timezone: zone,
    // An interval counted from its own start runs at the start's times, not at those of the UTC cron it came from.
    // A set of crons is said with its parts, and the ends, which bound every part, after them all.
    description: `${inner !== read || read.kind === 'elapsed' ? elapsedText(inner) : ruleSaid}${ruleSaid.includes('; and ') && inner === read && read.kind !== 'elapsed' ? ';' : ','} ${ends.said.join(', ')} (${zone})`,
    reason: 'gives its own start, end or count, so it is a series of one-time schedules within them',
    hint: 'Without them it is a repeating schedule; --until and --count say the same as flags.',
    next_runs: runs.map((ms) => new Date(ms).toISOString()),
    next_runs_local: runs.map((ms) => formatLocal(zone, ms)),
    warnings: [],
    // A start in the phrase is what the start note asks for.
    notes: [
      ...new Set([
        ...base.meaning.notes.filter((note) => !(ends.start !== undefined && isStartNote(note)) && !(ends.until !== undefined && isEveryMonthNote(note))),
        ...ends.notes,
        ...moved,
        ...(acrossMonths ? [acrossMonths] : []),
      ]),
    ],
    rule,
    ...(ends.until === undefined ? {} : { until: new Date(ends.until).toISOString() }),
    ...(ends.count === undefined ? {} : { count: ends.count }),
  };
}

/**
 * A rule whose end comes before its next run: "every monday this week" on Monday at 11:00 ran today at 09:00. Today's run
 * gone by, and the next after the end, are said, where "before it first runs" read as though it had never run.
 */
function endedError(input: string, rule: SeriesRule, zone: string, now: number, until: number, nextInstants: typeof import('./series').nextInstants): UsageError {
  const today = wallTime(zone, now);
  const dayStart = instantFromLocal(zone, { ...today, hour: 0, minute: 0, second: 0 });
  const gone = nextInstants(rule, zone, dayStart - 1, 1500, now).at(-1);
  const next = nextInstants(rule, zone, until, 1)[0];
  const after = next === undefined ? '' : `the next is ${formatLocal(zone, next)}`;
  if (gone === undefined) return new UsageError(`'${input}' ends at ${formatLocal(zone, until)}, before it first runs${after ? ` (${after})` : ''}`, 'Give a later end, or leave it out.');
  return new UsageError(
    `'${input}' has no run left before its end, ${formatLocal(zone, until)}: today's run, at ${formatLocal(zone, gone).slice(11)}, has passed${after ? `, and ${after}` : ''}`,
    'Give a later end, or a time still to come today.',
  );
}

/**
 * "every 5 days starting on the 1st of the month": the start is the next 1st, and the days count on from it across month
 * ends, not again from each 1st, as the words may have meant: said, with how to name the same days in every month.
 */
function startOnDayOfMonth(text: string, rule: SeriesRule): string | undefined {
  const start = /\b(?:starting|beginning|commencing|from)(?: on)?(?: the)? (\d{1,2})(?:st|nd|rd|th)? of (?:the|every|each) month\b/.exec(text);
  if (!start || rule.kind !== 'days' || rule.workdays) return undefined;
  const first = Number(start[1]);
  const days: string[] = [];
  for (let day = first; day <= 31; day += rule.every) days.push(ordinalDay(day));
  if (days.length < 2) return undefined;
  const list = `${days.slice(0, -1).join(', ')} and ${days.at(-1)}`;
  return `read '${start[0]}' as the next ${ordinalDay(first)}, from which every ${rule.every} days count on across the ends of months, not again from each ${ordinalDay(first)}; for the same days in every month, name them, such as 'on the ${list}'`;
}

/**
 * Whether a rule runs a second time by LATEST_INSTANT. Intervals and month or year steps are
 * stepped to the end of the dates there are; day and week steps are searched only a few years
 * ahead ('every 2930 days' is next in 2034), so their step is weighed instead; other rules
 * repeat within a year or so, or are rare by nature ('fifth monday of february').
 */
function runsTwice(rule: SeriesRule, zone: string, now: number, nextInstants: typeof import('./series').nextInstants): boolean {
  if (rule.kind === 'days' || rule.kind === 'weeks') return now + rule.every * (rule.kind === 'weeks' ? 7 : 1) * 86_400_000 <= LATEST_INSTANT;
  if (rule.kind !== 'elapsed' && rule.kind !== 'months' && rule.kind !== 'years') return true;
  return nextInstants(rule, zone, now, 2).length >= 2;
}

/** A repeating phrase without ends, with the schedule it was read as. */
async function scheduleOf(
  input: string,
  { now, zone: userZone }: PhraseOptions,
  count: number,
  start?: number,
  dstNotes = true,
): Promise<{ meaning: RecurringMeaning | SeriesMeaning; local: LocalSchedule }> {
  const [{ parseRecurring, scheduleZone, describeStepped }, { toUtcSchedule, utcFires, NotExactInUtc }, { validateCron, nextRuns, describeCron }, { nextInstants, instantsWithNotes }] =
    await Promise.all([import('./resolve-recurring'), import('./to-utc'), import('./cron'), import('./series')]);
  // A zone written in the phrase ("every day at 9am EST") is the clock the rule follows.
  const zone = scheduleZone(input, userZone);
  const notes: string[] = [];
  const local = await readRecurring(input, { now, zone, notes, ...(start === undefined ? {} : { startDay: wallTime(zone, start) }) }, parseRecurring);
  const minutes = capitalMNote(input);
  if (minutes) notes.push(minutes);
  if (local.kind === 'series') {
    const { instants: runs, notes: moved } = instantsWithNotes(local.rule, zone, now, count);
    if (dstNotes) notes.push(...moved);
    // A rule that cannot run twice within the dates there are repeats nothing (every 99999999999 minutes, days,
    // years), however many runs the caller asks for (create asks for one).
    if (!runsTwice(local.rule, zone, now, nextInstants))
      throw new UsageError(`'${input.trim()}' does not run again before ${lastDate()}, the last date this tool can use`, 'Give a shorter interval, or a one-time time.');
    const meaning: SeriesMeaning = {
      type: 'series',
      input,
      timezone: zone,
      description: local.rule.kind === 'elapsed' ? local.description : `${local.description} (${zone})`,
      reason: local.reason,
      hint: local.hint,
      next_runs: runs.map((ms) => new Date(ms).toISOString()),
      next_runs_local: runs.map((ms) => formatLocal(zone, ms)),
      warnings: [],
      notes: [...new Set(notes)],
      rule: local.rule,
    };
    return { meaning, local };
  }
  let utcSchedule: ReturnType<typeof toUtcSchedule>;
  try {
    utcSchedule = toUtcSchedule(local, zone, now, input.trim());
  } catch (error) {
    if (!(error instanceof NotExactInUtc) || local.kind === 'raw' || local.kind === 'interval') throw error;
    return { meaning: await asLocalSeries(input, local, error, { now, zone }, count, notes, dstNotes), local };
  }
  const { crons, localCrons, utcPatterns, warnings } = utcSchedule;
  const utcZone = zone === 'UTC' || zone === 'Etc/UTC';
  const parts = crons.map(({ cron, localCron }) => {
    const expression = validateCron(cron);
    const described = localCron === null || utcZone ? describeCron(expression) : describeCron(localCron);
    return { cron_expression: expression, local_cron: localCron, description: described, inUtc: localCron === null || utcZone };
  });
  const first = parts[0]!;
  const runs = utcPatterns ? utcFires(utcPatterns, now, count) : nextRuns(first.cron_expression, now, count);
  const label = (inUtc: boolean) => (inUtc ? 'UTC' : zone);
  // A first run at a clock time that comes twice that day (the clocks go back): which of the two it is, said. Not of a cron
  // given as one, nor of an interval (on the UTC clock) or of runs close together (a window), which fire at both.
  const following = runs[0] === undefined ? undefined : (utcPatterns ? utcFires(utcPatterns, runs[0], 1) : nextRuns(first.cron_expression, runs[0], 1))[0];
  const apart = following === undefined || following - runs[0]! > 3 * 3_600_000;
  if (dstNotes && !utcZone && local.kind !== 'interval' && local.kind !== 'raw' && apart && runs[0] !== undefined) {
    const wall = (at: number) => wallTime(zone, at);
    const twice = dstNote(wall, runs[0], wall(runs[0]));
    if (twice) notes.push(twice);
  }
  // What the user asked for, on their clock, when one local cron says it; else each cron in turn.
  const localCron = localCrons?.length === 1 ? localCrons[0]! : parts.length === 1 ? first.local_cron : null;
  const stepped = parts.length > 1 ? describeStepped(local) : undefined;
  const meaning: RecurringMeaning = {
    type: 'recurring',
    input,
    cron_expression: first.cron_expression,
    // A 5-field cron is UTC whatever zone was given: the zone is shown in next_runs_local only.
    timezone: local.kind === 'raw' ? 'UTC' : zone,
    local_cron: localCron,
    description:
      localCron !== null && !utcZone
        ? `${describeCron(localCron)} (${zone})`
        : stepped !== undefined
          ? `${stepped} (${zone})`
          : parts.length === 1
            ? `${first.description} (${label(first.inUtc)})`
            : parts.map((part) => `${part.description} (${label(part.inUtc)})`).join('; and '),
    next_runs: runs.map((ms) => new Date(ms).toISOString()),
    next_runs_local: runs.map((ms) => formatLocal(zone, ms)),
    warnings,
    // Each part of a union says its own guesses: one said twice alike is said once.
    notes: [...new Set(notes)],
  };
  if (parts.length > 1) {
    meaning.cron_expressions = parts.map((part) => part.cron_expression);
    meaning.crons = parts.map(({ cron_expression, local_cron, description, inUtc }) => ({ cron_expression, local_cron, description: `${description} (${label(inUtc)})` }));
  }
  return { meaning, local };
}

/**
 * "on the 1st at 9am" in Sydney: 09:00 there is 22:00 UTC on the last day of the month before,
 * which no set of crons says (February's last day moves with leap years). The rule's own local
 * fires are exact, so it is a series of them, each on the zone's clock.
 */
async function asLocalSeries(
  input: string,
  local: Extract<LocalSchedule, { kind: 'clock' | 'hourly' | 'calendar' }>,
  { why, hint }: { why: string; hint?: string | undefined },
  { now, zone }: PhraseOptions,
  count: number,
  notes: string[],
  dstNotes: boolean,
): Promise<SeriesMeaning> {
  const [{ asSeriesRule, SERIES_HINT }, { patternsOf, cronParts }, { describeCron }, { instantsWithNotes }] = await Promise.all([
    import('./resolve-recurring'),
    import('./to-utc'),
    import('./cron'),
    import('./series'),
  ]);
  const rule = asSeriesRule(local, now, `'${input.trim()}'`);
  const { instants: runs, notes: moved } = instantsWithNotes(rule, zone, now, count);
  if (dstNotes) notes.push(...moved);
  const described = cronParts(patternsOf(local))
    .map(({ cron }) => describeCron(cron))
    .join('; and ');
  return {
    type: 'series',
    input,
    timezone: zone,
    description: `${described} (${zone})`,
    reason: `cannot be written as one cron or a set of crons: ${why}`,
    hint: hint ? `For one cron, ${hint.charAt(0).toLowerCase()}${hint.slice(1)} ${SERIES_HINT}` : SERIES_HINT,
    next_runs: runs.map((ms) => new Date(ms).toISOString()),
    next_runs_local: runs.map((ms) => formatLocal(zone, ms)),
    warnings: [],
    notes: [...new Set(notes)],
    rule,
  };
}

const RULE_START = /^(?:every|each|daily|hourly|weekly|monthly|yearly|nightly)\b/;
const RECURRING_WORDS = /\b(?:every|each|daily|hourly|weekly|monthly|yearly|annually|quarterly|minutely|nightly|weekdays|weekends|once|twice)\b/;

/** Parse a recurring phrase; a phrase that is one instant ("tomorrow at 9am") gets an error pointing to --execute-at. */
async function readRecurring(input: string, options: import('./resolve-recurring').RecurringContext & PhraseOptions, parse: typeof import('./resolve-recurring').parseRecurring) {
  try {
    return parse(input, options);
  } catch (error) {
    throw await insteadIfOneInstant(error, input.trim(), options);
  }
}

/**
 * The error to give for a phrase given as a repeating one that was not read: when it reads as one
 * instant ("tomorrow at 9am", "the 3rd of next month at 2pm"), the error that says so; else `error`.
 */
async function insteadIfOneInstant(error: unknown, text: string, options: PhraseOptions): Promise<unknown> {
  if (!(error instanceof UsageError) || RECURRING_WORDS.test(text.toLowerCase()) || text.length > 80) return error;
  return (await oneInstantError(text, options)) ?? (await oneTimeRefusal(text, options)) ?? error;
}

/** Words that make a phrase one time, never a rule ("this friday", "next week", "tomorrow"). */
const ONE_TIME_WORDS = /\b(?:this|next|tomorrow|today|tonight)\b/;

/**
 * A phrase only the one-time reader has words for ("this friday the 6th") that it refuses: its refusal, which says what is
 * wrong ("this Friday is the 4th"), where the repeating grammar could only say the word it stopped at.
 */
async function oneTimeRefusal(text: string, { now, zone }: PhraseOptions): Promise<UsageError | undefined> {
  if (!ONE_TIME_WORDS.test(text.toLowerCase())) return undefined;
  const refused = await meaningOfOnce(text, { now, zone }).then(
    () => undefined,
    (error: unknown) => error,
  );
  // (Only a refusal of the whole phrase: one of a word in it, "'13pm' is not a time of day", is the grammar's to say.)
  return refused instanceof UsageError && refused.message.startsWith(`'${text}'`) && !/: did not understand /.test(refused.message) ? refused : undefined;
}

/** The one-time reader's refusal of a phrase, when it refuses it for a reason of its own (not as unreadable). */
async function onceRefusalOf(text: string, options: PhraseOptions): Promise<UsageError | undefined> {
  const refused = await onceMeaning(text, options).then(
    () => undefined,
    (error: unknown) => error,
  );
  return refused instanceof UsageError && !refused.message.startsWith('Could not') ? refused : undefined;
}

/** A phrase given as a repeating one that reads as one instant. */
class OneInstantError extends UsageError {}

/** For a phrase given as a repeating one that reads as one instant ("tomorrow at 9am"): the error that says so and points to --execute-at. */
async function oneInstantError(text: string, { now, zone }: PhraseOptions): Promise<UsageError | undefined> {
  const instant = await onceMeaning(text, { now, zone }).catch(() => null);
  if (!instant) return undefined;
  // "easter", "orthodox easter at 9am": how often is no help, as "every easter" is refused too.
  const movable = (await import('./movable-holidays')).movableHolidayIn(text.toLowerCase().replace(/\s+/g, ' '));
  return new OneInstantError(
    `'${text}' is one instant (${instant.local}), not a repeating schedule`,
    `To send it once, use --execute-at: letta-switchboard send --agent-id AGENT --message "..." --execute-at "${text.replace(/"/g, '\\"')}". ` +
      (movable
        ? `${movable[0]!.toUpperCase()}${movable.slice(1)} falls on a different day each year, which a repeating schedule cannot follow: send each year's once.`
        : "To repeat it, say how often, such as 'every day at 9am' or 'every monday at 9am'."),
  );
}

/** What a range of days given without a word that repeats it ("1st to the 10th of may", "july 13-15") has: see rangeOfDaysInMonth. */
const MAY_BE_A_RANGE_OF_DAYS = /^(?!.*\b(?:every|each|daily|weekly|monthly|yearly|annually)\b).*(?:\b(?:to|through|thru)\b|\d\s*-\s*\d)/;

/** Decide from the phrase itself whether it is one instant or a repeating schedule. */
export async function meaningOf(input: string, options: PhraseOptions, count = 5): Promise<PhraseMeaning> {
  const text = input.trim().toLowerCase();
  // A phrase plainly one instant has no rule to find: the recurring grammar is neither loaded nor run.
  if (plainlyOnce(text) && !mayGiveEnds(text.replace(/\s+/g, ' '))) return meaningOfOnce(input, options);
  const { looksRecurring, MAX_PHRASE_LENGTH } = await import('./looks-recurring');
  if (looksRecurring(input) || (await repeatsWithinEnds(input, options, looksRecurring))) {
    // Only a phrase that may be one loads the one-time reader to tell, so a plain rule ("every weekday at 9am") never does.
    const rangeOfDays = MAY_BE_A_RANGE_OF_DAYS.test(text) ? (await import('./once')).rangeOfDaysInMonth(input) : undefined;
    if (rangeOfDays) throw rangeOfDays;
    return meaningOfSchedule(input, options, count);
  }
  // A phrase that starts as a rule ("every 15 minutes during business hours") and is not read gets the rule reader's error (one too long, the one-time reader's).
  if (RULE_START.test(text) && text.length <= MAX_PHRASE_LENGTH) return meaningOfSchedule(input, options, count);
  return meaningOfOnce(input, options);
}

/** A repeating rule that gives its own start, end or count ("every day at 9am for 2 weeks") repeats once they are set aside. */
async function repeatsWithinEnds(input: string, options: PhraseOptions, looksRecurring: (text: string) => boolean): Promise<boolean> {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!mayGiveEnds(text)) return false;
  const { readEnds } = await import('./read-ends');
  try {
    const { rule, ends } = readEnds(text, options);
    return ends.said.length > 0 && looksRecurring(rule);
  } catch (error) {
    // A phrase that starts as a rule ("every day starting dec 20 until dec 10") gets the reason its ends were refused.
    if (error instanceof UsageError && /^(?:every|each|daily|hourly|weekly|monthly|yearly)\b/.test(text)) throw error;
    return false;
  }
}
