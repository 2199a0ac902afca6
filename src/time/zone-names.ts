import { UsageError } from '../errors';

/**
 * Zone names as people type them: IANA names in any case, abbreviations
 * (EST, CET, IST), city names (London, New York, sao paulo). Everything
 * resolves to a name the time zone database spells exactly, because the
 * process's TZ lookup is case-sensitive and silently means UTC otherwise.
 */

/**
 * Abbreviations and everyday names, each to the zone people mean by it: a
 * zone with daylight saving time for a family that has one ("EST" is New
 * York, never a fixed UTC-5 zone such as America/Panama). GMT is UTC: it
 * names a fixed zero offset, which London keeps only in winter.
 */
const ABBREVIATIONS: Record<string, string> = {
  utc: 'UTC',
  z: 'UTC',
  zulu: 'UTC',
  gmt: 'UTC',
  ut: 'UTC',
  'universal time': 'UTC',
  'coordinated universal time': 'UTC',
  'greenwich mean time': 'UTC',
  est: 'America/New_York',
  edt: 'America/New_York',
  et: 'America/New_York',
  eastern: 'America/New_York',
  'eastern standard time': 'America/New_York',
  'eastern daylight time': 'America/New_York',
  cdt: 'America/Chicago',
  ct: 'America/Chicago',
  central: 'America/Chicago',
  'central standard time': 'America/Chicago',
  'central daylight time': 'America/Chicago',
  mst: 'America/Denver',
  mdt: 'America/Denver',
  mt: 'America/Denver',
  mountain: 'America/Denver',
  'mountain standard time': 'America/Denver',
  'mountain daylight time': 'America/Denver',
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  pt: 'America/Los_Angeles',
  pacific: 'America/Los_Angeles',
  'pacific standard time': 'America/Los_Angeles',
  'pacific daylight time': 'America/Los_Angeles',
  akst: 'America/Anchorage',
  akdt: 'America/Anchorage',
  alaska: 'America/Anchorage',
  'alaska standard time': 'America/Anchorage',
  'alaska daylight time': 'America/Anchorage',
  hst: 'Pacific/Honolulu',
  hawaii: 'Pacific/Honolulu',
  'hawaii standard time': 'Pacific/Honolulu',
  adt: 'America/Halifax',
  atlantic: 'America/Halifax',
  'atlantic standard time': 'America/Halifax',
  'atlantic daylight time': 'America/Halifax',
  nst: 'America/St_Johns',
  ndt: 'America/St_Johns',
  newfoundland: 'America/St_Johns',
  'newfoundland standard time': 'America/St_Johns',
  'newfoundland daylight time': 'America/St_Johns',
  cet: 'Europe/Paris',
  cest: 'Europe/Paris',
  'central european time': 'Europe/Paris',
  'central european summer time': 'Europe/Paris',
  wet: 'Europe/Lisbon',
  eet: 'Europe/Athens',
  eest: 'Europe/Athens',
  bst: 'Europe/London',
  'british summer time': 'Europe/London',
  msk: 'Europe/Moscow',
  ist: 'Asia/Kolkata',
  'india standard time': 'Asia/Kolkata',
  jst: 'Asia/Tokyo',
  'japan standard time': 'Asia/Tokyo',
  kst: 'Asia/Seoul',
  hkt: 'Asia/Hong_Kong',
  sgt: 'Asia/Singapore',
  aest: 'Australia/Sydney',
  aedt: 'Australia/Sydney',
  acst: 'Australia/Adelaide',
  acdt: 'Australia/Adelaide',
  awst: 'Australia/Perth',
  'australian eastern': 'Australia/Sydney',
  'australian eastern standard time': 'Australia/Sydney',
  'australian eastern daylight time': 'Australia/Sydney',
  'australian central': 'Australia/Adelaide',
  'australian central standard time': 'Australia/Adelaide',
  'australian central daylight time': 'Australia/Adelaide',
  'australian western': 'Australia/Perth',
  'australian western standard time': 'Australia/Perth',
  nzst: 'Pacific/Auckland',
  nzdt: 'Pacific/Auckland',
  // Not EAT, CAT, ART, PET or COT: each is an English word a phrase may hold ("remind me to eat at noon").
  mez: 'Europe/Berlin',
  mesz: 'Europe/Berlin',
  trt: 'Europe/Istanbul',
  sast: 'Africa/Johannesburg',
  wat: 'Africa/Lagos',
  pkt: 'Asia/Karachi',
  npt: 'Asia/Kathmandu',
  ict: 'Asia/Bangkok',
  wib: 'Asia/Jakarta',
  pht: 'Asia/Manila',
  myt: 'Asia/Kuala_Lumpur',
  brt: 'America/Sao_Paulo',
};

