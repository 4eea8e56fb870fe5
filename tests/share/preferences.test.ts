/**
 * Per-device preferences: storage is untrusted and may throw; reading falls back field by field, writing and
 * resetting never throw. Node environment, with an in-memory Storage.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PREFERENCES,
  isLanguageTag,
  PREFERENCES_KEY,
  type Preferences,
  readPreferences,
  resetPreferences,
  writePreferences,
} from '../../src/ui/preferences';

class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

/** Storage as Safari's old private mode or a blocked-storage setting behaves: every call throws. */
class ThrowingStorage extends MemoryStorage {
  override getItem(): string | null {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
  override setItem(): void {
    throw new DOMException('Quota exceeded', 'QuotaExceededError');
  }
  override removeItem(): void {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
}

const stored = (raw: string): MemoryStorage => {
  const storage = new MemoryStorage();
  storage.setItem(PREFERENCES_KEY, raw);
  return storage;
};

const CUSTOM: Preferences = {
  theme: 'projector',
  speed: 'fast',
  language: 'zh-Hans',
  sound: true,
  reducedMotion: 'on',
  shortcuts: false,
};

describe('reading preferences', () => {
  it('gives the defaults, with no problems, on a first visit', () => {
    expect(readPreferences(new MemoryStorage())).toEqual({ prefs: DEFAULT_PREFERENCES, problems: [] });
  });

  it('gives the defaults, with no problems, without storage', () => {
    expect(readPreferences(null)).toEqual({ prefs: DEFAULT_PREFERENCES, problems: [] });
  });

  it('round-trips what was written', () => {
    const storage = new MemoryStorage();
    expect(writePreferences(CUSTOM, storage)).toBe(true);
    expect(readPreferences(storage)).toEqual({ prefs: CUSTOM, problems: [] });
    expect(JSON.parse(storage.getItem(PREFERENCES_KEY) ?? '')).toEqual(CUSTOM);
  });

  it('fills missing fields with defaults, without problems', () => {
    expect(readPreferences(stored('{"theme":"dark"}'))).toEqual({
      prefs: { ...DEFAULT_PREFERENCES, theme: 'dark' },
      problems: [],
    });
  });

  it('replaces each invalid field by its default, with one problem each, and keeps the valid ones', () => {
    const raw = JSON.stringify({
      theme: 'neon',
      speed: 'warp',
      language: '../../etc/passwd',
      sound: 'yes',
      reducedMotion: 1,
      shortcuts: 'off',
    });
    const { prefs, problems } = readPreferences(stored(raw));
    expect(prefs).toEqual(DEFAULT_PREFERENCES);
    expect(problems).toHaveLength(6);
    for (const field of ['theme', 'speed', 'language', 'sound', 'reducedMotion', 'shortcuts']) {
      expect(problems.some((p) => p.includes(field))).toBe(true);
    }
    const mixed = readPreferences(stored(JSON.stringify({ ...CUSTOM, theme: 42 })));
    expect(mixed.prefs).toEqual({ ...CUSTOM, theme: 'auto' });
    expect(mixed.problems).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{theme: dark'],
    ['empty', ''],
    ['an array', '["dark"]'],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"dark"'],
    ['too long', JSON.stringify({ theme: 'dark', padding: 'x'.repeat(10_000) })],
  ])('gives the defaults with a problem when the stored value is %s', (_what, raw) => {
    const { prefs, problems } = readPreferences(stored(raw));
    expect(prefs).toEqual(DEFAULT_PREFERENCES);
    expect(problems).toHaveLength(1);
  });

  it('ignores unknown fields and prototype keys without polluting anything', () => {
    const raw =
      '{"__proto__":{"polluted":true,"theme":"dark"},"constructor":{"prototype":{"polluted":true}},"extra":1,"speed":"slow"}';
    const { prefs, problems } = readPreferences(stored(raw));
    expect(prefs).toEqual({ ...DEFAULT_PREFERENCES, speed: 'slow' });
    expect(problems).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(prefs).sort()).toEqual(Object.keys(DEFAULT_PREFERENCES).sort());
  });

  it('gives the defaults, with a problem and without throwing, when storage throws', () => {
    const { prefs, problems } = readPreferences(new ThrowingStorage());
    expect(prefs).toEqual(DEFAULT_PREFERENCES);
    expect(problems).toHaveLength(1);
  });

  it('uses localStorage by default, and copes where there is none (Node)', () => {
    expect(() => readPreferences()).not.toThrow();
    expect(() => writePreferences(CUSTOM)).not.toThrow();
    expect(() => resetPreferences()).not.toThrow();
  });

  it('returns frozen preferences', () => {
    expect(Object.isFrozen(readPreferences(stored('{"sound":true}')).prefs)).toBe(true);
  });
});

describe('writing and resetting preferences', () => {
  it('never throws, and says whether it saved', () => {
    expect(writePreferences(CUSTOM, new ThrowingStorage())).toBe(false);
    expect(resetPreferences(new ThrowingStorage())).toBe(false);
    expect(writePreferences(CUSTOM, null)).toBe(false);
    expect(resetPreferences(null)).toBe(false);
  });

  it('stores only valid values', () => {
    const storage = new MemoryStorage();
    const bad = { ...CUSTOM, theme: 'neon', language: 'x y', evil: '<script>' } as unknown as Preferences;
    expect(writePreferences(bad, storage)).toBe(true);
    expect(JSON.parse(storage.getItem(PREFERENCES_KEY) ?? '')).toEqual({ ...CUSTOM, theme: 'auto', language: 'auto' });
  });

  it('resets by forgetting the saved preferences, and touches no other key', () => {
    const storage = new MemoryStorage();
    storage.setItem('calcium-routes:other', 'keep');
    writePreferences(CUSTOM, storage);
    expect(resetPreferences(storage)).toBe(true);
    expect(storage.getItem(PREFERENCES_KEY)).toBeNull();
    expect(storage.getItem('calcium-routes:other')).toBe('keep');
    expect(readPreferences(storage)).toEqual({ prefs: DEFAULT_PREFERENCES, problems: [] });
  });
});

describe('language tags', () => {
  it('accepts BCP 47 tags and refuses anything else', () => {
    for (const tag of ['en', 'es', 'fr-CA', 'zh-Hans', 'pt-BR', 'sr-Latn-RS'])
      expect(isLanguageTag(tag), tag).toBe(true);
    for (const tag of ['', 'e', 'english', 'en_GB', 'en-', '../x', 'en-GB ', 'x'.repeat(40), 42, null]) {
      expect(isLanguageTag(tag), String(tag)).toBe(false);
    }
  });
});
