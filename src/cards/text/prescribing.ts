/**
 * Card texts for rules.md section 4 (prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import type { DrugId } from '../../contract/clinical.js';
import type { PrescribingTopic } from '../../contract/topics.js';
import type { Finding, LabFinding } from '../../contract/findings.js';
import type { Recommendation } from '../../contract/recommendations.js';
import type { DoseScheduleName } from '../../contract/suggestions.js';
import { formatDate, formatList, formatNumber } from '../format.js';
import { ALENDRONATE_INTAKE } from '../orders.js';
import { BEFORE_START, BIOSIMILARS, DENOSUMAB_RULES, DENTIST, SIDE_EFFECTS, VITAMIN_D_CALCIUM, ZOLEDRONIC_ACID, capitalise, has, paragraphs } from './card-words.js';
import { intervalWords } from './findings.js';
import type { TextsOf, TopicText, TopicTexts } from './types.js';
import { DRUG, LAB, type Words } from './vocabulary.js';
import type { Language } from '../../contract/language.js';

// --- reading the recommendation -------------------------------------------------------------

/** The drug of the draft the card is about (the first `draft` finding). */
function draftDrug(rec: Recommendation): DrugId | undefined {
  const f = rec.findings.find((x): x is Extract<Finding, { kind: 'draft' }> => x.kind === 'draft');
  return f?.drug;
}

function drugName(rec: Recommendation, lang: Language, fallback: Words): string {
  const drug = draftDrug(rec);
  return drug === undefined ? fallback[lang] : DRUG[drug][lang];
}

/** "≤ 35", "12,5": a lab value with its comparator. */
function labValue(f: LabFinding, lang: Language): string {
  return `${f.comparator ?? ''}${formatNumber(f.value, lang)}`;
}

const ANTIRESORPTIVE: Words = { da: 'antiresorptiv behandling', en: 'antiresorptive treatment' };

// --- the card's shared passages -------------------------------------------------------------








// --- topics ---------------------------------------------------------------------------------

function egfrTooLow(lang: Language): TopicText<'rx-egfr-too-low'> {
  const da = lang === 'da';
  return {
    title: da ? 'eGFR for lav til antiresorptiv start' : 'eGFR too low to start antiresorptive treatment',
    summary: (rec) => {
      const v = labValue(rec.egfr, lang);
      const drug = drugName(rec, lang, ANTIRESORPTIVE);
      if (rec.denosumabStart) {
        return da ? `Denosumab-start ved eGFR ${v} (≤ 35 ml/min): aftal behandlingen med endokrinolog` : `Denosumab start with eGFR ${v} (≤ 35 mL/min): agree the treatment with endocrinology`;
      }
      return da ? `Ordinér ikke ${drug}: eGFR ${v} (≤ 35 ml/min) – henvis til endokrinolog` : `Do not prescribe ${drug}: eGFR ${v} (≤ 35 mL/min) – refer to endocrinology`;
    },
    detail: (rec) => {
      const drug = drugName(rec, lang, ANTIRESORPTIVE);
      const card = da
        ? 'Kortet: **Tjek, at eGFR > 35 ml/min** før start af antiresorptiv behandling, og henvis til endokrinolog ved progredierende nyrefunktionstab, *inden eGFR er under 35 ml/min*.'
        : 'The card: **check that eGFR > 35 mL/min** before starting antiresorptive treatment, and refer to endocrinology with progressive loss of kidney function *before eGFR falls under 35 mL/min*.';
      if (rec.denosumabStart) {
        return paragraphs(
          card,
          da
            ? 'Denosumab kan bruges ved nedsat nyrefunktion og vælges ofte af specialister, men risikoen for hypocalcæmi er øget: aftal start med endokrinolog, kontrollér P-calcium før injektionen, og sørg for D-vitamin og calcium.'
            : 'Denosumab can be used in reduced kidney function and specialists often choose it, but the risk of hypocalcaemia is higher: agree the start with endocrinology, check calcium before the injection, and make sure of vitamin D and calcium.',
        );
      }
      return paragraphs(
        card,
        da
          ? `${capitalise(drug)} er desuden kontraindiceret ved svært nedsat nyrefunktion (produktresumé). Forslaget erstatter ordinationen med en henvisning til endokrinolog; specialister vælger ofte denosumab ved nedsat nyrefunktion.`
          : `${capitalise(drug)} is also contraindicated in severe renal impairment (SmPC). The suggestion replaces the order with a referral to endocrinology; specialists often choose denosumab in reduced kidney function.`,
      );
    },
  };
}

