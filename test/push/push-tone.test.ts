// The tone the Push sidebar draws a push's outcome in says what happened: a push that sent nothing
// because every row was held back to fix is amber, not red, which a person reads as "the push
// broke"; red is for a push that stopped, or whose rows Assembled refused with none sent.
import { describe, expect, it } from 'vitest';
import type { PushJob } from '../../src/core/push/push-job';
import { pushTone } from '../../src/core/push/push-tone';
import { pushView } from '../../src/core/push/push-view';
import { pushJob, T0 } from '../support/push-job';

/** The sidebar's view of a push of `total` rows, over unless said otherwise. */
const tone = (extra: Partial<PushJob>, stale = false) =>
  pushTone(
    pushView(
      pushJob({
        state: 'done',
        total: 3,
        done: 3,
        message: 'Finished',
        ...extra,
      }),
      T0,
    ),
    stale,
  );

describe('the tone of a push over', () => {
  it('is amber when nothing was sent because every row was held back', () => {
    expect(tone({ total: 0, done: 0, invalid: 3 })).toBe('warn');
    expect(tone({ notSent: 3 })).toBe('warn');
    expect(tone({ total: 1, done: 1, invalid: 2, notSent: 1 })).toBe('warn');
  });

  it('is red when a send failed with none sent, or the push stopped', () => {
    expect(tone({ failed: 3 })).toBe('error');
    expect(tone({ total: 1, done: 1, failed: 1, invalid: 2 })).toBe('error');
    expect(tone({ state: 'failed', done: 1, succeeded: 1 })).toBe('error');
  });

  it('is plain once a row went with others left, or stopped by its owner, and green only when all went', () => {
    expect(tone({ succeeded: 2, failed: 1 })).toBe('info');
    expect(tone({ succeeded: 2, invalid: 1 })).toBe('info');
    expect(tone({ state: 'failed', stopped: true, failed: 1 })).toBe('info');
    expect(tone({ state: 'running', done: 0 })).toBe('info');
    expect(tone({ succeeded: 3 })).toBe('ok');
    expect(tone({ succeeded: 3 }, true)).toBe('info');
  });
});
