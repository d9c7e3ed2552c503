/**
 * Links to the bone-health overview app (/app/, issue #17) on every card about the course of
 * treatment: the follow-up topics (markers, DXA, pause, denosumab, zoledronic acid, referral), the
 * treatment card, and the prescribing cards about an ongoing course. Two links each:
 *
 * - `smart`: `<base>/app/launch.html`, which the EHR launches with `iss` and `launch`;
 * - `absolute`: `<base>/app/seen.html?id=<random id>` for EHRs that cannot launch SMART apps —
 *   the overview of what this call saw, kept by the service for a short time under that id. The
 *   id is random, so the URL carries no patient data.
 *
 * `base` is the evaluation's `baseUrl` — the one the guideline links use (the protocol layer's
 * `serviceBase`). Added after rendering so the card texts stay untouched.
 */
import { shownTopics, type Card, type Link } from '../cds-hooks/response.js';
import { FOLLOW_UP_TOPICS, type Topic } from '../contract/topics.js';
import type { Language } from '../contract/language.js';

export const APP_LINK_TOPICS: ReadonlySet<Topic> = new Set<Topic>([...FOLLOW_UP_TOPICS, 'treatment-indicated', 'rx-duplicate-antiresorptive', 'rx-denosumab-schedule']);

export interface AppLinkTarget {
  /** The service's public base URL, no trailing slash. */
  readonly base: string;
  /** The id the call's overview is kept under. */
  readonly seenId: string;
  readonly lang: Language;
}

const LABELS = {
  smart: { da: 'Åbn knoglesundhedsoverblikket (SMART-app)', en: 'Open the bone-health overview (SMART app)' },
  absolute: { da: 'Overblik over det, kortet så', en: 'Overview of what the card saw' },
} as const;

export function appLinks(target: AppLinkTarget): readonly Link[] {
  return [
    { label: LABELS.smart[target.lang], url: `${target.base}/app/launch.html`, type: 'smart' },
    { label: LABELS.absolute[target.lang], url: `${target.base}/app/seen.html?id=${encodeURIComponent(target.seenId)}`, type: 'absolute' },
  ];
}

/** The card's topic or one folded into it (composition) is about the course. */
function concernsCourse(card: Card): boolean {
  return shownTopics(card).some((code) => APP_LINK_TOPICS.has(code as Topic));
}

/** The cards with the app links added to those about the course; the others unchanged. */
export function withAppLinks(cards: readonly Card[], target: AppLinkTarget): Card[] {
  const links = appLinks(target);
  return cards.map((card) => (concernsCourse(card) ? { ...card, links: [...(card.links ?? []), ...links] } : card));
}

export function hasAppLink(card: Card): boolean {
  return card.links?.some((l) => l.type === 'smart' && l.url.endsWith('/app/launch.html')) ?? false;
}
