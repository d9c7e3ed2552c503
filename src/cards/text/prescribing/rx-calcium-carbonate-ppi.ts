/**
 * Card text of `rx-calcium-carbonate-ppi` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import { paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

export const rxCalciumCarbonatePpiTexts: TopicTexts<'rx-calcium-carbonate-ppi'> = {
  da: {
    title: 'Calciumcarbonat og PPI',
    summary: () => 'Bruger PPI: overvej calciumcitrat i stedet for calciumcarbonat (optages uafhængigt af mavesyre)',
    detail: (rec) =>
      paragraphs(
        'Kortet: **Calcium-carbonat tages til måltid (syreafhængig). Calcium-citrat kan tages uafhængigt af mad, men er dyrere. Kan overvejes til patienter, som bruger PPI.** Særligt calcium-carbonat kan give tendens til obstipation.',
        'Fast dagligt indtag af 800–1.200 mg calcium ved kost og tilskud; ved behov for tilskud over 500 mg fordeles det ud over dagen.',
        rec.withVitaminD === 'offered' && 'Det ordinerede præparat indeholder også D3-vitamin: ordinér D3-vitamin (20–40 µg dgl.) separat, hvis der skiftes til calciumcitrat.',
        rec.withVitaminD === 'covered' && 'Det ordinerede præparat indeholder også D3-vitamin; patienten får allerede D3-vitamin separat – tjek, at dosis er 20–40 µg dgl., hvis der skiftes til calciumcitrat.',
      ),
  },
  en: {
    title: 'Calcium carbonate and PPI',
    summary: () => 'Takes a PPI: consider calcium citrate instead of calcium carbonate (absorbed without stomach acid)',
    detail: (rec) =>
      paragraphs(
        'The card: **calcium carbonate is taken with meals (acid-dependent). Calcium citrate can be taken regardless of food, but costs more. Consider it for patients who take a PPI.** Calcium carbonate in particular can cause constipation.',
        'A regular daily intake of 800–1,200 mg calcium from diet and supplement; split supplements above 500 mg over the day.',
        rec.withVitaminD === 'offered' && 'The ordered product also contains vitamin D3: prescribe vitamin D3 (20–40 µg daily) separately when switching to calcium citrate.',
        rec.withVitaminD === 'covered' && 'The ordered product also contains vitamin D3; the patient already takes vitamin D3 separately – check the dose is 20–40 µg daily when switching to calcium citrate.',
      ),
  },
};
