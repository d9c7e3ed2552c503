/**
 * Card text of `bone-healthy-lifestyle` (rules.md section 2, card page 1 l. 84-94 "Non-farmakologisk
 * (knoglevenlig livsstil)"), in Danish (the card's own terms) and English. The summary names what
 * applies to this patient first; the detail is the card's list with those points in bold.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import type { Reason } from '../../../contract/topics.js';
import { formatList } from '../../format.js';
import { bullets, has, reasonPhrases } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

const LIFESTYLE_FOCUS: Readonly<Partial<Record<Reason, Words>>> = {
  smoker: { da: 'rygeophør', en: 'no smoking' },
  falls: { da: 'faldforebyggelse', en: 'falls prevention' },
  alcohol: { da: 'mindre alkohol', en: 'less alcohol' },
  'low-bmi': { da: 'ingen slankekure', en: 'no slimming diets' },
};

/**
 * Physical activity and the patient's own points (two at most: the reasons list them all), or
 * without any the card's list.
 */
function advice(rec: Recommendation, lang: Language): string {
  const focus = reasonPhrases(rec, LIFESTYLE_FOCUS, lang);
  const activity = lang === 'da' ? 'Fysisk aktivitet' : 'Physical activity';
  if (focus.length > 2) return `${[activity, ...focus.slice(0, 2)].join(', ')} ${lang === 'da' ? 'm.fl.' : 'and more'}`;
  if (focus.length > 0) return formatList([activity, ...focus], lang);
  return lang === 'da'
    ? 'Fysisk aktivitet, faldforebyggelse, rygeophør, mindre alkohol og varieret kost'
    : 'Physical activity, falls prevention, no smoking, less alcohol and a varied diet';
}

/** A point of the card's list, in bold when it applies to this patient. */
const mark = (rec: Recommendation, reason: Reason, text: string): string => (has(rec, reason) ? `**${text}**` : text);

export const boneHealthyLifestyleTexts: TopicTexts<'bone-healthy-lifestyle'> = {
  da: {
    title: 'Knoglevenlig livsstil',
    summary: (rec) => advice(rec, 'da'),
    detail: (rec) =>
      bullets([
        'Fysisk aktivitet (vægtbærende, styrke og balance). Se træningsøvelser på Osteoporoseforeningen.dk.',
        mark(rec, 'falls', 'Faldforebyggelse (evt. hoftebeskyttere).'),
        mark(rec, 'smoker', 'Rygeophør.'),
        mark(rec, 'alcohol', 'Begrænse alkoholindtag.'),
        mark(rec, 'low-bmi', 'Sund og varieret kost. Undgå energirestriktion som fx slankekure.'),
        'Evt. kommunale tilbud.',
      ]),
  },
  en: {
    title: 'Bone-healthy lifestyle',
    summary: (rec) => advice(rec, 'en'),
    detail: (rec) =>
      bullets([
        'Physical activity (weight-bearing, strength and balance). See the exercises at Osteoporoseforeningen.dk.',
        mark(rec, 'falls', 'Falls prevention (consider hip protectors).'),
        mark(rec, 'smoker', 'Stop smoking.'),
        mark(rec, 'alcohol', 'Limit alcohol intake.'),
        mark(rec, 'low-bmi', 'A healthy, varied diet. Avoid energy restriction such as slimming diets.'),
        'Consider municipal programmes.',
      ]),
  },
};
