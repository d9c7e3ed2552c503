/**
 * The why-trace: each finding a decision rested on, as one line with its value and date
 * ("T-score −2,8 (columna, 12.08.2026)"), in the card's language.
 */
import type { Finding } from '../../contract/findings.js';
import { SCHEDULE_TOLERANCE } from '../../contract/suggestions.js';
import { formatComparator, formatDate, formatNumber, formatOneDecimal, formatQuantity, formatUnit } from '../format.js';
import { recordMarkdown } from '../record-text.js';
import { CONDITION, DRUG, DRUG_CLASS, DXA_SITE, FRACTURE_SITE, LAB } from './vocabulary.js';
import type { Language } from '../../contract/language.js';

/** A prefetch key in the card's language, with the FHIR resource it asks for (the integrator's word). */
const PREFETCH_KEY_WORDS = {
  patient: { da: 'patientdata (Patient)', en: 'patient data (Patient)' },
  observations: { da: 'målinger (Observation)', en: 'observations (Observation)' },
  conditions: { da: 'diagnoser (Condition)', en: 'conditions (Condition)' },
  medicationStatements: { da: 'medicinoversigt (MedicationStatement)', en: 'medication statements (MedicationStatement)' },
  medicationRequests: { da: 'ordinationer (MedicationRequest)', en: 'medication requests (MedicationRequest)' },
  medicationAdministrations: { da: 'medicinadministrationer (MedicationAdministration)', en: 'medication administrations (MedicationAdministration)' },
  allergies: { da: 'allergier/intolerancer (AllergyIntolerance)', en: 'allergies/intolerances (AllergyIntolerance)' },
  familyHistory: { da: 'familieanamnese (FamilyMemberHistory)', en: 'family history (FamilyMemberHistory)' },
} as const;

function dated(text: string, date: string | undefined, lang: Language): string {
  return date === undefined ? text : `${text} (${formatDate(date, lang)})`;
}

