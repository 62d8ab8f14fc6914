// An agent state's platform and name, through the built bundle. Both go as written (the API takes
// any), but a platform near one Assembled knows ("Zendesk Support" for zendesk) is refused with a
// "did you mean", as an association's is (new: names another), and a state's name near one
// Assembled knows is too; any other is sent with a word that Assembled does not know it, naming the
// states it does: those it names most and those it holds for the rows' agents then.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)("an agent state's platform and name", () => {
  it('are refused near a known one, and sent as written with a word otherwise', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a || !b) throw new Error('no agents');
    // Assembled holds an on_call state for b on acme within the rows' span: both are known.
    const at = (hm: string) => Date.parse(`2026-05-24T${hm}:00-04:00`) / 1000;
    const list = sim.admin.org.states.get(b.agent_id) ?? [];
    list.push({
      id: 'held-on-call',
      agent_id: b.agent_id,
      state: 'on_call',
      sub_state: null,
      start_time: at('09:30'),
      end_time: at('09:40'),
      source: 'acme',
    });
    list.sort((x, y) => x.start_time - y.start_time);
    sim.admin.org.states.set(b.agent_id, list);
    const row = (who: typeof a, state: string, from: string, source: string) => [
      who.email,
      state,
      '',
      `2026-05-24 ${from}`,
      `2026-05-24 ${from.replace(':00', ':20')}`,
      source,
    ];
    const sheet = await template(rt, 'agent_states', [
      row(a, 'available', '9:00', 'Zendesk Support'),
      row(a, 'available', '10:00', 'new: Zendesk Support'),
      row(a, 'ready', '11:00', 'kustomer'),
      row(b, 'on call', '9:00', 'kustomer'),
      row(b, 'on_call', '10:00', 'acme'),
      row(b, 'on call', '11:00', 'Five9 Voice'),
    ]);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(check).toMatchObject({ ok: 3, errors: 3 });
    expect(check.problems).toEqual([
      'Row 2: Source: "Zendesk Support" is not a platform Assembled knows (none it names, and no one there has an ID on it), so it is taken for a typo; did you mean "zendesk"? Sent as written, the state would be on a platform of its own. If it is another platform, write new: zendesk support.',
      `Row 5: State: "on call" is not a state Assembled knows; did you mean "on_call"? Assembled counts time by the state's name.`,
      'Row 7: Source: "Five9 Voice" is not a platform Assembled knows (none it names, and no one there has an ID on it), so it is taken for a typo; did you mean "five9"? Sent as written, the state would be on a platform of its own. If it is another platform, write new: five9 voice.',
    ]);
    const messages = column(rt, sheet, 'Push message') as string[];
    expect(messages[1]).toBe(
      'Ready to push. Source: "zendesk support" is not a platform Assembled knows (none it names, no one there has an ID on it, and it holds no state on it for these agents then): sent as written, as a platform of its own. Check it is spelled as the platform is.',
    );
    expect(messages[2]).toBe(
      `Ready to push. State: "ready" is not a state Assembled knows (it knows available, busy, break, lunch, offline, meeting, training or on_call): sent as written, as a state of its own. Check it is the state's name on the platform.`,
    );
    // A name and a platform Assembled holds states by are known: nothing to say.
    expect(messages[4]).toBe('Ready to push.');

    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'state-names-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 3, invalid: 3 });
    expect(column(rt, sheet, 'Push status')).toEqual([
      'error',
      'ingested',
      'ingested',
      'error',
      'ingested',
      'error',
    ]);
    const sources = (who: typeof a) =>
      (sim.admin.org.states.get(who.agent_id) ?? [])
        .filter((s) => s.start_time >= at('09:00'))
        .map((s) => `${s.state}@${s.source}`);
    expect(sources(a)).toEqual(expect.arrayContaining(['available@zendesk support', 'ready@kustomer']));
    expect(sources(a).some((s) => s.includes('Zendesk Support'))).toBe(false);
  });
});
