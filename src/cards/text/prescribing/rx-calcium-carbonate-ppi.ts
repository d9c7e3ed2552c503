/**
 * Card text of `rx-calcium-carbonate-ppi` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import type { Language } from '../../../contract/language.js';
import { both, paragraphs } from '../text-helpers.js';
import type { TopicText, TopicTexts } from '../types.js';

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

export const rxCalciumCarbonatePpiTexts: TopicTexts<'rx-calcium-carbonate-ppi'> = both(calciumCarbonatePpi);
