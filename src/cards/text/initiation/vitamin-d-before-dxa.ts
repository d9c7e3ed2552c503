/**
 * Card text of `vitamin-d-before-dxa` (rules.md section 2, card page 1 l. 14-15 "OBS: D-vitamin bør
 * være i niveau før DXA-skanning"), in Danish (the card's own terms) and English. The renderer
 * appends the reasons and the findings (the scan and the vitamin D value with their dates).
 */
import { VITAMIN_D_DOSE } from '../card-words.js';
import type { TopicTexts } from '../types.js';

export const vitaminDBeforeDxaTexts: TopicTexts<'vitamin-d-before-dxa'> = {
  da: {
    title: 'D-vitamin ved DXA-skanning',
    summary: () => 'OBS: P-25-OH-Vit.D var ≤ 50 nmol/L ved DXA-skanningen – risiko for overdiagnosticering',
    detail: (rec) =>
      [
        'D-vitamin bør være i niveau før DXA-skanning. Den seneste P-25-OH-Vit.D i 6 mdr. før skanningen var ≤ 50 nmol/L, så T-scoren kan overvurdere osteoporosen.',
        rec.vitaminDWaits === true
          ? 'Bring D-vitamin i niveau, når årsagen til det forhøjede calcium er afklaret, og overvej ny DXA-skanning, før behandlingsvalget hviler på T-scoren alene.'
          : `Bring D-vitamin i niveau, og overvej ny DXA-skanning, før behandlingsvalget hviler på T-scoren alene. ${VITAMIN_D_DOSE.da}`,
        'Ved lavenergibrud i ryg eller hofte er diagnosen stillet uanset T-score.',
      ].join('\n\n'),
  },
  en: {
    title: 'Vitamin D at the DXA scan',
    summary: () => 'Note: 25-OH vitamin D was ≤ 50 nmol/L at the DXA scan – risk of overdiagnosis',
    detail: (rec) =>
      [
        'Vitamin D should be replete before a DXA scan. The latest 25-OH vitamin D in the 6 months before the scan was ≤ 50 nmol/L, so the T-score may overstate osteoporosis.',
        rec.vitaminDWaits === true
          ? 'Replete vitamin D once the cause of the high calcium is known, and consider a new DXA scan before the treatment decision rests on the T-score alone.'
          : `Replete vitamin D and consider a new DXA scan before the treatment decision rests on the T-score alone. ${VITAMIN_D_DOSE.en}`,
        'A low-energy spine or hip fracture establishes the diagnosis whatever the T-score.',
      ].join('\n\n'),
  },
};
