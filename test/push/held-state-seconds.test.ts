// A state Assembled holds that a row overlaps by seconds only: said to the second, or its words
// ("busy to 10:00" beside a row from 10:00) read as no overlap at all.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('a state Assembled holds, overlapped by seconds', () => {
  it('is said to the second; one on whole minutes, to the minute; each by the cell inside it', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a) throw new Error('no agents');
    await template(rt, 'agent_states', [
      [a.email, 'busy', '', '2026-05-24 9:50', '2026-05-24 10:00:42', 'zendesk'],
      [a.email, 'busy', '', '2026-05-24 11:00', '2026-05-24 11:10', 'zendesk'],
    ]);
    const push = await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'held-seconds-1');
    expect(await follow(rt, push)).toMatchObject({ state: 'done', succeeded: 2 });
    // Another sheet's rows, each starting as the state held before it ends.
    await template(rt, 'agent_states', [
      [a.email, 'break', '', '2026-05-24 10:00', '2026-05-24 10:10', 'zendesk'],
      [a.email, 'break', '', '2026-05-24 11:05', '2026-05-24 11:20', 'zendesk'],
      [a.email, 'break', '', '2026-05-24 10:55', '2026-05-24 11:05', 'zendesk'],
    ]);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    // Named by the cell whose time lies inside the state held: that is the one to correct.
    expect(check.problems).toEqual([
      expect.stringMatching(
        /^Row 2: Start: overlaps a state .*: busy from 2026-05-24 09:50:00 to 10:00:42\. /,
      ),
      expect.stringMatching(/^Row 3: Start: overlaps a state .*: busy from 2026-05-24 11:00 to 11:10\. /),
      expect.stringMatching(/^Row 4: End: overlaps a state .*: busy from 2026-05-24 11:00 to 11:10\. /),
    ]);
  });
});
