// Platform-ID associations checked against the IDs people hold in Assembled (the simulator sets
// a person's platforms[platform] and lets two people hold one ID, as far as the live service is
// known to): an ID someone else holds is refused, naming them and how to free it; a row that
// replaces its agent's own ID says which, in Validate and in its outcome.
import { describe, expect, it } from 'vitest';
import type { Person } from '../../dev/simulator/model';
import { validatedWords } from '../../src/core/push/progress-words';
import { advancePush, startPush, validateSheet } from '../../src/core/push/run-push';
import { drive, fullName, pushSetup, records } from './support';

const HEADER = ['Agent', 'Platform', 'Platform ID'];

function setup() {
  const s = pushSetup();
  const five9 = (p: Person | undefined) => p?.platforms.five9 ?? '';
  // Current agents a full name picks out, and someone who has left, each with a five9 ID.
  const named = s.agents.filter(
    (p) => five9(p) && s.org.people.filter((q) => fullName(q) === fullName(p)).length === 1,
  );
  const gone = s.org.people.find((p) => p.deleted && five9(p));
  const [maya, ines, mei, other] = named;
  if (!maya || !ines || !mei || !other || !gone) throw new Error('the demo org lacks five9 agents');
  const sheet = (rows: string[][]) => {
    const ref = s.addSheet('Links', [HEADER, ...rows]);
    return { ref, check: validateSheet(s.deps, 'associations', ref) };
  };
  const push = (ref: { id: number; name: string }, key: string) =>
    drive(s, startPush(s.deps, 'associations', ref, key).id).job;
  const held = (p: Person) => s.org.people.find((q) => q.id === p.id)?.platforms.five9;
  return { s, five9, maya, ines, mei, other, gone, sheet, push, held };
}

