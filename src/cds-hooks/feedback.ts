/**
 * CDS Hooks 2.0.1 feedback request ({@link https://cds-hooks.hl7.org/2.0/#feedback}) as a zod
 * schema. Tolerated: an override reason with only a `code` (the sandbox sends no system/display),
 * unknown fields (never stored). Enforced: `cds-fb-2` (accepted ⇒ acceptedSuggestions), RFC 3339
 * timestamps, and bounds on everything stored (issue 13, finding 6: feedback is kept, so its size
 * must not be the caller's choice): ≤ 100 items per call, `userComment` ≤ 1,000 characters.
 */
import { z } from 'zod';

/** RFC 3339 date-time: seconds required, an offset (`Z` or ±hh:mm) required, fraction optional. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export function isRfc3339(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month === undefined || month < 1 || month > 12 || day === undefined || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year ?? 0, month, 0)).getUTCDate();
  // Second 60 is allowed for leap seconds.
  return day <= daysInMonth && (hour ?? 99) < 24 && (minute ?? 99) < 60 && (second ?? 99) <= 60 && Number.isFinite(Date.parse(value));
}

const nonEmpty = z.string().min(1, 'must be a non-empty string');
const bounded = (max: number): z.ZodString => nonEmpty.max(max, `must be at most ${max} characters`);

export const MAX_FEEDBACK_ITEMS = 100;
export const MAX_USER_COMMENT = 1000;

export const feedbackItemSchema = z
  .looseObject({
    card: z.guid({ error: 'must be the uuid of the card' }),
    outcome: z.enum(['accepted', 'overridden'], { error: 'must be "accepted" or "overridden"' }),
    acceptedSuggestions: z
      .array(z.looseObject({ id: bounded(200) }), { error: 'must be an array of {id}' })
      .max(100, 'must hold at most 100 suggestions')
      .optional(),
    overrideReason: z
      .looseObject({
        reason: z.looseObject({ code: bounded(200), system: bounded(1000).optional(), display: bounded(1000).optional() }).optional(),
        userComment: z.string().max(MAX_USER_COMMENT, `must be at most ${MAX_USER_COMMENT} characters`).optional(),
      })
      .optional(),
    outcomeTimestamp: z
      .string({ error: 'must be an RFC 3339 date-time' })
      .max(64, 'must be an RFC 3339 date-time, e.g. 2021-12-11T10:05:31Z')
      .refine(isRfc3339, 'must be an RFC 3339 date-time, e.g. 2021-12-11T10:05:31Z'),
  })
  // cds-fb-2: an accepted card names the suggestion(s) taken.
  .superRefine((item, ctx) => {
    if (item.outcome === 'accepted' && (item.acceptedSuggestions === undefined || item.acceptedSuggestions.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['acceptedSuggestions'], message: 'is required (non-empty) when the outcome is accepted' });
    }
  });

export const feedbackRequestSchema = z.looseObject({
  feedback: z.array(feedbackItemSchema, { error: 'must be an array of feedback items' }).min(1, 'must hold at least one item')
    .max(MAX_FEEDBACK_ITEMS, `must hold at most ${MAX_FEEDBACK_ITEMS} items per call`),
});

export type FeedbackItemInput = z.infer<typeof feedbackItemSchema>;
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;
