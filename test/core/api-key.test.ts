// A key as pasted: what cannot be seen is dropped, and a character no key holds is named, with
// where it is, in words that never show the key.
import { describe, expect, it } from 'vitest';
import { maskKey, savedKeyWords } from '../../src/core/key-mask';
import { ApiKey, cleanKey, keyProblem } from '../../src/core/settings';
import { parseInput } from '../../src/core/validation';

const KEY = 'sk_live_test_abcDEF123_-xyz';

describe('an API key as pasted', () => {
  it.each([
    ['a zero-width space', `sk_live_test_abc\u200BDEF123_-xyz`],
    ['a zero-width joiner and non-joiner', `\u200Dsk_live_test_abcDEF\u200C123_-xyz`],
    ['a byte-order mark', `\uFEFF${KEY}`],
    ['no-break spaces', `\u00A0${KEY}\u202F`],
    ['a soft hyphen', `sk_live_test_abcDEF123\u00AD_-xyz`],
    ['a word joiner and spaces around', `  ${KEY}\u2060 \n`],
    ['quotes around it', `"${KEY}"`],
    ['curly quotes and spaces around it', ` “ ${KEY}” `],
    ['single quotes around it', `'${KEY}'`],
  ])('drops %s, as spaces around it are trimmed', (_, pasted) => {
    expect(cleanKey(pasted)).toBe(KEY);
    expect(keyProblem(cleanKey(pasted))).toBeUndefined();
    expect(parseInput(ApiKey, pasted, 'Settings')).toBe(KEY);
  });

  it('names a character no key holds, and where it is', () => {
    expect(keyProblem('sk_live_test_abcDEö123')).toBe(
      "The API key has ö at character 19, which a key never holds; copy it again from Assembled's Settings ▸ API page.",
    );
    expect(keyProblem('sk_live_test_abc DEF')).toMatch(/^The API key has a space at character 17, /);
    // One that would not show is named by its code.
    expect(keyProblem('sk_live_test_abc\u0007DEF')).toMatch(
      /^The API key has the character U\+0007 at character 17, /,
    );
    // Counted as a person counts them: an emoji is one character.
    expect(keyProblem('sk_live_😀é')).toMatch(/^The API key has 😀 at character 9, /);
    expect(() => parseInput(ApiKey, 'sk_live_test_abcDEö123', 'Settings')).toThrow(/ö at character 19/);
  });

  it('names a character no key holds where it is, not telling a key that starts with sk_live to', () => {
    // A space inside the prefix: where it is, said by the prefix, which is no secret.
    expect(keyProblem('sk_live demo_7')).toBe(
      "The API key has a space at character 8, right after sk_live, which a key never holds; copy it again from Assembled's Settings ▸ API page.",
    );
    expect(keyProblem(cleanKey('sk_live demo_7'))).toMatch(/a space at character 8, right after sk_live,/);
    // A quote on one side only is not a pair to drop: named as a quote, with what to do.
    expect(keyProblem(cleanKey('"sk_live_test_abc'))).toBe(
      'The API key has a quote mark (") at character 1, which a key never holds; paste the key without it.',
    );
    expect(keyProblem(cleanKey('sk_live_test_abc”'))).toMatch(
      /^The API key has a quote mark \(”\) at character 17, which a key never holds; paste the key without it\.$/,
    );
    expect(() => parseInput(ApiKey, 'sk_live demo_7', 'Settings')).toThrow(/a space at character 8/);
  });

  it('says a key is not one when it does not start with sk_live_, or stops there', () => {
    // Not a key at all before its first odd character: that it is no key is what to hear.
    expect(keyProblem('my key')).toBe(
      "The API key should start with sk_live_: copy the whole key from Assembled's Settings ▸ API page.",
    );
    expect(keyProblem('pk_live_abc')).toMatch(/^The API key should start with sk_live_: /);
    expect(keyProblem('sk_live_')).toBe('The API key has nothing after sk_live_: copy all of it.');
    expect(keyProblem(KEY)).toBeUndefined();
  });
});

describe('a key for the test environment', () => {
  it.each(['sk_test_demo_sam', 'sk_test_abcdefghijkl', 'sk_test_abc def'])(
    'is said to be a test key, naming none of it: %s',
    (key) => {
      const said = keyProblem(key) ?? '';
      expect(said).toBe(
        "This looks like a test key (sk_test_…); the add-on needs a live API key (sk_live_…) from Assembled's Settings ▸ API page.",
      );
      expect(said).not.toContain(key.slice(8, 11));
    },
  );
});

describe('a saved key, in words', () => {
  const said = (key: string) => savedKeyWords({ hasKey: key !== '', keyHint: maskKey(key) });

  it('names no more of it than its masked hint shows', () => {
    expect(said('sk_live_test_abcd1234')).toBe('A key ending 1234 is saved for you.');
    // Too short for its hint to show an end: none is named.
    expect(said('sk_live_test')).toBe('A key is saved for you.');
    expect(said('')).toBe('No key is saved.');
  });
});
