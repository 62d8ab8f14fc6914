import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import { matchHeader } from '../../src/core/push/header';
import { PUSH_KINDS } from '../../src/core/push/kinds';
import {
  changedMessage,
  changesSinceSent,
  endedInNote,
  inputPrint,
  pushedBy,
  refusedInNote,
  sameAsSent,
  sentKey,
  sentNote,
  sentZoneName,
  withEnded,
} from '../../src/core/push/sent-print';
import type { CellValue } from '../../src/core/table/build-table';

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
    // A delete is no new row: sent again, it deletes what it names.
    expect(changedMessage('state_edits', 'delete')).toContain(
      'To send the delete, clear its Push status and Assembled ID.',
    );
  });

  it('does not tell a time-off request already cancelled, denied or deleted to be cancelled first, nor that Assembled still has it', () => {
    expect(changedMessage('time_off', '', 'created')).toContain('cancel the request (Time off to cancel');
    const again =
      'To ask for this time off again, clear Push status and Assembled ID and push the row; if it is not wanted any more, delete the row.';
    expect(changedMessage('time_off', '', 'cancelled')).toBe(
      `Changed since it was pushed: not sent again, and the request it made was cancelled in Assembled since. ${again}`,
    );
    expect(changedMessage('time_off', '', 'Denied ', 'Denied in Assembled.')).toBe(
      `Changed since it was pushed: not sent again, and Assembled denied the request it made. ${again} Assembled's last word on it: Denied in Assembled.`,
    );
    // Sync's words that say what to do are not said twice.
    const deleted = `Deleted in Assembled: it has no request with this Assembled ID any more. ${again}`;
    expect(changedMessage('time_off', '', 'deleted', deleted)).toBe(
      `Changed since it was pushed: not sent again, and the request it made was deleted in Assembled since. Assembled's last word on it: ${deleted}`,
    );
  });

  it('lets a kind whose resend replaces or repeats harmlessly be sent as a new row', () => {
    expect(changedMessage('time_off_cancel')).toContain(
      'To send it as a new row, clear its Push status and Assembled ID.',
    );
    // A kind Assembled gives no id has no Assembled ID to clear: Pushed at beside the note marks it pushed.
    expect(changedMessage('activities_clear')).toContain(
      'To send it as a new row, clear its Push status and Pushed at.',
    );
    expect(changedMessage('associations')).toBe(
      'Changed since it was pushed: not sent again, so Assembled still has it as it was. An association is safe to send again: to send the change, clear its Push status and Pushed at.',
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

describe('what a pushed row held, in its note', () => {
  const zone = intlZone('America/New_York');
  const header = ['Action', 'Activity ID', 'Agent', 'Type', 'Start', 'End', 'Description'];
  const read = matchHeader('activities', header);
  if (!read.ok) throw new Error(read.problem);
  const { map } = read;
  const at = (iso: string) => new Date(iso);
  const row = [
    'create',
    '',
    'ava@example.com',
    'MTG',
    at('2027-01-05T14:00:00Z'),
    at('2027-01-05T15:00:30Z'),
    'a\nb',
  ];
  const note = sentNote(row, map, zone);

  it('reads as the filled columns and their values, a date as the sheet shows it, each on its line', () => {
    expect(note).toBe(
      "The row as it was pushed:\nAction: create\nAgent: ava@example.com\nType: MTG\nStart: 2027-01-05 09:00\nEnd: 2027-01-05 10:00:30\nDescription: a b\nIf the row is changed after it was pushed, Validate and Push say so. Sent while the spreadsheet's time zone was America/New_York.",
    );
    expect(sameAsSent(note, row, map, zone)).toBe(true);
    expect(changesSinceSent(note, row, map, zone)).toBe('');
  });

  it('names up to three changed columns with their pushed values, then counts the rest', () => {
    const later = at('2027-01-05T16:00:00Z');
    const one: CellValue[] = [...row];
    one[5] = later;
    expect(changesSinceSent(note, one, map, zone)).toBe('End was 2027-01-05 10:00:30 when pushed');
    const five: CellValue[] = [
      'update',
      'act-1',
      'bo@example.com',
      'BRK',
      at('2027-01-05T14:00:00Z'),
      later,
      '',
    ];
    expect(sameAsSent(note, five, map, zone)).toBe(false);
    expect(changesSinceSent(note, five, map, zone)).toBe(
      'Action was create, Activity ID was empty and Agent was ava@example.com when pushed, and 3 more columns changed',
    );
  });

  it("keeps Sync time off's word on a request that ended beside what was sent, read as before", () => {
    const ended = withEnded(note, 'cancelled');
    expect(ended).toBe(
      `${note}\nSync time off found the request cancelled in Assembled. To ask for this time off again, clear Push status and Assembled ID and push the row; if it is not wanted any more, delete the row.`,
    );
    expect(endedInNote(ended)).toBe(true);
    expect(endedInNote(note)).toBe(false);
    // The words of notes synced before are still read, and give way to these.
    const older = `${note}\nSync time off found the request cancelled in Assembled: pushed again, the row asks for this time off anew.`;
    expect(endedInNote(older)).toBe(true);
    expect(withEnded(older, 'cancelled')).toBe(ended);
    // Said once, the latest word in place of the one before; gone when the request stands.
    expect(withEnded(ended, 'deleted')).toBe(withEnded(note, 'deleted'));
    expect(withEnded(ended, undefined)).toBe(note);
    expect(sameAsSent(ended, row, map, zone)).toBe(true);
    expect(sentZoneName(ended)).toBe('America/New_York');
    expect(sentKey(ended)).toEqual(sentKey(note));
    const moved: CellValue[] = [...row];
    moved[6] = 'c';
    expect(changesSinceSent(ended, moved, map, zone)).toBe('Description was a b when pushed');
    // A note of the older form, a print, the same; a note with no print of the row is left alone.
    const old = `What the add-on sent, kept as ${inputPrint(row, map)}: if the row is changed after it was sent, Validate and Push say so.`;
    expect(sameAsSent(withEnded(old, 'denied'), row, map, zone)).toBe(true);
    expect(sentKey(withEnded(old, 'denied'))).toEqual({ form: 'input', key: inputPrint(row, map) });
    expect(withEnded('A note of my own', 'cancelled')).toBe('A note of my own');
  });

  it('names who pushed the row on a line of its own, read the same as a note without it', () => {
    const named = sentNote(row, map, zone, { by: 'ana@example.com' });
    expect(named).toBe(`${note}\nPushed by ana@example.com.`);
    const ended = withEnded(named, 'denied');
    const refused = sentNote(row, map, zone, { refused: true, by: 'ana@example.com' });
    for (const n of [named, ended, refused]) {
      expect(pushedBy(n)).toBe('ana@example.com');
      expect(sameAsSent(n, row, map, zone)).toBe(true);
      expect(sentKey(n)).toEqual(sentKey(note));
      expect(sentZoneName(n)).toBe('America/New_York');
    }
    expect(withEnded(ended, undefined)).toBe(named);
    expect(refusedInNote(refused)).toBe(true);
    expect(pushedBy(note)).toBeUndefined();
  });
});
