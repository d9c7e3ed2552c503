/**
 * SuggestionSpec → CDS Hooks suggestion: a label the GP clicks and the FHIR actions it applies.
 * Replacing a draft order uses actions on that draft: `update` with the whole new resource, or
 * `delete` by `resourceId` + `create` (spec: deletes, then creates, then updates).
 */
import { v4 as uuidv4 } from 'uuid';
import type { Action, Suggestion } from '../cds-hooks/response.js';
import type { Performer } from '../facts/types.js';
import type { LabOrder } from '../contract/findings.js';
import { draftReplacedBy, type SuggestionSpec } from '../contract/suggestions.js';
import type { LocalDate } from '../time/local-date.js';
import { formatDate, formatList } from './format.js';
import { recordPlainText } from './record-text.js';
import { LAB } from './text/vocabulary.js';
import {
  DRUG_ORDERS,
  DXA_CODING,
  LAB_ORDERS,
  REFERRAL_CODING,
  REFERRAL_TEXT,
  ALSO_ANABOLIC,
  diagnosisCodings,
  medicationRequest,
} from './orders.js';
import type { UntrustedResource } from '../shared/json.js';
import { SCHEDULE_TEXT, swapMedication, withDrugDosage, withIntakeWords, withSchedule, type Resource } from './draft-updates.js';
import type { Language } from '../contract/language.js';

export interface SuggestionContext {
  readonly lang: Language;
  readonly patientRef: string;
  readonly today: LocalDate;
  readonly female: boolean;
  /** Draft orders of a prescribing hook, by their ref (`MedicationRequest/<id>`; cds-hooks/drafts.ts). */
  readonly drafts: ReadonlyMap<string, UntrustedResource>;
}


const LAB_NOTES = {
  'fasting-before-10': { da: 'Tages fastende før kl. 10.', en: 'Fasting, before 10 am.' },
  'before-infusion': { da: 'Før zoledronsyre-infusion.', en: 'Before the zoledronic acid infusion.' },
  'before-injection': { da: 'Før denosumab-injektion.', en: 'Before the denosumab injection.' },
} as const;

function labRequest(labs: readonly LabOrder[], ctx: SuggestionContext, note?: keyof typeof LAB_NOTES): Resource[] {
  return labs.map((lab) => ({
    resourceType: 'ServiceRequest',
    status: 'draft',
    intent: 'order',
    category: [{ coding: [{ system: 'http://snomed.info/sct', code: '108252007', display: 'Laboratory procedure' }] }],
    code: { coding: LAB_ORDERS[lab].codings.map((c) => ({ ...c })), text: LAB_ORDERS[lab].text[ctx.lang] },
    subject: { reference: ctx.patientRef },
    authoredOn: ctx.today,
    ...(note === undefined ? {} : { note: [{ text: LAB_NOTES[note][ctx.lang] }] }),
  }));
}

function performerRef(p: Performer | undefined): Record<string, unknown>[] | undefined {
  if (p === undefined) return undefined;
  const ref = { ...(p.reference === undefined ? {} : { reference: p.reference }), ...(p.display === undefined ? {} : { display: recordPlainText(p.display) }) };
  return Object.keys(ref).length === 0 ? undefined : [ref];
}

function serviceRequest(coding: { system: string; code: string; display?: string }, text: string, ctx: SuggestionContext, performer?: Performer): Resource {
  const performers = performerRef(performer);
  return {
    resourceType: 'ServiceRequest',
    status: 'draft',
    intent: 'order',
    code: { coding: [{ ...coding }], text },
    subject: { reference: ctx.patientRef },
    authoredOn: ctx.today,
    ...(performers === undefined ? {} : { performer: performers }),
  };
}

function create(resource: Resource, description: string): Action {
  return { type: 'create', description, resource };
}

/** The delete of a draft: "the original order" where another order takes its place, else the suggestion's own words (`description`). */
function deleteDraft(ref: string, lang: Language, description?: string): Action {
  return { type: 'delete', description: description ?? (lang === 'da' ? 'Fjern den oprindelige ordination' : 'Remove the original order'), resourceId: ref };
}

const REMINDER_WHAT = {
  'denosumab-injection': { da: 'Næste denosumab-injektion', en: 'Next denosumab injection' },
  'bone-marker': { da: 'Knoglemarkør (P1NP/CTX)', en: 'Bone marker (P1NP/CTX)' },
  dxa: { da: 'DXA-skanning', en: 'DXA scan' },
} as const;

const MARKER_REMINDER = {
  p1np: { da: 'Knoglemarkør (P1NP)', en: 'Bone marker (P1NP)' },
  ctx: { da: 'Knoglemarkør (CTX, fastende før kl. 10)', en: 'Bone marker (CTX, fasting before 10 am)' },
} as const;