function hypocalcaemia(lang: Language): TopicText<'rx-hypocalcaemia'> {
  const da = lang === 'da';
  return {
    title: da ? 'Hypocalcæmi før antiresorptiv behandling' : 'Hypocalcaemia before antiresorptive treatment',
    summary: (rec) => {
      const drug = drugName(rec, lang, ANTIRESORPTIVE);
      const value = ` (${labValue(rec.calcium, lang)} mmol/L)`;
      return da ? `Giv ikke ${drug} nu: hypocalcæmi${value} skal korrigeres først` : `Do not give ${drug} now: hypocalcaemia${value} must be corrected first`;
    },
    detail: () =>
      da
        ? paragraphs(
            'Kortet: **Tjek, at der ikke er hypocalcæmi** før start af antiresorptiv behandling – og P-calcium før hver denosumab-injektion og zoledronsyre-infusion.',
            'Antiresorptiv behandling sænker P-calcium yderligere – især denosumab og zoledronsyre – og kan give svær hypocalcæmi. Find og behandl årsagen (fx D-vitaminmangel, lavt calciumindtag, nedsat nyrefunktion), kontrollér P-calcium og P-25-OH-vitamin D igen, og start først, når calcium er normalt. Uforklaret hypocalcæmi: overvej henvisning til endokrinolog.',
          )
        : paragraphs(
            'The card: **check that there is no hypocalcaemia** before starting antiresorptive treatment – and calcium before each denosumab injection and zoledronic acid infusion.',
            'Antiresorptive treatment lowers calcium further – especially denosumab and zoledronic acid – and can cause severe hypocalcaemia. Find and treat the cause (e.g. vitamin D deficiency, low calcium intake, reduced kidney function), recheck calcium and 25-OH vitamin D, and start only when calcium is normal. Unexplained hypocalcaemia: consider referral to endocrinology.',
          ),
  };
}

function vitaminDLow(lang: Language): TopicText<'rx-vitamin-d-low'> {
  const da = lang === 'da';
  return {
    title: da ? 'D-vitamin for lavt før antiresorptiv behandling' : 'Vitamin D too low before antiresorptive treatment',
    summary: (rec) => {
      const drug = drugName(rec, lang, ANTIRESORPTIVE);
      const v = labValue(rec.vitaminD, lang);
      return da ? `Giv D-vitamin før/ved start af ${drug}: P-25-OH-vitamin D ${v} nmol/L (skal være > 50)` : `Give vitamin D before/with ${drug}: 25-OH vitamin D ${v} nmol/L (should be > 50)`;
    },
    detail: (rec) =>
      paragraphs(
        da
          ? 'Kortet: **Tjek, at P-25-OH-Vit.D > 50 nmol/L** før start af antiresorptiv behandling (lavt D-vitamin øger risikoen for hypocalcæmi).'
          : 'The card: **check that 25-OH vitamin D > 50 nmol/L** before starting antiresorptive treatment (low vitamin D raises the risk of hypocalcaemia).',
        VITAMIN_D_CALCIUM[lang],
        da
          ? 'Tilskud af 1 µg D3 giver ≈ 1 nmol/L stigning i P-25-OH-Vit.D efter 3 mdr. (stor variation). Tjek tidligst efter 3 mdr.'
          : 'Each 1 µg of D3 raises 25-OH vitamin D by ≈ 1 nmol/L after 3 months (wide variation). Recheck no earlier than 3 months.',
        rec.onSupplement &&
          (da ? 'Patienten har allerede D-vitamintilskud: tjek dosis, og at det bliver taget.' : 'The patient already has a vitamin D supplement: check the dose and that it is taken.'),
      ),
  };
}

function labMissing(lang: Language): TopicText<'rx-lab-missing'> {
  const da = lang === 'da';
  return {
    title: da ? 'Blodprøver mangler før antiresorptiv behandling' : 'Labs missing before antiresorptive treatment',
    summary: (rec) => {
      const labs = formatList(rec.missingLabs.map((l) => LAB[l][lang]), lang);
      const drug = drugName(rec, lang, ANTIRESORPTIVE);
      if (rec.before === 'infusion') return da ? `Tag ${labs} før zoledronsyre-infusionen` : `Check ${labs} before the zoledronic acid infusion`;
      if (rec.before === 'injection') return da ? `Tag ${labs} før denosumab-injektionen` : `Check ${labs} before the denosumab injection`;
      return da ? `Tag ${labs} før start af ${drug}` : `Check ${labs} before starting ${drug}`;
    },
    detail: (rec) => {
      if (rec.before === 'infusion') return ZOLEDRONIC_ACID[lang];
      if (rec.before === 'injection') {
        return da
          ? 'Kortet: **P-calcium kontrolleres forud for injektion.** Denosumab kan give hypocalcæmi, især ved nedsat nyrefunktion; korrigér lavt calcium og D-vitamin før injektionen.'
          : 'The card: **check calcium before each injection.** Denosumab can cause hypocalcaemia, especially in reduced kidney function; correct low calcium and vitamin D before the injection.';
      }
      return paragraphs(
        BEFORE_START.parenteral[lang],
        da ? 'Tag de manglende prøver før første dosis; resultaterne afgør, om behandlingen kan startes i almen praksis.' : 'Take the missing samples before the first dose; the results decide whether treatment can start in general practice.',
      );
    },
  };
}

