import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config/settings';
import { maskKey } from '../../src/output/secrets';
import { configPath } from '../../src/config/store';

const base = { flags: {}, env: {}, file: {}, systemZone: () => 'Europe/Paris' };

describe('settings: flag, then environment, then file, then default', () => {
  it('takes the flag over everything', () => {
    const s = resolveSettings({
      flags: { apiKey: 'sk-flag', baseUrl: 'https://flag', agentId: 'agent-flag', tz: 'Asia/Tokyo' },
      env: { LETTA_API_KEY: 'sk-env', LETTA_BASE_URL: 'https://env', LETTA_AGENT_ID: 'agent-env', TZ: 'UTC' },
      file: { api_key: 'sk-file', base_url: 'https://file', agent_id: 'agent-file', timezone: 'Europe/London' },
      legacyApiKey: 'sk-legacy',
      systemZone: () => 'Europe/Paris',
    });
    expect(s).toEqual({
      apiKey: { value: 'sk-flag', source: 'flag' },
      baseUrl: { value: 'https://flag', source: 'flag' },
      agentId: { value: 'agent-flag', source: 'flag' },
      timezone: { value: 'Asia/Tokyo', source: 'flag' },
    });
  });

  it('falls through env, file, legacy file and defaults', () => {
    expect(resolveSettings({ ...base, env: { LETTA_API_KEY: 'sk-env' }, file: { api_key: 'sk-file' } }).apiKey).toEqual({ value: 'sk-env', source: 'env' });
    expect(resolveSettings({ ...base, file: { api_key: 'sk-file' }, legacyApiKey: 'sk-old' }).apiKey).toEqual({ value: 'sk-file', source: 'file' });
    expect(resolveSettings({ ...base, legacyApiKey: 'sk-old' }).apiKey).toEqual({ value: 'sk-old', source: 'legacy file' });
    expect(resolveSettings(base).apiKey).toEqual({ value: undefined, source: undefined });
    expect(resolveSettings(base).baseUrl).toEqual({ value: 'https://api.letta.com', source: 'default' });
    expect(resolveSettings(base).timezone).toEqual({ value: 'Europe/Paris', source: 'system' });
    expect(resolveSettings({ ...base, file: { timezone: 'Asia/Kolkata' } }).timezone).toEqual({ value: 'Asia/Kolkata', source: 'file' });
    // A configured zone beats TZ (containers and CI set TZ=UTC); --tz beats both.
    expect(resolveSettings({ ...base, env: { TZ: 'UTC' }, file: { timezone: 'Asia/Kolkata' } }).timezone).toEqual({ value: 'Asia/Kolkata', source: 'file' });
    expect(resolveSettings({ ...base, flags: { tz: 'Asia/Tokyo' }, env: { TZ: 'UTC' }, file: { timezone: 'Asia/Kolkata' } }).timezone).toEqual({ value: 'Asia/Tokyo', source: 'flag' });
  });

  it('reads TZ=:/etc/localtime as the system zone', () => {
    expect(resolveSettings({ ...base, env: { TZ: ':/etc/localtime' } }).timezone).toEqual({ value: 'Europe/Paris', source: 'system' });
    expect(resolveSettings({ ...base, env: { TZ: ':America/Chicago' } }).timezone).toEqual({ value: 'America/Chicago', source: 'env' });
  });

  it('treats empty values as unset', () => {
    expect(resolveSettings({ ...base, flags: { apiKey: '' }, env: { LETTA_API_KEY: '' }, file: { api_key: 'sk-file' } }).apiKey.source).toBe('file');
  });
});

describe('config path', () => {
  it('prefers LETTA_SWITCHBOARD_CONFIG_DIR, then XDG_CONFIG_HOME, then ~/.config', () => {
    expect(configPath({ LETTA_SWITCHBOARD_CONFIG_DIR: '/a', XDG_CONFIG_HOME: '/b' }, '/home/u')).toBe('/a/config.json');
    expect(configPath({ XDG_CONFIG_HOME: '/b' }, '/home/u')).toBe('/b/letta-switchboard/config.json');
    expect(configPath({}, '/home/u')).toBe('/home/u/.config/letta-switchboard/config.json');
  });
});

describe('masking', () => {
  it.each([
    ['sk-let-0123456789abcdef', 'sk-...cdef'],
    ['0123456789abcdef', '...cdef'],
    ['sk-abc12345678', '...5678'],
    ['sk-abcd', '****'],
    ['short', '****'],
  ])('%s -> %s', (key, masked) => expect(maskKey(key)).toBe(masked));
});
