/**
 * Card text of `dxa-follow-up-due` (rules.md section 3, card page 2 l. 160-168 "DXA-skanning"), in
 * Danish — the card's own terms — and English: why the same hospital, and at 5 years what the scan
 * decides. The renderer appends the reasons and the findings (the previous scan and its place).
 * The summary names the same hospital only when a previous scan is on record (the rule's dated
 * `dxa` finding); without one the findings say "Ingen DXA-skanning registreret".
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { has, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

const SAME_SCANNER: Words = {
  da: 'Skannere måler ikke helt ens, så værdier fra forskellige skannere kan ikke sammenlignes sikkert.',
  en: 'Scanners do not measure exactly alike, so values from different scanners cannot be compared safely.',
};

/** l. 185-186: at 5 years the hip T-score decides whether a pause can be considered. */
const PAUSE_DECISION: Words = {
  da: 'Ved peroral bisfosfonat afgør hofte-T-scoren, om behandlingspause kan overvejes.',
  en: 'On oral bisphosphonate the hip T-score decides whether a treatment pause can be considered.',
};

/** A previous scan on record: the rule gives its dated `dxa` finding (an undated one means none). */
const previousScan = (rec: Recommendation): boolean => rec.findings.some((f) => f.kind === 'dxa' && f.date !== undefined);

const years = (rec: Recommendation): string => (has(rec, 'five-year-dxa') ? '5' : '2');

function detail(rec: Recommendation<'dxa-follow-up-due'>, lang: Language): string {
  // The pause is for an oral bisphosphonate: not said to a patient on injections or infusions only.
  const oral = rec.findings.some((f) => f.kind === 'course' && f.drugClass === 'oral-bisphosphonate' && f.status === 'active');
  return paragraphs(SAME_SCANNER[lang], has(rec, 'five-year-dxa') && oral && PAUSE_DECISION[lang]);
}

export const dxaFollowUpDueTexts: TopicTexts<'dxa-follow-up-due'> = {
  da: {
    title: 'DXA-skanning til opfølgning',
    summary: (rec) => `Henvis til DXA-skanning efter ${years(rec)} års behandling${previousScan(rec) ? ' – samme hospital som ved tidligere skanning' : ''}`,
    detail: (rec) => detail(rec, 'da'),
  },
  en: {
    title: 'Follow-up DXA scan',
    summary: (rec) => `Refer for a DXA scan after ${years(rec)} years of treatment${previousScan(rec) ? ' – same hospital as the previous scan' : ''}`,
    detail: (rec) => detail(rec, 'en'),
  },
};