function startChecklist(lang: Language): TopicText<'rx-start-checklist'> {
  const da = lang === 'da';
  return {
    title: da ? 'Før start af antiresorptiv behandling' : 'Before starting antiresorptive treatment',
    summary: (rec) => {
      const drug = drugName(rec, lang, ANTIRESORPTIVE);
      const marker = rec.missingMarker;
      const afterFracture = rec.markerFrom;
      const items = [
        ...(marker === undefined ? [] : [da ? `tag initial knoglemarkør (${LAB[marker].da})` : `take a baseline bone marker (${LAB[marker].en})`]),
        ...(afterFracture === undefined ? [] : [da ? `knoglemarkør først ${formatDate(afterFracture, 'da')} (ét år efter brud)` : `bone marker not before ${formatDate(afterFracture, 'en')} (a year after the fracture)`]),
        ...(has(rec, 'height-missing') ? [da ? 'mål højden' : 'measure height'] : []),
        da ? 'bed patienten orientere tandlæge' : 'ask the patient to inform their dentist',
      ];
      return da ? `Før start af ${drug}: ${formatList(items, lang)}` : `Before starting ${drug}: ${formatList(items, lang)}`;
    },
    detail: (rec) => {
      const oral = rec.drugClass === 'oral-bisphosphonate';
      const afterFracture = rec.markerFrom;
      const markerDa =
        afterFracture === undefined
          ? '- Mål knoglemarkør ved peroral behandling – tag initial knoglemarkør før behandling: P1NP (kan tages hele dagen); CTX i stedet ved glukokortikoidbehandling (fastende før kl. 10).'
          : `- Knoglemarkør kan IKKE anvendes ved fraktur inden for 6 mdr. før behandlingsstart: ingen initial knoglemarkør nu – mål ét år efter frakturen (${formatDate(afterFracture, 'da')}).`;
      const markerEn =
        afterFracture === undefined
          ? '- Measure a bone marker with oral treatment – take a baseline marker before treatment: P1NP (any time of day); CTX instead under glucocorticoid treatment (fasting, before 10 am).'
          : `- A bone marker cannot be used after a fracture in the 6 months before the start: no baseline marker now – measure one year after the fracture (${formatDate(afterFracture, 'en')}).`;
      const checklist = da
        ? [
            '**Før start af antiresorptiv behandling** (kortet):',
            '- Tjek, at eGFR > 35 ml/min, at der ikke er hypocalcæmi, og at P-25-OH-Vit.D > 50 nmol/L.',
            ...(oral ? [markerDa] : []),
            '- Mål patientens højde.',
            `- ${DENTIST.da}`,
          ]
        : [
            '**Before starting antiresorptive treatment** (the card):',
            '- Check that eGFR > 35 mL/min, that there is no hypocalcaemia, and that 25-OH vitamin D > 50 nmol/L.',
            ...(oral ? [markerEn] : []),
            "- Measure the patient's height.",
            `- ${DENTIST.en}`,
          ];
      const specific =
        rec.drugClass === 'oral-bisphosphonate'
          ? `**${da ? 'Indtagelse' : 'Intake'}:** ${ALENDRONATE_INTAKE[lang]}`
          : rec.drugClass === 'zoledronic-acid'
            ? ZOLEDRONIC_ACID[lang]
            : `**${da ? 'Denosumab 60 mg s.c. hver 6. måned' : 'Denosumab 60 mg s.c. every 6 months'}:**\n${DENOSUMAB_RULES[lang]}`;
      return paragraphs(checklist.join('\n'), specific, VITAMIN_D_CALCIUM[lang], SIDE_EFFECTS.any[lang]);
    },
  };
}

