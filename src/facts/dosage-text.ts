/**
 * Dosage texts, read only when the structured dosage says nothing (the last resort): how many
 * administrations a day — FMK's "1 tablet dagligt", "hver 6. måned", "1 tablet morgen og aften",
 * "hver mandag", and US sigs: "once daily", "QD", "BID", "q12h", "QOD", "QW", "Q6 months", "QAM".
 * The amount of each administration is read in dosage-amount.ts. Nothing is invented: a text that
 * names no schedule, or two different ones, is unknown.
 */
import { lookup } from './accessors.js';

const DAY = 1;
const WEEK = 7;
const MONTH = 30.4375;
const YEAR = 365.25;
const HOUR = 1 / 24;

/** Text beyond this is not read: a schedule is said in the first words of a dosage text. */
const TEXT_LIMIT = 300;

const UNIT_DAYS: readonly (readonly [RegExp, number])[] = [
  // "hver 8. time" is Danish for every 8 hours.
  [/^(?:hours?|hrs?|h|time|timer)$/, HOUR],
  [/^(?:dag|dage|døgn|day|days)$/, DAY],
  [/^(?:uge|uger|week|weeks|wk)$/, WEEK],
  [/^(?:måned|måneder|mdr|md|month|months|mo)$/, MONTH],
  [/^(?:år|year|years|yr)$/, YEAR],
];

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  anden: 2,
  andet: 2,
  tredje: 3,
  fjerde: 4,
  femte: 5,
  sjette: 6,
  tolvte: 12,
  other: 2,
  two: 2,
  three: 3,
  four: 4,
  six: 6,
  twelve: 12,
};

function unitDays(word: string): number | undefined {
  for (const [re, days] of UNIT_DAYS) if (re.test(word)) return days;
  return undefined;
}

/** "every 6 months", "hver 6. måned", "hver sjette måned", "hvert andet år": one administration per N units. */
const EVERY_N = /\b(?:every|hver|hvert) (?:(\d{1,3})\.? ?|([a-zæøå]{1,12}) )([a-zæøå]{1,12})/;
/**
 * "2 gange dagligt", "3 x daily", "twice weekly", "1 gang om ugen", "three times a day", "2 dgl.".
 * A bare number before a noun ("for 1 week", "i 1 uge") is a duration, not a count: before "day",
 * "week" … it needs "x"/"times"/"gange" or "per"/"a"/"om". No decimal part: "7.5 daily" is no 5 a day.
 */
const COUNT_PER =
  /(?<![.,])\b(?:(once|twice|thrice) (?:(?:a|per|pr\.?|om|i|each|every) )?|(\d{1,2}|one|two|three|four|en|to|tre|fire) ?(?:(?:x|gange|gang|times|time) (?:(?:a|per|pr\.?|om|i|each|every) )?|(?:a|per|pr\.?|om|i|each) )|(\d{1,2}) ?(?=dagligt|daglig|dgl|daily|ugentligt|ugentlig|weekly|månedligt|månedlig|monthly|årligt|årlig|yearly))(dagligt|daglig|dgl|daily|day|dagen|døgnet|ugentligt|ugentlig|weekly|week|ugen|månedligt|månedlig|monthly|month|måneden|årligt|årlig|yearly|year|året)\b/;
const COUNT_WORDS: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3, one: 1, two: 2, three: 3, four: 4, en: 1, to: 2, tre: 3, fire: 4 };

/** US sig abbreviations that name a schedule (days between administrations); TID, also a Danish word, below. */
const SIG_WORDS: readonly (readonly [RegExp, number])[] = [
  [/\bbid\b/, DAY / 2],
  [/\bqid\b/, DAY / 4],
  [/\bqod\b/, 2 * DAY],
  [/\bqow\b/, 2 * WEEK],
  [/\bbiw\b/, WEEK / 2],
  [/\btiw\b/, WEEK / 3],
];
/** "q12h", "q 8 hours", "qd", "q day", "qw", "qwk", "q2 weeks", "q6 months", "q 6 mo" — not "q6m" (minutes or months?). */
const Q_EVERY = /\bq\.? ?(\d{1,2})? ?(h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|yrs?|years?)\b/;
/** Q_EVERY's short units beside the words `unitDays` knows. */
const Q_UNITS: Readonly<Record<string, number>> = { d: DAY, w: WEEK, wks: WEEK, mos: MONTH, yrs: YEAR };
/** "TID" in capitals or dotted, or "tid" after a route or unit ("po tid"); "på samme tid" is Danish for "at the same time". */
const TID_CAPS = /\bTID\b|\b[Tt]\.[Ii]\.[Dd]\b/;
const TID_AFTER = /\b(?:po|mouth|orally|tabs?|tablets?|caps?|capsules?|mg|ml) tid\b/;
/**
 * "for 1 week", "for a month", "x 7 days", "i 3 måneder", "i en uge": how long, not how often —
 * taken out before the schedule is read, and read for a draft's planned length (`durationFromText`).
 */
