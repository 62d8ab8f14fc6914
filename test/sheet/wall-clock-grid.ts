// A MemoryGrid that holds date-times as Sheets does, as wall-clock times in the spreadsheet's zone
// with no offset: a time the clocks go back over reads back as its first instant, whichever it was.
import type { Zone } from '../../src/core/ports';
import type { CellValue } from '../../src/core/table/build-table';
import { offsetsShowing, wallClock } from '../../src/core/time/wall-clock';
import { MemoryGrid } from './memory-grid';

export class WallClockGrid extends MemoryGrid {
  constructor(readonly zone: Zone) {
    super();
  }
  override read(row: number, col: number, rows: number, cols: number): CellValue[][] {
    return super.read(row, col, rows, cols).map((line) =>
      line.map((v) => {
        if (!(v instanceof Date)) return v;
        const wall = wallClock(v.getTime(), this.zone);
        return new Date(wall - Math.max(...offsetsShowing(wall, this.zone)) * 60_000);
      }),
    );
  }
}