export function formatFinding(f: Finding, lang: Language): string {
  const da = lang === 'da';
  switch (f.kind) {
    case 't-score':
    case 'z-score': {
      const name = f.kind === 't-score' ? 'T-score' : 'Z-score';
      return `${name} ${formatOneDecimal(f.value, lang)} (${DXA_SITE[f.site][lang]}, ${formatDate(f.date, lang)})`;
    }
    case 'fracture': {
      const site = f.vertebra === undefined ? FRACTURE_SITE[f.site][lang] : `${FRACTURE_SITE[f.site][lang]} ${vertebraWords(f.vertebra, lang)}`;
      let what: string;
      if (f.anyMechanism === true) what = da ? `Brud: ${site}` : `Fracture: ${site}`;
      else if (f.possible) what = da ? `Brud: ${site} – lavenergi? (mekanisme ikke registreret)` : `Fracture: ${site} – low-energy? (mechanism not recorded)`;
      else what = da ? `Lavenergibrud: ${site}` : `Low-energy fracture: ${site}`;
      return f.date === undefined ? `${what}${da ? ', dato ukendt' : ', date unknown'}` : dated(what, f.date, lang);
    }
    case 'lab': {
      const value = formatQuantity(f.value, f.unit, lang, f.comparator);
      // The unit is the record's own (a short one the conversion recognised): escaped like any record text.
      const reported = f.reported === undefined ? '' : `${formatComparator(f.comparator)}${formatNumber(f.reported.value, lang)} ${recordMarkdown(formatUnit(f.reported.unit, lang))} = `;
      return dated(`${LAB[f.lab][lang]} ${reported}${value}`, f.date, lang);
    }
    case 'lab-missing': {
      const name = LAB[f.lab][lang];
      if (f.newerCreatinine !== undefined) {
        // Whole µmol/L, as Danish labs report it (2.3 mg/dL converted is 203.37).
        const crea = `${formatQuantity(Math.round(f.newerCreatinine.value), 'umol/L', lang, f.newerCreatinine.comparator)}, ${formatDate(f.newerCreatinine.date, lang)}`;
        return da
          ? `${name}: et nyere kreatinin (${crea}) giver eGFR ≤ 35 – tag en ny eGFR`
          : `${name}: a newer creatinine (${crea}) gives eGFR ≤ 35 – take a new eGFR`;
      }
      if (f.creatinineAtLimit !== undefined) {
        const crea = `${formatQuantity(Math.round(f.creatinineAtLimit.value), 'umol/L', lang, f.creatinineAtLimit.comparator)}, ${formatDate(f.creatinineAtLimit.date, lang)}`;
        return da ? `${name}: ingen aktuel måling, og kreatinin (${crea}) giver eGFR ≤ 35 – tag eGFR før start` : `${name}: no current result, and the creatinine (${crea}) gives eGFR ≤ 35 – take an eGFR before the start`;
      }
      if (f.withinDays === undefined) return da ? `${name}: ingen måling registreret` : `${name}: no result recorded`;
      if (f.lastDate !== undefined) {
        // Not "no result": another card may show that very value (its date is the same).
        return da
          ? `${name}: seneste måling (${formatDate(f.lastDate, 'da')}) er ældre end ${f.withinDays} dage – tag en ny`
          : `${name}: the last result (${formatDate(f.lastDate, 'en')}) is older than ${f.withinDays} days – take a new one`;
      }
      if (f.onlyBounds === true) {
        // A "<60" of last week is a result, only not one the check can use: a number is asked for.
        return da ? `${name}: intet eksakt svar de seneste ${f.withinDays} dage – tag en ny` : `${name}: no exact result in the last ${f.withinDays} days – take a new one`;
      }
      return da ? `${name}: ingen måling de seneste ${f.withinDays} dage` : `${name}: no result in the last ${f.withinDays} days`;
    }
    case 'unusable-value': {
      const concept = UNUSABLE_NAMES.get(f.concept)?.[lang] ?? recordMarkdown(f.concept);
      return dated(unusableText(f, concept, lang), f.date, lang);
    }
    case 'marker-change': {
      const name = LAB[f.marker][lang];
      const unit = formatUnit('ug/L', lang);
      if (f.baseline !== undefined && f.baselineDate !== undefined && f.fallPercent !== undefined) {
        // One decimal, so a fall of 30,1 % (enough) is not shown as 30 % (not enough).
        const pct = formatNumber(Math.round(Math.abs(f.fallPercent) * 10) / 10, lang);
        // A fall known only as a bound ("<20" after 100: more than 80 %); a rise reads the other way.
        const beyond = f.fallPercent >= 0 ? formatComparator(f.fallComparator) : formatComparator(flipped(f.fallComparator));
        const by = beyond === '' ? '' : `${beyond} `;
        const change = f.fallPercent >= 0 ? (da ? `fald ${by}${pct} %` : `fall ${by}${pct} %`) : da ? `stigning ${by}${pct} %` : `rise ${by}${pct} %`;
        return `${name} ${formatComparator(f.baselineComparator)}${formatNumber(f.baseline, lang)} → ${formatComparator(f.latestComparator)}${formatNumber(f.latest, lang)} ${unit} (${change}; ${formatDate(f.baselineDate, lang)} → ${formatDate(f.latestDate, lang)})`;
      }
      const mean = f.premenopausalMean === undefined ? '' : da ? `; præmenopausalt gennemsnit ${formatNumber(f.premenopausalMean, lang)} ${unit}` : `; premenopausal mean ${formatNumber(f.premenopausalMean, lang)} ${unit}`;
      return `${name} ${formatComparator(f.latestComparator)}${formatNumber(f.latest, lang)} ${unit} (${formatDate(f.latestDate, lang)}${mean})`;
    }
    case 'measurement': {
      // The label names the unit of alcohol ("genstande pr. dag"): the value stands alone, in the
      // card's language, to one decimal (2.9 US drinks are 3.383 units of 12 g: "3,4"; shown only at
      // or above the whole-unit threshold, so rounding never shows a value under it).
      const value = f.measure === 'alcohol-units' ? formatNumber(Math.round(f.value * 10) / 10, lang) : formatQuantity(f.value, f.unit, lang);
      const labels = {
        bmi: { da: 'BMI', en: 'BMI' },
        height: { da: 'Højde', en: 'Height' },
        'height-loss': { da: 'Højdetab fra højeste målte højde', en: 'Height loss from the highest recorded height' },
        'alcohol-units': { da: 'Alkohol, genstande pr. dag', en: 'Alcohol, units per day' },
      } as const;
      return dated(`${labels[f.measure][lang]}: ${value}`, f.date, lang);
    }
    case 'course': {
      const names = f.drugs.length > 0 ? f.drugs.map((d) => DRUG[d][lang]).join('/') : DRUG_CLASS[f.drugClass][lang];
      const years = formatOneDecimal(f.years, lang);
      const status = f.status === 'active' ? '' : f.status === 'stopped' ? (da ? ', seponeret' : ', stopped') : da ? ', afsluttet' : ', ended';
      return da ? `${cap(names)} siden ${formatDate(f.start, 'da')} (${years} år${status})` : `${cap(names)} since ${formatDate(f.start, 'en')} (${years} years${status})`;
    }
    case 'last-dose': {
      const what = f.drugClass === 'denosumab' ? (da ? 'Seneste denosumab-injektion' : 'Last denosumab injection') : f.drugClass === 'zoledronic-acid' ? (da ? 'Seneste zoledronsyre-infusion' : 'Last zoledronic acid infusion') : da ? `Seneste dosis ${DRUG_CLASS[f.drugClass].da}` : `Last dose of ${DRUG_CLASS[f.drugClass].en}`;
      return da ? `${what} ${formatDate(f.date, 'da')} (${f.months} mdr. siden)` : `${what} ${formatDate(f.date, 'en')} (${f.months} ${f.months === 1 ? 'month' : 'months'} ago)`;
    }
    case 'due-date': {
      const what = {
        'denosumab-injection': { da: 'Næste denosumab-injektion', en: 'Next denosumab injection' },
        'zoledronic-acid-infusion': { da: 'Næste zoledronsyre-infusion', en: 'Next zoledronic acid infusion' },
        // The first dose of the treatment that follows denosumab: not a "next" one.
        'follow-on-after-denosumab': { da: 'Opfølgende behandling (typisk zoledronsyre) ca.', en: 'Follow-on treatment (typically zoledronic acid) about' },
        'bone-marker': { da: 'Knoglemarkør skal tages fra', en: 'Bone marker due from' },
        dxa: { da: 'DXA-skanning aktuel fra', en: 'DXA scan due from' },
      } as const;
      // A date that has passed is named as due then, never as the next one (rules.md section 3).
      if (f.past === true && f.what === 'follow-on-after-denosumab') return da ? `Opfølgende behandling var aktuel fra ca. ${formatDate(f.date, 'da')}` : `Follow-on treatment was due from about ${formatDate(f.date, 'en')}`;
      if (f.past === true && f.what === 'denosumab-injection') return da ? `Denosumab-injektion var planlagt ${formatDate(f.date, 'da')}` : `Denosumab injection was due on ${formatDate(f.date, 'en')}`;
      if (f.past === true && f.what === 'zoledronic-acid-infusion') return da ? `Zoledronsyre-infusion var planlagt ${formatDate(f.date, 'da')}` : `Zoledronic acid infusion was due on ${formatDate(f.date, 'en')}`;
      return da ? `${what[f.what].da}: ${formatDate(f.date, 'da')}` : `${what[f.what].en}: ${formatDate(f.date, 'en')}`;
    }
    case 'dxa': {
      if (f.date === undefined && f.unreadable === true) return da ? 'Ingen DXA-skanning med læsbart resultat registreret (se værdien, der ikke kan læses)' : 'No DXA scan with a readable result recorded (see the value that cannot be read)';
      if (f.date === undefined) return da ? 'Ingen DXA-skanning registreret' : 'No DXA scan recorded';
      const where = f.performer?.display === undefined ? '' : `, ${recordMarkdown(f.performer.display)}`;
      return da ? `Seneste DXA-skanning ${formatDate(f.date, 'da')}${where}` : `Last DXA scan ${formatDate(f.date, 'en')}${where}`;
    }
    case 'condition':
      if (f.catchAllCode !== undefined) {
        const code = recordMarkdown(f.catchAllCode);
        return da
          ? `${dated(`Uspecifik diagnosekode ${code}`, f.date, 'da')}: afklar, om den dækker ${CONDITION[f.concept].da}`
          : `${dated(`Non-specific diagnosis code ${code}`, f.date, 'en')}: check whether it covers ${CONDITION[f.concept].en}`;
      }
      return dated(cap(CONDITION[f.concept][lang]), f.date, lang);
    case 'medication':
      return f.date === undefined ? cap(DRUG[f.drug][lang]) : da ? `${cap(DRUG[f.drug].da)} (siden ${formatDate(f.date, 'da')})` : `${cap(DRUG[f.drug].en)} (since ${formatDate(f.date, 'en')})`;
    case 'intolerance':
      return da ? `Intolerans over for ${DRUG[f.drug].da}` : `Intolerance to ${DRUG[f.drug].en}`;
    case 'glucocorticoid': {
      const daily = formatNumber(Math.round(f.dailyMg * 10) / 10, lang);
      const cumulative = formatNumber(Math.round(f.cumulativeMg12Months), lang);
      const several = f.draftOrders !== undefined && f.draftOrders > 1;
      const adds = f.draftAddsMg === undefined ? '' : `${formatNumber(Math.round(f.draftAddsMg), lang)} mg`;
      const draft = adds === '' ? '' : da ? `; ${several ? `de ${f.draftOrders} ordinationer tilføjer` : 'ordinationen tilføjer'} ${adds}` : `; ${several ? `the ${f.draftOrders} orders add` : 'the order adds'} ${adds}`;
      // A dose the record does not give is not "0 mg": said as unknown, the known doses as at least.
      if (f.doseUnknown === true && f.dailyMg === 0 && f.cumulativeMg12Months === 0) {
        return da ? `Glukokortikoid: dosis kan ikke aflæses i journalen${draft}` : `Glucocorticoid: the dose cannot be read from the record${draft}`;
      }
      const floor = f.doseUnknown === true ? (da ? ' (mindst – en dosis kan ikke aflæses)' : ' (at least – a dose cannot be read)') : '';
      // With a course planned on (an active record's stated end), the 12 months reach into it: said so, not "the last 12 months".
      const window = f.planned === true ? (da ? 'i 12 mdr. inkl. det planlagte forløb' : 'in 12 months including the planned course') : da ? 'de seneste 12 mdr.' : 'in the last 12 months';
      return da
        ? `Glukokortikoid: aktuelt ${daily} mg prednisolon-ækvivalent dgl.; ${cumulative} mg ${window}${floor}${draft}`
        : `Glucocorticoid: currently ${daily} mg prednisolone equivalent daily; ${cumulative} mg ${window}${floor}${draft}`;
    }
    case 'glucocorticoid-past': {
      const until = f.lastUse === undefined ? '' : da ? `, senest ${formatDate(f.lastUse, 'da')}` : `, last ${formatDate(f.lastUse, 'en')}`;
      return da
        ? `Tidligere glukokortikoidbehandling over kortets grænse (> 5 mg prednisolon dgl. i 3 mdr. eller > 450 mg på et år)${until}`
        : `Earlier glucocorticoid treatment above the card's threshold (> 5 mg prednisolone daily for 3 months or > 450 mg in a year)${until}`;
    }
    case 'dose-interval': {
      const dose = f.doseMg === undefined ? '' : `${formatNumber(f.doseMg, lang)} mg `;
      return da
        ? `Ordineret: ${DRUG[f.drug].da} ${dose}${intervalWords(f.intervalDays, 'da')} – skal gives ${intervalWords(f.scheduleDays, 'da')}`
        : `Ordered: ${DRUG[f.drug].en} ${dose}${intervalWords(f.intervalDays, 'en')} – must be given ${intervalWords(f.scheduleDays, 'en')}`;
    }
    case 'draft':
      return da ? `Ordination under udarbejdelse: ${f.drug === undefined ? recordMarkdown(f.ref) : DRUG[f.drug].da}` : `Draft order: ${f.drug === undefined ? recordMarkdown(f.ref) : DRUG[f.drug].en}`;
    case 'age':
      return da ? `Alder ${f.years} år` : `Age ${f.years}`;
    case 'family-history':
      return da ? 'Osteoporose eller hoftebrud hos forælder/søskende' : 'Osteoporosis or hip fracture in a parent or sibling';
    case 'unavailable': {
      const what = Object.hasOwn(PREFETCH_KEY_WORDS, f.key) ? PREFETCH_KEY_WORDS[f.key as keyof typeof PREFETCH_KEY_WORDS][lang] : recordMarkdown(f.key);
      return da ? `Data ikke tilgængelige: ${what}` : `Data not available: ${what}`;
    }
    case 'future-dated': {
      // The name the record shows it by and its date, so the GP can find it; the type when it has no name.
      const type = f.ref.slice(0, f.ref.indexOf('/'));
      const named = f.name === undefined ? (Object.hasOwn(RESOURCE_TYPE, type) ? RESOURCE_TYPE[type as keyof typeof RESOURCE_TYPE][lang] : recordMarkdown(f.ref)) : recordMarkdown(f.name);
      const what = f.date === undefined ? named : `${named} ${da ? 'dateret' : 'dated'} ${formatDate(f.date, lang)}`;
      return da ? `Dateret ude i fremtiden, ikke brugt: ${what}` : `Dated in the future, not used: ${what}`;
    }
    case 'unidentified-medication':
      return da ? `Lægemidlet kunne ikke identificeres, ikke brugt: ${f.ref}` : `Drug could not be identified, not used: ${f.ref}`;
  }
}

