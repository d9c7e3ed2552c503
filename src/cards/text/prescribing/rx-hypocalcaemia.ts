/**
 * Card text of `rx-hypocalcaemia` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import { paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import { ANTIRESORPTIVE, drugName, labValue } from './common.js';

export const rxHypocalcaemiaTexts: TopicTexts<'rx-hypocalcaemia'> = {
  da: {
    title: 'Hypocalcæmi før antiresorptiv behandling',
    summary: (rec) => `Giv ikke ${drugName(rec, 'da', ANTIRESORPTIVE)} nu: hypocalcæmi (${labValue(rec.calcium, 'da')} mmol/L) skal korrigeres først`,
    detail: () =>
      paragraphs(
        'Kortet: **Tjek, at der ikke er hypocalcæmi** før start af antiresorptiv behandling – og P-calcium før hver denosumab-injektion og zoledronsyre-infusion.',
        'Antiresorptiv behandling sænker P-calcium yderligere – især denosumab og zoledronsyre – og kan give svær hypocalcæmi. Find og behandl årsagen (fx D-vitaminmangel, lavt calciumindtag, nedsat nyrefunktion), kontrollér P-calcium og P-25-OH-vitamin D igen, og start først, når calcium er normalt. Uforklaret hypocalcæmi: overvej henvisning til endokrinolog.',
      ),
  },
  en: {
    title: 'Hypocalcaemia before antiresorptive treatment',
    summary: (rec) => `Do not give ${drugName(rec, 'en', ANTIRESORPTIVE)} now: hypocalcaemia (${labValue(rec.calcium, 'en')} mmol/L) must be corrected first`,
    detail: () =>
      paragraphs(
        'The card: **check that there is no hypocalcaemia** before starting antiresorptive treatment – and calcium before each denosumab injection and zoledronic acid infusion.',
        'Antiresorptive treatment lowers calcium further – especially denosumab and zoledronic acid – and can cause severe hypocalcaemia. Find and treat the cause (e.g. vitamin D deficiency, low calcium intake, reduced kidney function), recheck calcium and 25-OH vitamin D, and start only when calcium is normal. Unexplained hypocalcaemia: consider referral to endocrinology.',
      ),
  },
};
