// Per-editor bounds on the shared store and the forms of the key the redactor blanks (issue 12).
import { describe, expect, it } from 'vitest';
import { makeRedactor } from '../../src/core/assembled/errors';
import { JobStore } from '../../src/core/jobs/job-store';
import { advancePull, startPull } from '../../src/core/pull/run-pull';
import { MAX_RUNNING_PUSHES, startPush } from '../../src/core/push/run-push';
import { MAX_REFRESHES, saveRefresh } from '../../src/core/schedule/manage';
import { pushSetup } from '../push/support';
import { MemoryGrid } from '../sheet/memory-grid';
import { coreSetup, OTHER } from '../support/core-deps';

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('per-editor bounds', () => {
  it(`an editor keeps at most ${MAX_REFRESHES} scheduled refreshes; another editor is not held back`, () => {
    const s = coreSetup();
    s.grids.set('Teams', new MemoryGrid([['x']]));
    // One place has one refresh: each into its own block of the sheet.
    const input = (i: number) => ({
      spec: {
        source: { kind: 'resource', resource: 'teams' },
        target: { kind: 'cell', sheet: 'Teams', a1: `A${1 + i * 100}` },
        mode: 'replace',
      },
      frequency: { kind: 'hourly' },
      notifyByEmail: false,
    });
    for (let i = 0; i < MAX_REFRESHES; i++) saveRefresh(s.deps, input(i), `refresh-key-${i}`);
    expect(() => saveRefresh(s.deps, input(MAX_REFRESHES), 'refresh-key-last')).toThrow(
      /already have 20 scheduled refreshes/,
    );
    expect(saveRefresh({ ...s.deps, user: OTHER }, input(99), 'refresh-key-other').owner).toBe(
      'other@example.com',
    );
  });

  it(`an editor has at most ${MAX_RUNNING_PUSHES} pushes running at once`, () => {
    const s = pushSetup();
    const header = ['Agent', 'Start', 'End', 'All day', 'Type', 'Notes'];
    for (let i = 0; i < MAX_RUNNING_PUSHES; i++) {
      startPush(s.deps, 'time_off', s.addSheet(`Leave ${i}`, [header]), `push-key-${i}`);
    }
    expect(() => startPush(s.deps, 'time_off', s.addSheet('Leave more', [header]), 'push-key-more')).toThrow(
      /already have 5 pushes running/,
    );
  });
});

describe('finished pulls', () => {
  it("an editor's finished sidebar pulls are forgotten beyond the newest ten", () => {
    const s = coreSetup();
    const people = {
      source: { kind: 'resource', resource: 'people' },
      target: { kind: 'new_sheet', name: 'People' },
      mode: 'replace',
    };
    for (let i = 0; i < 14; i++) {
      const job = startPull(s.deps, people, `people-key-${i}`);
      const turn = { deadline: Number.POSITIVE_INFINITY, wait: false };
      expect(advancePull(s.deps, job.id, turn).state).toBe('done');
    }
    expect(new JobStore(s.deps.store).all()).toHaveLength(11);
    expect(new JobStore(s.deps.store).all().map((j) => j.requestKey)).not.toContain('people-key-0');
  });
});

describe('the redactor', () => {
  const key = 'sk_live_test_fixture_redact';
  const redact = makeRedactor(key, b64);

  it.each([
    ['as typed', key],
    ['URL-encoded', encodeURIComponent(key)],
    ['the Basic token', b64(`${key}:`)],
    ['the Basic token without padding', b64(`${key}:`).replace(/=+$/, '')],
    ['the base64 of the key alone', b64(key)],
  ])('blanks the key %s', (_, form) => {
    const out = redact(`before ${form} after`);
    // Padding left behind ("=") says nothing of the key.
    expect(out).toMatch(/^before \[redacted\]=* after$/);
  });
});
