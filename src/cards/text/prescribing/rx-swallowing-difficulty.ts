/**
 * Card text of `rx-swallowing-difficulty` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import { paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

export const rxSwallowingDifficultyTexts: TopicTexts<'rx-swallowing-difficulty'> = {
  da: {
    title: 'Synkebesvær: alendronat brusetablet',
    summary: () => 'Synkebesvær: overvej alendronat brusetablet (Binosto) i stedet for tabletten',
    detail: (rec) =>
      paragraphs(
        rec.losesVitaminD === true && '**Tabletten indeholder også D3-vitamin, brusetabletten ikke:** ordinér D3-vitamin 20 µg dagligt ved siden af (forslag).',
        'Kortet: Alendronat 70 mg ugetablet. **Brusetablet (Binosto) kan anvendes ved synkebesvær. Har klausuleret tilskud og er dyrt.**',
        'Brusetabletten indtages efter opløsning i et halvt glas vand, og der skylles efter med vand. Som tabletten: fastende om morgenen, mindst 30 min. før mad, drikkevarer (inkl. mineralvand) og anden medicin, og oprejst/siddende i mindst 30 min. og indtil efter et måltid (undgå øsofagitis).',
        'Ved spiserørssygdom med forsinket tømning er peroral bisfosfonat kontraindiceret – vælg da parenteral behandling (2. valg).',
      ),
  },
  en: {
    title: 'Swallowing difficulty: effervescent alendronate',
    summary: () => 'Swallowing difficulty: consider effervescent alendronate (Binosto) instead of the tablet',
    detail: (rec) =>
      paragraphs(
        rec.losesVitaminD === true && '**The tablet also holds vitamin D3, the effervescent tablet does not:** prescribe vitamin D3 20 µg daily beside it (suggestion).',
        'The card: alendronate 70 mg weekly tablet. **The effervescent tablet (Binosto) can be used with swallowing difficulty. It has clause-restricted reimbursement and is expensive.**',
        'Dissolve the effervescent tablet in half a glass of water and rinse down with water. As with the tablet: fasting in the morning, at least 30 minutes before food, drinks (including mineral water) and other medicines, and upright for at least 30 minutes and until after a meal (avoid oesophagitis).',
        'Oesophageal disease delaying emptying contraindicates oral bisphosphonate – then choose parenteral treatment (second choice).',
      ),
  },
};
