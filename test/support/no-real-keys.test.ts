// No real-looking Assembled API key is ever committed: every key literal in the tracked files is a
// test fixture (sk_live_test_…), the simulator's demo key (sk_live_demo_…), or a stub of a few
// characters. A real key is a long random string; one pasted into a fixture fails here.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const KEY = /sk_live_[A-Za-z0-9_-]+/g;

function realLooking(text: string): string[] {
  return [...text.matchAll(KEY)]
    .map((m) => m[0])
    .filter((k) => !/^sk_live_(test|demo)_/.test(k) && k.length - 'sk_live_'.length > 8);
}

describe('API keys in the tree', () => {
  it('tells a real-looking key from fixtures and stubs', () => {
    // Made here, so that no real-looking key stands in this file either.
    const real = `sk_live_${randomBytes(18).toString('base64url')}`;
    expect(realLooking(`key = '${real}'`)).toEqual([real]);
    expect(realLooking('sk_live_test_typed_but_wrong sk_live_demo_7 sk_live_abc sk_live_…')).toEqual([]);
  });

  it('holds none but fixtures, the demo key and stubs', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((f) => f && !/\.(png|jpg|xlsx|lockb)$/.test(f));
    const found = files.flatMap((f) => {
      let text: string;
      try {
        text = readFileSync(join(ROOT, f), 'utf8');
      } catch {
        return []; // listed but not in this checkout (a deleted file not yet committed)
      }
      return realLooking(text).map((k) => `${f}: ${k.slice(0, 12)}…`);
    });
    expect(found).toEqual([]);
  });
});