/** A record entry without a name, by its type (the types a clinical date can put in the future: facts/admission.ts `clinicalDate`). */
const RESOURCE_TYPE = {
  Observation: { da: 'en måling', en: 'an observation' },
  Condition: { da: 'en diagnose', en: 'a condition' },
  MedicationStatement: { da: 'en medicinoplysning', en: 'a medication statement' },
  MedicationRequest: { da: 'en ordination', en: 'a medication order' },
  MedicationOrder: { da: 'en ordination', en: 'a medication order' },
  MedicationAdministration: { da: 'en medicingivning', en: 'a medication administration' },
} as const;

/**
 * Days between doses in words: "dagligt", "2 gange dagligt", "ugentligt", "hver 6. måned", "årligt".
 * An interval is named by a schedule within the tolerance the dose-interval rule judges by.
 */
export function intervalWords(days: number, lang: Language): string {
  const da = lang === 'da';
  const near = (target: number): boolean => Math.abs(days - target) <= target * SCHEDULE_TOLERANCE;
  if (days < 1 && !near(1)) {
    const times = formatNumber(Math.round((1 / days) * 10) / 10, lang);
    return da ? `${times} gange dagligt` : `${times} times a day`;
  }
  if (near(1)) return da ? 'dagligt' : 'daily';
  if (near(7)) return da ? 'ugentligt' : 'weekly';
  if (near(365.25)) return da ? 'årligt' : 'yearly';
  // Months only when the interval is that many months within the tolerance: 170 days is no
  // "every 6 months" (the rule flags it as more frequent than that).
  const months = Math.round(days / 30.4375);
  if (days >= 28 && near(months * 30.4375)) {
    if (months === 1) return da ? 'månedligt' : 'monthly';
    return da ? `hver ${months}. måned` : `every ${months} months`;
  }
  if (days >= 14 && Number.isInteger(days / 7)) return da ? `hver ${days / 7}. uge` : `every ${days / 7} weeks`;
  if (days < 7) {
    const times = formatNumber(Math.round((7 / days) * 10) / 10, lang);
    return da ? `${times} gange ugentligt` : `${times} times a week`;
  }
  const n = Math.round(days);
  return da ? `hver ${n}. dag` : `every ${n} days`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const REGION: Readonly<Record<string, { readonly da: string; readonly en: string }>> = {
  cervical: { da: 'halshvirvel', en: 'cervical' },
  thoracic: { da: 'brysthvirvel', en: 'thoracic' },
  lumbar: { da: 'lændehvirvel', en: 'lumbar' },
};

/** A named vertebra as written (T12, L1), a region in words. */
function vertebraWords(vertebra: string, lang: 'da' | 'en'): string {
  return REGION[vertebra]?.[lang] ?? vertebra;
}

/** The card's check a reported bound cannot decide (rules/predicates/labs.ts), per lab. */
const BOUND_CHECK = {
  egfr: { da: 'om eGFR > 35 ml/min', en: 'whether eGFR > 35 mL/min' },
  'vitamin-d': { da: 'om P-25-OH-Vit.D > 50 nmol/L', en: 'whether 25-OH vitamin D > 50 nmol/L' },
  calcium: { da: 'om der er hypocalcæmi', en: 'whether there is hypocalcaemia' },
  'calcium-ionised': { da: 'om der er hypocalcæmi', en: 'whether there is hypocalcaemia' },
  'calcium-corrected': { da: 'om der er hypocalcæmi', en: 'whether there is hypocalcaemia' },
  // The bone-marker flow (rules/follow-up/bone-markers.ts) and the suppression on parenteral treatment.
  p1np: { da: 'om knoglemarkøren er faldet > 30 % eller under præmenopausalt gennemsnit', en: 'whether the bone marker fell more than 30 % or is below the premenopausal mean' },
  ctx: { da: 'om knoglemarkøren er faldet > 30 % eller under præmenopausalt gennemsnit', en: 'whether the bone marker fell more than 30 % or is below the premenopausal mean' },
} as const;

/** "<" for ">": a fall known to be less than 10 % below zero is a rise of more than 10 %. */
function flipped(comparator: string | undefined): string | undefined {
  return comparator === '<' ? '>' : comparator === '<=' ? '>=' : comparator === '>' ? '<' : comparator === '>=' ? '<=' : comparator;
}

/** Why a value was not used, and what the lab's flag said of a result with no number. */
function unusableText(f: Extract<Finding, { kind: 'unusable-value' }>, concept: string, lang: Language): string {
  const da = lang === 'da';
  if (f.reason === 'no-date') return da ? `Værdi ikke brugt – ingen dato: ${concept}` : `Value not used – no date: ${concept}`;
  if (f.reason === 'not-fasting') {
    const at = f.time === undefined ? '' : da ? ` kl. ${f.time}` : ` at ${f.time}`;
    return da ? `Værdi ikke brugt – taget${at}, ikke fastende før kl. 10: ${concept}` : `Value not used – taken${at}, not fasting before 10 am: ${concept}`;
  }
  if (f.reason === 'bound' && f.value !== undefined) {
    const value = formatQuantity(f.value, f.unit ?? '', lang, f.comparator);
    const check = BOUND_CHECK[f.concept as keyof typeof BOUND_CHECK] ?? BOUND_CHECK.calcium;
    return da ? `Værdi ikke brugt – kun angivet som ${value}, som ikke afgør ${check.da}: ${concept}` : `Value not used – reported only as ${value}, which does not tell ${check.en}: ${concept}`;
  }
  if (f.reason === 'unreadable') {
    const text = f.text === undefined ? '' : ` ("${recordMarkdown(f.text)}")`;
    return da ? `Værdi ikke brugt – kan ikke læses${text}: ${concept}` : `Value not used – cannot be read${text}: ${concept}`;
  }
  if (f.reason === 'no-value') {
    const flag = f.flag === 'low' ? (da ? ', markeret lav' : ', flagged low') : f.flag === 'high' ? (da ? ', markeret høj' : ', flagged high') : '';
    return da ? `Værdi ikke brugt – intet tal${flag}: ${concept}` : `Value not used – no number${flag}: ${concept}`;
  }
  const unit = f.unit === undefined ? (da ? 'ingen enhed' : 'no unit') : `"${recordMarkdown(f.unit)}"`;
  return da ? `Værdi ikke brugt – ukendt enhed (${unit}): ${concept}` : `Value not used – unknown unit (${unit}): ${concept}`;
}

/** Body measures and alcohol intake, as an unusable one is named. */
const MEASURE = {
  height: { da: 'højde', en: 'height' },
  weight: { da: 'vægt', en: 'weight' },
  bmi: { da: 'BMI', en: 'BMI' },
  'alcohol-intake': { da: 'alkoholindtag', en: 'alcohol intake' },
} as const;

/** The DXA's values, as an unusable one is named. */
const SCORE = {
  't-score': { da: 'T-score (DXA)', en: 'T-score (DXA)' },
  'z-score': { da: 'Z-score (DXA)', en: 'Z-score (DXA)' },
  bmd: { da: 'BMD (DXA)', en: 'BMD (DXA)' },
} as const;

/** What an unusable value is named by: a lab, a DXA value, a body measure (else the record's own word). */
const UNUSABLE_NAMES: ReadonlyMap<string, Readonly<Record<Language, string>>> = new Map(Object.entries({ ...LAB, ...SCORE, ...MEASURE }));