function oralContraindicated(lang: Language): TopicText {
  const da = lang === 'da';
  const WHY: Readonly<Record<string, Words>> = {
    ulcer: { da: 'ulcus', en: 'peptic ulcer' },
    'oesophageal-disease': { da: 'spiserørssygdom', en: 'oesophageal disease' },
    'cannot-stay-upright': { da: 'kan ikke være oprejst 30 min.', en: 'cannot stay upright 30 min' },
  };
  return {
    title: da ? 'Peroral bisfosfonat kontraindiceret' : 'Oral bisphosphonate contraindicated',
    summary: (rec) => {
      const drug = capitalise(drugName(rec, lang, { da: 'peroral bisfosfonat', en: 'oral bisphosphonate' }));
      const why = formatList(rec.reasons.flatMap((r) => (WHY[r] === undefined ? [] : [WHY[r][lang]])), lang);
      return da ? `${drug} kontraindiceret (${why}): vælg 2. valg – denosumab eller zoledronsyre` : `${drug} contraindicated (${why}): use the second choice – denosumab or zoledronic acid`;
    },
    detail: () =>
      da
        ? paragraphs(
            'Kortet: **2. valg (parenteral) ved kontraindikation (fx ulcus) til peroral bisfosfonat.** Peroral bisfosfonat kan give øsofagitis og forværre ulcus; patienten skal kunne være oprejst/siddende i mindst 30 min. efter indtag og indtil efter et måltid.',
            `- **Denosumab** 60 mg s.c. hver 6. måned – vælg en biosimilær (${BIOSIMILARS.da}; billigere end Prolia). Klausuleret tilskud. Der må max gå 7 måneder mellem injektionerne, og behandlingen må ikke stoppes uden opfølgende behandling.\n` +
              '- **Zoledronsyre** (fx Aclasta) 5 mg i.v. årligt – typisk behandling på hospital (henvisning).',
            'Før start: tjek, at eGFR > 35 ml/min, at der ikke er hypocalcæmi, og at P-25-OH-Vit.D > 50 nmol/L.',
          )
        : paragraphs(
            'The card: **second choice (parenteral) when oral bisphosphonate is contraindicated (e.g. peptic ulcer).** Oral bisphosphonate can cause oesophagitis and worsen an ulcer; the patient must be able to stay upright for at least 30 minutes after intake and until after a meal.',
            `- **Denosumab** 60 mg s.c. every 6 months – choose a biosimilar (${BIOSIMILARS.en}; cheaper than Prolia). Clause-restricted reimbursement. Never more than 7 months between injections, and never stop without follow-on treatment.\n` +
              '- **Zoledronic acid** (e.g. Aclasta) 5 mg i.v. yearly – usually in hospital (referral).',
            'Before starting: check that eGFR > 35 mL/min, that there is no hypocalcaemia, and that 25-OH vitamin D > 50 nmol/L.',
          ),
  };
}

function swallowingDifficulty(lang: Language): TopicText {
  const da = lang === 'da';
  return {
    title: da ? 'Synkebesvær: alendronat brusetablet' : 'Swallowing difficulty: effervescent alendronate',
    summary: () =>
      da ? 'Synkebesvær: overvej alendronat brusetablet (Binosto) i stedet for tabletten' : 'Swallowing difficulty: consider effervescent alendronate (Binosto) instead of the tablet',
    detail: () =>
      da
        ? paragraphs(
            'Kortet: Alendronat 70 mg ugetablet. **Brusetablet (Binosto) kan anvendes ved synkebesvær. Har klausuleret tilskud og er dyrt.**',
            'Brusetabletten indtages efter opløsning i et halvt glas vand, og der skylles efter med vand. Som tabletten: fastende om morgenen, mindst 30 min. før mad, drikkevarer (inkl. mineralvand) og anden medicin, og oprejst/siddende i mindst 30 min. og indtil efter et måltid (undgå øsofagitis).',
            'Ved spiserørssygdom med forsinket tømning er peroral bisfosfonat kontraindiceret – vælg da parenteral behandling (2. valg).',
          )
        : paragraphs(
            'The card: alendronate 70 mg weekly tablet. **The effervescent tablet (Binosto) can be used with swallowing difficulty. It has clause-restricted reimbursement and is expensive.**',
            'Dissolve the effervescent tablet in half a glass of water and rinse down with water. As with the tablet: fasting in the morning, at least 30 minutes before food, drinks (including mineral water) and other medicines, and upright for at least 30 minutes and until after a meal (avoid oesophagitis).',
            'Oesophageal disease delaying emptying contraindicates oral bisphosphonate – then choose parenteral treatment (second choice).',
          ),
  };
}

function duplicate(lang: Language): TopicText<'rx-duplicate-antiresorptive'> {
  const da = lang === 'da';
  return {
    title: da ? 'Dobbelt antiresorptiv behandling' : 'Duplicate antiresorptive treatment',
    summary: (rec) => {
      const drug = drugName(rec, lang, ANTIRESORPTIVE);
      const own = draftDrug(rec);
      const others = new Set<string>();
      for (const f of rec.findings) {
        if (f.kind === 'course') for (const d of f.drugs) others.add(DRUG[d][lang]);
        if (f.kind === 'draft' && f.drug !== undefined && f.drug !== own) others.add(DRUG[f.drug][lang]);
      }
      const other = formatList([...others], lang) || (da ? 'anden antiresorptiv behandling' : 'another antiresorptive');
      return da ? `Dobbeltbehandling: ${other} er allerede i gang – seponér det, eller fjern ${drug}` : `Duplicate treatment: ${other} already in use – stop it, or remove ${drug}`;
    },
    detail: (rec) =>
      paragraphs(
        da
          ? 'Der gives kun én antiresorptiv behandling ad gangen (alendronat, zoledronsyre eller denosumab). Er ordinationen et **skift**, så seponér den hidtidige behandling (også i FMK). Er den en dobbeltordination, så fjern den.'
          : 'Only one antiresorptive is given at a time (alendronate, zoledronic acid or denosumab). If the order is a **switch**, stop the current treatment (also in the shared medication record). If it is a double order, remove it.',
        rec.afterDenosumab &&
          (da
            ? '**Efter denosumab:** Hvis denosumab seponeres, SKAL anden behandling igangsættes pga. hurtigt knogletab – typisk zoledronsyre ca. 6 måneder efter sidste injektion. Bisfosfonat som opfølgende behandling gives tidligst 5 måneder efter sidste denosumab-injektion.'
            : '**After denosumab:** if denosumab is stopped, another treatment MUST be started because of rapid bone loss – usually zoledronic acid about 6 months after the last injection. A bisphosphonate as follow-on treatment is given no earlier than 5 months after the last denosumab injection.'),
      ),
  };
}

