/**
 * What a topic's guideline page says beyond the card (rules.md section 6: the long guidance is
 * one link away): one paragraph on when the card comes and what it asks, then the card's own
 * passages — intake, side effects, the checks before a start, denosumab, zoledronic acid, vitamin D
 * and calcium, bone markers, DXA, the duration of oral treatment, anabolic treatment and the
 * endocrinology referral — from the same text module the cards use (`text/card-words.ts`).
 */
import type { Topic } from '../../contract/topics.js';
import {
  ANABOLIC,
  ANABOLIC_CRITERIA,
  BASELINE_MARKER,
  BEFORE_START,
  BONE_MARKERS,
  BONE_MARKER_STEPS,
  CALCIUM_FULL,
  DENOSUMAB,
  DENTIST,
  DIAGNOSIS_CRITERIA,
  DXA_FOLLOW_UP,
  ENDOCRINOLOGY_CRITERIA,
  FIRST_CHOICE,
  IF_LOW_ENERGY,
  INDICATION,
  INTAKE,
  LIFESTYLE,
  ORAL_DURATION,
  PAUSE_ENDED,
  REFER_BEFORE_START,
  RISK_FACTORS,
  SECOND_CHOICE,
  SIDE_EFFECTS,
  VITAMIN_D_CALCIUM,
  VITAMIN_D_FULL,
  ZOLEDRONIC_ACID,
} from '../text/card-words.js';
import { lastYears, type SettingWords, type Words } from '../text/vocabulary.js';

export interface Guide {
  /** When the card comes and what it asks of the GP (worded from the settings in force where it quotes one). */
  readonly purpose: Words | SettingWords;
  /** The card's passages that belong with this topic, in reading order. */
  readonly passages: readonly Words[];
}

const w = (da: string, en: string): Words => ({ da, en });

/** The treatment card's guidance in the card's order: indication, first choice with intake, second choice, the checks, referral, anabolic. */
const TREATMENT: readonly Words[] = [
  INDICATION,
  FIRST_CHOICE,
  INTAKE,
  SIDE_EFFECTS.any,
  SECOND_CHOICE,
  DENOSUMAB,
  ZOLEDRONIC_ACID,
  BEFORE_START.oral,
  DENTIST,
  REFER_BEFORE_START,
  ANABOLIC,
  PAUSE_ENDED,
  IF_LOW_ENERGY,
];
const ORAL: readonly Words[] = [INTAKE, SIDE_EFFECTS.oral, BEFORE_START.oral, DENTIST];
const PARENTERAL: readonly Words[] = [DENOSUMAB, ZOLEDRONIC_ACID, SIDE_EFFECTS.parenteral, BEFORE_START.parenteral];
const VITAMIN_D: readonly Words[] = [VITAMIN_D_FULL, CALCIUM_FULL];

