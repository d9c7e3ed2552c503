/**
 * The card's page-2 passages that several cards and guideline pages repeat — bone markers, DXA,
 * the duration of oral treatment, anabolic treatment and the endocrinology referral — written once,
 * in Danish as the card has them and in English. Page-1 passages are in card-words.ts. Line numbers
 * refer to guideline/source-card-da.txt.
 */
import { bullets } from './text-helpers.js';
import type { NotContinued } from '../../contract/recommendations.js';
import type { Words } from './vocabulary.js';

/** l. 129-158 "Knoglemarkører (KM)": which marker, how it is taken, when it cannot be used. */
export const BONE_MARKERS: Words = {
  da:
    '**Knoglemarkører (KM)** viser effekt/compliance ved peroral behandling.\n' +
    bullets([
      'Prokollagen type 1 N-terminal propeptid (P1NP) er primær prøve og kan tages hele dagen.',
      'CTX anvendes i stedet for P1NP, hvis patienten er i behandling med glukokortikoid. CTX skal tages fastende før kl. 10.',
      'Tag initial KM før behandling. Er den ikke taget, sammenholdes resultatet med gennemsnit for præmenopausale kvinder (oplyses fra laboratoriet) – mere usikkert.',
    ]) +
    '\n\n**KM kan IKKE anvendes ved:**\n' +
    bullets([
      'Fraktur inden for 6 mdr. før behandlingsstart. Mål ét år efter fraktur.',
      'Ubehandlet knoglemetabolisk sygdom.',
      'Svær akut sygdom/akut immobilisering.',
      'Hård motion inden for 24 timer.',
    ]) +
    '\n\nAnden medicin kan specielt ved start/dosisændring påvirke værdierne, fx antiepileptika, antiøstrogen- og antiandrogen behandling.',
  en:
    '**Bone markers** show the effect of, and adherence to, oral treatment.\n' +
    bullets([
      'Procollagen type 1 N-terminal propeptide (P1NP) is the primary test and can be taken any time of day.',
      'CTX is used instead of P1NP if the patient is on glucocorticoid treatment. CTX must be taken fasting, before 10 am.',
      'Take a baseline marker before treatment. Without one, the result is compared with the premenopausal mean (given by the laboratory) – less certain.',
    ]) +
    '\n\n**Bone markers can NOT be used with:**\n' +
    bullets([
      'A fracture within 6 months before the start of treatment. Measure one year after the fracture.',
      'Untreated metabolic bone disease.',
      'Severe acute illness/acute immobilisation.',
      'Hard exercise within 24 hours.',
    ]) +
    '\n\nOther medicines can affect the values, especially at start or dose change, e.g. antiepileptics, anti-oestrogen and anti-androgen treatment.',
};

/** l. 170-183: the bone-marker pathway after a start. */
export const BONE_MARKER_STEPS: Words = {
  da:
    '**Forløb med knoglemarkør**\n' +
    bullets([
      'Tag KM 3 mdr. efter, at patienten er startet behandling.',
      'Fald over 30 % fra initial KM: fortsæt behandling. Evt. KM ved mistanke om manglende compliance.',
      'Fald på 30 % eller mindre: overvej korrekt indtag, compliance (se evt. FMK) og anden sygdom. Korrigerbar: tag KM 3 mdr. efter og revurdér. Ikke korrigerbar: start eller henvis til parenteral behandling.',
      'Stadig fald på 30 % eller mindre ved den nye måling: start eller henvis til parenteral behandling.',
    ]),
  en:
    '**The bone-marker pathway**\n' +
    bullets([
      'Take a marker 3 months after the patient started treatment.',
      'A fall of more than 30 % from baseline: continue treatment. A new marker only if adherence is doubtful.',
      'A fall of 30 % or less: check correct intake, adherence (see the shared medication record, FMK) and other disease. Correctable: measure again 3 months later and reassess. Not correctable: start or refer for parenteral treatment.',
      'Still a fall of 30 % or less at the new measurement: start or refer for parenteral treatment.',
    ]),
};

/** l. 201-203 in one sentence, for the cards about a pause: why stopping is safe. */
export const LONG_ACTING: Words = {
  da: 'Bisfosfonat bliver i skelettet (lang halveringstid) og beskytter knoglerne, også efter stop.',
  en: 'Bisphosphonates stay in the skeleton (long half-life) and keep protecting bone after stopping.',
};

/** l. 160-168 "DXA-skanning". */
export const DXA_FOLLOW_UP: Words = {
  da: '**DXA-skanning** viser knoglemineraltæthed (BMD) og T-score. Tidligst efter 2 års behandling og efter 5 års behandling. Henvis til samme hospital som ved tidligere skanning: skannere måler ikke helt ens, og sammenligning af værdier fra forskellige skannere er usikker.',
  en: '**A DXA scan** shows bone mineral density (BMD) and T-score. No earlier than after 2 years of treatment, and after 5 years. Refer to the same hospital as the previous scan: scanners do not measure exactly alike, and comparing values from different scanners is uncertain.',
};