function biosimilar(lang: Language): TopicText {
  const da = lang === 'da';
  return {
    title: da ? 'Prolia: vælg biosimilær denosumab' : 'Prolia: choose a denosumab biosimilar',
    summary: () =>
      da
        ? 'Ordinér biosimilær denosumab i stedet for Prolia: under halv pris, substitueres ikke på apoteket'
        : 'Prescribe a denosumab biosimilar instead of Prolia: under half the price, not substituted at the pharmacy',
    detail: () =>
      da
        ? `Kortet: Denosumab (${BIOSIMILARS.da}) 60 mg s.c. hver 6. måned. Klausuleret tilskud. **Biosimilære til Prolia, men billigere** (pr. februar 2026 under halv pris af prisen på Prolia). **Substitueres ikke på apoteket** – ordinér derfor biosimilæren ved navn.`
        : `The card: denosumab (${BIOSIMILARS.en}) 60 mg s.c. every 6 months. Clause-restricted reimbursement. **Biosimilars of Prolia, but cheaper** (as of February 2026 under half the price of Prolia). **Not substituted at the pharmacy** – so prescribe the biosimilar by name.`,
  };
}

function denosumabSchedule(lang: Language): TopicText<'rx-denosumab-schedule'> {
  const da = lang === 'da';
  return {
    title: da ? 'Denosumab: injektion hver 6. måned' : 'Denosumab: injection every 6 months',
    summary: (rec) => {
      if (rec.egfrSevere !== undefined) {
        const v = labValue(rec.egfrSevere, lang);
        return da ? `Denosumab ved eGFR ${v} (< 30): øget risiko for hypocalcæmi – tjek P-calcium og D-vitamin` : `Denosumab with eGFR ${v} (< 30): higher risk of hypocalcaemia – check calcium and vitamin D`;
      }
      return da ? `Denosumab hver 6. måned, max 7 måneder: opsæt påmindelse til ${formatDate(rec.nextInjection, lang)}` : `Denosumab every 6 months, never over 7: set a reminder for ${formatDate(rec.nextInjection, lang)}`;
    },
    detail: (rec) =>
      paragraphs(
        `${da ? 'Kortet:' : 'The card:'}\n${DENOSUMAB_RULES[lang]}`,
        has(rec, 'egfr-below-30') &&
          (da
            ? 'Ved eGFR < 30 er risikoen for hypocalcæmi øget (produktresumé): sørg for D-vitamin og calcium, kontrollér P-calcium før og i ugerne efter injektionen, og overvej at aftale behandlingen med endokrinolog.'
            : 'With eGFR < 30 the risk of hypocalcaemia is higher (SmPC): make sure of vitamin D and calcium, check calcium before and in the weeks after the injection, and consider agreeing the treatment with endocrinology.'),
        VITAMIN_D_CALCIUM[lang],
      ),
  };
}

