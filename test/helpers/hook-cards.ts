/** A patient-view call over HTTP and what the tests read of its cards: topics (folded ones too) and reasons. */
import request from 'supertest';
import { expect } from 'vitest';
import type { Express } from 'express';
import { expectValidResponse } from './response.js';

export interface CardLike {
  readonly detail: string;
  readonly source: { readonly topic?: { readonly code: string } };
  readonly extension: Record<string, readonly string[]>;
}

/** The cards of a patient-view call with this prefetch (200 and a valid response asserted). */
export async function patientViewCards(app: Express, patientId: string, prefetch: object): Promise<CardLike[]> {
  const body = { hook: 'patient-view', hookInstance: '5d3c2b1a-0000-4000-8000-000000000002', context: { userId: 'Practitioner/1', patientId }, prefetch };
  const res = await request(app).post('/cds-services/osteoporosis-patient-view').send(body);
  expect(res.status).toBe(200);
  expectValidResponse(res.body);
  return (res.body as { cards: CardLike[] }).cards;
}

/** Every topic the cards carry, folded companions included. */
export const topicsOf = (list: readonly CardLike[]): string[] => list.flatMap((c) => c.extension['osteo-cds.topics'] ?? [c.source.topic?.code ?? '?']);

/** The reasons of the card that carries `topic`. */
export const reasonsOf = (list: readonly CardLike[], topic: string): readonly string[] | undefined => list.find((c) => topicsOf([c]).includes(topic))?.extension['osteo-cds.reasons'];

/** The detail of the card that carries `topic`. */
export const detailOf = (list: readonly CardLike[], topic: string): string | undefined => list.find((c) => topicsOf([c]).includes(topic))?.detail;