/**
 * How the reminder's day reads: a DXA after a pause or on treatment is "no earlier than" that day
 * (card "DXA tidligst efter 2 år"), a bone marker is taken from it, and a denosumab injection is due
 * on it — 7 months being the limit (card "Der må max gå 7 måneder").
 */
const REMINDER_WHEN = {
  'denosumab-injection': { da: 'planlagt', en: 'due on' },
  'bone-marker': { da: 'fra', en: 'from' },
  dxa: { da: 'tidligst', en: 'no earlier than' },
} as const;

function labLabel(labs: readonly LabOrder[], lang: Language): string {
  const names = formatList(labs.map((l) => LAB[l][lang]), lang);
  return lang === 'da' ? `Bestil ${names}` : `Order ${names}`;
}

function withPerformer(label: string, p: Performer | undefined, lang: Language): string {
  if (p?.display === undefined) return label;
  const where = recordPlainText(p.display);
  return lang === 'da' ? `${label} – ${where} (samme sted som sidst)` : `${label} – ${where} (same department as last time)`;
}

/** A drug name inside a sentence: "Ordinér alendronat 70 mg", but "D3-vitamin" keeps its capital. */
function inSentence(name: string): string {
  const second = name.charAt(1);
  return second !== '' && second === second.toLowerCase() && second !== second.toUpperCase() ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** The draft a suggestion updates or deletes, if any. */
function draftActedOn(spec: SuggestionSpec): string | undefined {
  return spec.kind === 'fix-schedule' ? spec.draft : draftReplacedBy(spec);
}

/**
 * Whether the EHR can apply the suggestion: one that updates or deletes a draft sent without an id
 * (cds-hooks/drafts.ts) could not find it, and its create alone would leave both orders — the card
 * says what to do instead.
 */
export function canApply(spec: SuggestionSpec, ctx: SuggestionContext): boolean {
  const ref = draftActedOn(spec);
  if (ref === undefined) return true;
  const draft = ctx.drafts.get(ref);
  return draft === undefined || typeof draft.id === 'string';
}

/**
 * What of a suggestion the EHR can still apply when its draft came without an id: a referral that
 * replaces the draft keeps its referral (the GP removes the order by hand, the card says so); an
 * update or deletion of the draft itself has nothing left.
 */
export function applicablePart(spec: SuggestionSpec, ctx: SuggestionContext): SuggestionSpec | undefined {
  if (canApply(spec, ctx)) return spec;
  if (spec.kind !== 'referral') return undefined;
  const { replacesDraft: _, ...referral } = spec;
  return referral;
}

export function buildSuggestion(spec: SuggestionSpec, ctx: SuggestionContext): Suggestion {
  const { lang } = ctx;
  const da = lang === 'da';
  let label: string;
  let actions: Action[];
  let recommended: boolean | undefined;
  switch (spec.kind) {
    case 'prescribe': {
      const text = inSentence(DRUG_ORDERS[spec.drug].text[lang]);
      recommended = spec.recommended;
      const draft = spec.replaces === undefined ? undefined : ctx.drafts.get(spec.replaces.draft);
      if (spec.replaces !== undefined && draft !== undefined && spec.replaces.mode === 'update') {
        const dosed = spec.schedule === undefined ? '' : `, ${spec.schedule.doseMg} mg ${SCHEDULE_TEXT[spec.schedule.schedule][lang]}`;
        label = da ? `Skift til ${text}${dosed}` : `Switch to ${text}${dosed}`;
        const swapped = swapMedication(draft, spec, lang);
        const resource =
          spec.schedule !== undefined
            ? withSchedule(swapped, spec.replaces.draft, spec.schedule, lang)
            : spec.drugDosage === true
              ? withDrugDosage(swapped, spec.drug, lang)
              : spec.drug === 'alendronate-effervescent'
                ? withIntakeWords(swapped, spec.drug, lang)
                : swapped;
        actions = [{ type: 'update', description: label, resource }];
      } else if (spec.replaces !== undefined) {
        label = da ? `Skift til ${text}` : `Switch to ${text}`;
        // A new order is R4 whatever the draft's version (service contract: "Suggestions carry … FHIR R4 resources").
        actions = [deleteDraft(spec.replaces.draft, lang), create(medicationRequest(spec.drug, lang, ctx.patientRef, ctx.today), label)];
      } else {
        label = da ? `Ordinér ${text}` : `Prescribe ${text}`;
        actions = [create(medicationRequest(spec.drug, lang, ctx.patientRef, ctx.today), label)];
      }
      if (spec.withAnabolicReferral === true) {
        const referral = REFERRAL_TEXT['anabolic-treatment'][lang];
        actions = [...actions, create(serviceRequest(REFERRAL_CODING, referral, ctx), referral)];
        label = da ? `${label} + henvisning til vurdering af anabol behandling` : `${label} + referral for an anabolic treatment assessment`;
      }
      break;
    }
    case 'lab':
    case 'labs': {
      const labs = spec.kind === 'lab' ? [spec.lab] : spec.labs;
      label = labLabel(labs, lang);
      actions = labRequest(labs, ctx, spec.note).map((r) => create(r, label));
      break;
    }
    case 'referral': {
      const text = `${REFERRAL_TEXT[spec.to][lang]}${spec.alsoAnabolic === true ? ALSO_ANABOLIC[lang] : ''}`;
      label = withPerformer(text, spec.performer, lang);
      recommended = spec.recommended;
      // A ServiceRequest also in place of a DSTU2 draft (rules.md §5 "referrals as ServiceRequest").
      const request = create(serviceRequest(REFERRAL_CODING, text, ctx, spec.performer), label);
      actions = spec.replacesDraft === undefined ? [request] : [deleteDraft(spec.replacesDraft, lang), request];
      break;
    }
    case 'dxa': {
      const text = da ? 'DXA-skanning (knoglescanning af columna og hofte)' : 'DXA scan (bone densitometry of spine and hip)';
      label = withPerformer(da ? 'Henvis til DXA-skanning' : 'Refer for a DXA scan', spec.performer, lang);
      actions = [create(serviceRequest(DXA_CODING, text, ctx, spec.performer), label)];
      break;
    }
    case 'reminder': {
      // The marker the card asks for, when known (CTX under glucocorticoid): "P1NP/CTX" left the GP to choose.
      const what = spec.marker === undefined ? REMINDER_WHAT[spec.what][lang] : MARKER_REMINDER[spec.marker][lang];
      recommended = spec.recommended;
      // A date already past (an injection due since) is a reminder for today, not a Task due in the
      // past; the injection's own date stays in its words, as the card says it ("var planlagt"):
      // "planlagt <today>" had given one injection a third date beside the card's two.
      const past = spec.due < ctx.today;
      const due = past ? ctx.today : spec.due;
      const injectionDue = past && spec.what === 'denosumab-injection';
      const when = injectionDue
        ? da
          ? `var planlagt ${formatDate(spec.due, lang)} – gives nu`
          : `was due on ${formatDate(spec.due, lang)} – give it now`
        : `${REMINDER_WHEN[spec.what][lang]} ${formatDate(due, lang)}`;
      label = injectionDue
        ? da
          ? `Opret påmindelse: ${what} nu (var planlagt ${formatDate(spec.due, lang)})`
          : `Create reminder: ${what} now (was due on ${formatDate(spec.due, lang)})`
        : da
          ? `Opret påmindelse: ${what} ${formatDate(due, lang)}`
          : `Create reminder: ${what} ${formatDate(due, lang)}`;
      actions = [
        create(
          {
            resourceType: 'Task',
            status: 'requested',
            intent: 'order',
            description: `${what} – ${when}. ${da ? 'Kontakt patienten, også hvis vedkommende ikke kommer.' : 'Contact the patient even if they do not come.'}`,
            for: { reference: ctx.patientRef },
            authoredOn: ctx.today,
            restriction: { period: { start: due } },
          },
          label,
        ),
      ];
      break;
    }
    case 'diagnosis': {
      label = da ? 'Tilføj diagnosen osteoporose til problemlisten' : 'Add osteoporosis to the problem list';
      actions = [
        create(
          {
            resourceType: 'Condition',
            clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
            verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
            category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
            code: { coding: diagnosisCodings(spec.withFracture, ctx.female && spec.causeOpen !== true).map((c) => ({ ...c })), text: da ? 'Osteoporose' : 'Osteoporosis' },
            subject: { reference: ctx.patientRef },
            recordedDate: ctx.today,
            ...(spec.fractures === undefined ? {} : { evidence: [{ detail: spec.fractures.map((reference) => ({ reference })) }] }),
          },
          label,
        ),
      ];
      break;
    }
    case 'fix-schedule': {
      const words = SCHEDULE_TEXT[spec.schedule];
      const from = spec.from === undefined ? '' : da ? ` fra ${formatDate(spec.from, lang)}` : ` from ${formatDate(spec.from, lang)}`;
      label = da ? `Ret doseringen: ${spec.doseMg} mg ${words.da}${from}` : `Correct the dosing: ${spec.doseMg} mg ${words.en}${from}`;
      recommended = true;
      actions = [{ type: 'update', description: label, resource: withSchedule(ctx.drafts.get(spec.draft), spec.draft, spec, lang) }];
      break;
    }
    case 'remove-draft': {
      label = spec.pause === true ? (da ? 'Behandlingspause: fjern ordinationen' : 'Treatment pause: remove the order') : da ? 'Fjern ordinationen' : 'Remove the order';
      recommended = spec.recommended;
      // Nothing replaces it: "the original order" read as the order already in use, not the draft.
      actions = [deleteDraft(spec.draft, lang, label)];
      break;
    }
  }
  return { label, uuid: uuidv4(), ...(recommended === true ? { isRecommended: true } : {}), actions };
}
