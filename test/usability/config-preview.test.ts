import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/shared/config-error.js';

describe('CDS_PREVIEW and CDS_PREVIEW_CLOCK', () => {
  it('serves the preview page by default and never lets a client set the clock by default', () => {
    const config = loadConfig({});
    expect(config.preview).toBe(true);
    expect(config.previewClock).toBe(false);
  });

  it('reads on/off (and true/false, 1/0)', () => {
    expect(loadConfig({ CDS_PREVIEW: 'off', CDS_PREVIEW_CLOCK: 'on' })).toMatchObject({ preview: false, previewClock: true });
    expect(loadConfig({ CDS_PREVIEW: 'false', CDS_PREVIEW_CLOCK: '1' })).toMatchObject({ preview: false, previewClock: true });
  });

  it('rejects anything else, naming the variable', () => {
    try {
      loadConfig({ CDS_PREVIEW_CLOCK: 'yes please' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toEqual(['CDS_PREVIEW_CLOCK: must be on or off']);
    }
  });
});