const DURATION = /\b(?:for|x|i|in|over) (a|an|one|en|et|\d{1,3}) (days?|weeks?|months?|years?|dag|dage|uge|uger|måned|måneder|mdr|år)\b/g;
const DURATION_UNIT: Readonly<Record<string, 'd' | 'wk' | 'mo' | 'a'>> = {
  day: 'd', days: 'd', dag: 'd', dage: 'd',
  week: 'wk', weeks: 'wk', uge: 'wk', uger: 'wk',
  month: 'mo', months: 'mo', måned: 'mo', måneder: 'mo', mdr: 'mo',
  year: 'a', years: 'a', år: 'a',
};

/**
 * How long a dosage text says the course lasts ("2 tabl. dagligt i 3 måneder"), the last resort for
 * a draft's planned length: one duration named, or none (two different ones are unknown).
 */
export function durationFromText(raw: string): { readonly value: number; readonly unit: 'd' | 'wk' | 'mo' | 'a' } | undefined {
  const text = raw.slice(0, TEXT_LIMIT).toLowerCase().replace(/\s+/g, ' ');
  const found = new Map<string, { value: number; unit: 'd' | 'wk' | 'mo' | 'a' }>();
  for (const m of text.matchAll(DURATION)) {
    const n = m[1] !== undefined && /^\d+$/.test(m[1]) ? Number(m[1]) : 1;
    const unit = lookup(DURATION_UNIT, m[2] ?? '');
    if (unit !== undefined && n > 0) found.set(`${n}${unit}`, { value: n, unit });
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/** Dotted abbreviations ("q.h.s.", "b.i.d.", "p.o.") read as their letters. */
const DOTTED = /\b(?:[a-z]\.){2,4}/g;

/** Single words that name a schedule, checked when nothing more specific is said. */
const SCHEDULE_WORDS: readonly (readonly [RegExp, number])[] = [
  [/\bhalvårlig|\bhvert halve år\b|\bevery half year\b|\bhalf-yearly\b|\bbiannual/, YEAR / 2],
  [/\bdaglig|\bdgl\b|\bdaily\b|\bhver dag\b|\bevery day\b|\bom dagen\b|\bper day\b|\ba day\b/, DAY],
  [/\bugentlig|\bom ugen\b|\bhver uge\b|\bweekly\b|\bevery week\b|\bper week\b|\ba week\b/, WEEK],
  [/\bmånedlig|\bom måneden\b|\bhver måned\b|\bmonthly\b|\bevery month\b|\bper month\b|\ba month\b/, MONTH],
  [/(?<!halv)årlig|\bom året\b|\bhvert år\b|\byearly\b|\bannually\b|\bevery year\b|\bper year\b|\ba year\b/, YEAR],
];

function countUnitDays(word: string): number | undefined {
  if (/^(?:dagligt|daglig|dgl|daily|day|dagen|døgnet)$/.test(word)) return DAY;
  if (/^(?:ugentligt|ugentlig|weekly|week|ugen)$/.test(word)) return WEEK;
  if (/^(?:månedligt|månedlig|monthly|month|måneden)$/.test(word)) return MONTH;
  if (/^(?:årligt|årlig|yearly|year|året)$/.test(word)) return YEAR;
  return undefined;
}

/**
 * Administrations per day from a dosage text, the last resort. `timesOfDay`: whether times of the
 * day alone ("1 tablet om morgenen") say daily — not for a weekly or yearly product, whose text
 * often says only when in the day it is taken (see `timesOfDayMeanDaily`, dosage.ts).
 */
export function perDayFromText(raw: string, timesOfDay = true): number | undefined {
  const cut = raw.slice(0, TEXT_LIMIT);
  const text = cut
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(DOTTED, (m) => m.replaceAll('.', ''))
    .replace(DURATION, ' ');
  const every = EVERY_N.exec(text);
  if (every?.[3] !== undefined) {
    const n = every[1] !== undefined ? Number(every[1]) : lookup(NUMBER_WORDS, every[2] ?? '');
    const days = unitDays(every[3]);
    if (n !== undefined && n > 0 && days !== undefined) return 1 / (n * days);
  }
  const count = COUNT_PER.exec(text);
  const counted = count?.[1] ?? count?.[2] ?? count?.[3];
  if (counted !== undefined && count?.[4] !== undefined) {
    const n = /^\d+$/.test(counted) ? Number(counted) : lookup(COUNT_WORDS, counted);
    const days = countUnitDays(count[4]);
    if (n !== undefined && n > 0 && days !== undefined) return n / days;
  }
  const found = new Set<number>();
  for (const [re, days] of SCHEDULE_WORDS) if (re.test(text)) found.add(days);
  for (const days of sigSchedules(cut, text)) found.add(days);
  // "halvårligt" also holds "årligt": the half-year reading wins over the year.
  if (found.has(YEAR / 2)) found.delete(YEAR);
  const weekdays = countMatches(WEEKDAYS, text);
  if (found.size === 0) return timesOfDayAndWeekdays(text, weekdays, timesOfDay);
  if (found.size !== 1) return undefined;
  const [days] = [...found];
  // "hver mandag" beside "dagligt" names two schedules.
  if (days === undefined || (weekdays > 0 && days !== WEEK)) return undefined;
  return 1 / days;
}

/**
 * The schedules a US sig's abbreviations name, in days between administrations. Hours divide
 * (8 / 24 is exactly the 1/3 of TID), so "q8h TID" is one schedule. `raw`: the text as sent, for
 * the capitals of TID.
 */
function sigSchedules(raw: string, text: string): number[] {
  const out: number[] = [];
  for (const [re, days] of SIG_WORDS) if (re.test(text)) out.push(days);
  if (TID_CAPS.test(raw) || TID_AFTER.test(text)) out.push(DAY / 3);
  const q = Q_EVERY.exec(text);
  if (q?.[2] !== undefined) {
    const n = q[1] === undefined ? 1 : Number(q[1]);
    const unit = unitDays(q[2]) ?? lookup(Q_UNITS, q[2]);
    if (n > 0 && unit !== undefined) out.push(unit === HOUR ? n / 24 : n * unit);
  }
  return out;
}

/**
 * Times of the day (FMK's "1 tablet morgen og aften", a sig's "QAM", "QHS"); "i morgen" is
 * tomorrow, not a time of day.
 */
const TIMES_OF_DAY: readonly RegExp[] = [
  /(?<!\bi )\bmorgen|\bmorning|\bqam\b/,
  /\bformiddag|\bmid-?morning/,
  /\bmiddag|\bnoon\b|\bfrokost|\blunch/,
  /\beftermiddag|\bafternoon/,
  /\baften|\bevening|\bdinner|\baftensmad|\bqpm\b/,
  /\bsengetid|\bbedtime|\bnat(?:ten)?\b|\bnight|\bq?hs\b/,
];

const WEEKDAYS: readonly RegExp[] = [
  /\bmandag|\bmonday/,
  /\btirsdag|\btuesday/,
  /\bonsdag|\bwednesday/,
  /\btorsdag|\bthursday/,
  /\bfredag|\bfriday/,
  /\blørdag|\bsaturday/,
  /\bsøndag|\bsunday/,
];

function countMatches(patterns: readonly RegExp[], text: string): number {
  let n = 0;
  for (const re of patterns) if (re.test(text)) n += 1;
  return n;
}

/**
 * A text that names days of the week or times of the day but no schedule word: each named weekday
 * once a week, each time of day once a day ("1 tablet om morgenen" is daily, "hver mandag morgen"
 * weekly) — read so, a weekly tablet written as "1 tablet morgen" is the daily dose it says.
 */
function timesOfDayAndWeekdays(text: string, weekdays: number, timesOfDay: boolean): number | undefined {
  const times = countMatches(TIMES_OF_DAY, text);
  if (weekdays > 0) return (weekdays * Math.max(1, times)) / WEEK;
  return timesOfDay && times > 0 ? times : undefined;
}
