/**
 * The card's own passages that several cards repeat — side effects, intake, the checks before a
 * start, the dentist, denosumab and zoledronic acid, vitamin D and calcium — written once, in
 * Danish as the card has them and in English, and which reasons mark a fracture and a fracture of
 * unknown mechanism. Line numbers refer to guideline/source-card-da.txt.
 */
import type { Recommendation } from '../../contract/recommendations.js';
import type { Reason } from '../../contract/topics.js';
import { bullets, has } from './text-helpers.js';
import type { Words } from './vocabulary.js';

/** l. 1-5 "Udvalgte bivirkninger", for oral treatment, parenteral treatment, or any antiresorptive. */
export const SIDE_EFFECTS: Readonly<Record<'oral' | 'parenteral' | 'any', Words>> = {
  oral: {
    da: '**Udvalgte bivirkninger:** GI-gener, muskel-, knogle- og ledsmerter, influenzalignende symptomer. Kæbenekrose og atypisk femurfraktur er meget sjældne, men alvorlige.',
    en: '**Selected side effects:** gastrointestinal upset, muscle, bone and joint pain, flu-like symptoms. Osteonecrosis of the jaw and atypical femoral fracture are very rare but serious.',
  },
  parenteral: {
    da: '**Udvalgte bivirkninger:** muskel-, knogle- og ledsmerter, influenzalignende symptomer, temperaturstigning (kun zoledronsyre). Kæbenekrose og atypisk femurfraktur er meget sjældne, men alvorlige.',
    en: '**Selected side effects:** muscle, bone and joint pain, flu-like symptoms, fever (zoledronic acid only). Osteonecrosis of the jaw and atypical femoral fracture are very rare but serious.',
  },
  any: {
    da: '**Udvalgte bivirkninger:** GI-gener (alendronat), muskel-, knogle- og ledsmerter, influenzalignende symptomer og temperaturstigning (kun zoledronsyre). Kæbenekrose og atypisk femurfraktur er meget sjældne, men alvorlige.',
    en: '**Selected side effects:** GI upset (alendronate), muscle, bone and joint pain, flu-like symptoms and fever (zoledronic acid only). Osteonecrosis of the jaw and atypical femoral fracture are very rare but serious.',
  },
};

/** l. 67-73 "Særlige forhold ved indtag/indgift" (alendronate). */
export const INTAKE: Words = {
  da:
    '**Særlige forhold ved indtag**\n' +
    bullets([
      'Skal tages fastende om morgenen.',
      'Tablet synkes hel med et stort glas vand. Brusetablet indtages efter opløsning i et halvt glas vand, og der "skylles efter" med vand.',
      'Patienten skal være oprejst/siddende i mindst 30 min. efter indtag og indtil efter et måltid (undgå øsofagitis).',
      'Indtages mindst 30 min. før føde, drikkevarer (inkl. mineralvand) og anden medicin (hæmmer optagelse).',
    ]),
  en:
    '**How to take it**\n' +
    bullets([
      'Take fasting in the morning.',
      'Swallow the tablet whole with a large glass of water. The effervescent tablet is dissolved in half a glass of water and rinsed down with water.',
      'Stay upright (standing or sitting) for at least 30 minutes after intake and until after a meal (avoids oesophagitis).',
      'Take at least 30 minutes before food, drinks (including mineral water) and other medicines (they block absorption).',
    ]),
};

/** l. 41-51 "Før start af antiresorptiv behandling". */
export const BEFORE_START: Readonly<Record<'oral' | 'parenteral', Words>> = {
  oral: {
    da: '**Før start af antiresorptiv behandling:** Tjek, at eGFR > 35 ml/min, at der ikke er hypocalcæmi, og at P-25-OH-Vit.D > 50 nmol/L. Mål knoglemarkør ved peroral behandling (P1NP; CTX ved glukokortikoidbehandling). Mål patientens højde.',
    en: '**Before starting antiresorptive treatment:** check that eGFR > 35 mL/min, that there is no hypocalcaemia, and that 25-OH vitamin D > 50 nmol/L. Measure a baseline bone marker for oral treatment (P1NP; CTX if on glucocorticoid). Measure the patient’s height.',
  },
  parenteral: {
    da: '**Før start af antiresorptiv behandling:** Tjek, at eGFR > 35 ml/min, at der ikke er hypocalcæmi, og at P-25-OH-Vit.D > 50 nmol/L. Mål patientens højde.',
    en: '**Before starting antiresorptive treatment:** check that eGFR > 35 mL/min, that there is no hypocalcaemia, and that 25-OH vitamin D > 50 nmol/L. Measure the patient’s height.',
  },
};

/** l. 47-49. */
export const DENTIST: Words = {
  da: 'Bed patienten om at orientere tandlæge. Overvej tandlægebesøg før behandlingsstart ved dårlig tandstatus eller manglende kontakt til tandlæge.',
  en: 'Ask the patient to inform their dentist. Consider a dental visit before starting treatment if dental status is poor or the patient has no regular dentist.',
};

/** l. 62-64 and 121: the denosumab biosimilars. */
export const BIOSIMILARS: Words = {
  da: 'Izamby, Junod, Obodence, Ozvyrti, Ponlimsi eller Zadenvi',
  en: 'Izamby, Junod, Obodence, Ozvyrti, Ponlimsi or Zadenvi',
};

