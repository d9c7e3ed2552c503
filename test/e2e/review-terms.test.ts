/**
 * The terminology review (December 2026, /tmp/review-terms): scenarios evaluated through the CLI
 * (`osteo-cds evaluate --json`) as the reviewer ran them, on 2026-11-26. Bundles and drafts are in
 * `review-terms/`.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cardKey, cliCards, reasonsOf } from '../helpers/cli-cards.js';

const file = (name: string): string => fileURLToPath(new URL(`./review-terms/${name}`, import.meta.url));


interface Answer {
  /** Every card as "topic:indicator:folded topics", sorted. */
  readonly cards: string[];
  readonly reasons: string[];
  readonly evidence: string[];
  /** Every topic shown, folded or not. */
  readonly topics: string[];
  /** Summaries, details and suggestion labels. */
  readonly text: string;
}

async function evaluate(bundle: string, draft?: string): Promise<Answer> {
  const cards = await cliCards(['evaluate', file(`${bundle}.bundle.json`), '--now', '2026-11-26', '--json', '--lang', 'en', ...(draft === undefined ? [] : ['--hook', 'order-sign', '--draft', file(`${draft}.draft.json`)])]);
  return {
    cards: cards.map(cardKey).sort(),
    reasons: reasonsOf(cards),
    evidence: cards.flatMap((c) => c.extension?.['osteo-cds.evidence'] ?? []),
    topics: cards.flatMap((c) => c.extension?.['osteo-cds.topics'] ?? [c.source.topic?.code ?? '?']),
    text: cards.map((c) => [c.summary, c.detail ?? '', ...(c.suggestions ?? []).map((s) => s.label)].join('\n')).join('\n'),
  };
}

describe('a calcium salt is no vitamin D supplement (terminology.md l. 936-949)', () => {
  it.each([
    ['vitd_none_calcium_lactate_A12AA05', 'ATC A12AA05 calcium lactate'],
    ['vitd_none_calcium_A12AA20', 'ATC A12AA20 calcium, mixed salts'],
    ['vitd_none_us_calcium_acetate', 'RxNorm 308922 calcium acetate (unbound, read from its text)'],
  ])('%s (%s) gets the cards of a patient with no supplement: no-vitamin-d-supplement and a D3 order', async (bundle) => {
    const [a, none] = await Promise.all([evaluate(bundle), evaluate('vitd_supp_none')]);
    expect(a.cards).toEqual(none.cards);
    expect(a.topics).toContain('vitamin-d-calcium');
    expect(a.reasons).toContain('no-vitamin-d-supplement');
    expect(a.text).toContain('colecalciferol');
  });

  it('with no 25-OH-D either (vitdlab_missing_calcium_lactate_A12AA05): the missing lab and the missing supplement are both named', async () => {
    const a = await evaluate('vitdlab_missing_calcium_lactate_A12AA05');
    expect(a.reasons).toEqual(expect.arrayContaining(['vitamin-d-missing', 'no-vitamin-d-supplement']));
  });

  it('an active analogue alone (alfacalcidol A11CC03, "not routine supplements") is no supplement; its record is in the evidence', async () => {
    const a = await evaluate('vitd_alfacalcidol_only');
    expect(a.reasons).toContain('no-vitamin-d-supplement');
    expect(a.evidence).toContain('MedicationStatement/alfa');
  });

  it.each([
    ['vitd_A12AX_combo', 'ATC A12AX calcium + D3'],
    ['vitd_calcifediol_A11CC06', 'ATC A11CC06 calcifediol, listed with the supplements'],
  ])('%s (%s) is a vitamin D supplement: no no-vitamin-d-supplement', async (bundle) => {
    const a = await evaluate(bundle);
    expect(a.reasons).not.toContain('no-vitamin-d-supplement');
    expect(a.topics).not.toContain('vitamin-d-calcium');
  });
});