/** l. 183-203 "Varighed af peroral behandling". */
export const ORAL_DURATION: Words = {
  da:
    '**Varighed af peroral behandling.** Behandlingspause bør overvejes efter 5 år. Seponering kan ske, hvis:\n' +
    bullets([
      'T-score (hofte) > −2,5 og',
      'aldrig lavenergibrud i ryg eller hofte og',
      'ingen andre lavenergibrud de seneste år og',
      'evt. udløsende årsager er korrigeret, fx længerevarende glukokortikoidbehandling, hvor der behandles med alendronat ½–1 år efter ophør.',
    ]) +
    '\n\nOpfølgning med DXA-skanning tidligst efter 2 år, hvis relevant. Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år.' +
    '\n\nBisfosfonat som fx alendronat har en længerevarende knoglebeskyttende effekt, da det bliver i skelettet pga. lang halveringstid.',
  en:
    '**Duration of oral treatment.** A treatment pause should be considered after 5 years. Treatment may be stopped if:\n' +
    bullets([
      'hip T-score > −2.5, and',
      'never a low-energy spine or hip fracture, and',
      'no other low-energy fracture in recent years, and',
      'any triggering cause is corrected, e.g. long-term glucocorticoid treatment, where alendronate is continued ½–1 year after it ends.',
    ]) +
    '\n\nFollow-up DXA scan no earlier than after 2 years, if relevant. With persistently low hip bone mass, treatment can be extended to 10 years.' +
    '\n\nBisphosphonates such as alendronate have a long-lasting bone-protective effect, as they stay in the skeleton (long half-life).',
};

/** l. 205-216, with the SmPC limits of rules.md section 3. */
export const ANABOLIC_CRITERIA: Words = {
  da:
    '**Overvejelse om anabol (knogleopbyggende) behandling:** injektionsbehandling med romosozumab eller teriparatid, der normalt er selvadministreret. Behandlingen varetages af speciallæge.\n' +
    bullets([
      'Postmenopausale kvinder med T-score < −2,5 og lavenergibrud på hofte, bækken, overarm, underarm eller ryg inden for 3 år.',
      'Mænd med T-score ≤ −3,0 og lavenergibrud i ryg inden for seneste 3 år, eller som har ≥ 2 lavenergibrud i ryg.',
    ]) +
    '\n\nRomosozumab: kun til kvinder og ikke efter myokardieinfarkt eller apopleksi (produktresumé). Teriparatid: højst 24 måneder.',
  en:
    '**Anabolic (bone-forming) treatment:** injections of romosozumab or teriparatide, normally self-administered. Specialist treatment.\n' +
    bullets([
      'Postmenopausal women with T-score < −2.5 and a low-energy fracture of hip, pelvis, upper arm, forearm or spine within 3 years.',
      'Men with T-score ≤ −3.0 and a low-energy spine fracture within the last 3 years, or with ≥ 2 low-energy spine fractures.',
    ]) +
    '\n\nRomosozumab: women only, and not after myocardial infarction or stroke (SmPC). Teriparatide: at most 24 months.',
};

/** l. 218-233: when to refer to endocrinology. */
export const ENDOCRINOLOGY_CRITERIA: Words = {
  da:
    '**Henvisning til endokrinolog ved:**\n' +
    bullets([
      'Behandlingssvigt trods god compliance: signifikant fald i knoglemasse i ryg og/eller hofte oplyst i DXA-skanningssvar, ≥ 2 lavenergibrud efter mindst et års behandling, eller manglende suppression af knoglemarkør.',
      'Uacceptable bivirkninger, som ikke kan kompenseres i almen praksis.',
      'Progredierende nyrefunktionstab – inden eGFR er under 35 ml/min.',
      'Når denosumab (Prolia) planlægges seponeret.',
      'Mistanke om udredningskrævende sekundær osteoporose.',
    ]),
  en:
    '**Refer to endocrinology for:**\n' +
    bullets([
      'Treatment failure despite good adherence: a significant fall in spine and/or hip bone mass stated in the DXA report, ≥ 2 low-energy fractures after at least one year of treatment, or no suppression of the bone marker.',
      'Unacceptable side effects that cannot be managed in general practice.',
      'Progressive loss of kidney function – before eGFR falls below 35 mL/min.',
      'When denosumab (Prolia) is planned to stop.',
      'Suspected secondary osteoporosis needing work-up.',
    ]),
};

