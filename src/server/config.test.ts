import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration from the environment', () => {
  it('defaults to the embedded database in ./data on port 3000 with the demo city', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.seedDemoCity).toBe(true);
    expect(config.sms.simulator).toBe(true);
  });

  it('reads PORT, DATABASE_URL and DATA_DIR', () => {
    const config = loadConfig({
      PORT: '4100',
      DATABASE_URL: 'postgres://x@127.0.0.1/db',
      DATA_DIR: '/srv/shahrvand',
    });
    expect(config).toMatchObject({
      port: 4100,
      databaseUrl: 'postgres://x@127.0.0.1/db',
      dataDir: '/srv/shahrvand',
    });
  });

  it('explains a bad value instead of starting wrongly', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT must be a non-negative integer, got "eighty"');
    expect(() => loadConfig({ SEED_DEMO_CITY: 'maybe' })).toThrow('SEED_DEMO_CITY must be true or false');
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('SMS_API_URL is required in production');
  });

  it('in production serves no demo city, no simulator and secure cookies', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      SMS_API_URL: 'https://sms.example/',
      CERTIFICATE_KEY_SECRET: 'a-production-secret-of-32-characters-or-more',
    });
    expect(config).toMatchObject({ seedDemoCity: false, secureCookies: true, sms: { simulator: false } });
  });
});