describe('platform-ID associations against Assembled', () => {
  it('refuses an ID someone else holds in Assembled, naming them and how to free it', () => {
    const { s, five9, maya, ines, other, gone, sheet, push, held } = setup();
    const [mayaWas, otherWas] = [five9(maya), five9(other)];
    const { ref, check } = sheet([
      [fullName(maya), 'five9', five9(gone)],
      [other.email, 'five9', five9(ines)],
    ]);
    expect(check).toMatchObject({ ok: 0, errors: 2 });
    expect(check.problems).toEqual([
      `Row 2: Platform ID: five9 ID ${five9(gone)} belongs in Assembled to ${fullName(gone)} (${gone.email}), who has left. A platform ID belongs to one agent: if this one is right, remove it from them in Assembled first.`,
      `Row 3: Platform ID: five9 ID ${five9(ines)} belongs in Assembled to ${fullName(ines)} (${ines.email}). A platform ID belongs to one agent: if this one is right, first give them their new five9 ID in a row of this sheet, or remove it from them in Assembled.`,
    ]);
    expect(push(ref, 'held-1')).toMatchObject({ state: 'done', succeeded: 0, invalid: 2 });
    expect(s.http.sent.some((r) => r.url.includes('/v0/agents/associations'))).toBe(false);
    expect([held(maya), held(other), held(ines)]).toEqual([mayaWas, otherWas, five9(ines)]);
  });

  it('lets a row take an ID its holder gives up in the same sheet, unless that row is refused', () => {
    const { five9, maya, ines, mei, sheet, push, held } = setup();
    const [mayaWas, inesWas] = [five9(maya), five9(ines)];
    // Ines moves to a new ID: hers is free for Maya.
    const { ref, check } = sheet([
      [maya.email, 'five9', inesWas],
      [ines.email, 'five9', 'agent0001'],
    ]);
    expect(check).toMatchObject({ ok: 2, errors: 0 });
    expect(push(ref, 'moved-1')).toMatchObject({ state: 'done', succeeded: 2 });
    expect([held(maya), held(ines)]).toEqual([inesWas, 'agent0001']);
    expect(mayaWas).not.toBe(inesWas);

    // Mei's ID is taken: her row is refused, so Mei's first ID is not freed for Maya either.
    const chain = sheet([
      [maya.email, 'five9', five9(mei)],
      [mei.email, 'five9', held(ines) ?? ''],
    ]).check;
    expect(chain).toMatchObject({ ok: 0, errors: 2 });
    expect(chain.problems[1]).toMatch(
      `Row 3: Platform ID: five9 ID agent0001 belongs in Assembled to ${fullName(ines)}`,
    );
    expect(chain.problems[0]).toMatch(
      `Row 2: Platform ID: five9 ID ${five9(mei)} belongs in Assembled to ${fullName(mei)}`,
    );
  });

  it('says which ID a row replaces, in Validate and in the outcome of a later run, reading people once', () => {
    const { s, five9, maya, ines, mei, sheet } = setup();
    const peopleReads = () => s.http.sent.filter((r) => r.url.includes('/v0/people')).length;
    const { ref, check } = sheet([
      [maya.email, 'five9', 'agent0002'],
      [ines.agent_id, 'salesforce', 'sf-1'],
      // The ID the agent holds already: nothing needs sending, and nothing is.
      [fullName(mei), 'five9', five9(mei)],
    ]);
    const grid = s.grid(ref);
    const outcomes = () => records(grid).map((r) => [r['Push status'], r['Push message']]);
    const held = [
      'already in Assembled',
      'The agent has this ID in Assembled already: nothing needs sending, so Push does not send it.',
    ];
    expect(check).toMatchObject({ ok: 2, errors: 0, inAssembled: 1 });
    expect(validatedWords(check)).toBe(
      '2 OK, one of them replaces the ID its agent has on that platform in Assembled (row 2: its Push message names the ID it replaces), 0 to fix, 1 already in Assembled (nothing to send), 0 already done, in "Links". Nothing was sent.',
    );
    expect(outcomes()).toEqual([
      ['OK', `Ready to push. It replaces ${five9(maya)}.`],
      ['OK', 'Ready to push.'],
      held,
    ]);

    const id = startPush(s.deps, 'associations', ref, 'replaced-1').id;
    // A first run with no time left fixes the rows and sends none; a later run sends them all.
    const reads = peopleReads();
    expect(advancePush(s.deps, id, s.clock.now() + 1)).toMatchObject({ state: 'running', done: 0 });
    expect(peopleReads()).toBeGreaterThan(reads);
    const afterFirst = peopleReads();
    const wasMaya = five9(maya);
    const job = drive(s, id).job;
    expect(job).toMatchObject({ state: 'done', total: 2, succeeded: 2, inAssembled: 1 });
    expect(job.message).toBe(
      'Finished: 2 associated, one of them replaced the ID its agent had on that platform in Assembled (row 2: its Push message names the ID replaced), 1 already in Assembled (nothing to send). See the Push status column.',
    );
    expect(peopleReads()).toBe(afterFirst);
    expect(outcomes()).toEqual([
      ['associated', `Platform ID associated in Assembled. It replaced ${wasMaya}.`],
      ['associated', 'Platform ID associated in Assembled.'],
      held,
    ]);
    const sent = s.http.sent.filter((r) => r.url.endsWith('/v0/agents/associations'));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).not.toContain(five9(mei));
    // Not pushed, so nothing says it was: Pushed at stays empty, and the next push sends it no more.
    expect(records(grid)[2]?.['Pushed at']).toBe('');
    expect(drive(s, startPush(s.deps, 'associations', ref, 'replaced-2').id).job).toMatchObject({
      total: 0,
      skipped: 2,
      inAssembled: 1,
      message:
        'Finished: 0 associated, 1 already in Assembled (nothing to send), 2 already done and skipped. See the Push status column.',
    });
  });

  it("sends a platform as people hold it, in a push's later runs too, whatever case the row is in", () => {
    const { s, maya, ines, sheet } = setup();
    ines.platforms.aircall = 'ac-1';
    const { ref, check } = sheet([[maya.email, 'AirCall', 'ac-9']]);
    expect(check).toMatchObject({ ok: 1, errors: 0 });
    const id = startPush(s.deps, 'associations', ref, 'platform-case-1').id;
    // A first run with no time left fixes the rows and sends none; a later one sends it.
    expect(advancePush(s.deps, id, s.clock.now() + 1)).toMatchObject({ state: 'running', done: 0 });
    expect(drive(s, id).job).toMatchObject({ state: 'done', succeeded: 1 });
    expect(s.org.people.find((p) => p.id === maya.id)?.platforms).toMatchObject({ aircall: 'ac-9' });
    expect(s.org.people.some((p) => 'AirCall' in p.platforms)).toBe(false);
  });
});
