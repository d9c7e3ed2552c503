/**
 * US-coded records against their Danish twins (the December 2026 review, /tmp/review-us): the same
 * clinical picture coded with SNOMED CT / ICD-10-CM / RxNorm and with ICD-10 / SKS / ATC must get
 * the same cards — the same topics at the same indicators. Each pair is evaluated through the CLI
 * (`osteo-cds evaluate --json`), as the reviewer did. Bundles are in `us-twins/`.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cardKey, cliCards, reasonsOf } from '../helpers/cli-cards.js';

const file = (name: string): string => fileURLToPath(new URL(`./us-twins/${name}`, import.meta.url));


/** Every card as "topic:indicator" with the topics folded onto it, sorted. */
async function cardsOf(bundle: string, draft?: string): Promise<{ cards: string[]; reasons: string[] }> {
  const cards = await cliCards(['evaluate', file(`${bundle}.bundle.json`), '--now', '2026-12-05', '--json', '--lang', 'en', ...(draft === undefined ? [] : ['--draft', file(`${draft}.draft.json`)])]);
  return { cards: cards.map(cardKey).sort(), reasons: reasonsOf(cards) };
}

describe('US records get the cards of their Danish twins', () => {
  it.each([
    ['us61', 'dk61', 'unbound SNOMED 263225007 "Fracture of proximal end of femur" (read from its display) vs ICD-10 S72.0'],
    ['us71', 'dk71', 'SNOMED 33118001 "Closed fracture of acetabulum" vs ICD-10 S32.4'],
  ])('%s = %s: %s', async (us, dk) => {
    const [a, b] = await Promise.all([cardsOf(us), cardsOf(dk)]);
    expect(a.cards).toEqual(b.cards);
    expect(a.cards.some((c) => c.startsWith('treatment-indicated:warning'))).toBe(true);
  });

  it('a mother\'s hip fracture coded with an unbound SNOMED code counts as genetic disposition, as one coded 5913000 does', async () => {
    const [text, bound, coded] = await Promise.all([cardsOf('usf2-text'), cardsOf('usf2'), cardsOf('usf1')]);
    expect(text.cards).toEqual(coded.cards);
    expect(bound.cards).toEqual(coded.cards);
    expect(text.reasons).toContain('risk-family-history');
  });

  it.each([
    ['usr1', 'dkr1', 'SNOMED 399211009 "History of myocardial infarction" (Synthea) vs ICD-10 I25.2'],
    ['usr4', 'dkr4', 'ICD-10-CM Z86.73 "Personal history of TIA and cerebral infarction" vs ICD-10 I63'],
    ['usr1-text', 'dkr1', 'an unbound code displayed "Blodprop i hjertet 2019" vs ICD-10 I25.2'],
  ])('romosozumab order-sign %s = %s: %s — critical, cardiovascular history', async (us, dk) => {
    const [a, b] = await Promise.all([cardsOf(us, us.replace(/-.*/, '')), cardsOf(dk, dk)]);
    expect(a.cards).toEqual(b.cards);
    expect(a.cards.some((c) => c.startsWith('rx-anabolic-specialist:critical'))).toBe(true);
    expect(a.reasons).toContain('cardiovascular-history');
  });

  it('romosozumab order-sign: "No history of myocardial infarction or stroke" is no contraindication', async () => {
    const { cards, reasons } = await cardsOf('usr1-negated', 'usr1');
    expect(cards.some((c) => c.startsWith('rx-anabolic-specialist:info'))).toBe(true);
    expect(reasons).not.toContain('cardiovascular-history');
  });

  it('us54 = dk54: a left hip recorded only as S72.002D (2025) six years after a right hip S72.001A is a second, recent hip fracture', async () => {
    const [a, b] = await Promise.all([cardsOf('us54'), cardsOf('dk54')]);
    expect(a.cards).toEqual(b.cards);
    expect(a.reasons).toContain('woman-fracture-3y');
  });

  it('us55 = dk55: on alendronate, the left hip S72.002D and a wrist fracture are two fractures on treatment (endocrinology referral)', async () => {
    const [a, b] = await Promise.all([cardsOf('us55'), cardsOf('dk55')]);
    expect(a.cards).toEqual(b.cards);
    expect(a.cards.some((c) => c.startsWith('endocrinology-referral:warning'))).toBe(true);
    expect(a.reasons).toContain('fractures-on-treatment');
  });

  it('usz2 = dkz2: on alendronate, Z87.310 "personal history of osteoporosis fracture" recorded after a wrist fracture is no second fracture on treatment', async () => {
    const [a, b] = await Promise.all([cardsOf('usz2'), cardsOf('dkz2')]);
    expect(a.cards).toEqual(b.cards);
    expect(a.reasons).not.toContain('fractures-on-treatment');
  });

  it.each([
    ['usk0', 'dkk0', 'SNOMED 700378005 "Chronic kidney disease stage 3A" (unbound, read from its display) vs ICD-10 N18.3'],
    ['usk1', 'dkk1', 'SNOMED 353295004 "Graves\' disease" (unbound, read from its display) vs ICD-10 E05.0'],
  ])('%s = %s: %s — a risk-factor disease beside the T-score', async (us, dk) => {
    const [a, b] = await Promise.all([cardsOf(us), cardsOf(dk)]);
    expect(a.cards).toEqual(b.cards);
    expect(a.reasons).toContain('risk-disease');
  });

  it('usu3 = dku3: alendronate order-sign beside SNOMED "Stricture of esophagus" (unbound) vs ICD-10 K22.2 — oral bisphosphonate contraindicated', async () => {
    const [a, b] = await Promise.all([cardsOf('usu3', 'usu3'), cardsOf('dku3', 'dku3')]);
    expect(a.cards).toEqual(b.cards);
    expect(a.reasons).toContain('oesophageal-disease');
  });
});