/**
 * Abbreviations read as one zone (above) though other places use them too: the reading is a guess, said
 * with the others' zones. What the phrase gave is read as the zone most people mean by it.
 */
const ALSO_USED: Record<string, { meant: string; others: string }> = {
  ist: { meant: 'India Standard Time', others: "for Israel write 'Asia/Jerusalem', for Ireland 'Europe/Dublin'" },
  bst: { meant: 'British Summer Time', others: "for Bangladesh write 'Asia/Dhaka'" },
};

/** What an abbreviation read as one zone of several that use it is read as, and how to write the others, if it is one. */
export function alsoUsed(abbreviation: string): { meant: string; others: string } | undefined {
  return ALSO_USED[abbreviation.toLowerCase()];
}

/** The note for an abbreviation read as one zone of several that use it ("read 'IST' as India Standard Time ..."), if it is one. */
export function alsoUsedNote(abbreviation: string, zone: string): string | undefined {
  const also = alsoUsed(abbreviation);
  return also && `read '${abbreviation.toUpperCase()}' as ${also.meant} (${zone}); ${also.others}`;
}

/** Abbreviations in common use for more than one zone: refused with the candidates, never guessed. */
const AMBIGUOUS: Record<string, string[]> = {
  ast: ['America/Halifax (Atlantic)', 'Asia/Riyadh (Arabia)'],
  gst: ['Asia/Dubai (Gulf)', 'Atlantic/South_Georgia (South Georgia)'],
  sst: ['Pacific/Pago_Pago (Samoa)', 'Asia/Singapore (Singapore)'],
  amt: ['America/Manaus (Amazon)', 'Asia/Yerevan (Armenia)'],
  cst: ['America/Chicago (US Central)', 'Asia/Shanghai (China)', 'America/Havana (Cuba)'],
};

/** Big cities people name that the database files under another city. */
const CITIES: Record<string, string> = {
  nyc: 'America/New_York',
  ny: 'America/New_York',
  la: 'America/Los_Angeles',
  'new york city': 'America/New_York',
  boston: 'America/New_York',
  washington: 'America/New_York',
  'washington dc': 'America/New_York',
  philadelphia: 'America/New_York',
  atlanta: 'America/New_York',
  miami: 'America/New_York',
  dallas: 'America/Chicago',
  houston: 'America/Chicago',
  austin: 'America/Chicago',
  'salt lake city': 'America/Denver',
  'san francisco': 'America/Los_Angeles',
  sf: 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  'las vegas': 'America/Los_Angeles',
  'san diego': 'America/Los_Angeles',
  montreal: 'America/Toronto',
  ottawa: 'America/Toronto',
  'rio de janeiro': 'America/Sao_Paulo',
  munich: 'Europe/Berlin',
  frankfurt: 'Europe/Berlin',
  hamburg: 'Europe/Berlin',
  barcelona: 'Europe/Madrid',
  milan: 'Europe/Rome',
  geneva: 'Europe/Zurich',
  'saint petersburg': 'Europe/Moscow',
  'st petersburg': 'Europe/Moscow',
  'tel aviv': 'Asia/Jerusalem',
  mumbai: 'Asia/Kolkata',
  bombay: 'Asia/Kolkata',
  delhi: 'Asia/Kolkata',
  'new delhi': 'Asia/Kolkata',
  bangalore: 'Asia/Kolkata',
  bengaluru: 'Asia/Kolkata',
  chennai: 'Asia/Kolkata',
  hyderabad: 'Asia/Kolkata',
  beijing: 'Asia/Shanghai',
  shenzhen: 'Asia/Shanghai',
  osaka: 'Asia/Tokyo',
  kyoto: 'Asia/Tokyo',
  canberra: 'Australia/Sydney',
  wellington: 'Pacific/Auckland',
  'cape town': 'Africa/Johannesburg',
};

/**
 * Countries with one clock, taken as a city is ("9am in India", "noon Germany time", "in the Netherlands"), and
 * their people's word for it before "time" ("german time"). The Canary Islands, Madeira and the like keep their own
 * hour, but a country's time means its capital's.
 */
