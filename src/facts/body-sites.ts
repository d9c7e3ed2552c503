/**
 * Skeletal sites named in free text or `bodySite` displays (Danish, Latin and English), for DXA
 * results and fractures. Only clear names count; a text naming nothing we know gives `undefined`
 * and the site comes from the code instead.
 */
import type { DxaSite, FractureSite } from './types.js';

/** Checked in order: the more specific names first ("femoral neck" before "hip"). */
const DXA_SITE_WORDS: readonly (readonly [DxaSite, RegExp])[] = [
  ['femoral-neck', /femoral neck|neck of femur|collum femoris|lårbenshals|femurhals|collum/],
  ['total-hip', /total hip|hip total|total hofte|hofte total|\bhip\b|hofte|coxa/],
  ['lumbar-spine', /lumbar|lumbal|columna|spine|vertebra|ryghvirvel|lænd|\bl1\s*-\s*l4\b|\bl1-4\b/],
  ['forearm', /radius|forearm|underarm|antebrach|ulna|\bwrist\b|håndled/],
  ['other', /calcane|humerus|hæl|heel/],
];

/** The DXA site a text names clearly, if any. */
export function dxaSiteFromText(lowerText: string): DxaSite | undefined {
  if (lowerText === '') return undefined;
  for (const [site, re] of DXA_SITE_WORDS) if (re.test(lowerText)) return site;
  return undefined;
}

/**
 * Femoral-neck fractures named by their level ("Transcervical fracture of femur", "Closed fracture
 * of midcervical section of femur", "subkapital femurfraktur"): hip only with the femur named in
 * the same clause, as "subcapital", "midcervical" and "intracapsular" also name other bones (the
 * fifth metacarpal, the neck of the humerus, the cervical spine).
 */
const FEMORAL_NECK_LEVEL = String.raw`(?:sub-?[ck]apital|trans-?cervi[ck]al|mid-?cervi[ck]al|bas[io]-?cervi[ck]al|intra-?[ck]apsul)`;
const FEMUR_WORD = String.raw`(?:femur|femoral|femoris|lårben)`;
const FEMORAL_NECK_BY_LEVEL = String.raw`${FEMORAL_NECK_LEVEL}[^.;:,|]*${FEMUR_WORD}|${FEMUR_WORD}[^.;:,|]*${FEMORAL_NECK_LEVEL}`;

const FRACTURE_SITE_WORDS: readonly (readonly [FractureSite, RegExp])[] = [
  // S72.0 femoral neck, S72.1 pertrochanteric (ICD-10 includes intertrochanteric and trochanter
  // fractures; ICD-10-CM S72.11/S72.12 greater and lesser trochanter), S72.2 subtrochanteric: any
  // "trochant"/"trokant" word names the proximal femur, the only bone with a trochanter.
  ['hip', new RegExp(String.raw`femoral neck|neck of (?:the )?femur|(?:proximal|upper) end of (?:the )?femur|collum femoris|lårbenshals|femurhals|trochant|trokant|${FEMORAL_NECK_BY_LEVEL}|proximal femur|\bhip\b|hofte|coxa`)],
  // A named vertebra ("L1", "Th12", "T12", "C5") names the spine (v2, counting fractures by vertebra).
  ['spine', /vertebra|hvirvel|columna|spine|spinal|lumbar|lumbal|thoracic|thorakal|torakal|\bryg\b|rygsøjle|sammenfald|compression fracture|(?<![\d-])\b(?:th?\s?-?(?:[1-9]|1[0-2])|l\s?-?[1-5]|c\s?-?[1-7])\b/],
  ['pelvis', /pelvi|bækken|sacrum|acetabul|pubis|ilium|\bos ischii\b/],
  ['upper-arm', /humerus|upper arm|overarm/],
  ['forearm', /radius|forearm|underarm|antebrach|ulna|\bwrist\b|håndled|colles/],
  // Named other bones: an osteoporotic-fracture code for "other site" (M80.x8) is then not the spine.
  // The femoral shaft and distal femur are no hip: ICPC-2 L75 "fraktur af lårben" covers them too
  // (terminology.md), and its text or bodySite then names where.
  ['other', /femurskaft|lårbensskaft|lårbenets skaft|skaftfraktur|skaftbrud|diafys|diaphys|femur shaft|femoral shaft|shaft of (?:the )?femur|(?:distal|distale|nedre|lower)(?: ende| end)?(?: af| of)?(?: the)? (?:femur|lårben)|femoris distalis|suprakondyl|supracondyl|femurkondyl|femoral condyl|\bribs?\b|costa|ribben|ankle|ankel|malleol|\bfoot\b|\bfeet\b|\bfod\b|metatars|mellemfod|\btoes?\b|tæer|\bhand\b|\bhånd\b|metacarp|finger|fingre|phalan|clavic|kraveben|scapula|skulderblad|tibia|fibula|skinneben|lægben|patella|knæskal|sternum|brystben|calcane|hælben|skull|kranie|mandib|kæbe/],
];

/** The fracture site a text names clearly, if any. */
export function fractureSiteFromText(lowerText: string): FractureSite | undefined {
  if (lowerText === '') return undefined;
  for (const [site, re] of FRACTURE_SITE_WORDS) if (re.test(lowerText)) return site;
  return undefined;
}