function glucocorticoidBoneProtection(lang: Language): TopicText<'rx-glucocorticoid-bone-protection'> {
  const da = lang === 'da';
  return {
    title: da ? 'Glukokortikoid: knoglebeskyttelse' : 'Glucocorticoid: bone protection',
    summary: (rec) => {
      if (rec.advice === 'treat') {
        return da ? 'Start knoglebeskyttelse: glukokortikoid over tærsklen og T-score < −1,0 – 1. valg alendronat' : 'Start bone protection: glucocorticoid above the threshold and T-score < −1.0 – alendronate first';
      }
      if (rec.advice === 'dxa') {
        return da ? 'Henvis til DXA: glukokortikoid > 5 mg dgl. i 3 mdr. eller > 450 mg på et år – behandl, hvis T-score < −1,0' : 'Refer for DXA: glucocorticoid > 5 mg daily for 3 months or > 450 mg a year – treat if T-score < −1.0';
      }
      return da ? 'Glukokortikoid over tærsklen: behandl, hvis T-score < −1,0 – seneste DXA var ikke under' : 'Glucocorticoid above the threshold: treat if T-score < −1.0 – the latest DXA was not below';
    },
    detail: (rec) =>
      paragraphs(
        da
          ? 'Kortet (fodnote *): **Ved prednisolon > 5 mg dgl. i 3 mdr. eller > 450 mg på et år behandles, hvis T-score < −1,0.** Dosis regnes i prednisolon-ækvivalenter, og ordinationen lægges oven i forbruget i journalen.'
          : 'The card (footnote *): **with prednisolone > 5 mg daily for 3 months or > 450 mg in a year, treat if the T-score is < −1.0.** Doses count as prednisolone equivalents, and the order is added to the use in the record.',
        rec.advice === 'dxa' &&
          (da ? 'Henvis til DXA-skanning. D-vitamin bør være i niveau før skanningen (ellers risiko for overdiagnosticering).' : 'Refer for a DXA scan. Vitamin D should be adequate before the scan (otherwise a risk of overdiagnosis).'),
        rec.advice === 'treat' &&
          (da
            ? `1. valg: alendronat 70 mg ugetablet (${ALENDRONATE_INTAKE.da}) 2. valg (parenteral) ved kontraindikation til peroral bisfosfonat; ved eGFR ≤ 35 ml/min henvis til endokrinolog. Før start: tjek, at eGFR > 35 ml/min, at der ikke er hypocalcæmi, og at P-25-OH-Vit.D > 50 nmol/L.`
            : `First choice: alendronate 70 mg weekly tablet (${ALENDRONATE_INTAKE.en}) Second choice (parenteral) when oral bisphosphonate is contraindicated; with eGFR ≤ 35 mL/min refer to endocrinology. Before starting: check that eGFR > 35 mL/min, that there is no hypocalcaemia, and that 25-OH vitamin D > 50 nmol/L.`),
        rec.advice === 'exposure' &&
          (da ? 'Gentag DXA, hvis glukokortikoidbehandlingen fortsætter, og behandl, når T-score er < −1,0.' : 'Repeat the DXA if the glucocorticoid continues, and treat when the T-score is < −1.0.'),
        da
          ? 'Knoglemarkør: **CTX anvendes i stedet for P1NP**, når patienten er i behandling med glukokortikoid – CTX skal tages fastende før kl. 10. Ved længerevarende glukokortikoidbehandling behandles med alendronat ½–1 år efter ophør.'
          : 'Bone marker: **CTX is used instead of P1NP** while the patient takes a glucocorticoid – fasting, before 10 am. After long-term glucocorticoid treatment, alendronate continues ½–1 year after it stops.',
      ),
  };
}

function calciumCarbonatePpi(lang: Language): TopicText<'rx-calcium-carbonate-ppi'> {
  const da = lang === 'da';
  return {
    title: da ? 'Calciumcarbonat og PPI' : 'Calcium carbonate and PPI',
    summary: () =>
      da
        ? 'Bruger PPI: overvej calciumcitrat i stedet for calciumcarbonat (optages uafhængigt af mavesyre)'
        : 'Takes a PPI: consider calcium citrate instead of calcium carbonate (absorbed without stomach acid)',
    detail: (rec) =>
      da
        ? paragraphs(
            'Kortet: **Calcium-carbonat tages til måltid (syreafhængig). Calcium-citrat kan tages uafhængigt af mad, men er dyrere. Kan overvejes til patienter, som bruger PPI.** Særligt calcium-carbonat kan give tendens til obstipation.',
            'Fast dagligt indtag af 800–1.200 mg calcium ved kost og tilskud; ved behov for tilskud over 500 mg fordeles det ud over dagen.',
            rec.withVitaminD && 'Det ordinerede præparat indeholder også D3-vitamin: ordinér D3-vitamin (20–40 µg dgl.) separat, hvis der skiftes til calciumcitrat.',
          )
        : paragraphs(
            'The card: **calcium carbonate is taken with meals (acid-dependent). Calcium citrate can be taken regardless of food, but costs more. Consider it for patients who take a PPI.** Calcium carbonate in particular can cause constipation.',
            'A regular daily intake of 800–1,200 mg calcium from diet and supplement; split supplements above 500 mg over the day.',
            rec.withVitaminD && 'The ordered product also contains vitamin D3: prescribe vitamin D3 (20–40 µg daily) separately when switching to calcium citrate.',
          ),
  };
}

