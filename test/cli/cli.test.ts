/**
 * `osteo-cds evaluate`: the cards for one patient file without a server — readable or JSON,
 * for patient-view and a prescribing hook with a draft file — and a one-line message with exit
 * status 2 for every input mistake.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'osteo-cli-'));
const write = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/${name}/request.json`, import.meta.url));

/** The sandbox man's record as a plain Bundle (what an export from an EHR looks like). */
function sandboxManBundle(): object {
  const request = JSON.parse(readFileSync(fixture('facts-sandbox-man'), 'utf8')) as { prefetch: Record<string, unknown> };
  const resources: unknown[] = [];
  for (const value of Object.values(request.prefetch)) {
    if (value === null || typeof value !== 'object') continue;
    const v = value as { resourceType: string; entry?: { resource: unknown }[] };
    if (v.resourceType === 'Bundle') resources.push(...(v.entry ?? []).map((e) => e.resource));
    else resources.push(v);
  }
  return { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) };
}
const bundleFile = write('sandbox-man-bundle.json', sandboxManBundle());
const proliaFile = write('prolia.json', {
  resourceType: 'MedicationRequest',
  status: 'draft',
  intent: 'order',
  subject: { reference: 'Patient/smart-1288992' },
  medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'M05BX04' }], text: 'Prolia 60 mg injektionsvæske' },
});

async function runAt(at: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runWith({}, at, ...argv);
}

async function runWith(env: Record<string, string>, at: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env,
    now: () => new Date(at),
  });
  return { code, out, err };
}

const run = (...argv: string[]) => runAt('2026-11-26T10:00:00+01:00', ...argv);

/** Every topic of the answer, folded ones included (rules.md section 6). */
const topicsOf = (json: string): string[] =>
  (JSON.parse(json) as { cards: { source: { topic: { code: string } }; extension: Record<string, unknown> }[] }).cards
    .flatMap((c) => (c.extension['osteo-cds.topics'] as string[] | undefined) ?? [c.source.topic.code])
    .sort();

