/**
 * The amount of one administration a dosage text names, the last resort (dosage.ts `lineDose`):
 * product units ("2 tabletter", "½ tablet", "1 1/2 tabs"), a mass ("Take 7.5 mg by mouth") or a
 * volume ("Take 10 mL"). Nothing is invented: a range ("1-2 tablets", "5 to 10 mg") leaves the
 * whole text without an amount (unless read at its lower end, `rangeAtLow`); two different counts or volumes leave that kind unknown, and two
 * different masses too (often ingredient strengths: "calcium 500 mg + D3 10 mikrog"). A strength
 * written in the text ("15 MG/5ML", "2 mg/kg", "15 mg in 5 ml") is no amount.
 */
import { lookup } from './accessors.js';

/** Text beyond this is not read: the amount is said in the first words of a dosage text. */
const TEXT_LIMIT = 300;

export interface TextAmounts {
  /** Product units (tablets, capsules, pieces) per administration. */
  readonly units?: number;
  /** mg per administration. */
  readonly mg?: number;
  /** mL per administration. */
  readonly ml?: number;
  /** mg per unit, as "2 tabl. à 5 mg" writes it: the mass is the tablet's, the dose units × it. */
  readonly mgPerUnit?: number;
}

// Each pattern starts with a number: "1 1/2", "1/2", "1,5", "7.5", "1½", "½", or a number word —
// with no digit, dot, comma or slash just before it ("1/2" is not read as "2", nor "100/25 mg" as
// "25 mg"). Written out in each (not built from parts) so the lint checks them for backtracking.
const UNITS =
  /(?<![\d.,/½])(\d{1,2} \d\/\d{1,2}|\d\/\d{1,2}|\d{1,4}(?:[.,]\d{1,3})?(?: ?½)?|½|\b(?:en|et|to|tre|fire|one|two|three|four)\b) ?(?:stk\.? ?)?(?:tablet(?:ter|s)?|tabl?\.?|tbl\.?|tabs?\b|brusetablet(?:ter)?|kapsl(?:er)?|kapsel|kaps\.?|capsules?|caps?\b|stk\b|pieces?\b)/g;
const MASS =
  /(?<![\d.,/½])(\d{1,2} \d\/\d{1,2}|\d\/\d{1,2}|\d{1,4}(?:[.,]\d{1,3})?(?: ?½)?|½|\b(?:en|et|to|tre|fire|one|two|three|four)\b) ?(mg|milligrams?|mcg|µg|μg|ug|mikrog(?:ram)?|micrograms?|g)(?![a-zæøå\d/])/g;
const VOLUME =
  /(?<![\d.,/½])(\d{1,2} \d\/\d{1,2}|\d\/\d{1,2}|\d{1,4}(?:[.,]\d{1,3})?(?: ?½)?|½|\b(?:en|et|to|tre|fire|one|two|three|four)\b) ?(?:ml|milliliters?|millilitres?)(?![a-zæøå\d])/g;

/**
 * "2 tabl. à 5 mg", "2 tabletter a 5 mg", "1½ tablet á 5 mg", "2 tablets of 5 mg": the mass after a
 * unit word and "à" (per piece) is the unit's strength, never the dose [FMK writes doses so].
 */
const PER_UNIT =
  /(tablet(?:ter|s)?|tabl?\.?|tbl\.?|tabs?\b|kapsl(?:er)?|kapsel|kaps\.?|capsules?|caps?\b|stk\.?) ?(?:à|á|a|@|of) ?(\d{1,4}(?:[.,]\d{1,3})?) ?(mg|mcg|µg|μg|ug|mikrog(?:ram)?)(?![a-zæøå\d/])/;
/** "2 x 5 mg", "2 × 5 mg": a count before a mass multiplies it (twice 5 mg is 10 mg a day when said "dagligt"). */
const TIMES_BEFORE = /(?<![\d.,/])(\d{1,2}|to|tre|fire|two|three|four) ?(?:x|×) ?$/;

const WORDS: Readonly<Record<string, number>> = { en: 1, et: 1, to: 2, tre: 3, fire: 4, one: 1, two: 2, three: 3, four: 4, '½': 0.5 };
const MASS_MG: Readonly<Record<string, number>> = { g: 1000, mcg: 0.001, µg: 0.001, μg: 0.001, ug: 0.001, mikrog: 0.001, mikrogram: 0.001, microgram: 0.001, micrograms: 0.001 };

/** "1-2", "1 to 2", "1 til 2", "1 eller 2", "½-1": the number before the match ends a range. */
const RANGE_BEFORE = /(?:\d|½|\b(?:one|two|three|en|et|to|tre)) ?(?:-|–|\bto|\btil|\bor|\beller) ?$/;
/** "mg/…", "mg per ml", "mg in 5 ml": a strength or a weight-based dose, not an amount. */
const STRENGTH_AFTER = /^ ?(?:\/|(?:per|pr\.?) ?(?:\d|ml\b|kg\b|l\b|m2|m²)|(?:in|i) ?\d{1,4}(?:[.,]\d{1,3})? ?ml\b)/;
/** The "5 ml" of "15 mg / 5 ml", "15 mg in 5 ml": the strength's volume, not a dose. */
const STRENGTH_BEFORE = /(?:g|mg|mcg|µg|ug|mikrog) ?(?:\/|\bper|\bpr\.?|\bin|\bi) ?$/;

