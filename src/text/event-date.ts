/**
 * The day an article's story happened, read from its text: the dateline ("BEIJING, Feb. 5 (Xinhua) --"), a weekday
 * in the opening ("… killed on Sunday", counted back from the publication date), or a full date with its year
 * ("January 28, 2024"). Same-event grouping needs the day of the incident, and many saved articles carry no date
 * field at all: five reports of one drone attack stayed apart because two of them had none.
 *
 * Why not wink-nlp's DATE entities: they would need a second NLP pass per document in the report stage, and they
 * give the phrase, not the day; the three forms below are what news openings actually use, and each is one linear
 * regular-expression scan of the first few hundred characters.
 *
 * Order, with a publication date: dateline (when it is at most 7 days before publication) › weekday in the opening
 * › the publication date itself. Without one: dateline with a year › the first full date with a year in the
 * opening. A month and day without a year and without a publication date cannot be placed: no guess.
 */

export type EventDateSource = 'metadata' | 'dateline' | 'weekday' | 'text';

export interface EventDate {
  /** YYYY-MM-DD. */
  day: string;
  from: EventDateSource;
  /** The words the day was read from (absent for metadata). */
  evidence?: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** How far into the text the opening reaches: datelines and the story's own day sit in the first paragraphs. */
export const OPENING_CHARS = 700;

// "BEIJING, Feb. 5 (Xinhua) --", "AMMAN/WASHINGTON, Jan 29 (Gulf Wire) -", "WASHINGTON, January 28, 2024 —"
const DATELINE = new RegExp(
  `(?:^|\\n)\\s*[A-Z][A-Z.'’/ -]{1,60},\\s*${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\s*(?:\\([^)\\n]{1,40}\\))?\\s*[-–—]`,
);
// "on Sunday", "late Sunday", "the Sunday attack", "Sunday's attack", "overnight Saturday", "Sunday night"
const WEEKDAY = /\b(?:on|late|early|overnight|since|last|the)\s+(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b|\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)(?:'s|’s|\s+(?:night|morning|evening|afternoon))\b/;
// "January 28, 2024", "Jan. 28, 2024", "28 January 2024"
const FULL_DATE = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,\\s*(\\d{4})\\b|\\b(\\d{1,2})\\s+${MONTH}\\.?,?\\s+(\\d{4})\\b`);

const MS_PER_DAY = 86_400_000;

function dayOf(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

const iso = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const monthNumber = (s: string): number => MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? 0;

function publicationDay(date: string | undefined): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date?.trim() ?? '');
  return m ? dayOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The dateline's day: its year, or the year that puts it closest before the publication day. */
function datelineDay(opening: string, published: number | null): { day: number; evidence: string } | null {
  const m = DATELINE.exec(opening);
  if (!m) return null;
  const month = monthNumber(m[1]);
  const dom = Number(m[2]);
  if (m[3]) {
    const day = dayOf(Number(m[3]), month, dom);
    return day === null ? null : { day, evidence: m[0].trim() };
  }
  if (published === null) return null;
  const year = new Date(published * MS_PER_DAY).getUTCFullYear();
  // A dateline of Dec 31 on an article published Jan 1 belongs to the year before.
  const candidates = [year, year - 1].map((y) => dayOf(y, month, dom)).filter((d): d is number => d !== null && d <= published + 1);
  const day = candidates.length ? Math.max(...candidates) : null;
  return day === null ? null : { day, evidence: m[0].trim() };
}

export function eventDateFromText(text: string, publicationDate?: string): EventDate | null {
  const opening = text.slice(0, OPENING_CHARS);
  const published = publicationDay(publicationDate);
  const dateline = datelineDay(opening, published);
  if (published !== null) {
    if (dateline && dateline.day <= published + 1 && published - dateline.day <= 7) return { day: iso(dateline.day), from: 'dateline', evidence: dateline.evidence };
    const w = WEEKDAY.exec(opening);
    if (w) {
      const wanted = WEEKDAYS.indexOf((w[1] ?? w[2]).toLowerCase());
      // 1970-01-01 (day 0) was a Thursday (weekday index 4).
      const weekdayOfPublished = (((published + 4) % 7) + 7) % 7;
      const back = (weekdayOfPublished - wanted + 7) % 7;
      return { day: iso(published - back), from: 'weekday', evidence: w[0] };
    }
    return { day: iso(published), from: 'metadata' };
  }
  if (dateline) return { day: iso(dateline.day), from: 'dateline', evidence: dateline.evidence };
  const f = FULL_DATE.exec(opening);
  if (f) {
    const day = f[1] ? dayOf(Number(f[3]), monthNumber(f[1]), Number(f[2])) : dayOf(Number(f[6]), monthNumber(f[5]), Number(f[4]));
    if (day !== null) return { day: iso(day), from: 'text', evidence: f[0] };
  }
  return null;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
// "three U.S. troops were killed", "3 US soldiers killed", "killed three American service members"
const KILLED_AFTER = /\b(\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[A-Z][\w.]*\s+){0,2}(?:troops|soldiers|service\s?members|servicemembers|service\s?men|service\s?persons|servicepersons|people|civilians|personnel|sailors|marines|fighters|members|Americans)\s+(?:were\s+|have\s+been\s+|had\s+been\s+)?killed\b/gi;
const KILLED_BEFORE = /\bkill(?:ed|ing)\s+(\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[A-Z][\w.]*\s+){0,2}(?:troops|soldiers|service\s?members|servicemembers|service\s?men|service\s?persons|servicepersons|people|civilians|personnel|sailors|marines|fighters|members|Americans)\b/gi;

/**
 * Casualty figures stated in the opening, as keys ("killed:3"): reports of one incident repeat its toll, and a toll
 * in the same few days is a strong tie between two articles that name the place differently.
 */
export function casualtyKeys(text: string): string[] {
  const opening = text.slice(0, OPENING_CHARS * 2);
  const keys = new Set<string>();
  for (const re of [KILLED_AFTER, KILLED_BEFORE]) {
    for (const m of opening.matchAll(re)) {
      const raw = m[1].toLowerCase();
      const n = NUMBER_WORDS[raw] ?? Number(raw);
      if (Number.isFinite(n) && n > 0) keys.add(`killed:${n}`);
    }
  }
  return [...keys].sort();
}
