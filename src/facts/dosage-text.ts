/**
 * Dosage texts, read only when the structured dosage says nothing (the last resort): how many
 * administrations a day ("1 tablet dagligt", "once weekly", "hver 6. måned", "1 tablet morgen og
 * aften", "hver mandag") and how many product units each ("2 tabletter", "½ tablet"). Nothing is
 * invented: a text that names no schedule, or two different ones, is unknown.
 */
import { lookup } from './accessors.js';

const DAY = 1;
const WEEK = 7;
const MONTH = 30.4375;
const YEAR = 365.25;

/** Text beyond this is not read: a schedule is said in the first words of a dosage text. */
const TEXT_LIMIT = 300;

const UNIT_DAYS: readonly (readonly [RegExp, number])[] = [
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
/** "2 gange dagligt", "3 x daily", "twice weekly", "1 gang om ugen". */
const COUNT_PER = /\b(\d{1,2}|once|twice|thrice|en|to|tre|fire) ?(?:(?:x|gange|gang|times) )?(?:(?:a|per|pr\.?|om|i|each) )?(dagligt|daglig|dgl|daily|day|dagen|døgnet|ugentligt|ugentlig|weekly|week|ugen|månedligt|månedlig|monthly|month|måneden|årligt|årlig|yearly|year|året)\b/;
const COUNT_WORDS: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3, en: 1, to: 2, tre: 3, fire: 4 };

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
  const text = raw.slice(0, TEXT_LIMIT).toLowerCase().replace(/\s+/g, ' ');
  const every = EVERY_N.exec(text);
  if (every?.[3] !== undefined) {
    const n = every[1] !== undefined ? Number(every[1]) : lookup(NUMBER_WORDS, every[2] ?? '');
    const days = unitDays(every[3]);
    if (n !== undefined && n > 0 && days !== undefined) return 1 / (n * days);
  }
  const count = COUNT_PER.exec(text);
  if (count?.[1] !== undefined && count[2] !== undefined) {
    const n = /^\d+$/.test(count[1]) ? Number(count[1]) : lookup(COUNT_WORDS, count[1]);
    const days = countUnitDays(count[2]);
    if (n !== undefined && n > 0 && days !== undefined) return n / days;
  }
  const found = new Set<number>();
  for (const [re, days] of SCHEDULE_WORDS) if (re.test(text)) found.add(days);
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

/** Times of the day (FMK's "1 tablet morgen og aften"); "i morgen" is tomorrow, not a time of day. */
const TIMES_OF_DAY: readonly RegExp[] = [
  /(?<!\bi )\bmorgen|\bmorning/,
  /\bformiddag|\bmid-?morning/,
  /\bmiddag|\bnoon\b|\bfrokost|\blunch/,
  /\beftermiddag|\bafternoon/,
  /\baften|\bevening|\bdinner|\baftensmad/,
  /\bsengetid|\bbedtime|\bnat(?:ten)?\b|\bnight/,
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

/** "2 tabletter", "½ tablet", "1 stk.", "two capsules": product units per administration. */
const UNITS = /(?:^|[^\d.,])(\d{1,2}(?:[.,]\d{1,2})?|\d?½|en|et|to|tre|fire|one|two|three|four)\s*(?:stk\.?\s*)?(?:tablet(?:ter|s)?|tabl?\.?|tbl\.?|tabs?\b|brusetablet(?:ter)?|kapsl(?:er)?|kapsel|kaps\.?|capsules?|caps?\b|stk\b|pieces?\b)/;
const UNIT_WORDS: Readonly<Record<string, number>> = { en: 1, et: 1, to: 2, tre: 3, fire: 4, one: 1, two: 2, three: 3, four: 4, '½': 0.5 };

export function unitsFromText(raw: string): number | undefined {
  const m = UNITS.exec(raw.slice(0, TEXT_LIMIT).toLowerCase());
  const word = m?.[1];
  if (word === undefined) return undefined;
  const named = lookup(UNIT_WORDS, word);
  if (named !== undefined) return named;
  const n = word.endsWith('½') ? Number(word.slice(0, -1)) + 0.5 : Number(word.replace(',', '.'));
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

