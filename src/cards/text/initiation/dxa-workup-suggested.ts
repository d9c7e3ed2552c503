/**
 * Card text of `dxa-workup-suggested` (rules.md section 2 [extension: DSAM ch. 4, linked from the
 * card]), in Danish (the card's own terms) and English. The renderer appends the reasons (the risk
 * factors) and the findings; vitamin D must be replete before the scan (card l. 14-15).
 */
import { VITAMIN_D_DOSE } from '../card-words.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { has, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

/** A scan on record (its finding has a date): the referral goes where it was taken. */
const earlierScan = (rec: Recommendation): boolean => rec.findings.some((f) => f.kind === 'dxa' && f.date !== undefined);

/** The latest calcium is high (rules/high-calcium.ts): vitamin D waits until its cause is known. */
const calciumHigh = (rec: Recommendation): boolean => rec.vitaminDWithheld === true || rec.vitaminDWaits === true;

/** Glucocorticoid in use (not only a course that ended over a year ago): the T < −1.0 rule of footnote * is for exposure now. */
const glucocorticoidNow = (rec: Recommendation): boolean => has(rec, 'risk-glucocorticoid') && rec.findings.some((f) => f.kind === 'glucocorticoid');

export const dxaWorkupSuggestedTexts: TopicTexts<'dxa-workup-suggested'> = {
  da: {
    title: 'Overvej udredning for osteoporose (DXA)',
    summary: (rec) => `Overvej DXA-skanning: risikofaktor for osteoporose og ingen nylig DXA${rec.vitaminD === 'ok' ? '' : calciumHigh(rec) ? ' – afklar først det forhøjede calcium' : ' – D-vitamin i niveau først'}`,
    detail: (rec) =>
      paragraphs(
        `Overvej udredning (DSAM-vejledning kap. 4): henvis til DXA-skanning af columna og hofte${earlierScan(rec) ? ' – til samme sted som ved tidligere skanning, da skannere ikke måler helt ens' : ''}.`,
        'OBS: D-vitamin bør være i niveau før DXA-skanning (ellers risiko for overdiagnosticering).',
        rec.vitaminD === 'low' &&
          (calciumHigh(rec)
            ? '**P-25-OH-Vit.D ≤ 50 nmol/L:** udsæt skanningen, til D-vitamin er i niveau – men giv først D3, når årsagen til det forhøjede calcium er afklaret.'
            : `**P-25-OH-Vit.D ≤ 50 nmol/L:** giv eller øg D3-tilskud, og udsæt skanningen, til D-vitamin er i niveau. ${VITAMIN_D_DOSE.da}`),
        rec.vitaminD === 'unknown' && '**Ingen aktuel P-25-OH-Vit.D:** mål den før skanningen.',
        glucocorticoidNow(rec) && 'Ved prednisolon > 5 mg dgl. i 3 mdr. eller > 450 mg på et år behandles, hvis T-score < −1,0.',
      ),
  },
  en: {
    title: 'Consider osteoporosis work-up (DXA)',
    summary: (rec) => `Consider a DXA scan: risk factor for osteoporosis and no recent DXA${rec.vitaminD === 'ok' ? '' : calciumHigh(rec) ? ' – explain the high calcium first' : ' – vitamin D replete first'}`,
    detail: (rec) =>
      paragraphs(
        `Consider a work-up (DSAM guideline ch. 4): refer for a DXA scan of spine and hip${earlierScan(rec) ? ' – to the same department as the previous scan, as scanners do not measure alike' : ''}.`,
        'Note: vitamin D should be replete before a DXA scan (otherwise risk of overdiagnosis).',
        rec.vitaminD === 'low' &&
          (calciumHigh(rec)
            ? '**25-OH vitamin D ≤ 50 nmol/L:** postpone the scan until vitamin D is replete – but give D3 only once the cause of the high calcium is known.'
            : `**25-OH vitamin D ≤ 50 nmol/L:** give or raise vitamin D3 and postpone the scan until vitamin D is replete. ${VITAMIN_D_DOSE.en}`),
        rec.vitaminD === 'unknown' && '**No current 25-OH vitamin D:** measure it before the scan.',
        glucocorticoidNow(rec) && 'With prednisolone > 5 mg daily for 3 months or > 450 mg in a year, treat if T-score < −1.0.',
      ),
  },
};
