/**
 * Values taken from the record (performer names, units, references as sent) on their way into
 * card texts (rules.md section 6; service contract, "Values from the record"). EHRs may render
 * `detail` markdown as HTML, so a name such as `<img src=x onerror=…> [Log in](https://…)` must
 * arrive as text, never as markup or a link:
 * - `recordMarkdown` for `detail`: HTML characters as entities, markdown characters behind a
 *   backslash, line breaks as spaces;
 * - `recordPlainText` for plain-text fields (summary, suggestion labels, resource descriptions
 *   and displays): markup characters removed;
 * - both cut to RECORD_TEXT_LIMIT characters (an ellipsis marks the cut).
 * Every record value enters a card text through one of these two.
 */

/** Characters of a record value shown on a card [choice]: enough for a department's name. */
export const RECORD_TEXT_LIMIT = 100;

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// Inline markdown only: a value never starts a line (line breaks are gone), so list and heading
// markers there are plain text; an escaped `[` or `]` means no link or image can form.
const MARKDOWN_SPECIAL = new Set(['\\', '`', '*', '_', '[', ']', '#', '!', '|', '~']);
const MARKUP = new Set(['<', '>', '&', '"', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '|', '~', '\\', '!']);

/** Line breaks and other control characters become spaces; runs of spaces become one; cut to the limit. */
function tidy(value: string): string {
  let out = '';
  let space = false;
  // One character past the limit is enough to know it must be cut: a value of megabytes (free text
  // is answered up to the body limit) is not copied whole.
  let kept = 0;
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    const blank = code <= 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
    if (blank) {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
    if (++kept > RECORD_TEXT_LIMIT) break;
  }
  const chars = [...out];
  return chars.length <= RECORD_TEXT_LIMIT ? out : `${chars.slice(0, RECORD_TEXT_LIMIT - 1).join('').trimEnd()}…`;
}

/** A record value for markdown (`detail`): shown as the text it is. */
export function recordMarkdown(value: string): string {
  let out = '';
  for (const ch of tidy(value)) {
    const entity = HTML_ENTITIES[ch];
    if (entity !== undefined) out += entity;
    else out += MARKDOWN_SPECIAL.has(ch) ? `\\${ch}` : ch;
  }
  return out;
}

/** A record value for a plain-text field: markup characters removed. */
export function recordPlainText(value: string): string {
  let out = '';
  for (const ch of tidy(value)) if (!MARKUP.has(ch)) out += ch;
  return tidy(out);
}