describe('ICPC-2 D84 "sygdom i spiserør" (broad, terminology.md l. 554) is an oral contraindication unless its text names a disease that delays no emptying (l. 45)', () => {
  it('pv_gerd_icpc_D84 = pv_gerd_sks_DK219 = pv_gerd_cm_K219: reflux oesophagitis under D84 gets first-choice alendronate, as the same reflux coded SKS or ICD-10-CM does', async () => {
    const [d84, sks, cm] = await Promise.all([evaluate('pv_gerd_icpc_D84'), evaluate('pv_gerd_sks_DK219'), evaluate('pv_gerd_cm_K219')]);
    expect(d84.cards).toEqual(sks.cards);
    expect(d84.cards).toEqual(cm.cards);
    expect(d84.reasons).not.toContain('oesophageal-disease');
    expect(d84.text).toContain('alendronate 70 mg weekly tablet (first choice)');
  });

  it('alendronate order-sign beside d84_text_reflux_no_stricture_alen (D84 "Refluksøsofagitis uden striktur", the stricture negated): no rx-oral-contraindicated', async () => {
    const a = await evaluate('d84_text_reflux_no_stricture_alen', 'dysph_icpc_D84_alen');
    expect(a.topics).not.toContain('rx-oral-contraindicated');
    expect(a.reasons).not.toContain('oesophageal-disease');
  });

  it.each([
    ['dysph_icpc_D84_alen', 'D84 with no text: a stricture cannot be ruled out [choice, the safer reading]'],
    ['d84_text_achalasi_alen', 'D84 "Achalasi"'],
    ['d84_text_striktur_alen', 'D84 "Peptisk striktur"'],
  ])('alendronate order-sign beside %s (%s) = achalasia coded SKS DK220 and ICD-10-CM K22.0: oral bisphosphonate contraindicated', async (bundle) => {
    const [a, dk, us] = await Promise.all([evaluate(bundle, 'dysph_icpc_D84_alen'), evaluate('achalasia_dk_DK220_alen', 'achalasia_dk_DK220_alen'), evaluate('achalasia_us_K220_alen', 'achalasia_us_K220_alen')]);
    expect(a.cards).toEqual(dk.cards);
    expect(a.cards).toEqual(us.cards);
    expect(a.topics).toContain('rx-oral-contraindicated');
    expect(a.reasons).toContain('oesophageal-disease');
  });
});

describe('an eGFR reported as a bound decides "eGFR > 35" only when every value it allows is on one side (terminology.md l. 1063)', () => {
  it.each([
    ['egfr_str_lt60', 'LOINC 33914-3 valueString "<60"'],
    ['egfr_dk_q_lt60', 'NPU DNK35302 valueQuantity comparator "<" 60'],
    ['egfr_gt_comparator_q_30', 'NPU DNK35302 valueQuantity comparator ">" 30'],
  ])('patient-view %s (%s) gets the cards of the same record with no eGFR: asked for, named as not used, no "do not start"', async (bundle) => {
    const [a, none] = await Promise.all([evaluate(bundle), evaluate('egfr_str_none')]);
    expect(a.cards).toEqual(none.cards);
    expect(a.reasons).toContain('egfr-missing');
    expect(a.reasons).not.toContain('egfr-low');
    expect(a.text).toMatch(/Value not used – reported only as [<>]\d+ mL\/min\/1\.73 m², which does not tell whether eGFR > 35 mL\/min: eGFR \(20 Oct 2026\)/);
    expect(a.evidence).toContain('Observation/egfr');
  });

  it.each([
    ['egfr_str_lt36', '"<36": whole numbers, 35 or less'],
    ['egfr_lt30_comparator', 'LOINC 98979-8 comparator "<" 30'],
  ])('patient-view %s (%s) establishes eGFR ≤ 35: refer, do not start', async (bundle) => {
    const a = await evaluate(bundle);
    expect(a.reasons).toContain('egfr-low');
    expect(a.text).toContain('do not start treatment');
  });

  it('order-sign alendronate with eGFR "<60" (rx_egfr_str_lt60_alen_us) gets the cards of the same order with no eGFR: no critical rx-egfr-too-low, rx-lab-missing asks for eGFR', async () => {
    const [a, none] = await Promise.all([evaluate('rx_egfr_str_lt60_alen_us', 'rx_egfr_str_lt60_alen_us'), evaluate('rx_egfr_str_none_alen_us', 'rx_egfr_str_lt60_alen_us')]);
    expect(a.cards).toEqual(none.cards);
    expect(a.topics).not.toContain('rx-egfr-too-low');
    expect(a.cards.some((c) => c.includes(':critical:'))).toBe(false);
    expect(a.reasons).toContain('egfr-missing');
    expect(a.text).toContain('Value not used – reported only as <60 mL/min/1.73 m², which does not tell whether eGFR > 35 mL/min: eGFR (20 Oct 2026)');
  });

  it('order-sign alendronate with eGFR ">60" (rx_egfr_str_gt60_alen_us) passes the check: no rx-egfr-too-low, no egfr-missing', async () => {
    const a = await evaluate('rx_egfr_str_gt60_alen_us', 'rx_egfr_str_gt60_alen_us');
    expect(a.topics).not.toContain('rx-egfr-too-low');
    expect(a.reasons).not.toContain('egfr-missing');
  });
});
