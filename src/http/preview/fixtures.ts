/**
 * The fixture patients for the preview page's pick list: every `fixtures/<scenario>/` with a
 * `request.json` and an `expected.json`, read once at start. Only these files are ever served
 * (by scenario name from this list — never a path from the request). A scenario that cannot be
 * read is left out and reported, so one broken fixture does not stop the service.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** What a clinician sees in the pick list, per language: a short name and one sentence. */
export interface PreviewLabel {
  readonly name: string;
  readonly description: string;
}

export interface PreviewFixture {
  readonly name: string;
  /** The developer's description (English, codes and rule names); the page shows `label`. */
  readonly description: string;
  readonly label: Readonly<Record<'da' | 'en', PreviewLabel>>;
  readonly service: string;
  readonly hook: string;
  /** The pinned "now" the scenario's expected cards hold for (RFC 3339). */
  readonly now: string;
  readonly expectedTopics: readonly string[];
  readonly patientId: string;
  /** The scenario also needs its own local codes (`terminology-site.json`, as CDS_TERMINOLOGY gives them). */
  readonly siteTerminology: boolean;
  /** The CDS Hooks request as stored. */
  readonly request: Readonly<Record<string, unknown>>;
}

const labelSchema = z.object({ name: z.string().min(1).max(120), description: z.string().min(1).max(200) });

const expectedSchema = z.object({
  service: z.string().min(1),
  now: z.string().min(1),
  description: z.string(),
  /** Optional so a new scenario still loads; test/preview checks every scenario has one. */
  preview: z.object({ da: labelSchema, en: labelSchema }).optional(),
  topics: z.array(z.string()),
});

const requestSchema = z.looseObject({
  hook: z.string().min(1),
  context: z.looseObject({ patientId: z.string().min(1) }),
});

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function loadPreviewFixtures(dir: string): { fixtures: PreviewFixture[]; problems: string[] } {
  const fixtures: PreviewFixture[] = [];
  const problems: string[] = [];
  if (!existsSync(dir)) return { fixtures, problems };
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && NAME.test(d.name))
    .map((d) => d.name)
    .sort();
  for (const name of names) {
    const requestPath = join(dir, name, 'request.json');
    const expectedPath = join(dir, name, 'expected.json');
    if (!existsSync(requestPath) || !existsSync(expectedPath)) continue;
    try {
      const expected = expectedSchema.parse(JSON.parse(readFileSync(expectedPath, 'utf8')));
      const raw: unknown = JSON.parse(readFileSync(requestPath, 'utf8'));
      const request = requestSchema.parse(raw);
      fixtures.push({
        name,
        description: expected.description,
        label: expected.preview ?? { da: { name, description: expected.description }, en: { name, description: expected.description } },
        service: expected.service,
        hook: request.hook,
        now: expected.now,
        expectedTopics: expected.topics,
        patientId: request.context.patientId,
        siteTerminology: existsSync(join(dir, name, 'terminology-site.json')),
        request,
      });
    } catch (err) {
      problems.push(`${name}: ${err instanceof Error ? err.message.split('\n')[0] : 'unreadable'}`);
    }
  }
  return { fixtures, problems };
}