const COUNTRIES: Record<string, string> = {
  india: 'Asia/Kolkata',
  japan: 'Asia/Tokyo',
  china: 'Asia/Shanghai',
  'south korea': 'Asia/Seoul',
  korea: 'Asia/Seoul',
  taiwan: 'Asia/Taipei',
  philippines: 'Asia/Manila',
  vietnam: 'Asia/Ho_Chi_Minh',
  thailand: 'Asia/Bangkok',
  malaysia: 'Asia/Kuala_Lumpur',
  pakistan: 'Asia/Karachi',
  bangladesh: 'Asia/Dhaka',
  nepal: 'Asia/Kathmandu',
  'sri lanka': 'Asia/Colombo',
  israel: 'Asia/Jerusalem',
  'saudi arabia': 'Asia/Riyadh',
  uae: 'Asia/Dubai',
  'united arab emirates': 'Asia/Dubai',
  qatar: 'Asia/Qatar',
  turkey: 'Europe/Istanbul',
  uk: 'Europe/London',
  'united kingdom': 'Europe/London',
  britain: 'Europe/London',
  'great britain': 'Europe/London',
  england: 'Europe/London',
  scotland: 'Europe/London',
  wales: 'Europe/London',
  ireland: 'Europe/Dublin',
  germany: 'Europe/Berlin',
  france: 'Europe/Paris',
  spain: 'Europe/Madrid',
  portugal: 'Europe/Lisbon',
  italy: 'Europe/Rome',
  netherlands: 'Europe/Amsterdam',
  holland: 'Europe/Amsterdam',
  belgium: 'Europe/Brussels',
  switzerland: 'Europe/Zurich',
  austria: 'Europe/Vienna',
  poland: 'Europe/Warsaw',
  'czech republic': 'Europe/Prague',
  czechia: 'Europe/Prague',
  sweden: 'Europe/Stockholm',
  norway: 'Europe/Oslo',
  denmark: 'Europe/Copenhagen',
  finland: 'Europe/Helsinki',
  greece: 'Europe/Athens',
  ukraine: 'Europe/Kyiv',
  romania: 'Europe/Bucharest',
  hungary: 'Europe/Budapest',
  egypt: 'Africa/Cairo',
  nigeria: 'Africa/Lagos',
  kenya: 'Africa/Nairobi',
  'south africa': 'Africa/Johannesburg',
  morocco: 'Africa/Casablanca',
  argentina: 'America/Argentina/Buenos_Aires',
  colombia: 'America/Bogota',
  peru: 'America/Lima',
  venezuela: 'America/Caracas',
  'new zealand': 'Pacific/Auckland',
  'puerto rico': 'America/Puerto_Rico',
  // US states with one clock that people name as one.
  arizona: 'America/Phoenix',
  california: 'America/Los_Angeles',
};

/** "german time": a people's word for their country's clock, only before "time" (alone, "german" is no zone). */
const PEOPLES: Record<string, string> = {
  alaskan: 'alaska',
  hawaiian: 'hawaii',
  indian: 'india',
  japanese: 'japan',
  british: 'uk',
  chinese: 'china',
  korean: 'korea',
  taiwanese: 'taiwan',
  filipino: 'philippines',
  philippine: 'philippines',
  vietnamese: 'vietnam',
  thai: 'thailand',
  pakistani: 'pakistan',
  israeli: 'israel',
  turkish: 'turkey',
  irish: 'ireland',
  german: 'germany',
  french: 'france',
  spanish: 'spain',
  portuguese: 'portugal',
  italian: 'italy',
  dutch: 'netherlands',
  swiss: 'switzerland',
  polish: 'poland',
  swedish: 'sweden',
  norwegian: 'norway',
  danish: 'denmark',
  finnish: 'finland',
  greek: 'greece',
  egyptian: 'egypt',
  nigerian: 'nigeria',
  kenyan: 'kenya',
  argentine: 'argentina',
  argentinian: 'argentina',
  colombian: 'colombia',
};

