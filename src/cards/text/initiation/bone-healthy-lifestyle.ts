/**
 * Card text of `bone-healthy-lifestyle` (rules.md section 2, card page 1 "Osteoporose – Valg af medicinsk
 * behandling"), in Danish (the card's own terms) and English. The renderer appends the reasons
 * ("Begrundelse") and the findings with values and dates ("Grundlag"), so the advice says what to
 * do without repeating them. Line numbers refer to guideline/source-card-da.txt.
 */
import type { Reason } from '../../../contract/topics.js';
import { formatList } from '../../format.js';
import { bullets, has, paragraphs, reasonPhrases, texts } from '../text-helpers.js';
import type { Words } from '../vocabulary.js';

const LIFESTYLE_FOCUS: Readonly<Partial<Record<Reason, Words>>> = {
  smoker: { da: 'rygeophør', en: 'smoking cessation' },
  falls: { da: 'faldforebyggelse', en: 'falls prevention' },
  alcohol: { da: 'begræns alkoholindtag', en: 'limit alcohol' },
  'low-bmi': { da: 'kost uden energirestriktion', en: 'diet without energy restriction' },
};

export const boneHealthyLifestyleTexts = texts<'bone-healthy-lifestyle'>(
  { da: 'Knoglevenlig livsstil', en: 'Bone-healthy lifestyle' },
  (rec, lang) => {
    const focus = reasonPhrases(rec, LIFESTYLE_FOCUS, lang);
    if (focus.length > 0) {
      return lang === 'da'
        ? `Knoglevenlig livsstil: ${formatList(focus, 'da')} samt fysisk aktivitet`
        : `Bone-healthy lifestyle: ${formatList(focus, 'en')} and physical activity`;
    }
    return lang === 'da'
      ? 'Knoglevenlig livsstil: fysisk aktivitet, faldforebyggelse, rygeophør, begræns alkohol, sund og varieret kost'
      : 'Bone-healthy lifestyle: physical activity, falls prevention, no smoking, limit alcohol, a healthy varied diet';
  },
  (rec, lang) => {
    const da = lang === 'da';
    const mark = (reason: Reason, text: string): string => (has(rec, reason) ? `**${text}**` : text);
    const items = da
      ? [
          'Fysisk aktivitet (vægtbærende, styrke og balance). Se træningsøvelser på Osteoporoseforeningen.dk.',
          mark('falls', 'Faldforebyggelse (evt. hoftebeskyttere).'),
          mark('smoker', 'Rygeophør.'),
          mark('alcohol', 'Begrænse alkoholindtag.'),
          mark('low-bmi', 'Sund og varieret kost. Undgå energirestriktion som fx slankekure.'),
          'Evt. kommunale tilbud.',
        ]
      : [
          'Physical activity (weight-bearing, strength and balance). See the exercises at Osteoporoseforeningen.dk.',
          mark('falls', 'Falls prevention (consider hip protectors).'),
          mark('smoker', 'Stop smoking.'),
          mark('alcohol', 'Limit alcohol intake.'),
          mark('low-bmi', 'A healthy, varied diet. Avoid energy restriction such as slimming diets.'),
          'Consider municipal programmes.',
        ];
    const personal = has(rec, 'smoker', 'falls', 'alcohol', 'low-bmi');
    return paragraphs(
      da ? '**Non-farmakologisk (knoglevenlig livsstil)**' : '**Non-pharmacological (bone-healthy lifestyle)**',
      bullets(items),
      personal && (da ? 'Fremhævet: det, der gælder netop denne patient (se begrundelse).' : 'In bold: what applies to this patient (see reasons).'),
    );
  },
);
