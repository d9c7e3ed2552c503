/**
 * Which vertebra or vertebral region a spine fracture record names, and how many fractures it
 * stands for (rules.md section 1, "Counting fractures" (v2)): different vertebrae or regions
 * (cervical, thoracic, lumbar, or a named level in the code or `bodySite`) are different
 * fractures, and a code for multiple vertebral fractures counts as two.
 *
 * - ICD-10-CM names the level in its 5th character: S32.01–S32.05 = L1–L5; S22.01–S22.04 = T1–T4,
 *   S22.05 = T5–T6, S22.06 = T7–T8, S22.07 = T9–T10, S22.08 = T11–T12 (a pair of levels is one key).
 * - WHO ICD-10 / SKS and SNOMED name the region: S22/DS22 thoracic, S32.0/DS320 lumbar, S12/DS12
 *   cervical (S12.0 = C1, S12.1 = C2; ICD-10-CM S12.0–S12.6 = C1–C7); SNOMED "… of lumbar/thoracic
 *   vertebra(e)" by its display.
 * - Collapsed vertebra M48.5 (ICD-10, SKS DM485, ICD-10-CM) names the region in its 5th character:
 *   1–2 cervical, 4 thoracic, 6–7 lumbar; a span of two regions (3, 5), sacral (8), multiple sites
 *   or unspecified (0, 9) names none.
 * - Text (`bodySite`, code text): a level such as "L1", "Th12", "T12", "C5", else a region word.
 * - Multiple: ICD-10 S22.1 / SKS DS221 "Multiple frakturer af torakale rygsøjle", S12.7 / DS127 (cervical), or a text
 *   saying multiple vertebral fractures; several levels named on one record count one each.
 */
import type { Coding } from './accessors.js';

const CM_THORACIC: Readonly<Record<string, string>> = { '1': 'T1', '2': 'T2', '3': 'T3', '4': 'T4', '5': 'T5-T6', '6': 'T7-T8', '7': 'T9-T10', '8': 'T11-T12' };
const M48_REGION: Readonly<Record<string, string>> = { '1': 'cervical', '2': 'cervical', '4': 'thoracic', '6': 'lumbar', '7': 'lumbar' };
const LEVEL_TEXT = /\b(c|th|t|l)\s?-?(\d{1,2})\b/g;
const LEVEL_LIMIT: Readonly<Record<string, number>> = { C: 7, T: 12, L: 5 };
const REGION_TEXT: readonly (readonly [string, RegExp])[] = [
  ['cervical', /cervical|cervikal|halshvirvel|halsryg/],
  ['thoracic', /thorac|thorak|torak|brysthvirvel|brystryg/],
  ['lumbar', /lumbar|lumbal|lændehvirvel|lænderyg|lænd/],
];
const MULTIPLE_TEXT = /multiple|multipl|flere/;

export interface VertebraInfo {
  /** A level (`L1`, `T11-T12`) or region (`thoracic`); undefined when nothing is named. */
  readonly vertebra?: string;
  /** Fractures the record stands for (≥ 1). */
  readonly count: number;
}

function codeOf(c: Coding): string {
  return (c.code ?? '').toUpperCase().replace(/[.\s]/g, '');
}

function fromCoding(c: Coding): { vertebra?: string; multiple: boolean } {
  const system = c.system ?? '';
  let code = codeOf(c);
  if (system.endsWith('1.2.208.176.2.4.12') && code.startsWith('D')) code = code.slice(1);
  const icd = /icd-?10/i.test(system) || system.endsWith('1.2.208.176.2.4.12');
  if (icd) {
    if (/cm$/i.test(system)) {
      if (/^S320[1-5]/.test(code)) return { vertebra: `L${code.charAt(4)}`, multiple: false };
      const t = /^S220([1-8])/.exec(code)?.[1];
      if (t !== undefined) return { vertebra: CM_THORACIC[t] ?? 'thoracic', multiple: false };
      if (/^S12[0-6]/.test(code)) return { vertebra: `C${Number(code.charAt(3)) + 1}`, multiple: false };
    }
    if (code.startsWith('M485')) {
      const region = M48_REGION[code.charAt(4)];
      return region === undefined ? { multiple: false } : { vertebra: region, multiple: false };
    }
    if (code.startsWith('S221')) return { vertebra: 'thoracic', multiple: true };
    if (code.startsWith('S22')) return { vertebra: 'thoracic', multiple: false };
    if (code.startsWith('S320')) return { vertebra: 'lumbar', multiple: false };
    if (code.startsWith('S120')) return { vertebra: 'C1', multiple: false };
    if (code.startsWith('S121')) return { vertebra: 'C2', multiple: false };
    if (code.startsWith('S127')) return { vertebra: 'cervical', multiple: true };
    if (code.startsWith('S12')) return { vertebra: 'cervical', multiple: false };
    return { multiple: false };
  }
  const display = (c.display ?? '').toLowerCase();
  const region = REGION_TEXT.find(([, re]) => re.test(display))?.[0];
  const multiple = MULTIPLE_TEXT.test(display) && /vertebra|spine|hvirvel|rygsøjle/.test(display);
  return region === undefined ? { multiple } : { vertebra: region, multiple };
}

function levelsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(LEVEL_TEXT)) {
    const letter = (m[1] === 'th' ? 't' : (m[1] ?? '')).toUpperCase();
    const digits = m[2] ?? '';
    const n = Number(digits);
    if (!digits.startsWith('0') && n >= 1 && n <= (LEVEL_LIMIT[letter] ?? 0)) {
      const level = `${letter}${n}`;
      if (!out.includes(level)) out.push(level);
    }
  }
  return out;
}

/** The vertebra (or region) and count of a spine fracture, from its codings and texts (lower case). */
export function vertebraOf(spineCodings: readonly Coding[], bodySiteText: string, codeText: string): VertebraInfo {
  const levels = levelsIn(bodySiteText);
  if (levels.length === 0) levels.push(...levelsIn(codeText));
  let multiple = MULTIPLE_TEXT.test(codeText) && /vertebra|spine|hvirvel|rygsøjle|columna/.test(codeText);
  let coded: string | undefined;
  for (const c of spineCodings) {
    const found = fromCoding(c);
    multiple ||= found.multiple;
    if (found.vertebra !== undefined && (coded === undefined || /\d/.test(found.vertebra))) coded = found.vertebra;
  }
  const region = REGION_TEXT.find(([, re]) => re.test(bodySiteText))?.[0];
  const vertebra = coded !== undefined && /\d/.test(coded) ? coded : (levels[0] ?? coded ?? region);
  // An ICD-10-CM level pair (S22.07 "T9-T10") is one fracture: its display names both levels.
  const pair = coded?.includes('-') === true ? coded.split('-') : [];
  const others = levels.filter((l) => !pair.includes(l));
  const count = Math.max(multiple ? 2 : 1, others.length + (others.length < levels.length ? 1 : 0));
  return vertebra === undefined ? { count } : { vertebra, count };
}

/** The region of a level or region key: `T12` → `thoracic`. */
export function regionOf(vertebra: string): string {
  switch (vertebra.charAt(0)) {
    case 'C':
      return 'cervical';
    case 'T':
      return 'thoracic';
    case 'L':
      return 'lumbar';
    default:
      return vertebra;
  }
}
