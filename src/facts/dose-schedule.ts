/**
 * How often a drafted dose is given (rules.md section 4, `rx-dose-interval`): the dose per
 * administration and the days between administrations. Read from the dosage's FHIR Timing —
 * `repeat.frequency` / `period` / `periodUnit`, else `timing.code` (QD, BID, WK, …), else the count
 * of `repeat.dayOfWeek` (per week) or `timeOfDay` / `when` (per day) — and from the dosage text
 * only as a last resort ("1 tablet dagligt", "once weekly", "hver 6. måned"). Nothing is invented:
 * a schedule the dosage does not state stays unknown, and text naming two different schedules is
 * unknown too.
 */
import type { JsonObject } from '../shared/json.js';
import { get, getStr, list, lookup, str } from './accessors.js';
import { doseOf, doseQuantityOf, firstLines, frequencyPerDay, type Strength } from './dosage.js';

export interface DoseSchedule {
  /** mg per administration: the dose quantity, else one unit of the product's strength [choice]. */
  readonly doseMg?: number;
  /** Days between administrations (1 = daily, 7 = weekly), when the dosage says. */
  readonly intervalDays?: number;
}

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

/** Administrations per day from a dosage text, the last resort. */
export function perDayFromText(raw: string): number | undefined {
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
  if (found.size !== 1) return undefined;
  const [days] = [...found];
  return days === undefined ? undefined : 1 / days;
}

/** Administrations per day from the Timing's repeat lists: days of the week, times of the day. */
function perDayFromLists(timing: unknown): number | undefined {
  const repeat = get(timing, 'repeat');
  const weekDays = list(get(repeat, 'dayOfWeek')).filter((d) => str(d) !== undefined).length;
  const dayTimes = list(get(repeat, 'timeOfDay')).length + list(get(repeat, 'when')).length;
  if (weekDays > 0) return (weekDays * Math.max(1, dayTimes)) / WEEK;
  if (dayTimes > 0) return dayTimes;
  return undefined;
}

function administrationsPerDay(line: JsonObject): number | undefined {
  const timing = get(line, 'timing');
  const perDay = frequencyPerDay(timing) ?? perDayFromLists(timing);
  if (perDay !== undefined) return perDay;
  const text = getStr(line, 'text') ?? getStr(line, 'patientInstruction') ?? getStr(get(timing, 'code'), 'text');
  return text === undefined ? undefined : perDayFromText(text);
}

/**
 * The schedule of the dosage lines that apply first: administrations of lines given together add
 * up (morning and evening is twice a day), the dose is the largest single dose among them.
 */
export function doseSchedule(lines: readonly JsonObject[], strength: Strength): DoseSchedule {
  const current = firstLines(lines);
  if (current.length === 0) return {};
  let perDay: number | undefined = 0;
  let doseMg: number | undefined;
  for (const line of current) {
    const p = administrationsPerDay(line);
    perDay = perDay === undefined || p === undefined || p <= 0 ? undefined : perDay + p;
    const quantity = doseQuantityOf(line);
    const mg = quantity === undefined ? strength.mg : doseOf(quantity, strength)?.mg;
    if (mg !== undefined && (doseMg === undefined || mg > doseMg)) doseMg = mg;
  }
  return {
    ...(doseMg === undefined ? {} : { doseMg }),
    ...(perDay === undefined || perDay <= 0 ? {} : { intervalDays: Math.round((1 / perDay) * 1e4) / 1e4 }),
  };
}