/** l. 78-82: recall, calcium before the injection, never stop without follow-on treatment. */
export const DENOSUMAB_RULES: Words = {
  da: bullets([
    '**Opsæt system, så injektionen huskes hver 6. måned** – også hvis patienten ikke kommer til aftalt tid. **Der må max gå 7 måneder.**',
    'P-calcium kontrolleres forud for injektion.',
    '**Hvis denosumab seponeres, SKAL anden behandling igangsættes** pga. hurtigt knogletab efter ophørt behandling – typisk zoledronsyre ca. 6 måneder efter sidste injektion (henvis til endokrinolog).',
  ]),
  en: bullets([
    '**Set up a recall so the injection is given every 6 months** – also if the patient misses the appointment. **Never more than 7 months apart.**',
    'Check calcium before each injection.',
    '**If denosumab is stopped, another treatment MUST be started** because of rapid bone loss after stopping – usually zoledronic acid about 6 months after the last injection (refer to endocrinology).',
  ]),
};

/** l. 62-66, 121: denosumab as the second choice, with its rules. */
export const DENOSUMAB: Words = {
  da: `**Denosumab 60 mg s.c. hver 6. måned** – vælg en biosimilær: ${BIOSIMILARS.da}. Biosimilære til Prolia, men billigere (pr. februar 2026 under halv pris af prisen på Prolia). Substitueres ikke på apoteket. Klausuleret tilskud.\n${DENOSUMAB_RULES.da}`,
  en: `**Denosumab 60 mg s.c. every 6 months** – choose a biosimilar: ${BIOSIMILARS.en}. Biosimilars of Prolia, but cheaper (February 2026: less than half the price of Prolia). Not substituted at the pharmacy. Reimbursement is clause-restricted.\n${DENOSUMAB_RULES.en}`,
};

/** The same in one line, for a list of options. */
export const DENOSUMAB_OPTION: Words = {
  da: `**Denosumab** 60 mg s.c. hver 6. måned – biosimilær (${BIOSIMILARS.da}) er billigere end Prolia og substitueres ikke på apoteket; klausuleret tilskud. Der må max gå 7 måneder mellem injektionerne; P-calcium kontrolleres forud for injektion; stoppes denosumab, SKAL anden behandling igangsættes.`,
  en: `**Denosumab** 60 mg s.c. every 6 months – biosimilars (${BIOSIMILARS.en}) cost less than Prolia and are not substituted at the pharmacy; clause-restricted reimbursement. Never more than 7 months between injections; check calcium before each injection; if denosumab is stopped, other treatment MUST be started.`,
};

/** l. 59-60, 75-76. */
export const ZOLEDRONIC_ACID: Words = {
  da: '**Zoledronsyre (fx Aclasta) 5 mg i.v. årligt** – typisk behandling på hospital (henvisning). P-calcium, -kreatinin og -25-OH-Vit.D bør kontrolleres før hver infusion.',
  en: '**Zoledronic acid (e.g. Aclasta) 5 mg i.v. yearly** – usually given in hospital (referral). Calcium, creatinine and 25-OH vitamin D should be checked before each infusion.',
};

/** l. 96-104 "D-vitamin og kalk", the vitamin D dose. */
export const VITAMIN_D_DOSE: Words = {
  da: 'Dagligt tilskud af 20–40 µg D3-vitamin; P-25-OH-Vit.D 70–125 nmol/L anbefales. Tjek tidligst efter 3 mdr.',
  en: 'Daily vitamin D3 20–40 µg; 25-OH vitamin D 70–125 nmol/L is recommended. Recheck no earlier than 3 months.',
};

/** l. 96-107 "D-vitamin og kalk", vitamin D and calcium together. */
export const VITAMIN_D_CALCIUM: Words = {
  da: 'Dagligt tilskud af 20–40 µg D3-vitamin (P-25-OH-Vit.D 70–125 nmol/L anbefales) og fast dagligt indtag af 800–1.200 mg calcium ved kost og tilskud.',
  en: 'Daily vitamin D3 20–40 µg (25-OH vitamin D 70–125 nmol/L recommended) and a regular daily intake of 800–1,200 mg calcium from diet and supplement.',
};

export const FRACTURE_REASONS: readonly Reason[] = ['spine-fracture', 'hip-fracture', 'spine-fracture-possible', 'hip-fracture-possible'];
const DEFINITE_BASIS: readonly Reason[] = ['t-score', 'spine-fracture', 'hip-fracture', 't-score-with-risk-factor', 'glucocorticoid-t-score'];

/** The card fires only on a fracture whose mechanism is not recorded: "hvis lavenergibrud". */
export function onlyPossibleFracture(rec: Recommendation): boolean {
  return has(rec, 'spine-fracture-possible', 'hip-fracture-possible') && !has(rec, ...DEFINITE_BASIS);
}

/** l. 29-30. */
export const ANABOLIC: Words = {
  da: 'Overvej henvisning til anabol behandling ved lavenergibrud – se bagsiden (romosozumab eller teriparatid).',
  en: 'Consider referral for anabolic treatment after a low-energy fracture – see the back page (romosozumab or teriparatide).',
};

/** rules.md section 1: a fracture with no recorded mechanism counts only "if low-energy". */
export const IF_LOW_ENERGY: Words = {
  da: 'Bruddet er registreret uden oplysning om mekanisme: det tæller kun, **hvis det var et lavenergibrud** (fald fra stående højde eller mindre). Afklar mekanismen.',
  en: 'The fracture is recorded without its mechanism: it counts only **if it was a low-energy fracture** (a fall from standing height or less). Clarify the mechanism.',
};