/**
 * What a "continue treatment" card says instead when another card of the answer says not to go on
 * as now (contract/recommendations.ts `NotContinued`): the clause after its finding in the summary,
 * and the advice in its detail.
 */
export const NOT_CONTINUED: Readonly<Record<NotContinued, { readonly clause: Words; readonly advice: Words }>> = {
  // rules.md section 3 (v2) `endocrinology-referral` `egfr-low`.
  'egfr-low': {
    clause: { da: 'men eGFR ≤ 35: hold pause med bisfosfonat til endokrinologens svar', en: 'but eGFR ≤ 35: hold the bisphosphonate until the endocrinologist answers' },
    advice: {
      da: '**eGFR ≤ 35 ml/min:** gentag eGFR, og hold pause med bisfosfonat, til endokrinologen har svaret på henvisningen.',
      en: '**eGFR ≤ 35 mL/min:** repeat the eGFR, and hold the bisphosphonate until the endocrinologist has answered the referral.',
    },
  },
  // Card l. 42 "Tjek, at der Ikke er hypocalcæmi" (predicates/continue-hold.ts).
  hypocalcaemia: {
    clause: { da: 'men P-calcium lav: hold pause med bisfosfonat, korrigér først', en: 'but calcium is low: hold the bisphosphonate, correct it first' },
    advice: {
      da: '**P-calcium er lav (hypocalcæmi):** hold pause med bisfosfonat, korrigér med calcium og D-vitamin, og mål P-calcium igen, før behandlingen fortsætter.',
      en: '**Calcium is low (hypocalcaemia):** hold the bisphosphonate, correct with calcium and vitamin D, and measure calcium again before treatment goes on.',
    },
  },
  'switch-to-parenteral': {
    clause: { da: 'men skift til parenteral behandling anbefales (se kortet)', en: 'but a switch to parenteral treatment is advised (see that card)' },
    advice: {
      da: '**Skift til parenteral behandling:** se kortet om skift (bivirkninger, compliance eller knoglemarkør) – fortsæt ikke uændret med peroral behandling.',
      en: '**Switch to parenteral treatment:** see the card on switching (side effects, adherence or bone marker) – do not simply go on with oral treatment.',
    },
  },
  // Card page 1 "Kæbenekrose og atypisk femurfraktur … alvorlige": `endocrinology-referral` `seriousSideEffect`.
  'serious-side-effect': {
    clause: { da: 'men alvorlig bivirkning: henvis til endokrinolog (se kortet)', en: 'but a serious side effect: refer to endocrinology (see that card)' },
    advice: {
      da: '**Kæbenekrose eller atypisk femurfraktur under behandling:** fortsæt ikke uændret – se kortet om henvisning til endokrinolog.',
      en: '**Osteonecrosis of the jaw or atypical femoral fracture on treatment:** do not simply go on – see the card on referral to endocrinology.',
    },
  },
  // Card, referral: "Behandlingssvigt trods god compliance": `endocrinology-referral` `bmd-fall` / `fractures-on-treatment`.
  'treatment-failure': {
    clause: { da: 'men behandlingssvigt: henvis til endokrinolog (se kortet)', en: 'but treatment failure: refer to endocrinology (see that card)' },
    advice: {
      da: '**Behandlingssvigt trods compliance** (fald i knoglemineraltæthed eller brud under behandling): fortsæt ikke uændret – se kortet om henvisning til endokrinolog.',
      en: '**Treatment failure despite adherence** (a fall in bone mineral density or fractures on treatment): do not simply go on – see the card on referral to endocrinology.',
    },
  },
  // rules.md section 3 `bisphosphonate-ten-years`: the card's maximum duration.
  'ten-years': {
    clause: { da: 'men 10 år med bisfosfonat er nået: revurdér (se kortet)', en: 'but 10 years of bisphosphonate are reached: reassess (see that card)' },
    advice: {
      da: '**10 års behandling er nået** – kortets maksimale varighed: se kortet om revurdering, før behandlingen fortsættes.',
      en: '**10 years of treatment reached** – the card\'s maximum duration: see the reassessment card before going on.',
    },
  },
  // rules.md section 3 `bisphosphonate-pause-candidate`: "Behandlingspause bør overvejes efter 5 år".
  'pause-candidate': {
    clause: { da: 'men pausekriterierne er opfyldt: overvej pause (se kortet)', en: 'but the pause criteria are met: consider a pause (see that card)' },
    advice: {
      da: '**Pausekriterierne er opfyldt efter 5 år:** overvej behandlingspause – se kortet om pause, før behandlingen fortsættes uændret.',
      en: '**The pause criteria are met after 5 years:** consider a treatment pause – see the pause card before simply going on.',
    },
  },
};
