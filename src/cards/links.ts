/**
 * Links from the card's back page (rules.md section 5), chosen per topic: patient information
 * where the GP talks to the patient, professional guidance where the GP decides.
 * A site may replace the URLs or labels (CDS_SITE_CONFIG `links`).
 */
import type { Link } from '../cds-hooks/response.js';
import type { Topic } from '../contract/topics.js';
import type { Words } from './text/vocabulary.js';
import type { Language } from '../contract/language.js';

export const LINK_KEYS = [
  'osteoporoseforeningen',
  'osteoporoseforeningen-exercise',
  'patienthaandbogen',
  'apoteket',
  'sst',
  'dsam',
  'dsam-lifestyle',
  'dsam-workup',
  'des-nbv',
  'pathway',
] as const;
export type LinkKey = (typeof LINK_KEYS)[number];

export interface LinkDefinition {
  readonly label: Words;
  readonly url: string;
}

export const DEFAULT_LINKS: Readonly<Record<LinkKey, LinkDefinition>> = {
  osteoporoseforeningen: { label: { da: 'Osteoporoseforeningen (patientinformation)', en: 'Danish Osteoporosis Association (patient information)' }, url: 'https://www.osteoporose.dk/' },
  'osteoporoseforeningen-exercise': { label: { da: 'Knoglesund hverdag og træningsøvelser (Osteoporoseforeningen)', en: 'Bone-healthy everyday life and exercises (Osteoporosis Association)' }, url: 'https://www.osteoporose.dk/knoglesund-hverdag/' },
  patienthaandbogen: { label: { da: 'Patienthåndbogen: Knogleskørhed', en: 'Patient handbook: osteoporosis (sundhed.dk)' }, url: 'https://www.sundhed.dk/borger/patienthaandbogen/hormoner-og-stofskifte/sygdomme/knogleskoerhed-osteoporose/' },
  apoteket: { label: { da: 'Apoteket.dk: Knogleskørhed', en: 'Apoteket.dk: osteoporosis' }, url: 'https://www.apoteket.dk/knogleskoer' },
  sst: { label: { da: 'Sundhedsstyrelsen: At leve med osteoporose', en: 'Danish Health Authority: living with osteoporosis' }, url: 'https://www.sst.dk/da/Borger/Sygdomme-og-lidelser/At-leve-med-muskel--og-skeletlidelser/Osteoporose' },
  dsam: { label: { da: 'DSAM-vejledning: Osteoporose', en: 'DSAM guideline: osteoporosis' }, url: 'https://www.dsam.dk/vejledninger/osteoporose' },
  'dsam-lifestyle': { label: { da: 'DSAM kap. 3: Forebyggelse og knoglevenlig livsstil', en: 'DSAM ch. 3: prevention and bone-healthy lifestyle' }, url: 'https://www.dsam.dk/vejledninger/osteoporose/3-forebyggelse-og-knoglevenlig-livsstil' },
  'dsam-workup': { label: { da: 'DSAM kap. 4: Hvornår overvejes udredning for osteoporose', en: 'DSAM ch. 4: when to consider osteoporosis work-up' }, url: 'https://www.dsam.dk/vejledninger/osteoporose/4-hvornar-overvejes-udredning-for-osteoporose' },
  'des-nbv': { label: { da: 'Dansk Endokrinologisk Selskab: NBV calcium- og knoglemetabolisme', en: 'Danish Endocrine Society: calcium and bone metabolism guideline' }, url: 'https://endocrinology.dk/nbv/calcium-og-knoglemetabolisme/' },
  pathway: { label: { da: 'Forløbsbeskrivelse: Osteoporose (sundhed.dk)', en: 'Regional pathway: osteoporosis (sundhed.dk)' }, url: 'https://www.sundhed.dk/sundhedsfaglig/information-til-praksis/hovedstaden/almen-praksis/patientbehandling/patientforloeb/forloebsbeskrivelser-icpc/l-muskel-skelet-system/osteoporose/' },
};

