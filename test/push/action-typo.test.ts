// A mistyped Action is a near miss of a fixed list: its words name the action meant, as a misspelt
// state or time-off type's do, and name none when the cell is nothing like an action.
import { describe, expect, it } from 'vitest';
import { validateSheet } from '../../src/core/push/run-push';
import { templateFor } from '../../src/core/push/template';
import { pushSetup, records } from './support';

describe('a mistyped Action', () => {
  it('on agent-state edits says which action was meant, and none for a word unlike any', () => {
    const s = pushSetup();
    const [a] = s.agents;
    const ref = s.deps.sheets.insertTemplate(templateFor('state_edits'));
    const grid = s.grid(ref);
    const row = (action: string) => [
      action,
      '',
      a?.email ?? '',
      'busy',
      '2026-06-01 09:00',
      '2026-06-01 10:00',
    ];
    grid.write(2, 1, [row('insrt'), row('Updte'), row('move')]);
    const summary = validateSheet(s.deps, 'state_edits', ref);
    expect(summary).toMatchObject({ ok: 0, errors: 3 });
    expect(records(grid).map((r) => r['Push message'])).toEqual([
      'Action: "insrt" is not one of insert, update, delete; did you mean "insert"?',
      'Action: "Updte" is not one of insert, update, delete; did you mean "update"?',
      'Action: "move" is not one of insert, update, delete.',
    ]);
    expect(summary.problems[0]).toBe(
      'Row 2: Action: "insrt" is not one of insert, update, delete; did you mean "insert"?',
    );
  });

  it('on activities says which action was meant', () => {
    const s = pushSetup();
    const ref = s.deps.sheets.insertTemplate(templateFor('activities'));
    const grid = s.grid(ref);
    grid.write(2, 1, [['delte', 'act_1', '', '', '', '', '', '', '']]);
    validateSheet(s.deps, 'activities', ref);
    expect(records(grid)[0]?.['Push message']).toBe(
      'Action: "delte" is not one of create, update, delete; did you mean "delete"?',
    );
  });
});
