import type { Language } from '../contract/language.js';
/**
 * Card language: the first of `da`/`en` in the request's Accept-Language by quality order
 * (RFC 9110 §12.5.4; `da-DK` counts as `da`, `q=0` means "not acceptable"); otherwise the
 * configured default (CDS_LANGUAGE).
 */

const SUPPORTED: readonly Language[] = ['da', 'en'];

function isLanguage(tag: string): tag is Language {
  return (SUPPORTED as readonly string[]).includes(tag);
}

export function chooseLanguage(acceptLanguage: string | undefined, fallback: Language): Language {
  if (acceptLanguage === undefined) return fallback;
  const ranges = acceptLanguage
    .split(',')
    .slice(0, 50)
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { primary: range.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranges) {
    if (isLanguage(r.primary)) return r.primary;
  }
  return fallback;
}