describe('osteo-cds evaluate', () => {
  it('prints the cards of a CDS Hooks request file readably', async () => {
    const { code, out, err } = await run('evaluate', fixture('facts-sandbox-man'), '--lang', 'en');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^osteo-cds · patient-view · Patient\/smart-1288992 · 2026-11-26 · en\n1 card\n/);
    expect(out).toContain('**Vitamin D and calcium:**'.replace(/\*\*/g, '')); // the folded companion's section
    expect(out).toContain('topics: btm-follow-up-due + vitamin-d-calcium');
    expect(out).toContain('   - Order P1NP [create ServiceRequest]');
    expect(out).toContain('Reasons: three-months-on-treatment, fracture-before-start, no-vitamin-d-supplement, ppi-user');
    expect(out).not.toContain('**');
  });

  it('reads a plain Bundle of the patient’s resources and prints JSON with --json', async () => {
    const { code, out } = await run('evaluate', bundleFile, '--json', '--now', '2026-11-26');
    expect(code).toBe(0);
    expect(topicsOf(out)).toEqual(['btm-follow-up-due', 'vitamin-d-calcium']);
  });

  it('a P1NP reported as ">20" after a baseline of 60 is no fall of 67 %: the marker is asked for again, the bound named — not "continue treatment"', async () => {
    const request = JSON.parse(readFileSync(fixture('follow-up-btm-persistent-insufficient-fall'), 'utf8')) as { prefetch: { observations: { entry: { resource: Record<string, unknown> }[] } } };
    const observations = request.prefetch.observations;
    observations.entry = observations.entry.filter((e) => e.resource.id !== 'p1np-recheck');
    const first = observations.entry.find((e) => e.resource.id === 'p1np-3mo')!.resource;
    delete first.valueQuantity;
    first.valueString = '>20 ng/mL';
    const file = write('p1np-gt20.json', request);
    const json = await run('evaluate', file, '--json', '--now', '2026-11-26');
    expect(topicsOf(json.out)).toEqual(['btm-follow-up-due']);
    const text = await run('evaluate', file, '--now', '2026-11-26', '--lang', 'en');
    expect(text.out).toContain('Value not used – reported only as >20 µg/L, which does not tell whether the bone marker fell more than 30 % or is below the premenopausal mean: P1NP (20 Apr 2026)');
    expect(text.out).not.toContain('Continue treatment');
  });

  it('heads the cards with the Danish date they were evaluated on (00:30 in Denmark is the next day in UTC terms)', async () => {
    const { out } = await runAt('2026-10-31T23:30:00Z', 'evaluate', bundleFile);
    expect(out).toContain('· 2026-11-01 · da\n');
  });

  it('links each card to its guideline page ("Læs mere") when CDS_PUBLIC_URL names the service, as the service does', async () => {
    const file = fixture('initiation-first-choice-alendronate');
    const linked = await runWith({ CDS_PUBLIC_URL: 'https://cds.example.dk/, https://other.example.dk' }, '2026-11-26T10:00:00+01:00', 'evaluate', file, '--json');
    const links = (JSON.parse(linked.out) as { cards: { links?: { url: string }[] }[] }).cards.map((c) => c.links?.[0]?.url);
    expect(links.length).toBeGreaterThan(0);
    for (const url of links) expect(url).toMatch(/^https:\/\/cds\.example\.dk\/guideline\/[a-z-]+/);
    expect((await run('evaluate', file, '--json')).out).not.toContain('/guideline/');
    expect((await runWith({ CDS_PUBLIC_URL: 'ftp://x' }, '2026-11-26T10:00:00+01:00', 'evaluate', file)).code).toBe(2);
  });

  it('speaks Danish by default', async () => {
    const { out } = await run('evaluate', bundleFile);
    expect(out).toContain('· da\n');
    expect(out).toContain('Begrundelse');
  });

  it('evaluates a draft order for a prescribing hook (order-sign when --draft is given)', async () => {
    const { code, out } = await run('evaluate', bundleFile, '--draft', proliaFile, '--json');
    expect(code).toBe(0);
    const topics = topicsOf(out);
    expect(topics).toContain('rx-denosumab-biosimilar');
    expect(topics.every((t) => t.startsWith('rx-'))).toBe(true);
    const readable = await run('evaluate', bundleFile, '--draft', proliaFile, '--hook', 'order-select', '--lang', 'en');
    expect(readable.out).toMatch(/^osteo-cds · order-select · /);
  });

  it('a draft without an id is read as the service reads it: named by its place, never updated or deleted by a made-up id', async () => {
    const { code, out } = await run('evaluate', bundleFile, '--draft', proliaFile, '--json');
    expect(code).toBe(0);
    expect(out).not.toContain('MedicationRequest/draft-1');
    const cards = (JSON.parse(out) as { cards: { extension: Record<string, unknown>; suggestions?: { actions?: { type: string; resourceId?: string }[] }[] }[] }).cards;
    expect(cards.flatMap((c) => c.extension['osteo-cds.evidence'] as string[])).toContain('urn:osteo-cds:draft-order:1');
    expect(cards.flatMap((c) => (c.suggestions ?? []).flatMap((sg) => sg.actions ?? [])).filter((a) => a.type !== 'create')).toEqual([]);
  });

  it('a draft Bundle keeps its entries\' urn:uuid fullUrls: an order naming its Medication by one is read (alendronate 70 mg daily)', async () => {
    const medUrl = 'urn:uuid:7f3c2a10-1b2c-4d5e-8f90-0123456789ab';
    const drafts = write('uuid-drafts.json', {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: medUrl, resource: { resourceType: 'Medication', code: { coding: [{ system: 'http://www.whocc.no/atc', code: 'M05BA04' }], text: 'Alendronat 70 mg' } } },
        {
          resource: {
            resourceType: 'MedicationRequest',
            id: 'aln-daily',
            status: 'draft',
            intent: 'order',
            medicationReference: { reference: medUrl },
            dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 70, unit: 'mg' } }] }],
          },
        },
      ],
    });
    const { code, out } = await run('evaluate', bundleFile, '--draft', drafts, '--json');
    expect(code).toBe(0);
    expect(topicsOf(out)).toContain('rx-dose-interval');
  });

  it('a record Bundle keeps its entries\' urn:uuid fullUrls: injections naming their Medication by one are read (denosumab overdue)', async () => {
    const medUrl = 'urn:uuid:5a1e7c20-2b3c-4d5e-9f80-0123456789cd';
    const given = (id: string, date: string) => ({
      resource: { resourceType: 'MedicationAdministration', id, status: 'completed', subject: { reference: 'Patient/p1' }, medicationReference: { reference: medUrl }, effectiveDateTime: date },
    });
    const bundle = write('uuid-record.json', {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:5a1e7c20-2b3c-4d5e-9f80-0123456789ce', resource: { resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1950-02-01' } },
        given('inj1', '2025-03-03'),
        given('inj2', '2025-09-01'),
        given('inj3', '2026-03-02'),
        { fullUrl: medUrl, resource: { resourceType: 'Medication', code: { coding: [{ system: 'http://www.whocc.no/atc', code: 'M05BX04' }], text: 'Prolia 60 mg' } } },
      ],
    });
    const { code, out } = await run('evaluate', bundle, '--json');
    expect(code).toBe(0);
    expect(topicsOf(out)).toContain('denosumab-overdue');
  });

  it('applies the site settings (--site-config, as CDS_SITE_CONFIG)', async () => {
    const site = write('site.json', { disabledTopics: ['vitamin-d-calcium'] });
    const { out } = await run('evaluate', bundleFile, '--json', '--site-config', site);
    expect(topicsOf(out)).toEqual(['btm-follow-up-due']);
  });

  it.each([
    ['a missing file', ['evaluate', join(dir, 'nope.json')], /patient file .*nope\.json: no such file/],
    ['invalid JSON', ['evaluate', write('broken.json', '{"resourceType": "Bundle",')], /broken\.json is not valid JSON/],
    ['a resource that is not a Bundle', ['evaluate', write('patient.json', { resourceType: 'Patient', id: 'p' })], /patient\.json is a Patient, not a FHIR Bundle/],
    ['JSON that is not FHIR', ['evaluate', write('array.json', [1, 2])], /array\.json is an array, not a FHIR Bundle/],
    ['a Bundle without a Patient', ['evaluate', write('nopatient.json', { resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Observation', id: 'o' } }] })], /no Patient in the Bundle/],
    ['two patients', ['evaluate', write('two.json', { resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Patient', id: 'a' } }, { resource: { resourceType: 'Patient', id: 'b' } }] })], /holds 2 patients/],
    ['a missing draft file', ['evaluate', bundleFile, '--draft', join(dir, 'none.json')], /draft file .*none\.json: no such file/],
    ['an unknown hook', ['evaluate', bundleFile, '--hook', 'chart-open'], /--hook must be one of patient-view/],
    ['a prescribing hook without a draft', ['evaluate', bundleFile, '--hook', 'order-sign'], /order-sign needs a draft order: give --draft <file>/],
    ['a draft with patient-view', ['evaluate', bundleFile, '--hook', 'patient-view', '--draft', proliaFile], /--draft is for the prescribing hooks/],
    ['a bad date', ['evaluate', bundleFile, '--now', '26-11-2026'], /--now must be a date, YYYY-MM-DD/],
    ['a bad language', ['evaluate', bundleFile, '--lang', 'sv'], /--lang must be da or en/],
    ['an unknown option', ['evaluate', bundleFile, '--colour'], /Unknown option '--colour'/],
    ['an unknown command', ['show', bundleFile], /unknown command "show"/],
    ['no patient file', ['evaluate'], /give the patient file/],
    ['a bad site file', ['evaluate', bundleFile, '--site-config', write('badsite.json', { lowBmi: 1 })], /lowBmi: must be above 10/],
  ])('exits 2 with one clear line for %s', async (_what, argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.startsWith('osteo-cds: ')).toBe(true);
    if (!/badsite/.test(argv.join(' '))) expect(err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints the usage with --help (exit 0) and without arguments (exit 2)', async () => {
    expect(await run('--help')).toMatchObject({ code: 0, out: expect.stringContaining('Usage: osteo-cds evaluate <bundle.json>') });
    expect(await run()).toMatchObject({ code: 2, err: expect.stringContaining('Usage:') });
  });

  it('the bin shim says to build first when dist/ is missing', () => {
    const copy = join(dir, 'pkg', 'bin');
    mkdirSync(copy, { recursive: true });
    copyFileSync(fileURLToPath(new URL('../../bin/osteo-cds.js', import.meta.url)), join(copy, 'osteo-cds.js'));
    writeFileSync(join(dir, 'pkg', 'package.json'), '{"type":"module"}');
    const result = spawnSync(process.execPath, [join(copy, 'osteo-cds.js'), '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('run `npm run build`');
  });
});
