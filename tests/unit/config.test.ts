import { describe, expect, it } from 'vitest';
import { configParse, ConfigError } from '../../src/lib/config.ts';

// Configuration is validated once at boot; a bad value stops the process with one readable line.

function parseError(env: Record<string, string>): ConfigError {
  try {
    configParse(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('PUBLIC_URL', () => {
  it('is required outside demo mode, with a one-line message that says what to set', () => {
    const envs: Record<string, string>[] = [{ DATABASE_URL: 'postgres://db.example/kruispunt' }, { KRUISPUNT_DEMO: '0' }, { KRUISPUNT_DEMO: '0', PUBLIC_URL: '' }];
    for (const env of envs) {
      const error = parseError(env);
      expect(error.message).not.toContain('\n');
      expect(error.message).toMatch(/^Invalid configuration: PUBLIC_URL is not set: .*e\.g\. PUBLIC_URL=https:\/\/kruispunt\.example\.nl/);
    }
  });

  it('defaults to http://localhost:<PORT> in demo mode, where the loopback aliases are our origin too', () => {
    const config = configParse({ PORT: '4100' });
    expect(config.KRUISPUNT_DEMO).toBe(true);
    expect(config.PUBLIC_URL).toBe('http://localhost:4100');
    expect(config.allowedOrigins).toEqual(['http://localhost:4100', 'http://127.0.0.1:4100', 'http://[::1]:4100']);
  });

  it('when set, is the one origin, without a trailing slash', () => {
    const config = configParse({ DATABASE_URL: 'postgres://db.example/kruispunt', PUBLIC_URL: 'https://kruispunt.example.nl/' });
    expect(config.PUBLIC_URL).toBe('https://kruispunt.example.nl');
    expect(config.allowedOrigins).toEqual(['https://kruispunt.example.nl']);
  });

  it('must be an http(s) URL', () => {
    for (const value of ['kruispunt.example.nl', 'javascript:alert(1)', 'ftp://kruispunt.example.nl']) {
      expect(parseError({ PUBLIC_URL: value }).message).toBe(`Invalid configuration: PUBLIC_URL=${JSON.stringify(value)}: must be a full http(s) URL such as https://kruispunt.example.nl`);
    }
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default, a number of proxies, or true for one', () => {
    expect(configParse({}).TRUST_PROXY).toBe(0);
    expect(configParse({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(configParse({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(configParse({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(0);
    expect(parseError({ TRUST_PROXY: 'everyone' }).message).toMatch(/^Invalid configuration: TRUST_PROXY="everyone": must be/);
  });
});
