import { describe, expect, it } from 'vitest';

describe('test time zones', () => {
  it('runs under the zone its project names, so date tests really cover three offsets', () => {
    const offsets: Record<string, number[]> = { 'Europe/Copenhagen': [-60, -120], UTC: [0], 'America/New_York': [300, 240] };
    const zone = process.env.TZ ?? '';
    expect(Object.keys(offsets)).toContain(zone);
    expect(offsets[zone]).toContain(new Date(2026, 0, 15).getTimezoneOffset());
  });
});