function bisphosphonateDuration(lang: Language): TopicText {
  const da = lang === 'da';
  return {
    title: da ? 'Varighed af peroral behandling' : 'Duration of oral treatment',
    summary: (rec) =>
      has(rec, 'ten-years')
        ? da
          ? '10 års peroral bisfosfonat nået: maksimal varighed – forny kun efter fornyet vurdering'
          : '10 years of oral bisphosphonate reached: maximum duration – renew only after reassessment'
        : da
          ? '5 års peroral bisfosfonat nået: overvej behandlingspause før fornyelse'
          : '5 years of oral bisphosphonate reached: consider a treatment pause before renewing',
    detail: (rec) => {
      const criteria = da
        ? 'Seponering kan ske, hvis:\n- T-score (hofte) > −2,5 og\n- aldrig lavenergibrud i ryg eller hofte og\n- ingen andre lavenergibrud de seneste år og\n- evt. udløsende årsager er korrigeret, fx længerevarende glukokortikoidbehandling, hvor der behandles med alendronat ½–1 år efter ophør.'
        : 'It can be stopped if:\n- hip T-score > −2.5 and\n- never a low-energy spine or hip fracture and\n- no other low-energy fracture in recent years and\n- any triggering cause is corrected, e.g. long-term glucocorticoid treatment, where alendronate continues ½–1 year after it stops.';
      if (has(rec, 'ten-years')) {
        return paragraphs(
          da
            ? 'Kortet: Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes **til 10 år** – den maksimale varighed er nået. Bisfosfonat har en længerevarende knoglebeskyttende effekt, da det bliver i skelettet pga. lang halveringstid.'
            : 'The card: with persistently low hip bone mass, treatment can be extended **to 10 years** – the maximum duration is reached. A bisphosphonate has a long-lasting bone-protective effect because it stays in the skeleton (long half-life).',
          da ? 'Stop behandlingen, eller henvis til endokrinolog ved fortsat høj risiko (fx nye lavenergibrud).' : 'Stop the treatment, or refer to endocrinology if the risk stays high (e.g. new low-energy fractures).',
        );
      }
      return paragraphs(
        da ? 'Kortet: **Behandlingspause bør overvejes efter 5 år.**' : 'The card: **a treatment pause should be considered after 5 years.**',
        criteria,
        da
          ? 'Opfølgning med DXA-skanning tidligst efter 2 år, hvis relevant. Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år.'
          : 'Follow up with DXA no earlier than 2 years later, if relevant. With persistently low hip bone mass, treatment can be extended to 10 years.',
      );
    },
  };
}

function anabolicSpecialist(lang: Language): TopicText {
  const da = lang === 'da';
  return {
    title: da ? 'Anabol behandling er specialistbehandling' : 'Anabolic treatment is specialist treatment',
    summary: (rec) => {
      if (has(rec, 'cardiovascular-history')) {
        return da ? 'Ordinér ikke romosozumab: tidligere myokardieinfarkt eller apopleksi (kontraindiceret)' : 'Do not prescribe romosozumab: prior myocardial infarction or stroke (contraindicated)';
      }
      if (has(rec, 'romosozumab-male')) {
        return da ? 'Romosozumab er kun godkendt til kvinder: henvis til vurdering af anabol behandling' : 'Romosozumab is approved for women only: refer for assessment of anabolic treatment';
      }
      const drug = capitalise(drugName(rec, lang, { da: 'Anabol behandling', en: 'Anabolic treatment' }));
      return da ? `${drug} er specialistbehandling: henvis til vurdering af anabol behandling` : `${drug} is specialist treatment: refer for assessment of anabolic treatment`;
    },
    detail: () =>
      da
        ? paragraphs(
            'Kortet: Overvej henvisning til anabol (knogleopbyggende) behandling ved lavenergibrud – injektionsbehandling med romosozumab eller teriparatid, der normalt er selvadministreret:',
            '- Postmenopausale kvinder med T-score < −2,5 og lavenergibrud på hofte, bækken, overarm, underarm eller ryg inden for 3 år.\n- Mænd med T-score ≤ −3,0 og lavenergibrud i ryg inden for seneste 3 år, eller som har ≥ 2 lavenergibrud i ryg.',
            'Behandlingen startes af speciallæge. Teriparatid gives i højst 24 måneder. Romosozumab gives i 12 måneder, kun til kvinder og ikke efter myokardieinfarkt eller apopleksi (produktresumé). Efter anabol behandling følges op med antiresorptiv behandling.',
          )
        : paragraphs(
            'The card: consider referral for anabolic (bone-building) treatment after low-energy fractures – injections of romosozumab or teriparatide, usually self-administered:',
            '- Postmenopausal women with T-score < −2.5 and a low-energy fracture of hip, pelvis, upper arm, forearm or spine within 3 years.\n- Men with T-score ≤ −3.0 and a low-energy spine fracture within the last 3 years, or with ≥ 2 low-energy spine fractures.',
            'A specialist starts the treatment. Teriparatide is given for at most 24 months. Romosozumab is given for 12 months, to women only and not after myocardial infarction or stroke (SmPC). Anabolic treatment is followed by antiresorptive treatment.',
          ),
  };
}

