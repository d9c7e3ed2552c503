/**
 * Values from the record in card texts (rules.md section 6 last bullet; issue 13 finding 8): a
 * performer name that carries HTML and a markdown link arrives as text in `detail`, without
 * markup in labels and resource descriptions, and cut to a sane length.
 */
import { describe, expect, it } from 'vitest';
import { recordMarkdown, recordPlainText, RECORD_TEXT_LIMIT } from '../../src/cards/record-text.js';
import { buildSuggestion, type SuggestionContext } from '../../src/cards/suggestions.js';
import { formatFinding } from '../../src/cards/text/findings.js';

const EVIL = '<img src=x onerror=alert(1)> [Log in](https://evil.example/login) **Hvidovre**\n# Overskrift';
const ctx: SuggestionContext = { lang: 'da', patientRef: 'Patient/p1', today: '2026-11-26', female: true, drafts: new Map() };

/** No HTML tag, no markdown link or image, no emphasis and no heading can form. */
function inertMarkdown(text: string): void {
  expect(text).not.toMatch(/<[a-z/!]/i);
  expect(text).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
  expect(text).not.toMatch(/(?<!\\)\*\*/);
  expect(text).not.toContain('\n');
}

describe('record values in card texts', () => {
  it('detail: HTML as entities, markdown escaped, line breaks gone', () => {
    const shown = recordMarkdown(EVIL);
    inertMarkdown(shown);
    expect(shown).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(shown).toContain('\\[Log in\\](https://evil.example/login)');
    expect(recordMarkdown('Klinisk Biokemisk Afdeling, Hvidovre Hospital')).toBe('Klinisk Biokemisk Afdeling, Hvidovre Hospital');
  });

  it('plain-text fields: markup characters removed', () => {
    const shown = recordPlainText(EVIL);
    expect(shown).not.toMatch(/[<>[\]*#`\n]/);
    expect(shown).toContain('Log in');
    expect(recordPlainText('Røntgenafdelingen, Herlev Hospital')).toBe('Røntgenafdelingen, Herlev Hospital');
  });

  it('cuts long values', () => {
    expect([...recordMarkdown('a'.repeat(100_000))].length).toBeLessThanOrEqual(RECORD_TEXT_LIMIT);
    expect([...recordPlainText('ø'.repeat(100_000))].length).toBeLessThanOrEqual(RECORD_TEXT_LIMIT);
    // Megabytes (free text is answered up to the body limit): read only as far as the cut.
    const shown = recordPlainText(`  Klinisk  Biokemisk ${'Afdeling '.repeat(1_000_000)}`);
    expect(shown.startsWith('Klinisk Biokemisk Afdeling Afdeling')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect([...shown].length).toBeLessThanOrEqual(RECORD_TEXT_LIMIT);
    expect(recordPlainText('a'.repeat(RECORD_TEXT_LIMIT))).toBe('a'.repeat(RECORD_TEXT_LIMIT));
  });

  it("a DXA finding's performer reaches the detail escaped", () => {
    const line = formatFinding({ kind: 'dxa', date: '2024-03-01', performer: { display: EVIL } }, 'da');
    inertMarkdown(line);
    expect(line).toContain('&lt;img');
  });

  it('a referral label, its ServiceRequest description and performer display carry no markup', () => {
    const suggestion = buildSuggestion({ kind: 'dxa', performer: { reference: 'Organization/o1', display: EVIL } }, ctx);
    expect(suggestion.label).not.toMatch(/[<>[\]*#\n]/);
    const action = suggestion.actions?.[0];
    if (action === undefined || action.type === 'delete') throw new Error('expected a create action');
    expect(action.description).not.toMatch(/[<>[\]*#\n]/);
    expect(JSON.stringify(action.resource)).not.toMatch(/<img|\[Log in\]/);
  });
});