/** Countries that keep several clocks: naming one is refused with its main zones, never guessed. */
const US_ZONES = ['America/New_York (Eastern)', 'America/Chicago (Central)', 'America/Denver (Mountain)', 'America/Los_Angeles (Pacific)'];
const COUNTRIES_OF_SEVERAL: Record<string, string[]> = {
  usa: US_ZONES,
  // Not "us" alone: "remind us at 9".
  'the us': US_ZONES,
  'united states': US_ZONES,
  canada: ['America/Toronto (Eastern)', 'America/Winnipeg (Central)', 'America/Edmonton (Mountain)', 'America/Vancouver (Pacific)', 'America/Halifax (Atlantic)'],
  australia: ['Australia/Sydney (Eastern)', 'Australia/Adelaide (Central)', 'Australia/Perth (Western)', 'Australia/Brisbane (Queensland)'],
  brazil: ['America/Sao_Paulo (Brasilia)', 'America/Manaus (Amazon)', 'America/Noronha (Fernando de Noronha)'],
  russia: ['Europe/Moscow (Moscow)', 'Asia/Yekaterinburg (Yekaterinburg)', 'Asia/Novosibirsk (Novosibirsk)', 'Asia/Vladivostok (Vladivostok)'],
  mexico: ['America/Mexico_City (Central)', 'America/Tijuana (Pacific)', 'America/Cancun (Eastern)'],
  indonesia: ['Asia/Jakarta (Western)', 'Asia/Makassar (Central)', 'Asia/Jayapura (Eastern)'],
};

/**
 * Names ICU still treats as canonical where the database has since renamed
 * the zone; Intl answers the old name, people expect the new one.
 */
const RENAMED: Record<string, string> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Godthab': 'America/Nuuk',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Rangoon': 'Asia/Yangon',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
};

/** Every zone by the name people use now (Asia/Kolkata, not ICU's Asia/Calcutta), sorted: what a shell completes. */
export function currentZoneNames(): string[] {
  return [...new Set(Intl.supportedValuesOf('timeZone').map((zone) => RENAMED[zone] ?? zone))].sort();
}

const MAX_NAME_LENGTH = 64;
const WHOLE_HOUR_OFFSET = /^(?:(?:utc|gmt) ?)?([+-])(\d{1,2})(?::?00)?$/;

export type ZoneLookup = { zone: string } | { ambiguous: string[] } | null;

/**
 * The zone a name means, or null when it names none. Inside a phrase, where a
 * word merely could be a zone, `cities: false` leaves out city names and
 * `links: false` the database's old names without a slash (Japan, Cuba).
 */
export function lookupZone(name: string, { cities = true, links = true } = {}): ZoneLookup {
  const typed = name.trim();
  if (typed === '' || typed.length > MAX_NAME_LENGTH) return null;
  const key = typed.toLowerCase().replace(/\s+/g, ' ');
  const unsaid = key.replace(/ time$/, '');
  // A country's time, said with "time" ("9am japan time", "today in british time"), is one wherever it is said.
  const countryTime = unsaid !== key ? (PEOPLES[unsaid] ?? unsaid) : undefined;
  // "eastern standard", "british summer": the season said without "time".
  const season = /\s(?:standard|daylight|summer)$/.test(key) ? ABBREVIATIONS[`${key} time`] : undefined;
  const everyday = ABBREVIATIONS[key] ?? ABBREVIATIONS[unsaid] ?? season ?? (countryTime === undefined ? undefined : (ABBREVIATIONS[countryTime] ?? COUNTRIES[countryTime]));
  if (everyday) return { zone: everyday };
  const ambiguous = AMBIGUOUS[key];
  if (ambiguous) return { ambiguous };
  if (key === 'etc/utc' || key === 'etc/gmt') return { zone: 'UTC' };
  const offset = WHOLE_HOUR_OFFSET.exec(key);
  // The database's fixed-offset zones count the other way: UTC+5 is Etc/GMT-5.
  if (offset && Number(offset[2]) <= (offset[1] === '+' ? 14 : 12)) {
    return { zone: Number(offset[2]) === 0 ? 'UTC' : `Etc/GMT${offset[1] === '+' ? '-' : '+'}${Number(offset[2])}` };
  }
  const slash = key.includes('/');
  if (!slash && !cities && !links) return null;

  const names = databaseNames();
  if (names.exact.has(typed)) return { zone: RENAMED[typed] ?? typed };
  const spelled = names.lowerCase.get(key);
  if (spelled) return { zone: RENAMED[spelled] ?? spelled };
  const linked = slash || links ? linkTarget(typed) : null;
  if (linked) return { zone: linked };
  if (!cities) return null;
  const city = cityKey(typed);
  // "the Netherlands", "the UK": a country said with its article.
  const country = city.replace(/^the (?=\S)/, '');
  const found = CITIES[city] ?? COUNTRIES[country] ?? cityIndex().get(city);
  if (found) return { zone: found };
  const several = COUNTRIES_OF_SEVERAL[city] ?? COUNTRIES_OF_SEVERAL[country];
  return several ? { ambiguous: several } : null;
}

