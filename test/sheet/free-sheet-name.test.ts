import { describe, expect, it } from 'vitest';
import { freeSheetName } from '../../src/core/sheet/free-sheet-name';

describe('a new sheet name no sheet has yet', () => {
  it('is the name itself while it is free', () => {
    expect(freeSheetName('Teams', ['Sheet1', 'Teams 2'])).toBe('Teams');
  });

  it('numbers the name past the sheets that have it, whatever their case', () => {
    expect(freeSheetName('Teams', ['teams'])).toBe('Teams 2');
    expect(freeSheetName('Teams', ['Teams', 'TEAMS 2', 'Teams 4'])).toBe('Teams 3');
  });
});
