/**
 * Words shared by the card texts of rules.md section 2 (card page 1): the text builder and the
 * phrases several topics use. Line numbers refer to guideline/source-card-da.txt.
 */
import type { Language } from '../../contract/language.js';
import type { Reason, Topic } from '../../contract/topics.js';
import type { Recommendation } from '../../contract/recommendations.js';
import { has } from './card-words.js';
import type { TopicText, TopicTexts } from './types.js';
import type { Words } from './vocabulary.js';

export type Build<T extends Topic> = (rec: Recommendation<T>, lang: Language) => string;

export function texts<T extends Topic>(title: Words, summary: Build<T>, detail: Build<T>): TopicTexts<T> {
  const one = (lang: Language): TopicText<T> => ({
    title: title[lang],
    summary: (rec) => summary(rec, lang),
    detail: (rec) => detail(rec, lang),
  });
  return { da: one('da'), en: one('en') };
}

export const FRACTURE_REASONS: readonly Reason[] = ['spine-fracture', 'hip-fracture', 'spine-fracture-possible', 'hip-fracture-possible'];
const DEFINITE_BASIS: readonly Reason[] = ['t-score', 'spine-fracture', 'hip-fracture', 't-score-with-risk-factor', 'glucocorticoid-t-score'];

/** The card fires only on a fracture whose mechanism is not recorded: "hvis lavenergibrud". */
export function onlyPossibleFracture(rec: Recommendation): boolean {
  return has(rec, 'spine-fracture-possible', 'hip-fracture-possible') && !has(rec, ...DEFINITE_BASIS);
}

/** l. 29-30. */
export const ANABOLIC: Words = {
  da: 'Overvej henvisning til anabol behandling ved lavenergibrud – se bagsiden (romosozumab eller teriparatid).',
  en: 'Consider referral for anabolic treatment after a low-energy fracture – see the back page (romosozumab or teriparatide).',
};

/** rules.md section 1: a fracture with no recorded mechanism counts only "if low-energy". */
export const IF_LOW_ENERGY: Words = {
  da: 'Bruddet er registreret uden oplysning om mekanisme: det tæller kun, **hvis det var et lavenergibrud** (fald fra stående højde eller mindre). Afklar mekanismen.',
  en: 'The fracture is recorded without its mechanism: it counts only **if it was a low-energy fracture** (a fall from standing height or less). Clarify the mechanism.',
};
