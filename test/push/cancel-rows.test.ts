// A request ID typed twice in a "Time off to cancel" sheet (the bundle's test is in e2e.test.ts).
import { describe, expect, it } from 'vitest';
import { validateSheet } from '../../src/core/push/run-push';
import { pushSetup } from './support';

describe('a request ID typed twice to cancel', () => {
  it('keeps the row already cancelled, even below the row typed again, and marks that one', () => {
    const s = pushSetup();
    const [a, b] = s.simulator.admin.org.timeOff.filter((t) => t.status === 'pending');
    if (!a || !b) throw new Error('the demo organisation lacks pending requests');
    // Row 4 as a push left it: its status beside the time it was pushed.
    const pushed = new Date('2026-05-20T12:00:00Z');
    const sheet = s.addSheet('Cancel', [
      ['Request ID', 'Push status', 'Assembled ID', 'Push message', 'Pushed at'],
      [a.id, '', '', '', ''],
      [b.id, '', '', '', ''],
      [a.id, 'cancelled', a.id, '', pushed],
    ]);
    expect(validateSheet(s.deps, 'time_off_cancel', sheet)).toMatchObject({
      ok: 1,
      errors: 1,
      skipped: 1,
      problems: [`Row 2: Request ID ${a.id} is also on row 4: delete the row typed twice.`],
    });
  });
});
