/**
 * Numbers, dates and units as a Danish GP reads them ("T-score −2,8 (columna, 12.08.2026)") or,
 * in English, "T-score −2.8 (lumbar spine, 12 Aug 2026)". Formatters are built once at load.
 */
import type { LocalDate } from '../time/local-date.js';
import type { Language } from '../contract/language.js';

const NUMBER = {
  da: new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2, useGrouping: true }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, useGrouping: true }),
} as const;
/** Below 10 a third decimal shows (calcium 2,146 converted from 8.6 mg/dL is not the limit 2,15). */
const SMALL_NUMBER = {
  da: new Intl.NumberFormat('da-DK', { maximumFractionDigits: 3, useGrouping: true }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3, useGrouping: true }),
} as const;
const ONE_DECIMAL = {
  da: new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
} as const;

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A typographic minus (−), as the card prints negative T-scores. */
function withMinus(s: string): string {
  return s.replace('-', '−');
}

export function formatNumber(value: number, lang: Language): string {
  return withMinus((Math.abs(value) < 10 ? SMALL_NUMBER : NUMBER)[lang].format(value));
}

/** T-/Z-scores and durations in years always show one decimal: −2,5 not −2,50 or −2. */
export function formatOneDecimal(value: number, lang: Language): string {
  return withMinus(ONE_DECIMAL[lang].format(value));
}

export function formatDate(date: LocalDate, lang: Language): string {
  const [y, m, d] = [date.slice(0, 4), date.slice(5, 7), date.slice(8, 10)];
  if (lang === 'da') return `${d}.${m}.${y}`;
  return `${Number(d)} ${EN_MONTHS[Number(m) - 1] ?? m} ${y}`;
}

const UNIT_DISPLAY: Readonly<Record<string, string>> = {
  'mL/min/{1.73_m2}': 'mL/min/1,73 m²',
  'umol/L': 'µmol/L',
  'ug/L': 'µg/L',
  'kg/m2': 'kg/m²',
  'g/cm2': 'g/cm²',
};

export function formatUnit(unit: string, lang: Language): string {
  const shown = UNIT_DISPLAY[unit] ?? unit;
  // English writes mL and a decimal point; Danish cards write "ml/min", as the guideline card does.
  if (lang === 'en') return shown.replace('1,73', '1.73');
  return unit === 'mL/min/{1.73_m2}' ? shown.replace('mL', 'ml') : shown;
}

/** A reported comparator as the reader writes it: "≥35", not ">=35" (FHIR sends ">=" and "<="). */
export function formatComparator(comparator: string | undefined): string {
  return comparator === '>=' ? '≥' : comparator === '<=' ? '≤' : (comparator ?? '');
}

export function formatQuantity(value: number, unit: string, lang: Language, comparator?: string): string {
  return `${formatComparator(comparator)}${formatNumber(value, lang)} ${formatUnit(unit, lang)}`;
}

/** Joins a list the way the language does: "a, b og c" / "a, b and c". */
export function formatList(items: readonly string[], lang: Language): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'da' ? 'og' : 'and';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1] ?? ''}`;
}