/** The zone a name means, in the database's spelling; a UsageError with suggestions when it means none or several. */
export function resolveZone(name: string): string {
  const found = lookupZone(name);
  if (found && 'zone' in found) return found.zone;
  if (found) {
    throw new UsageError(`'${name.trim()}' could mean several time zones: ${found.ambiguous.join(', ')}`, `Give the IANA name, such as '${found.ambiguous[0]!.split(' ')[0]}'.`);
  }
  if (name.trim() === '') throw new UsageError('Empty time zone name', "Use an IANA name such as 'America/New_York' or 'UTC'.");
  if (/[+-]\d/.test(name)) {
    throw new UsageError(
      `Unknown time zone '${name.trim().slice(0, MAX_NAME_LENGTH)}'`,
      "A fixed offset works in whole hours from -12 to +14 ('UTC+5'); for others give the zone's name, such as 'Asia/Kolkata'.",
    );
  }
  const near = similarZones(name);
  throw new UsageError(
    `Unknown time zone '${name.trim().slice(0, MAX_NAME_LENGTH)}'`,
    near.length > 0
      ? `Did you mean ${near.map((zone) => `'${zone}'`).join(' or ')}?`
      : "Use an IANA name such as 'America/New_York', 'Europe/London', 'Asia/Kolkata' or 'UTC', or a city such as 'London'.",
  );
}

interface DatabaseNames {
  exact: Set<string>;
  lowerCase: Map<string, string>;
}

let database: DatabaseNames | undefined;
let cities: Map<string, string> | undefined;

/** The canonical names, built on first use (about 1 ms; never on the paths that need no zone name). */
function databaseNames(): DatabaseNames {
  if (database) return database;
  const exact = new Set([...Intl.supportedValuesOf('timeZone'), ...Object.values(RENAMED)]);
  const lowerCase = new Map([...exact].map((zone) => [zone.toLowerCase(), zone]));
  database = { exact, lowerCase };
  return database;
}

/** A city key ("new york", "sao paulo") to its zone's current name, from each zone's last path segment. */
function cityIndex(): Map<string, string> {
  cities ??= new Map([...databaseNames().exact].map((zone) => [cityKey(zone.slice(zone.lastIndexOf('/') + 1)), RENAMED[zone] ?? zone]));
  return cities;
}

/** "São_Paulo", "sao paulo", "St. Johns" all become one key. */
function cityKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/**
 * Links and other names Intl knows (US/Eastern, Japan, Etc/GMT+5), in any
 * case. The typed name is kept when the process's own zone lookup reads it
 * the same way (it is spelled exactly); otherwise the zone it links to.
 */
/**
 * Whether the time zone database knows `name` as it is written (a zone, or an old name or link such as `EST` or
 * `US/Eastern`) and the process's clock reads it so (`est` is Intl's EST but no zone to TZ).
 */
export function isDatabaseZone(name: string): boolean {
  if (databaseNames().exact.has(name)) return true;
  // A name of UTC (GMT, Etc/UCT) reads as UTC whatever TZ makes of it.
  const target = linkTarget(name);
  return target === name || target === 'UTC';
}

function linkTarget(typed: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(typed)) return null;
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: typed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  if (canonical === 'UTC' || canonical === 'Etc/UTC' || canonical === 'Etc/GMT') return 'UTC';
  return readsAlike(typed, canonical) ? typed : (RENAMED[canonical] ?? canonical);
}

/** Whether the process's TZ lookup gives both names the same clock (it falls back to UTC for names it cannot find). */
function readsAlike(a: string, b: string): boolean {
  const saved = process.env.TZ;
  const clockOf = (zone: string) => {
    process.env.TZ = zone;
    return [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)].map((t) => new Date(t).toString()).join();
  };
  try {
    return clockOf(a) === clockOf(b);
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

/** Up to three zone names within a couple of typos of the input's last word. */
function similarZones(name: string): string[] {
  const key = cityKey(name.slice(name.lastIndexOf('/') + 1)).slice(0, MAX_NAME_LENGTH);
  if (key.length < 3) return [];
  const candidates = new Map<string, string>([...cityIndex(), ...Object.entries(CITIES)]);
  const limit = key.length <= 5 ? 1 : 2;
  const scored: Array<[string, number]> = [];
  for (const [city, zone] of candidates) {
    const distance = editDistance(key, city, limit);
    if (distance <= limit) scored.push([zone, distance]);
  }
  return [...new Set(scored.sort((a, b) => a[1] - b[1]).map(([zone]) => zone))].slice(0, 3);
}

/** Levenshtein distance, giving up (limit + 1) once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