type Found = number | 'range' | 'different' | undefined;

function parseNumber(word: string): number | undefined {
  const named = lookup(WORDS, word);
  if (named !== undefined) return named;
  const fraction = /^(?:(\d{1,2}) )?(\d)\/(\d{1,2})$/.exec(word);
  if (fraction !== null) {
    const denominator = Number(fraction[3]);
    return denominator === 0 ? undefined : Number(fraction[1] ?? 0) + Number(fraction[2]) / denominator;
  }
  const half = word.endsWith('½');
  const n = half ? Number(word.slice(0, -1).trim()) + 0.5 : Number(word.replace(',', '.'));
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * The one amount of a kind the text names (scaled by `factor` of the unit it names, and by
 * `times` of the words before it). `lowest`: two different amounts give the lowest — a written
 * taper ("4 tabletter dagligt i 1 uge, derefter 2 tabletter") is at least that (glucocorticoids,
 * `rangeAtLow`).
 */
function scan(text: string, re: RegExp, factor: (unit: string | undefined) => number, skip?: (start: number, end: number) => boolean, times?: (start: number) => number, lowest = false): Found {
  let found: Found;
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    if (RANGE_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return 'range';
    if (skip?.(start, end) === true) continue;
    const n = parseNumber(m[1] ?? '');
    if (n === undefined) continue;
    const value = Math.round(n * factor(m[2]) * (times?.(start) ?? 1) * 1e4) / 1e4;
    if (found === undefined) found = value;
    else if (typeof found === 'number' && found !== value) found = lowest ? Math.min(found, value) : 'different';
  }
  return found;
}

function timesBefore(text: string, start: number): number {
  const m = TIMES_BEFORE.exec(text.slice(Math.max(0, start - 8), start));
  return m?.[1] === undefined ? 1 : (parseNumber(m[1]) ?? 1);
}

/** A written range of two numbers ("1-2", "5 to 10", "½-1"): its lower end stands for it with `rangeAtLow`. */
const NUMBER_RANGE = /(\d{1,4}(?:[.,]\d{1,3})?|½) ?(?:-|–|to|til|or|eller) ?(?:\d{1,4}(?:[.,]\d{1,3})?|½)(?![\d.,/])/g;

/**
 * The amounts a dosage text names for one administration; undefined when it names none it is sure
 * of. `rangeAtLow`: a range is read at its lower end — the amount is at least that (dosage.ts: for
 * glucocorticoids, whose exposure counts only above a threshold).
 */
export function amountsFromText(raw: string, rangeAtLow = false): TextAmounts | undefined {
  const lowered = raw.slice(0, TEXT_LIMIT).toLowerCase().replace(/\s+/g, ' ');
  const ranged = rangeAtLow ? lowered.replace(NUMBER_RANGE, '$1') : lowered;
  // The unit's strength ("à 5 mg") is read apart and taken out, so it is no second mass.
  const perUnit = PER_UNIT.exec(ranged);
  const mgPerUnit = perUnit === null ? undefined : parseMass(perUnit[2], perUnit[3]);
  const text = perUnit === null ? ranged : ranged.slice(0, perUnit.index) + (perUnit[1] ?? '') + ranged.slice(perUnit.index + perUnit[0].length);
  const units = scan(text, UNITS, () => 1, undefined, undefined, rangeAtLow);
  const mass = scan(
    text,
    MASS,
    (unit) => lookup(MASS_MG, unit) ?? 1,
    (_, end) => STRENGTH_AFTER.test(text.slice(end, end + 16)),
    (start) => timesBefore(text, start),
    rangeAtLow,
  );
  const volume = scan(
    text,
    VOLUME,
    () => 1,
    (start) => STRENGTH_BEFORE.test(text.slice(Math.max(0, start - 12), start)),
  );
  if (units === 'range' || mass === 'range' || volume === 'range' || units === 'different' || volume === 'different') return undefined;
  const out: { units?: number; mg?: number; ml?: number; mgPerUnit?: number } = {};
  if (units !== undefined) out.units = units;
  if (typeof mass === 'number') out.mg = mass;
  if (volume !== undefined) out.ml = volume;
  if (mgPerUnit !== undefined && typeof units === 'number') return { ...out, mgPerUnit };
  return Object.keys(out).length === 0 ? undefined : out;
}

function parseMass(number: string | undefined, unit: string | undefined): number | undefined {
  const n = parseNumber(number ?? '');
  return n === undefined ? undefined : Math.round(n * (lookup(MASS_MG, unit) ?? 1) * 1e4) / 1e4;
}

/** Units per administration ("2 tabletter dagligt" → 2); see `amountsFromText`. */
export function unitsFromText(raw: string): number | undefined {
  return amountsFromText(raw)?.units;
}
