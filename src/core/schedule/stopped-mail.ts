// The e-mail to a refresh's owner when another editor pauses or removes it (manage.ts). Without it
// their sheet stopped refreshing without a word, until they opened Scheduled refreshes. Laid out
// as the failure e-mail is, with its care for names set by others (failure-mail.ts quoteAsData).
import { menuPath } from '../menu-names';
import type { Zone } from '../ports';
import { formatLocalDateTime } from '../time/zone-math';
import { quoteAsData, refreshLine, whatOf } from './failure-mail';
import { type KeptRows, keptRows, keptToOwner } from './kept-rows';
import { type Refresh, rowsLastWritten } from './refresh';
import { ITS_CARD } from './run-now-pulls';

export interface StoppedNotice {
  /** As it was stopped, its sheet called by the name its tab has now. */
  refresh: Refresh;
  how: 'paused' | 'removed';
  /** Who did it, as its card and the log name them. */
  by: string;
  /** What its target holds (kept-rows.ts), its time in the spreadsheet's zone; absent, none is known. */
  kept?: KeptRows;
}

export function stoppedNotice(
  refresh: Refresh,
  how: StoppedNotice['how'],
  by: string,
  zone: Zone,
): StoppedNotice {
  // The rows last written (this pause's stopped run wrote none).
  const good = rowsLastWritten(refresh);
  if (!good) return { refresh, how, by };
  const at = `${formatLocalDateTime(good.at, zone)} (${zone.name})`;
  return { refresh, how, by, kept: keptToOwner(refresh, good, at) };
}

/** Said to the editor whose Pause or Remove was e-mailed (the e-mail went), beside "Paused.". */
export const ownerToldWords = (r: Pick<Refresh, 'owner'>) => `Its owner, ${r.owner}, has been e-mailed.`;

const itsTarget = (r: Refresh) => (r.spec.target.kind === 'bigquery' ? 'table' : 'sheet');

/** What its target holds now, said as its card says it: nothing is written into it any more. */
function keptWords({ refresh, kept }: StoppedNotice): string {
  const its = `Its ${itsTarget(refresh)}`;
  return kept ? `${its} ${keptRows(refresh.spec.mode, kept)}.` : `${its} keeps what it holds now.`;
}

export function stoppedMail(
  notice: StoppedNotice,
  spreadsheet: { name: string; url: string },
): { subject: string; body: string } {
  const { refresh, how, by } = notice;
  const paused = how === 'paused';
  return {
    // Who, in the body: their address may be hidden, and "an editor whose e-mail …" runs long.
    subject: `Your Assembled scheduled refresh was ${how} by another editor: ${whatOf(refresh)}`,
    body: [
      `A scheduled refresh you own was ${paused ? 'paused' : 'removed from the spreadsheet'} by ${by}.`,
      '',
      `Spreadsheet: ${quoteAsData(spreadsheet.name)}`,
      refreshLine(refresh),
      '',
      paused ? 'It runs no more until you resume it.' : 'It is gone: it runs no more.',
      keptWords(notice),
      paused
        ? `To have it run again, press Resume on ${ITS_CARD}.`
        : `To have it run again, set it up again: pull the same data into its ${itsTarget(refresh)} from ${menuPath('pull')}, then press Save scheduled refresh.`,
      '',
      `Open the spreadsheet: ${spreadsheet.url}`,
    ].join('\n'),
  };
}
