/**
 * The card's own passages that several cards repeat — side effects, intake, the checks before a
 * start, the dentist, denosumab and zoledronic acid, vitamin D and calcium (page 1; page 2's
 * passages are in card-words-follow-up.ts) — written once, in Danish as the card has them and in English, and which reasons mark a fracture
 * and a fracture of unknown mechanism. The cards say the decision; the guideline pages
 * (`guideline/guides.ts`) carry these passages in full. Line numbers refer to
 * guideline/source-card-da.txt.
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
const DENOSUMAB_RECALL = {
  da: [
    '**Opsæt system, så injektionen huskes hver 6. måned** – også hvis patienten ikke kommer til aftalt tid. **Der må max gå 7 måneder.**',
    'P-calcium kontrolleres forud for injektion.',
  ],
  en: [
    '**Set up a recall so the injection is given every 6 months** – also if the patient misses the appointment. **Never more than 7 months apart.**',
    'Check calcium before each injection.',
  ],
} as const;

export const DENOSUMAB_RULES: Words = {
  da: bullets([
    ...DENOSUMAB_RECALL.da,
    '**Hvis denosumab seponeres, SKAL anden behandling igangsættes** pga. hurtigt knogletab efter ophørt behandling – typisk zoledronsyre ca. 6 måneder efter sidste injektion (henvis til endokrinolog).',
  ]),
  en: bullets([
    ...DENOSUMAB_RECALL.en,
    '**If denosumab is stopped, another treatment MUST be started** because of rapid bone loss after stopping – usually zoledronic acid about 6 months after the last injection (refer to endocrinology).',
  ]),
};

/**
 * DENOSUMAB_RULES at eGFR ≤ 35 (l. 41 "Tjek, at eGFR > 35"): zoledronic acid, the usual follow-on,
 * is barred, so the follow-on is agreed with endocrinology.
 */
export const DENOSUMAB_RULES_KIDNEY: Words = {
  da: bullets([
    ...DENOSUMAB_RECALL.da,
    '**Hvis denosumab seponeres, SKAL anden behandling igangsættes** pga. hurtigt knogletab efter ophørt behandling – ved eGFR ≤ 35 ikke zoledronsyre: aftal den opfølgende behandling med endokrinolog.',
  ]),
  en: bullets([
    ...DENOSUMAB_RECALL.en,
    '**If denosumab is stopped, another treatment MUST be started** because of rapid bone loss after stopping – with eGFR ≤ 35 not zoledronic acid: agree the follow-on treatment with endocrinology.',
  ]),
};

/** l. 62-66, 121: denosumab as the second choice, with its rules. */
export const DENOSUMAB: Words = {
  da: `**Denosumab 60 mg s.c. hver 6. måned** – vælg en biosimilær: ${BIOSIMILARS.da}. Biosimilære til Prolia, men billigere (pr. februar 2026 under halv pris af prisen på Prolia). Substitueres ikke på apoteket. Klausuleret tilskud.\n${DENOSUMAB_RULES.da}`,
  en: `**Denosumab 60 mg s.c. every 6 months** – choose a biosimilar: ${BIOSIMILARS.en}. Biosimilars of Prolia, but cheaper (February 2026: less than half the price of Prolia). Not substituted at the pharmacy. Reimbursement is clause-restricted.\n${DENOSUMAB_RULES.en}`,
};

/**
 * l. 62-64, 75-76, 132: the two parenteral options in one line each, for a card that says
 * "start or refer for parenteral treatment" (the biosimilar names are on the suggestion's label).
 */
export const PARENTERAL_CHOICES: Words = {
  da: bullets([
    '**Denosumab** 60 mg s.c. hver 6. måned – biosimilær, klausuleret tilskud.',
    '**Zoledronsyre** 5 mg i.v. årligt – typisk på hospital (henvisning).',
  ]),
  en: bullets([
    '**Denosumab** 60 mg s.c. every 6 months – a biosimilar, clause-restricted reimbursement.',
    '**Zoledronic acid** 5 mg i.v. yearly – usually in hospital (referral).',
  ]),
};

