/**
 * GET /guideline/{topic}: the printable page each card links to — Danish or English by ?lang= or
 * Accept-Language, 404 for an unknown topic, no JWT; and every card's "Læs mere" link, absolute,
 * built from the first CDS_PUBLIC_URL or else the request's own origin.
 */
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { TOPICS } from '../../src/contract/topics.js';
import { createEngine } from '../../src/engine.js';
import { createApp } from '../../src/http/app.js';
import { checkedKeys } from '../helpers/jwt.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';

const engine = createEngine();
const appWith = (overrides: Parameters<typeof testConfig>[0] = {}) =>
  createApp(testConfig(overrides), { engine, store: openSqliteStore(':memory:'), clock: () => new Date('2026-11-26T10:00:00+01:00'), ...checkedKeys(overrides) });
const sandboxMan: object = JSON.parse(readFileSync(new URL('../../fixtures/facts-sandbox-man/request.json', import.meta.url), 'utf8'));

interface CardLike {
  readonly source: { readonly topic?: { readonly code: string; readonly display?: string } };
  readonly links?: readonly { readonly label: string; readonly url: string; readonly type: string }[];
  readonly extension: Record<string, readonly string[]>;
}

describe('GET /guideline/{topic}', () => {
  it('serves every topic as an HTML page in Danish and in English', async () => {
    const app = appWith();
    for (const topic of TOPICS) {
      const da = await request(app).get(`/guideline/${topic}?lang=da`).expect(200).expect('content-type', /html/);
      expect(da.text, topic).toContain('<html lang="da">');
      expect(da.text).toContain(`data-topic="${topic}"`);
      const en = await request(app).get(`/guideline/${topic}`).set('Accept-Language', 'en-GB,en;q=0.9').expect(200);
      expect(en.text).toContain('<html lang="en">');
      expect(en.headers['content-language']).toBe('en');
    }
  });

  it('holds the guidance the card leaves out, rendered without raw HTML or script', async () => {
    const res = await request(appWith()).get('/guideline/treatment-indicated?lang=da').expect(200);
    expect(res.text).toContain('<h1>Indikation for at drøfte behandling</h1>');
    // What the card leaves out: the indication, intake, side effects, the dentist, the second choice, referral, anabolic.
    for (const words of [
      'Indikation for at drøfte behandling:',
      'Skal tages fastende om morgenen',
      'inkl. mineralvand',
      'Udvalgte bivirkninger',
      'Kæbenekrose og atypisk femurfraktur',
      'Overvej tandlægebesøg før behandlingsstart',
      'Izamby, Junod, Obodence, Ozvyrti, Ponlimsi eller Zadenvi',
      'Substitueres ikke på apoteket',
      'P-calcium, -kreatinin og -25-OH-Vit.D bør kontrolleres før hver infusion',
      'Henvis til endokrinolog i stedet for at starte',
      'Overvej henvisning til anabol behandling',
      'Brusetablet (Binosto)',
    ]) {
      expect(res.text, words).toContain(words);
    }
    expect(res.text).toContain('https://www.dsam.dk/vejledninger/osteoporose');
    expect(res.text).not.toMatch(/<script/i);
  });

  it('keeps what the follow-up cards leave out: the marker rules, the parenteral options and their side effects, the criteria', async () => {
    const app = appWith();
    const page = async (topic: string, lang: 'da' | 'en'): Promise<string> => (await request(app).get(`/guideline/${topic}?lang=${lang}`).expect(200)).text;
    const marker = await page('btm-follow-up-due', 'da');
    for (const words of ['KM kan IKKE anvendes ved', 'Hård motion inden for 24 timer', 'gennemsnit for præmenopausale kvinder', 'antiepileptika', 'Skal tages fastende om morgenen']) expect(marker).toContain(words);
    for (const topic of ['btm-response-inadequate', 'switch-to-parenteral']) {
      const da = await page(topic, 'da');
      for (const words of ['Izamby', 'SKAL anden behandling igangsættes', 'Zoledronsyre (fx Aclasta) 5 mg i.v. årligt', 'Kæbenekrose', 'eGFR &gt; 35 ml/min']) expect(da, topic).toContain(words);
      expect(await page(topic, 'en'), topic).toContain('Osteonecrosis of the jaw');
    }
    expect(await page('bisphosphonate-pause-candidate', 'da')).toContain('lang halveringstid');
    expect(await page('anabolic-treatment-consideration', 'da')).toContain('bækken, overarm, underarm eller ryg inden for 3 år');
    expect(await page('endocrinology-referral', 'en')).toContain('before eGFR falls below 35 mL/min');
    expect(await page('zoledronic-acid-infusion-due', 'da')).toContain('Udvalgte bivirkninger');
  });

  it('keeps the vitamin D and calcium passage, the risk factors and the lifestyle list the cards shortened', async () => {
    const app = appWith();
    const vitaminD = (await request(app).get('/guideline/vitamin-d-calcium?lang=da').expect(200)).text;
    for (const words of ['Tilskud af 1 µg D3 giver ≈ 1 nmol/L', 'Afdæk patientens kalkindtag i kost', 'Calcium-carbonat tages til måltid', 'OBS: på de, der ikke får sol']) expect(vitaminD, words).toContain(words);
    expect((await request(app).get('/guideline/risk-factor-review?lang=da').expect(200)).text).toContain('genetisk disposition, lavt BMI, immobilisering');
    expect((await request(app).get('/guideline/bone-healthy-lifestyle?lang=da').expect(200)).text).toContain('Osteoporoseforeningen.dk');
    expect((await request(app).get('/guideline/rx-start-checklist?lang=en').expect(200)).text).toContain('CTX is used instead under glucocorticoid treatment');
  });

  it('answers 404 for an unknown topic and 400 for an unknown language; needs no JWT', async () => {
    const secured = appWith({ trustedIssuers: { 'https://ehr.example': { jwks: 'https://ehr.example/jwks.json' } } });
    await request(secured).get('/guideline/vitamin-d-calcium').expect(200);
    await request(secured).get('/guideline/no-such-topic').expect(404);
    await request(secured).get('/guideline/..%2Fpackage.json').expect(404);
    await request(secured).get('/guideline/vitamin-d-calcium?lang=de').expect(400);
  });
});

