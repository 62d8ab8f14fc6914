import { describe, expect, it } from 'vitest';
import { PUSH_KINDS } from '../../src/core/push/kinds';
import { changedMessage } from '../../src/core/push/sent-print';

describe('the Push message of a done row changed since it was pushed', () => {
  it('never tells a kind whose resend makes a second record to resend it', () => {
    // Sent again, an agent state is ingested beside the first one; an insert inserts another.
    expect(changedMessage('agent_states')).toContain(
      "Assembled's API gives an ingested state no id to change it by, so it can only be changed in Assembled itself.",
    );
    expect(changedMessage('agent_states')).not.toContain('send it as a new row');
    for (const action of ['insert', 'Update ', ''])
      expect(changedMessage('state_edits', action)).toContain(
        'put update in Action (and the Assembled ID in State ID if it is empty)',
      );
    expect(changedMessage('state_edits', 'delete')).toContain('To send it as a new row');
  });

  it('does not tell a time-off request already cancelled or denied to be cancelled first', () => {
    expect(changedMessage('time_off', '', 'created')).toContain('cancel the request (Time off to cancel');
    for (const status of ['cancelled', 'Denied '])
      expect(changedMessage('time_off', '', status)).toBe(
        'Changed since it was pushed: not sent again, so Assembled still has it as it was. To send it as a new row, clear its Push status and Assembled ID.',
      );
  });

  it('lets a kind whose resend replaces or repeats harmlessly be sent as a new row', () => {
    expect(changedMessage('time_off_cancel')).toContain(
      'To send it as a new row, clear its Push status and Assembled ID.',
    );
    // A kind Assembled gives no id has no Assembled ID to clear.
    expect(changedMessage('activities_clear')).toContain('To send it as a new row, clear its Push status.');
    expect(changedMessage('associations')).toBe(
      'Changed since it was pushed: not sent again, so Assembled still has it as it was. An association is safe to send again: to send the change, clear its Push status.',
    );
  });

  it('is short enough for a cell: what happened and what to do, in 45 words at most for any kind', () => {
    const words = (text: string) => text.split(/\s+/).length;
    for (const kind of PUSH_KINDS)
      for (const action of ['', 'delete'])
        expect(words(changedMessage(kind, action)), `${kind} ${action}`).toBeLessThanOrEqual(45);
    // An activity whose Allow conflicts is TRUE is told to clear it too.
    expect(words(changedMessage('activities', '', '', '', 'Allow conflicts'))).toBeLessThanOrEqual(45);
  });
});