/** l. 78-82 in two sentences: what a GP who starts denosumab must not miss. */
export const DENOSUMAB_SAFETY: Words = {
  da: 'Denosumab: P-calcium før hver injektion; der må max gå 7 måneder. **Hvis denosumab seponeres, SKAL anden behandling igangsættes.**',
  en: 'Denosumab: check calcium before each injection; never more than 7 months apart. **If denosumab is stopped, other treatment MUST be started.**',
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

/**
 * The card fires only on a fracture whose mechanism is not recorded: "hvis lavenergibrud" — a
 * possible spine or hip fracture, or a T-score whose only risk factor is a possible earlier fracture.
 */
export function onlyPossibleFracture(rec: Recommendation): boolean {
  if (has(rec, 'spine-fracture-possible', 'hip-fracture-possible') && !has(rec, ...DEFINITE_BASIS)) return true;
  if (!has(rec, 't-score-with-risk-factor') || has(rec, 'spine-fracture', 'hip-fracture', 'glucocorticoid-t-score')) return false;
  const risks = rec.reasons.filter((r) => r.startsWith('risk-'));
  return risks.length > 0 && risks.every((r) => r === 'risk-prior-fracture-possible');
}

/** l. 29-30. */
export const ANABOLIC: Words = {
  da: 'Overvej henvisning til anabol behandling ved lavenergibrud – se bagsiden (romosozumab eller teriparatid).',
  en: 'Consider referral for anabolic treatment after a low-energy fracture – see the back page (romosozumab or teriparatide).',
};

/** rules.md section 1: a fracture with no recorded mechanism counts only "if low-energy". */
export const IF_LOW_ENERGY: Words = {
  da: '**Kun ved lavenergibrud** (fald fra stående højde eller mindre): afklar mekanismen.',
  en: '**Only if low-energy** (a fall from standing height or less): clarify the mechanism.',
};

/** l. 11-15 "Osteoporose diagnosekriterier". */
export const DIAGNOSIS_CRITERIA: Words = {
  da: '**Osteoporose diagnosekriterier:** T-score ≤ −2,5 og/eller lavenergibrud i ryg (≥ 20 % sammenfald) og/eller hofte. OBS: D-vitamin bør være i niveau før DXA-skanning (ellers risiko for overdiagnosticering).',
  en: '**Osteoporosis diagnosis criteria:** T-score ≤ −2.5 and/or a low-energy fracture of the spine (≥ 20 % compression) and/or hip. Note: vitamin D should be replete before a DXA scan (otherwise risk of overdiagnosis).',
};

/** l. 26-33, 39 "Indikation for at drøfte behandling" with footnote *. */
export const INDICATION: Words = {
  da: '**Indikation for at drøfte behandling:** lavenergibrud i ryg (≥ 20 % sammenfald) og/eller hofte og/eller T-score ≤ −2,5 og mindst én risikofaktor. Ved prednisolon > 5 mg dgl. i 3 mdr. eller > 450 mg på et år behandles, hvis T-score < −1,0.',
  en: '**Indication to discuss treatment:** a low-energy fracture of the spine (≥ 20 % compression) and/or hip, and/or T-score ≤ −2.5 with at least one risk factor. With prednisolone > 5 mg daily for 3 months or > 450 mg in a year, treat if T-score < −1.0.',
};

/** l. 35-37, footnote **. */
export const RISK_FACTORS: Words = {
  da: '**Risikofaktorer** (kortets fodnote): fx genetisk disposition, lavt BMI, immobilisering, højdereduktion, sygdomme og tilstande, der kan medføre knogletab, faldtendens, glukokortikoidbehandling, rygning. Se kapitel 4 i DSAM-vejledning.',
  en: '**Risk factors** (the card’s footnote): e.g. genetic disposition, low BMI, immobilisation, height loss, diseases and conditions that cause bone loss, tendency to fall, glucocorticoid treatment, smoking. See chapter 4 of the DSAM guideline.',
};

/** l. 18, 53-57 "1. Valg (peroral)". */
export const FIRST_CHOICE: Words = {
  da: '**1. valg (peroral): Alendronat 70 mg ugetablet.** Brusetablet (Binosto) kan anvendes ved synkebesvær. Har klausuleret tilskud og er dyrt.',
  en: '**First choice (oral): alendronate 70 mg weekly tablet.** The effervescent tablet (Binosto) can be used for swallowing difficulty. Reimbursement is clause-restricted and it is expensive.',
};

/** l. 22 "2. Valg (parenteral)". */
export const SECOND_CHOICE: Words = {
  da: '**2. valg (parenteral)** ved kontraindikation (fx ulcus) til peroral bisfosfonat, utålelige bivirkninger, behandlingssvigt, eller hvis compliance ikke kan opretholdes.',
  en: '**Second choice (parenteral)** for a contraindication (e.g. peptic ulcer) to oral bisphosphonate, intolerable side effects, treatment failure, or when adherence cannot be maintained.',
};

/** l. 41, 229-233: who starts in general practice and who is referred first. */
export const REFER_BEFORE_START: Words = {
  da: '**Henvis til endokrinolog i stedet for at starte** ved eGFR ≤ 35 ml/min (kortet: tjek, at eGFR > 35 ml/min, og henvis ved progredierende nyrefunktionstab, inden eGFR er under 35 ml/min – speciallægen vælger ofte denosumab) og ved mistanke om udredningskrævende sekundær osteoporose (fx hypercalcæmi eller Z-score ≤ −2,0).',
  en: '**Refer to endocrinology instead of starting** with eGFR ≤ 35 mL/min (the card: check that eGFR > 35 mL/min, and refer on progressive loss of kidney function before eGFR falls below 35 mL/min – specialists often choose denosumab) and with suspected secondary osteoporosis needing work-up (e.g. hypercalcaemia or Z-score ≤ −2.0).',
};

/** l. 185-199: after a pause. */
export const PAUSE_ENDED: Words = {
  da: '**Efter en behandlingspause** genoptages behandlingen ved nyt lavenergibrud, når DXA efter pausens start viser T-score (hofte) ≤ −2,5 ("Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år"), eller ved ny glukokortikoidbehandling over tærsklen med T-score < −1,0.',
  en: '**After a treatment pause** treatment resumes on a new low-energy fracture, when a DXA after the pause began shows hip T-score ≤ −2.5 ("with persistently low hip bone mass treatment can be extended to 10 years"), or on new glucocorticoid treatment above the threshold with T-score < −1.0.',
};

/** Page 2 l. 140-155: the baseline bone marker before an oral start. */
export const BASELINE_MARKER: Words = {
  da: '**Initial knoglemarkør før peroral behandling:** P1NP er primær prøve og kan tages hele dagen; CTX anvendes i stedet ved glukokortikoidbehandling og skal tages fastende før kl. 10. Kan ikke anvendes ved fraktur inden for 6 mdr. før behandlingsstart – mål da ét år efter frakturen. Markøren tages igen 3 mdr. efter start og viser effekt/compliance.',
  en: '**Baseline bone marker before oral treatment:** P1NP is the primary marker and can be taken any time of day; CTX is used instead under glucocorticoid treatment and must be taken fasting before 10 am. Not usable after a fracture within 6 months before the start – then measure one year after the fracture. The marker is repeated 3 months after the start and shows effect/adherence.',
};

/** l. 98-103 "D-vitamin", in full. */
export const VITAMIN_D_FULL: Words = {
  da: '**D-vitamin:** Dagligt tilskud af 20–40 µg D3-vitamin. P-25-OH-Vit.D 70–125 nmol/L anbefales. Tilskud af 1 µg D3 giver ≈ 1 nmol/L stigning i P-25-OH-Vit.D efter 3 mdr. (stor variation). Tjek tidligst efter 3 mdr.',
  en: '**Vitamin D:** daily vitamin D3 20–40 µg. 25-OH vitamin D 70–125 nmol/L is recommended. 1 µg D3 raises 25-OH vitamin D by ≈ 1 nmol/L after 3 months (large variation). Recheck no earlier than 3 months.',
};

/** l. 105-119 "Kalk", in full. */
export const CALCIUM_FULL: Words = {
  da: '**Kalk:** Fast dagligt indtag af 800–1.200 mg calcium ved kost og tilskud. Afdæk patientens kalkindtag i kost (se fx oversigt i DSAM-vejledning). Kalktilskud forskydes af måltid med mange mejeriprodukter. Ved behov for tilskud over 500 mg fordeles det ud over dagen. Calcium-carbonat tages til måltid (syreafhængig) og kan give tendens til obstipation. Calcium-citrat kan tages uafhængigt af mad, men er dyrere; kan overvejes til patienter, som bruger PPI. OBS: på de, der ikke får sol, og de, der ikke får mejeriprodukter.',
  en: '**Calcium:** a steady daily intake of 800–1,200 mg calcium from diet and supplement. Assess dietary calcium (see e.g. the table in the DSAM guideline). Adjust the supplement to meals rich in dairy. Supplements above 500 mg a day are split over the day. Calcium carbonate is taken with a meal (acid-dependent) and may cause constipation. Calcium citrate can be taken regardless of food, but costs more; consider it for patients who take a PPI. Mind patients who get no sun and those who eat no dairy products.',
};

/** l. 84-94 "Non-farmakologisk (knoglevenlig livsstil)", in full. */
export const LIFESTYLE: Words = {
  da:
    '**Non-farmakologisk (knoglevenlig livsstil)**\n' +
    bullets([
      'Fysisk aktivitet (vægtbærende, styrke og balance). Se træningsøvelser på Osteoporoseforeningen.dk.',
      'Faldforebyggelse (evt. hoftebeskyttere).',
      'Rygeophør.',
      'Begrænse alkoholindtag.',
      'Sund og varieret kost. Undgå energirestriktion som fx slankekure.',
      'Evt. kommunale tilbud.',
    ]),
  en:
    '**Non-pharmacological (bone-healthy lifestyle)**\n' +
    bullets([
      'Physical activity (weight-bearing, strength and balance). See the exercises at Osteoporoseforeningen.dk.',
      'Falls prevention (consider hip protectors).',
      'Stop smoking.',
      'Limit alcohol intake.',
      'A healthy, varied diet. Avoid energy restriction such as slimming diets.',
      'Consider municipal programmes.',
    ]),
};

/**
 * Failed checks before a start, corrected first (card l. 42-43; rules `correctFirst`): the lead of
 * the summary of every card that proposes a start beside them. Undefined when none failed.
 */
export function correctFirstLead(reasons: readonly Reason[] | undefined, lang: 'da' | 'en'): string | undefined {
  // No eGFR to trust and a creatinine giving 35 or less (rules/agreement.ts): the kidneys come first.
  if (reasons?.includes('egfr-missing') === true) {
    const rest = correctFirstLead(reasons.filter((r) => r !== 'egfr-missing'), lang);
    const kidneys = lang === 'da' ? 'Tag eGFR (kreatinin giver eGFR ≤ 35)' : 'Take an eGFR (creatinine gives eGFR ≤ 35)';
    if (rest === undefined) return `${kidneys} ${lang === 'da' ? 'først' : 'first'}`;
    return `${kidneys} ${lang === 'da' ? 'og' : 'and'} ${rest.charAt(0).toLowerCase()}${rest.slice(1)}`;
  }
  const calcium = reasons?.includes('hypocalcaemia') === true;
  const vitaminD = reasons?.includes('vitamin-d-low') === true;
  if (lang === 'da') return calcium && vitaminD ? 'Korrigér hypocalcæmi og giv D-vitamin først' : calcium ? 'Korrigér hypocalcæmien først' : vitaminD ? 'Giv D-vitamin først (P-25-OH-Vit.D ≤ 50)' : undefined;
  return calcium && vitaminD ? 'Correct hypocalcaemia and give vitamin D first' : calcium ? 'Correct the hypocalcaemia first' : vitaminD ? 'Give vitamin D first (25-OH-D ≤ 50)' : undefined;
}