describe('"Læs mere" on every card', () => {
  it('links each topic of a card to its page, absolute, from the request’s origin', async () => {
    const res = await request(appWith()).post('/cds-services/osteoporosis-patient-view').set('Host', 'cds.example:3000').set('Accept-Language', 'da').send(sandboxMan).expect(200);
    const cards = (res.body as { cards: CardLike[] }).cards;
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const first = card.links?.[0];
      expect(first?.label).toMatch(/^Læs mere/);
      expect(first?.type).toBe('absolute');
      expect(first?.url).toBe(`http://cds.example:3000/guideline/${card.source.topic?.code ?? ''}?lang=da`);
      for (const topic of card.extension['osteo-cds.topics'] ?? []) {
        expect(card.links?.some((l) => l.url === `http://cds.example:3000/guideline/${topic}?lang=da`), topic).toBe(true);
      }
    }
  });

  it('uses the first CDS_PUBLIC_URL when it is set, and speaks English when asked', async () => {
    const app = appWith({ publicUrls: ['https://cds.region.dk/osteo', 'https://other.example'] });
    const res = await request(app).post('/cds-services/osteoporosis-patient-view').set('Accept-Language', 'en').send(sandboxMan).expect(200);
    const first = (res.body as { cards: CardLike[] }).cards[0]?.links?.[0];
    expect(first?.label).toMatch(/^Read more/);
    expect(first?.url).toBe('https://cds.region.dk/osteo/guideline/btm-follow-up-due?lang=en');
  });
});
