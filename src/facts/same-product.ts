/**
 * Whether two medication records are the same product — for telling a product's own last dose
 * from a switch to another on the day of a stop (courses.ts `isLastDoseOf`).
 */
import type { DrugIdentity } from './types.js';

/** Words (of four letters or more) of a product text that name the drug, its form or route, not a brand. */
const NOT_BRAND = new Set([
  'denosumab', 'zoledronsyre', 'zoledronic', 'acid', 'alendronat', 'alendronate', 'risedronat', 'risedronate', 'ibandronat', 'ibandronate',
  'injektion', 'injection', 'injektionsvæske', 'opløsning', 'solution', 'fyldt', 'injektionssprøjte', 'sprøjte', 'syringe', 'prefilled',
  'infusion', 'infusionsvæske', 'subkutan', 'subcutaneous', 'tablet', 'tabletter', 'tablets', 'brusetablet', 'dose', 'dosis',
]);

/**
 * The same product: the same drug, Prolia or not, and not two different brand names — "Obodence
 * 60 mg" and "Zadenvi" are two biosimilars (a switch); "Inj. Prolia 60 mg", "Prolia" and
 * "Denosumab (Prolia) 60 mg" one product; a text naming no brand ("Denosumab 60 mg") says nothing
 * against it [choice].
 */
export function sameProduct(a: DrugIdentity, b: DrugIdentity): boolean {
  if (a.drug !== b.drug || a.brandProlia !== b.brandProlia) return false;
  const brandsA = brandWords(a.text);
  const brandsB = brandWords(b.text);
  return brandsA.length === 0 || brandsB.length === 0 || brandsA.some((w) => brandsB.includes(w));
}

/** Words of a product text that are neither the drug, its form, route nor strength: the brand, if any. */
function brandWords(text: string | undefined): string[] {
  if (text === undefined) return [];
  return (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !NOT_BRAND.has(w));
}