function doseInterval(lang: Language): TopicText<'rx-dose-interval'> {
  const da = lang === 'da';
  const SCHEDULE: Readonly<Record<DoseScheduleName, Words>> = {
    weekly: { da: 'alendronat 70 mg gives én gang ugentligt', en: 'alendronate 70 mg is given once weekly' },
    'six-monthly': { da: 'denosumab 60 mg gives hver 6. måned', en: 'denosumab 60 mg is given every 6 months' },
    yearly: { da: 'zoledronsyre 5 mg gives én gang årligt', en: 'zoledronic acid 5 mg is given once yearly' },
  };
  return {
    title: da ? 'Doseringen er for hyppig' : 'Dosing too frequent',
    summary: (rec) => {
      const drug = drugName(rec, lang, ANTIRESORPTIVE);
      if (rec.orderedEveryDays === undefined) {
        const due = rec.nextInjection === undefined ? '' : formatDate(rec.nextInjection, lang);
        return da ? `Giv ikke denosumab nu: under 5 måneder siden sidste injektion – næste ${due}` : `Do not give denosumab now: under 5 months since the last injection – next due ${due}`;
      }
      const how = intervalWords(rec.orderedEveryDays, lang);
      return da ? `Ordinér ikke ${drug} ${how}: ${SCHEDULE[rec.schedule].da}` : `Do not prescribe ${drug} ${how}: ${SCHEDULE[rec.schedule].en}`;
    },
    detail: (rec) =>
      paragraphs(
        da
          ? 'Kortet: **Alendronat 70 mg ugetablet; zoledronsyre 5 mg i.v. årligt; denosumab 60 mg s.c. hver 6. måned** (produktresumé). Ordinationen er doseret hyppigere og må ikke gives som ordineret.'
          : 'The card: **alendronate 70 mg weekly tablet; zoledronic acid 5 mg i.v. yearly; denosumab 60 mg s.c. every 6 months** (SmPC). The order is dosed more often and must not be given as drafted.',
        rec.schedule === 'weekly' &&
          (da
            ? 'Alendronat 70 mg dagligt er en syvdobbelt overdosis: risiko for svær øsofagitis, mavesår og hypocalcæmi. Ret doseringen til én tablet ugentligt (samme ugedag), eller brug en daglig styrke (10 mg), hvis daglig dosering var meningen.'
            : 'Alendronate 70 mg daily is a sevenfold overdose: risk of severe oesophagitis, ulcers and hypocalcaemia. Correct the dosing to one tablet weekly (same day each week), or use a daily strength (10 mg) if daily dosing was meant.'),
        rec.schedule === 'six-monthly' &&
          (da
            ? 'Denosumab gives hver 6. måned (tidligst efter 5 måneder, senest efter 7 måneder). Hyppigere injektioner giver ingen ekstra effekt, men øget risiko for hypocalcæmi. Kontrollér P-calcium før injektionen.'
            : 'Denosumab is given every 6 months (no earlier than 5 and no later than 7 months). More frequent injections add no effect but raise the risk of hypocalcaemia. Check calcium before the injection.'),
        rec.schedule === 'yearly' &&
          (da
            ? 'Zoledronsyre 5 mg gives én gang årligt (typisk på hospital). Hyppigere infusioner øger risikoen for nyrepåvirkning og hypocalcæmi. P-calcium, -kreatinin og -25-OH-Vit.D før hver infusion.'
            : 'Zoledronic acid 5 mg is given once a year (usually in hospital). More frequent infusions raise the risk of kidney injury and hypocalcaemia. Calcium, creatinine and 25-OH vitamin D before each infusion.'),
      ),
  };
}

function both<T extends PrescribingTopic>(make: (lang: Language) => TopicText<T>): TopicTexts<T> {
  return { da: make('da'), en: make('en') };
}

export const PRESCRIBING_TEXTS: TextsOf<PrescribingTopic> = {
  'rx-egfr-too-low': both(egfrTooLow),
  'rx-hypocalcaemia': both(hypocalcaemia),
  'rx-vitamin-d-low': both(vitaminDLow),
  'rx-lab-missing': both(labMissing),
  'rx-start-checklist': both(startChecklist),
  'rx-oral-contraindicated': both(oralContraindicated),
  'rx-swallowing-difficulty': both(swallowingDifficulty),
  'rx-duplicate-antiresorptive': both(duplicate),
  'rx-denosumab-biosimilar': both(biosimilar),
  'rx-denosumab-schedule': both(denosumabSchedule),
  'rx-glucocorticoid-bone-protection': both(glucocorticoidBoneProtection),
  'rx-calcium-carbonate-ppi': both(calciumCarbonatePpi),
  'rx-bisphosphonate-duration': both(bisphosphonateDuration),
  'rx-anabolic-specialist': both(anabolicSpecialist),
  'rx-dose-interval': both(doseInterval),
};
