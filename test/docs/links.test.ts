/**
 * Every relative link in README.md, CHANGELOG.md and docs/*.md resolves to a file in the
 * repository, and a `#anchor` to a heading of the target Markdown file (GitHub's heading ids).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCS = [
  'README.md',
  'CHANGELOG.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Markdown without fenced code blocks and inline code (links there are examples, not links). */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingIds(markdown: string): Set<string> {
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const match of withoutFences.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = (match[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    ids.add(n === 0 ? base : `${base}-${n}`);
  }
  return ids;
}

interface Link {
  readonly file: string;
  readonly target: string;
}

function linksOf(file: string): Link[] {
  const text = prose(readFileSync(join(ROOT, file), 'utf8'));
  const links: Link[] = [];
  // [text](target "title") and ![alt](target); reference definitions [x]: target
  for (const m of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ file, target: m[1] ?? '' });
  for (const m of text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)) links.push({ file, target: m[1] ?? '' });
  return links.filter((l) => !/^[a-z][a-z0-9+.-]*:/i.test(l.target));
}

function problemOf(link: Link): string | undefined {
  const [path = '', anchor] = link.target.split('#');
  const target = path === '' ? join(ROOT, link.file) : resolve(dirname(join(ROOT, link.file)), decodeURIComponent(path));
  const shown = `${link.file}: ${link.target}`;
  if (!target.startsWith(ROOT)) return `${shown} leaves the repository`;
  if (!existsSync(target)) return `${shown} → ${relative(ROOT, target)} does not exist`;
  if (anchor === undefined || anchor === '') return undefined;
  if (!statSync(target).isFile() || !target.endsWith('.md')) return undefined;
  return headingIds(readFileSync(target, 'utf8')).has(anchor) ? undefined : `${shown}: no heading #${anchor} in ${relative(ROOT, target)}`;
}

describe('documentation links', () => {
  it('the project carries its own contract, configuration reference, operations guide and checklist', () => {
    for (const doc of ['service-contract.md', 'configuration.md', 'operations.md', 'production-checklist.md', 'terminology.md', 'cds-hooks.md']) {
      expect(existsSync(join(ROOT, 'docs', doc)), doc).toBe(true);
    }
  });

  it('every relative link of README.md, CHANGELOG.md and docs/*.md resolves (files and anchors)', () => {
    const links = DOCS.flatMap(linksOf);
    expect(links.length).toBeGreaterThan(20);
    expect(links.map(problemOf).filter((p) => p !== undefined)).toEqual([]);
  });

  it('the README links the contract', () => {
    expect(linksOf('README.md').map((l) => l.target)).toContain('docs/service-contract.md');
  });

  it('computes GitHub heading ids', () => {
    const ids = headingIds('# Site settings (`CDS_SITE_CONFIG`)\n## Backup and restore\n## Backup and restore\n```\n# not a heading\n```\n');
    expect([...ids]).toEqual(['site-settings-cds_site_config', 'backup-and-restore', 'backup-and-restore-1']);
  });
});