export const GUIDES: Readonly<Record<Topic, Guide>> = {
  'diagnosis-criteria-met': { purpose: w('Kortet kommer, når diagnosekriterierne er opfyldt (T-score ≤ −2,5 og/eller lavenergibrud i ryg eller hofte), men diagnosen ikke står på problemlisten. Registrér diagnosen.', 'The card comes when the diagnosis criteria are met (T-score ≤ −2.5 and/or a low-energy spine or hip fracture) but the diagnosis is not on the problem list. Record the diagnosis.'), passages: [DIAGNOSIS_CRITERIA, IF_LOW_ENERGY] },
  'treatment-indicated': { purpose: w('Indikation for at drøfte behandling: lavenergibrud i ryg (≥ 20 % sammenfald) og/eller hofte, T-score ≤ −2,5 med mindst én risikofaktor, eller glukokortikoid (prednisolon > 5 mg dgl. i 3 mdr. eller > 450 mg på et år) og T-score < −1,0. 1. valg er alendronat 70 mg ugetablet; 2. valg (parenteral) ved kontraindikation, utålelige bivirkninger, behandlingssvigt eller manglende compliance. Ved eGFR ≤ 35 eller mistanke om sekundær osteoporose: henvis til endokrinolog.', 'Indication to discuss treatment: a low-energy spine (≥ 20 % compression) and/or hip fracture, T-score ≤ −2.5 with at least one risk factor, or glucocorticoid (prednisolone > 5 mg daily for 3 months or > 450 mg in a year) with T-score < −1.0. First choice is alendronate 70 mg weekly; second choice (parenteral) for a contraindication, intolerable side effects, treatment failure or poor adherence. With eGFR ≤ 35 or suspected secondary osteoporosis: refer to endocrinology.'), passages: TREATMENT },
  'risk-factor-review': { purpose: w('T-score ≤ −2,5 uden brud og uden registreret risikofaktor: diagnosen er opfyldt, men indikationen for behandling er det ikke. Gennemgå risikofaktorerne (tidligere brud, arvelighed, lav BMI, rygning, alkohol, fald, sygdomme og medicin, der svækker knoglerne).', 'T-score ≤ −2.5 without a fracture and with no recorded risk factor: the diagnosis is met but the indication for treatment is not. Review the risk factors (earlier fractures, family history, low BMI, smoking, alcohol, falls, diseases and drugs that weaken bone).'), passages: [RISK_FACTORS, INDICATION, DIAGNOSIS_CRITERIA] },
  'pretreatment-checks': { purpose: w('Før start af antiresorptiv behandling tjekkes eGFR, calcium og D-vitamin, baseline-knoglemarkør ved peroral behandling (ikke inden for 6 mdr. efter et brud: mål da ét år efter bruddet), og højden måles.', 'Before an antiresorptive start: eGFR, calcium and vitamin D, a baseline bone marker for oral treatment (not within 6 months of a fracture: measure one year after it), and the height.'), passages: [BEFORE_START.oral, BASELINE_MARKER, DENTIST, REFER_BEFORE_START] },
  'vitamin-d-before-dxa': { purpose: w('DXA-skanningen blev taget, mens D-vitamin var ≤ 50 nmol/L: T-scoren kan overvurdere osteoporosen. Bring D-vitamin i niveau før behandlingsvalget lægges fast.', 'The DXA was taken while vitamin D was ≤ 50 nmol/L: the T-score may overstate osteoporosis. Bring vitamin D up before the treatment choice is settled.'), passages: [DIAGNOSIS_CRITERIA, VITAMIN_D_FULL] },
  'vitamin-d-calcium': { purpose: w('Ved osteoporose eller behandling: D-vitamin under 70 nmol/L eller intet tilskud. Calcium deles i doser over 500 mg; carbonat tages til måltid (kan forstoppe), citrat ved PPI.', 'With osteoporosis or on treatment: vitamin D below 70 nmol/L or no supplement. Split calcium doses over 500 mg; carbonate with meals (may constipate), citrate with a PPI.'), passages: VITAMIN_D },
  'bone-healthy-lifestyle': { purpose: w('Knoglevenlig livsstil: fysisk aktivitet og træning, forebyg fald (evt. hoftebeskyttere), rygestop, højst 1–2 genstande alkohol dagligt, varieret kost og kommunens tilbud.', 'Bone-healthy lifestyle: physical activity and exercise, fall prevention (hip protectors where useful), stopping smoking, at most 1–2 drinks a day, a varied diet and the municipality’s offers.'), passages: [LIFESTYLE] },
  'dxa-workup-suggested': {
    purpose: (s) =>
      w(
        `Risikofaktor eller glukokortikoid og ingen DXA ${lastYears(s.dxaWorkupYears, 'da')}: henvis til DXA-skanning. Er D-vitamin ≤ 50 nmol/L eller ukendt, bringes det i niveau først.`,
        `A risk factor or glucocorticoid and no DXA ${lastYears(s.dxaWorkupYears, 'en')}: refer for a DXA scan. If vitamin D is ≤ 50 nmol/L or unknown, bring it up first.`,
      ),
    passages: VITAMIN_D,
  },
  'btm-follow-up-due': { purpose: w('Knoglemarkør 3 måneder efter start af peroral bisfosfonat: P1NP, eller CTX (fastende før kl. 10) ved glukokortikoid. Efter brud inden for 6 mdr. før start måles først ét år efter bruddet. Svaret afgør, om behandlingen fortsætter.', 'A bone marker 3 months after starting an oral bisphosphonate: P1NP, or CTX (fasting, before 10 am) on glucocorticoid. After a fracture within 6 months before the start, measure one year after the fracture. The result decides whether treatment continues.'), passages: [BONE_MARKERS, BONE_MARKER_STEPS, INTAKE] },
  'btm-response-adequate': { purpose: w('Knoglemarkøren er faldet over 30 % fra initial værdi (uden initial værdi: under gennemsnit for præmenopausale kvinder – mere usikkert): behandlingen virker. Fortsæt; ny knoglemarkør kun ved mistanke om manglende compliance.', 'The bone marker fell more than 30 % from baseline (no baseline: below the premenopausal mean – less certain): the treatment works. Continue; a new marker only if adherence is doubtful.'), passages: [BONE_MARKER_STEPS, DXA_FOLLOW_UP] },
  'btm-response-inadequate': { purpose: w('Knoglemarkøren er faldet 30 % eller mindre: tjek korrekt indtag, compliance (se evt. FMK) og anden sygdom. Kan årsagen rettes, tages ny knoglemarkør 3 måneder efter; ellers startes eller henvises til parenteral behandling.', 'A fall of 30 % or less: check correct intake, adherence (FMK) and other disease. If correctable, measure again in 3 months; otherwise start or refer for parenteral treatment.'), passages: [BONE_MARKER_STEPS, INTAKE, ...PARENTERAL] },
  'switch-to-parenteral': { purpose: w('Knoglemarkøren er fortsat ikke faldet tilstrækkeligt ved den nye måling, eller peroral behandling tåles ikke eller tages ikke: start eller henvis til parenteral behandling (2. valg) – denosumab eller zoledronsyre – eller henvis til endokrinolog ved behandlingssvigt trods god compliance.', 'The bone marker still fell too little at the re-check, or oral treatment is not tolerated or not taken: start or refer for parenteral treatment (second choice) – denosumab or zoledronic acid – or refer to endocrinology for treatment failure despite good adherence.'), passages: [...PARENTERAL, ENDOCRINOLOGY_CRITERIA] },
  'dxa-follow-up-due': { purpose: w('DXA-skanning tidligst efter 2 års behandling og efter 5 års behandling – på samme hospital som sidst. Efter 5 år med peroral bisfosfonat afgør hofte-T-scoren, om behandlingspause kan overvejes.', 'A DXA scan no earlier than after 2 years of treatment, and after 5 years – at the same hospital as last time. After 5 years of oral bisphosphonate the hip T-score decides whether a pause can be considered.'), passages: [DXA_FOLLOW_UP, ORAL_DURATION] },
  'bisphosphonate-pause-candidate': { purpose: w('Efter 5 års peroral bisfosfonat kan pause overvejes, når hofte-T-score > −2,5, der aldrig har været lavenergibrud i ryg/hofte, intet andet brud de seneste år og ingen fortsat årsag. DXA tidligst 2 år efter.', 'After 5 years of oral bisphosphonate a pause may be considered when hip T-score > −2.5, there was never a low-energy spine/hip fracture, no other recent fracture and no ongoing cause. DXA no earlier than 2 years later.'), passages: [ORAL_DURATION] },
  'bisphosphonate-continue': { purpose: w('Efter 5 år: fortsæt behandlingen (op til 10 år), når et pausekriterium ikke er opfyldt.', 'After 5 years: continue treatment (up to 10 years) when a pause criterion fails.'), passages: [ORAL_DURATION] },
  'bisphosphonate-ten-years': { purpose: w('10 års peroral bisfosfonat er den længste varighed, kortet beskriver: vurder videre behandling, evt. med speciallæge.', '10 years of oral bisphosphonate is the longest duration the card describes: review further treatment, with a specialist if needed.'), passages: [ORAL_DURATION] },
  'bisphosphonate-pause-review': { purpose: w('Under behandlingspause: DXA tidligst 2 år efter pausens start. Fortsat hofte-T-score > −2,5 og intet nyt brud: pausen fortsætter; ellers genoptages behandlingen.', 'During a treatment pause: DXA no earlier than 2 years after the pause began. Hip T-score still > −2.5 and no new fracture: the pause continues; otherwise treatment resumes.'), passages: [ORAL_DURATION, DXA_FOLLOW_UP] },
  'denosumab-injection-due': { purpose: w('Denosumab gives hver 6. måned, højst 7 måneder imellem. P-calcium før injektion.', 'Denosumab is given every 6 months, never more than 7 months apart. Calcium before the injection.'), passages: [DENOSUMAB, SIDE_EFFECTS.parenteral] },
  'denosumab-overdue': { purpose: w('Mere end 7 måneder siden sidste denosumab: risiko for hurtigt knogletab og brud. Giv injektionen straks, eller start anden behandling.', 'More than 7 months since the last denosumab: risk of rapid bone loss and fractures. Give the injection now, or start another treatment.'), passages: [DENOSUMAB, ZOLEDRONIC_ACID] },
  'denosumab-stopped': { purpose: w('Denosumab er stoppet uden anden behandling: anden behandling SKAL igangsættes – typisk zoledronsyre ca. 6 måneder efter sidste injektion; henvis til endokrinolog.', 'Denosumab stopped with no other treatment: another treatment MUST be started – usually zoledronic acid about 6 months after the last injection; refer to endocrinology.'), passages: [DENOSUMAB, ZOLEDRONIC_ACID, ENDOCRINOLOGY_CRITERIA] },
  'zoledronic-acid-infusion-due': { purpose: w('Zoledronsyre gives årligt. P-calcium, -kreatinin og -25-OH-Vit.D kontrolleres før hver infusion.', 'Zoledronic acid is given yearly. Calcium, creatinine and 25-OH vitamin D are checked before each infusion.'), passages: [ZOLEDRONIC_ACID, BEFORE_START.parenteral, SIDE_EFFECTS.parenteral] },
  'anabolic-treatment-consideration': { purpose: w('Overvej henvisning til anabol behandling (romosozumab – kvinder, ikke efter blodprop i hjerte eller hjerne – eller teriparatid, højst 24 måneder): postmenopausale kvinder med T-score < −2,5 og lavenergibrud inden for 3 år; mænd med T-score ≤ −3,0 og rygbrud inden for 3 år, eller mindst to rygbrud.', 'Consider referral for anabolic treatment (romosozumab – women, not after a heart attack or stroke – or teriparatide, at most 24 months): postmenopausal women with T-score < −2.5 and a low-energy fracture within 3 years; men with T-score ≤ −3.0 and a spine fracture within 3 years, or at least two spine fractures.'), passages: [ANABOLIC_CRITERIA] },
  'endocrinology-referral': { purpose: w('Henvis til endokrinolog ved behandlingssvigt trods compliance, uacceptable bivirkninger, faldende nyrefunktion før eGFR når under 35, planlagt stop af denosumab og mistanke om sekundær osteoporose. Er eGFR allerede ≤ 35 ml/min under bisfosfonat: gentag eGFR, og hold pause med bisfosfonat, til endokrinologen har svaret (bisfosfonat anbefales ikke under eGFR 35, produktresumé).', 'Refer to endocrinology for treatment failure despite adherence, unacceptable side effects, falling kidney function before eGFR drops below 35, a planned denosumab stop and suspected secondary osteoporosis. If eGFR is already ≤ 35 mL/min on a bisphosphonate: repeat the eGFR, and hold the bisphosphonate until the endocrinologist has answered (bisphosphonates are not recommended below eGFR 35, SmPC).'), passages: [ENDOCRINOLOGY_CRITERIA] },
  'btm-interfering-medication': { purpose: w('Antiepileptika, antiøstrogener og antiandrogener startet eller ændret inden for 3 måneder kan påvirke knoglemarkøren.', 'Antiepileptics, anti-oestrogens and anti-androgens started or changed within 3 months may affect the bone marker.'), passages: [BONE_MARKERS] },
  'rx-egfr-too-low': { purpose: w('eGFR ≤ 35 ml/min: start ikke peroral bisfosfonat eller zoledronsyre i almen praksis; henvis til endokrinolog.', 'eGFR ≤ 35 mL/min: do not start an oral bisphosphonate or zoledronic acid in general practice; refer to endocrinology.'), passages: [BEFORE_START.oral] },
  'rx-hypocalcaemia': { purpose: w('Hypocalcæmi skal korrigeres, før antiresorptiv behandling startes.', 'Hypocalcaemia must be corrected before an antiresorptive is started.'), passages: [BEFORE_START.oral] },
  'rx-vitamin-d-low': { purpose: w('D-vitamin ≤ 50 nmol/L før start: giv tilskud og bring det i niveau.', 'Vitamin D ≤ 50 nmol/L before a start: give a supplement and bring it up.'), passages: VITAMIN_D },
  'rx-lab-missing': { purpose: w('Blodprøver før start mangler eller er for gamle: eGFR, kreatinin, calcium og D-vitamin.', 'Blood tests before the start are missing or too old: eGFR, creatinine, calcium and vitamin D.'), passages: [BEFORE_START.oral, BEFORE_START.parenteral] },
  'rx-start-checklist': { purpose: w('Tjekliste ved første ordination: baseline-knoglemarkør, højde, tandlæge og korrekt indtag.', 'Checklist at the first prescription: baseline bone marker, height, dentist and correct intake.'), passages: [BEFORE_START.oral, BASELINE_MARKER, DENTIST, INTAKE, SIDE_EFFECTS.any, DENOSUMAB, ZOLEDRONIC_ACID, VITAMIN_D_CALCIUM] },
  'rx-oral-contraindicated': { purpose: w('Peroral bisfosfonat er kontraindiceret ved ulcus, spiserørssygdom med forsinket tømning og manglende evne til at sidde/stå oprejst i 30 minutter: vælg 2. valg.', 'Oral bisphosphonate is contraindicated with a peptic ulcer, oesophageal disease delaying emptying and inability to stay upright for 30 minutes: use the second choice.'), passages: PARENTERAL },
  'rx-swallowing-difficulty': { purpose: w('Synkebesvær alene er ingen kontraindikation: brusetablet (Binosto) kan bruges; klausuleret tilskud og dyr.', 'Swallowing difficulty alone is no contraindication: the effervescent tablet (Binosto) can be used; clause-restricted reimbursement and expensive.'), passages: [INTAKE] },
  'rx-duplicate-antiresorptive': { purpose: w('Patienten får allerede et antiresorptivt middel: to samtidig giver ingen gevinst.', 'The patient already takes an antiresorptive: two at once bring no benefit.'), passages: [] },
  'rx-denosumab-biosimilar': { purpose: w('Vælg en biosimilær til Prolia: samme virkning, under halv pris. Substitueres ikke på apoteket.', 'Choose a Prolia biosimilar: same effect, less than half the price. Not substituted at the pharmacy.'), passages: [DENOSUMAB] },
  'rx-denosumab-schedule': { purpose: w('Denosumab hver 6. måned, højst 7 måneder imellem: opsæt påmindelse. Ved eGFR < 30 øget risiko for hypocalcæmi.', 'Denosumab every 6 months, never more than 7 months apart: set up a recall. With eGFR < 30 a higher risk of hypocalcaemia.'), passages: [DENOSUMAB] },
  'rx-glucocorticoid-bone-protection': { purpose: w('Prednisolon > 5 mg dgl. i 3 mdr. eller > 450 mg på et år uden knoglebeskyttelse: DXA, og behandl ved T-score < −1,0. CTX som knoglemarkør.', 'Prednisolone > 5 mg daily for 3 months or > 450 mg in a year with no bone protection: DXA, and treat if T-score < −1.0. CTX as the bone marker.'), passages: ORAL },
  'rx-calcium-carbonate-ppi': { purpose: w('Calciumcarbonat optages dårligt ved PPI; calciumcitrat optages uafhængigt af syre.', 'Calcium carbonate is poorly absorbed on a PPI; calcium citrate is absorbed regardless of acid.'), passages: VITAMIN_D },
  'rx-bisphosphonate-duration': { purpose: w('Efter 5 års peroral bisfosfonat overvejes pause; 10 år er den længste varighed, kortet beskriver.', 'After 5 years of oral bisphosphonate a pause is considered; 10 years is the longest duration the card describes.'), passages: [] },
  'rx-dose-interval': { purpose: w('Dosering hyppigere end produktresuméet: alendronat 70 mg én gang ugentligt, denosumab 60 mg hver 6. måned, zoledronsyre 5 mg én gang årligt.', 'Dosing more often than the SmPC: alendronate 70 mg once weekly, denosumab 60 mg every 6 months, zoledronic acid 5 mg once yearly.'), passages: [] },
  'rx-anabolic-specialist': { purpose: w('Teriparatid og romosozumab er speciallægebehandling. Romosozumab er kontraindiceret efter blodprop i hjerte eller hjerne.', 'Teriparatide and romosozumab are specialist treatment. Romosozumab is contraindicated after a heart attack or stroke.'), passages: [] },
  'data-unavailable': { purpose: w('Data kunne ikke hentes fra journalen: kortene bygger på det, der var til rådighed, og kan mangle noget. Data dateret mere end én dag ude i fremtiden er fejlregistreringer og bruges ikke: ret datoen i journalen.', 'Data could not be fetched from the record: the cards rest on what was available and may miss something. Data dated more than one day in the future are data errors and are not used: correct the date in the record.'), passages: [] },
};