const PATIENT: readonly LinkKey[] = ['osteoporoseforeningen', 'patienthaandbogen'];

export const TOPIC_LINKS: Readonly<Record<Topic, readonly LinkKey[]>> = {
  'diagnosis-criteria-met': ['dsam', 'pathway', ...PATIENT],
  'treatment-indicated': ['dsam', 'pathway', 'apoteket', ...PATIENT],
  'risk-factor-review': ['dsam-workup', 'dsam'],
  'pretreatment-checks': ['dsam', 'pathway'],
  'vitamin-d-before-dxa': ['dsam-workup', 'dsam'],
  'vitamin-d-calcium': ['dsam-lifestyle', 'patienthaandbogen'],
  'bone-healthy-lifestyle': ['osteoporoseforeningen-exercise', 'dsam-lifestyle', 'sst'],
  'dxa-workup-suggested': ['dsam-workup', 'pathway'],
  'btm-follow-up-due': ['dsam', 'pathway'],
  'btm-response-adequate': ['dsam'],
  'btm-response-inadequate': ['dsam', 'des-nbv'],
  'switch-to-parenteral': ['dsam', 'des-nbv', 'pathway'],
  'dxa-follow-up-due': ['dsam', 'pathway'],
  'bisphosphonate-pause-candidate': ['dsam', 'des-nbv'],
  'bisphosphonate-continue': ['dsam', 'des-nbv'],
  'bisphosphonate-pause-review': ['dsam', 'pathway'],
  'bisphosphonate-ten-years': ['dsam', 'des-nbv'],
  'denosumab-injection-due': ['dsam', 'apoteket'],
  'denosumab-overdue': ['dsam', 'des-nbv'],
  'denosumab-stopped': ['des-nbv', 'dsam', 'pathway'],
  'zoledronic-acid-infusion-due': ['dsam', 'des-nbv'],
  'anabolic-treatment-consideration': ['des-nbv', 'dsam', 'pathway'],
  'endocrinology-referral': ['des-nbv', 'pathway', 'dsam'],
  'btm-interfering-medication': ['dsam'],
  'rx-egfr-too-low': ['dsam', 'des-nbv'],
  'rx-hypocalcaemia': ['dsam', 'des-nbv'],
  'rx-vitamin-d-low': ['dsam'],
  'rx-lab-missing': ['dsam'],
  'rx-start-checklist': ['dsam', 'apoteket', ...PATIENT],
  'rx-oral-contraindicated': ['dsam'],
  'rx-swallowing-difficulty': ['dsam', 'apoteket'],
  'rx-duplicate-antiresorptive': ['dsam'],
  'rx-denosumab-biosimilar': ['dsam'],
  'rx-denosumab-schedule': ['dsam', 'des-nbv'],
  'rx-glucocorticoid-bone-protection': ['dsam', 'des-nbv'],
  'rx-calcium-carbonate-ppi': ['dsam-lifestyle'],
  'rx-bisphosphonate-duration': ['dsam', 'des-nbv'],
  'rx-anabolic-specialist': ['des-nbv'],
  'rx-dose-interval': ['dsam', 'apoteket'],
  'data-unavailable': [],
};

export function linksFor(topic: Topic, lang: Language, links: Readonly<Record<LinkKey, LinkDefinition>>): Link[] {
  return TOPIC_LINKS[topic].map((key) => ({ label: links[key].label[lang], url: links[key].url, type: 'absolute' as const }));
}

const READ_MORE: Words = { da: 'Læs mere', en: 'Read more' };

/** The topic's guideline page on this service (`GET /guideline/{topic}`), in the card's language. */
export function guidelineLink(topic: Topic, title: string, lang: Language, base: string): Link {
  return { label: `${READ_MORE[lang]}: ${title}`, url: `${base}/guideline/${topic}?lang=${lang}`, type: 'absolute' };
}
