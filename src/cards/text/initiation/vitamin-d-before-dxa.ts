/**
 * Card text of `vitamin-d-before-dxa` (rules.md section 2, card page 1 "Osteoporose – Valg af medicinsk
 * behandling"), in Danish (the card's own terms) and English. The renderer appends the reasons
 * ("Begrundelse") and the findings with values and dates ("Grundlag"), so the advice says what to
 * do without repeating them. Line numbers refer to guideline/source-card-da.txt.
 */
import { VITAMIN_D_DOSE } from '../card-words.js';
import { paragraphs, texts } from '../text-helpers.js';

export const vitaminDBeforeDxaTexts = texts<'vitamin-d-before-dxa'>(
  { da: 'D-vitamin ved DXA-skanning', en: 'Vitamin D at the DXA scan' },
  (_rec, lang) =>
    lang === 'da'
      ? 'OBS: P-25-OH-Vit.D var ≤ 50 nmol/L ved DXA-skanningen – risiko for overdiagnosticering'
      : 'Note: 25-OH vitamin D was ≤ 50 nmol/L at the DXA scan – risk of overdiagnosis',
  (_rec, lang) =>
    lang === 'da'
      ? paragraphs(
          'OBS: D-vitamin bør være i niveau før DXA-skanning (ellers risiko for overdiagnosticering). Den seneste P-25-OH-Vit.D inden for 6 mdr. før skanningen var ≤ 50 nmol/L, så T-scoren kan overvurdere osteoporosen.',
          `Bring D-vitamin i niveau, og overvej ny DXA-skanning senere, før behandlingsvalget lægges fast på T-scoren alene. ${VITAMIN_D_DOSE.da}`,
          'Ved lavenergibrud i ryg eller hofte er diagnosen stillet uanset T-score.',
        )
      : paragraphs(
          'Note: vitamin D should be replete before a DXA scan (otherwise risk of overdiagnosis). The latest 25-OH vitamin D within 6 months before the scan was ≤ 50 nmol/L, so the T-score may overstate osteoporosis.',
          `Replete vitamin D and consider a new DXA scan later, before the treatment decision rests on the T-score alone. ${VITAMIN_D_DOSE.en}`,
          'A low-energy spine or hip fracture establishes the diagnosis whatever the T-score.',
        ),
);
