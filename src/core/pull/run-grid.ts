// A schedule-grid pull: fetch the window's activities, draw them (schedule-grid.ts), and replace the
// previous picture in the target. The picture is built before the sheet is touched, so a failed
// fetch leaves the old grid in place.
import type { AssembledClient, Team } from '../assembled';
import type { Zone } from '../ports';
import { cellName } from '../sheet/a1';
import type { Extent } from '../sheet/grid';
import { writePicture } from '../sheet/write-picture';
import { checkCellLimit, refuseCovering, type WriteOptions } from '../sheet/write-table';
import type { CellValue } from '../table/build-table';
import { namesakes } from './namesakes';
import type { PullFilters } from './pull-spec';
import { fitMade, type OpenTarget } from './pull-target';
import { type GridSlot, scheduleGrid } from './schedule-grid';
import { fetchActivities } from './schedule-records';

/** Pixels: "08:30" and a three-letter short name fit in Sheets' default font. */
const SLOT_WIDTH = 48;

/** `filters` undefined: a list whose every pick Assembled no longer has (gone-picks.ts), so none match. */
export function pullScheduleGrid(
  client: AssembledClient,
  filters: PullFilters | undefined,
  window: { start: number; end: number },
  minutes: GridSlot,
  zone: Zone,
  open: () => OpenTarget,
  note: string,
  refresh: boolean,
): { rows: number; label: string; legend: string } {
  // The teams list, read once if the filter or the labels need it: agents carry their teams' ids.
  let teams: readonly Team[] | undefined;
  const readTeams = () => (teams ??= client.listTeams());
  let names: Map<string, string> | undefined;
  const teamName = (id: string) => {
    names ??= new Map(readTeams().map((t) => [t.id, t.name ?? '']));
    return names.get(id) || id;
  };
  // The people list, read once if any agent is drawn: two rows of one name would be two people.
  let told: Map<string, string> | undefined;
  const namesake = (agentId: string) => {
    told ??= namesakes(client.listPeople(), (p) => p.agent_id);
    return told.get(agentId);
  };
  const list = filters ? fetchActivities(client, filters, window, readTeams) : [];
  const picture = scheduleGrid(list, window, minutes, zone, teamName, namesake);
  const target = open();
  const { grid } = target;
  const gridWidth = picture.grid.values[0]?.length ?? 0;
  const legendCol = target.col + gridWidth + 1;
  // The legend lies past the last slot, out of view: the frozen corner under "Team" and the
  // header's note say where, as the outcome does.
  const legend = `${cellName(target.row, legendCol)}:${cellName(
    target.row + picture.legend.values.length - 1,
    legendCol + (picture.legend.values[0]?.length ?? 1) - 1,
  )}`;
  (picture.grid.values[1] as CellValue[])[0] = `Legend at ${legend}`;
  const extent: Extent = {
    rows: Math.max(picture.grid.values.length, picture.legend.values.length),
    cols: gridWidth + 1 + (picture.legend.values[0]?.length ?? 0),
  };
  const previous = target.previous;
  const at: Pick<WriteOptions, 'mode' | 'row' | 'col' | 'refresh'> = {
    mode: 'replace',
    row: target.row,
    col: target.col,
    ...(refresh ? { refresh: true } : {}),
  };
  refuseCovering(grid, previous ? { ...at, previous } : at, extent);
  const reached = { rows: target.row + extent.rows - 1, cols: target.col + extent.cols - 1 };
  fitMade(target, reached);
  // Said in words before anything is cleared, as a table's pull does, not as Sheets' own refusal.
  checkCellLimit(grid, at, extent);
  grid.growTo(reached);
  // A picture whose rows were all deleted has nothing left to clear.
  if (previous?.rows) {
    grid.clear(target.row, target.col, previous.rows, previous.cols);
    grid.clearFormats?.(target.row, target.col, previous.rows, previous.cols);
  }
  writePicture(grid, target.row, target.col, picture.grid);
  writePicture(grid, target.row, legendCol, picture.legend);
  grid.styleHeader(target.row, target.col, gridWidth, `${note}\nLegend at ${legend}, right of the grid`);
  // Slot columns just wide enough for a short name or a time; team and agent, days and times stay
  // in view when the picture starts at A1 (freezing past it would freeze the user's cells too).
  grid.layoutPicture?.({
    col: target.col + picture.labelColumns,
    cols: gridWidth - picture.labelColumns,
    width: SLOT_WIDTH,
    freeze: target.col === 1 ? picture.labelColumns : 0,
    freezeRows: target.row === 1 ? picture.headerRows : 0,
  });
  target.remember(extent);
  return { rows: picture.grid.values.length - picture.headerRows, label: target.label, legend };
}
