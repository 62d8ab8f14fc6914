import { KEY_REFUSED } from '../../../core/assembled/errors';
import type { ReportGranularity, ReportType } from '../../../core/assembled/model';
import { type BigQueryField, bigQueryFieldProblem } from '../../../core/bigquery/target-fields';
import { countText } from '../../../core/count-text';
import { duration } from '../../../core/duration';
import { menuPath } from '../../../core/menu-names';
import {
  CHANNEL_HINT,
  CHANNELS,
  type FilterName,
  GRANULARITY_WORDS,
  MAX_NOTE_NAMED,
  type NamedList,
} from '../../../core/pull/catalogue';
import { namesOf, splitFilters, tickedAway } from '../../../core/pull/left-filters';
import { keyHeaders, keyNotHeadedText, mergeKeyProblem } from '../../../core/pull/merge-key';
import { modeLabel, modeNote } from '../../../core/pull/mode-words';
import { backWords, leftWords, movedWords } from '../../../core/pull/moved-words';
import { otherSourceAsked } from '../../../core/pull/other-source';
import type { PullAgain } from '../../../core/pull/pull-again';
import {
  type FilterNames,
  type PullFilters,
  type PullSpec,
  type PullTarget,
  replacedWhole,
  sourceLabel,
} from '../../../core/pull/pull-spec';
import {
  describeTarget,
  quotedTarget,
  refusesTarget,
  rowsTerm,
  targetSheet,
} from '../../../core/pull/pull-target';
import type {
  ActiveCell,
  ChoiceKind,
  JobView,
  PullOptions,
  SourceChoice,
} from '../../../core/pull/pull-view';
import { eachFilter } from '../../../core/pull/pull-words';
import { dataLabel, formChangedWords, madeWords, rerunsWords } from '../../../core/pull/reruns-words';
import { takenWords } from '../../../core/pull/taken-words';
import { suggestedFrequency } from '../../../core/schedule/suggested-frequency';
import { sheetCell } from '../../../core/sheet/a1';
import { freeSheetName, isDataName } from '../../../core/sheet/free-sheet-name';
import type { DateRangeSpec, RelativePreset } from '../../../core/time/date-range';
import { datesWords } from '../../../core/time/dates-words';
import { DAYS_BACK_MAX, DAYS_BACK_MIN, daysBackProblem } from '../../../core/time/days-back';
import { fixedDatesMissing, fixedDatesOutside, yearUnfinished } from '../../../core/time/fixed-dates';
import { answerOrder } from '../../answer-order';
import { askInPage, putAwayQuestion } from '../../ask-in-page';
import { checkAgain } from '../../check-again';
import {
  busy,
  byId,
  el,
  markInvalid,
  requestKey,
  sayInLine,
  showAnswer,
  showStatus,
  stayAtOutcome,
  waitAtProgress,
} from '../../dom';
import { focusHeading } from '../../first-focus';
import { firstRead } from '../../first-read';
import { createFrequencyForm, type FrequencyForm } from '../../frequency-form';
import { keyNoticeSaying, showKeyNotice } from '../../key-notice';
import { lookWhenBack, pointerInSidebar } from '../../look-when-back';
import { createPicker, type Picker, Unavailable } from '../../picker';
import { callServer, errorMessage } from '../../rpc';
import { keepFocusClear } from './dock';

const form = byId<HTMLFormElement>('pull');
const source = byId<HTMLSelectElement>('source');
const granularity = byId<HTMLSelectElement>('granularity');
const granularityHint = byId('granularityHint');
const preset = byId<HTMLSelectElement>('preset');
const days = byId<HTMLInputElement>('days');
const from = byId<HTMLInputElement>('from');
const to = byId<HTMLInputElement>('to');
const preview = byId('rangePreview');
const filtersBox = byId('filters');
const newSheet = byId<HTMLInputElement>('newSheet');
const sheet = byId<HTMLSelectElement>('sheet');
const mode = byId<HTMLSelectElement>('mode');
const mergeKey = byId<HTMLInputElement>('mergeKey');
const status = byId('status');
const run = byId<HTMLButtonElement>('run');
const again = byId<HTMLButtonElement>('againButton');
const againSaid = byId('againSaid');
const scheduleAgain = byId<HTMLButtonElement>('scheduleAgain');
const goTo = byId<HTMLButtonElement>('goToSheet');
const goToRefused = byId('goToRefused');

const showDock = keepFocusClear(byId('dock'), byId('jobStage'));

let options: PullOptions;
let pickers = new Map<FilterName, Picker>();
/** Each list picked from by name: its kind and label. */
const PICKERS: Partial<Record<FilterName, [ChoiceKind, string]>> = {
  queue_ids: ['queues', 'Queues'],
  team_ids: ['teams', 'Teams'],
  site_ids: ['sites', 'Sites'],
  agent_ids: ['agents', 'Agents'],
  activity_type_ids: ['activity_types', 'Activity types'],
};

const radio = (name: string) => (form.querySelector(`input[name=${name}]:checked`) as HTMLInputElement).value;
const current = (): SourceChoice => options.sources[Number(source.value)] as SourceChoice;

function option(value: string, text: string): HTMLOptionElement {
  return el('option', { value }, text);
}

function fillForm(o: PullOptions): void {
  const groups = {
    report: el('optgroup', { label: 'Reports' }),
    resource: el('optgroup', { label: 'Reference data' }),
  };
  o.sources.forEach((s, i) => {
    groups[s.kind].append(option(String(i), s.label));
  });
  source.replaceChildren(groups.report, groups.resource);
  granularity.replaceChildren(
    ...o.granularities.map((g) => option(g, GRANULARITY_WORDS[g as ReportGranularity] ?? g)),
  );
  granularity.value = 'day';
  preset.replaceChildren(...o.presets.map((p) => option(p.id, p.label)));
  preset.value = 'last_week';
  showTargets(o);
  onSourceChange();
}

/** The sheets to pull into and the active cell, keeping the sheet picked if it is still there. */
function showTargets(o: PullOptions): void {
  // The pick is the sheet chosen, or the one already said to be gone (until another is chosen).
  const picked = sheet.value || (sheet.selectedOptions[0]?.dataset.gone ?? '');
  sheet.replaceChildren(...o.sheets.map((s) => option(s, s)));
  if (o.sheets.includes(picked)) sheet.value = picked;
  // Never another sheet in its place without a word: that one would be written over.
  else if (picked) {
    const gone = el('option', { value: '', disabled: true }, `"${picked}" is gone: pick a sheet`);
    gone.dataset.gone = picked;
    sheet.prepend(gone);
    sheet.value = '';
  }
  // None picked yet: the sheet in front, the one "Existing sheet" most likely means.
  else if (o.sheets.includes(o.activeCell.sheet)) sheet.value = o.activeCell.sheet;
  showCell();
  showAgain(o);
  offerName();
}

/**
 * The cell a pull put back in the form (Change it) wrote at: it writes there again, not at
 * whatever cell is selected now, until the user asks for the selected one.
 */
let pinned: { sheet: string; a1: string } | undefined;

function showCell(): void {
  const at: ActiveCell = pinned ?? options.activeCell;
  const cellAt = byId('cellAt');
  cellAt.textContent = at.a1
    ? `Starting at ${sheetCell(at.sheet, at.a1)}${pinned ? ', where this pull wrote.' : ''}`
    : cellUnread(at.unread);
  if (at.a1) delete cellAt.dataset.tone;
  else cellAt.dataset.tone = 'error';
  byId('useSelected').hidden = !pinned;
  showKept();
}

/** Why "Active cell" has no cell: the selection could not be read (getPullOptions says why). */
const cellUnread = (why = '') =>
  `Could not read the selected cell: ${why.trim().replace(/\.?$/, '.')} Select a cell inside the sheet, then press Pull data again.`;

/** A pull to "Active cell" with none read (read again just before): refused, saying why. */
function needCell(): void {
  if (radio('targetKind') === 'cell' && !pinned && !options.activeCell.a1)
    throw new Error(cellUnread(options.activeCell.unread));
}
byId('useSelected').addEventListener('click', () => {
  placeChosen();
  pinned = undefined;
  showCell();
  refreshTargetsQuietly();
});

/** Whether the new sheet's name was typed (cleared, it is offered again); else it is offered: the data's, unless a sheet has that. */
let nameTyped = false;

/** The name one click would pull into is never another sheet's (a typed one is kept, and said). */
function offerName(): void {
  if (!nameTyped) newSheet.value = freeSheetName(current().label, options.sheets);
  showNameTaken();
}

/**
 * A "new" sheet named like one already there is that sheet (names are unique whatever their
 * case): the pull writes into it, so the form says so before a sheet of the user's is written over.
 */
function showNameTaken(): void {
  const hint = byId('newSheetHint');
  const name = newSheet.value.trim().toLowerCase();
  const taken = options?.sheets.find((s) => s.toLowerCase() === name);
  hint.hidden = !taken;
  showModeForNew(!taken);
  if (!taken) return;
  const how = mode.selectedOptions[0]?.textContent?.split(':')[0]?.toLowerCase() ?? 'replace it';
  const held = heldIn(name);
  hint.textContent = takenWords({
    sheet: taken,
    mode: mode.value as PullSpec['mode'],
    how,
    source: chosenSource(),
    made: name === made?.name,
    ...(held === undefined ? {} : { held }),
  });
}

/**
 * What the form knows the sheet of that name (lower case) holds, as its header note names it: the
 * pull shown made it, or the card's pull filled it from A1 (the sheet in front); else undefined.
 */
function heldIn(name: string): string | undefined {
  if (name === made?.name) return made.held;
  const again = options.again;
  const t = again?.spec.target;
  const atA1 = t?.kind === 'new_sheet' || t?.kind === 'sheet' || (t?.kind === 'cell' && t.a1 === 'A1');
  return again && atA1 && options.activeCell.sheet.toLowerCase() === name
    ? sourceLabel(again.spec.source)
    : undefined;
}
/**
 * Into a sheet not there yet (`fresh`), "If the target has data" has nothing to act on now: said
 * under it, with what it is for. Not greyed: a merge or append kept for later runs (a refresh of a
 * moving range that keeps its past days) starts with a pull into a new sheet.
 */
function showModeForNew(fresh: boolean): void {
  byId('modeNew').hidden = !(fresh && radio('targetKind') === 'new_sheet' && !mode.disabled);
  describeMode();
}

/** The mode's field read out with what is said under it. */
function describeMode(): void {
  const said = ['modeNew', 'modeKept'].filter((id) => !byId(id).hidden);
  if (said.length) mode.setAttribute('aria-describedby', said.join(' '));
  else mode.removeAttribute('aria-describedby');
}

/** The new sheet the pull shown made (lower case) and its data, so its name is not warned of as if another's. */
let made: { name: string; held: string } | undefined;
newSheet.addEventListener('input', () => {
  nameTyped = newSheet.value.trim() !== '';
  showNameTaken();
});

/**
 * Keeps the form where it is on screen across `change` to the card above it while the pointer is
 * over the form: back from the sheet, it is on its way to a field, and a card come or gone above it
 * would put another field under it. The page scrolls by what the card added or took; what it cannot
 * scroll (a card gone near the top, a page too short) is kept as space above or below the form,
 * closed at the next change made with the pointer away. Over the heading, nothing under the pointer
 * moves, and the card is seen.
 */
function keepFormStill(change: () => void): void {
  const top = form.getBoundingClientRect().top;
  const y = pointerInSidebar();
  const still = y !== undefined && y >= top;
  if (!still) form.style.margin = '';
  change();
  if (!still) return;
  const px = (v: string) => Number.parseFloat(v) || 0;
  const bare = form.getBoundingClientRect().top + window.scrollY - px(form.style.marginTop);
  const above = Math.max(0, top - bare);
  form.style.marginTop = above ? `${above}px` : '';
  const to = bare + above - top;
  const short = to - (document.documentElement.scrollHeight - window.innerHeight);
  if (short > 0) form.style.marginBottom = `${px(form.style.marginBottom) + short}px`;
  window.scrollTo(window.scrollX, to);
}

/** With a sheet the add-on filled in front: what filled it, and a button to pull it again. */
function showAgain(o: PullOptions): void {
  keepFormStill(() => fillAgain(o));
}
function fillAgain(o: PullOptions): void {
  byId('again').hidden = !o.again;
  if (!o.again) return;
  // A table placed at a cell is named by its cell: the sheet may hold others.
  const t = o.again.spec.target;
  byId('againTitle').textContent = `"${o.activeCell.sheet}${t.kind === 'cell' ? `!${t.a1}` : ''}"`;
  byId('againWhat').textContent = `Last filled with ${o.again.what}.`;
  byId('againHow').textContent = `${o.again.how} Or change it in the form below.`;
  // Said before the button is pressed, not only by the replace after: the user's own columns stay
  // put while the rows may come back in another order.
  const kept = o.again.spec.mode === 'replace' ? o.again.kept : undefined;
  const keptSaid = byId('againKept');
  keptSaid.hidden = !kept;
  keptSaid.textContent = kept ?? '';
  if (kept) again.setAttribute('aria-describedby', keptSaid.id);
  else again.removeAttribute('aria-describedby');
  byId('mergeAgain').hidden = !kept;
  const scheduled = byId('againScheduled');
  scheduled.hidden = !o.again.scheduled;
  scheduled.textContent = `Also refreshed ${o.again.scheduled ?? ''} (${menuPath('refreshes')}).`;
  // Offered as after a pull, so a sheet filled earlier need not be pulled again to schedule it.
  scheduleAgain.hidden = !!o.again.scheduled || o.again.spec.range?.kind === 'absolute';
  showWaiting();
}

/** Reads of the sheets and the zone, numbered as asked (answer-order.ts). */
const targetReads = answerOrder();

/**
 * Sheets are added and cells selected while the sidebar is open (a pull makes a sheet; the user
 * clicks in the grid): read them again when the user comes back or picks a target, and before a
 * pull to the active cell.
 */
async function refreshTargets(told = false): Promise<void> {
  if (!options) return;
  const asked = targetReads.ask();
  const o = await callServer('getPullOptions');
  // Asked before the one drawn (a read as the person came back, answered after a refused Save's):
  // it may name the zone File ▸ Settings has changed since.
  if (!targetReads.newer(asked)) return;
  // File ▸ Settings may have changed the spreadsheet's zone (or midnight passed there): the range
  // shown, and the hour of a refresh being saved, are in the zone the pull will use.
  const moved = o.timezone !== options.timezone || o.today !== options.today;
  options = { ...options, sheets: o.sheets, activeCell: o.activeCell, today: o.today, timezone: o.timezone };
  // Told by a refusal, the form says nothing more, though a read before it named the zone already.
  if (moved || told) scheduleForm?.nameZone(o.timezone, told);
  if (moved) void updatePreview();
  if (o.again) options.again = o.again;
  else delete options.again;
  showTargets(options);
  showKeyNow(o.keyMissing);
}

/**
 * The key saved (or cleared) in Settings while the sidebar was open, as read with the sheets: the
 * notice at the top, the line beside Pull it again and the lists that said there was none follow.
 */
function showKeyNow(keyMissing: string | undefined): void {
  const was = options.keyMissing;
  if (keyMissing === was) return;
  if (keyMissing) options.keyMissing = keyMissing;
  else delete options.keyMissing;
  showKeyNotice({ keyMissing });
  // A key saved since a list was refused is asked for the lists afresh.
  if (!keyMissing) keyRefused = false;
  if (was && againSaid.textContent === was) sayAtAgain('');
  // The lists asked for now, the ticks kept.
  if (!keyMissing && pickers.size) showFilters(filters());
}
/** `told`: a refusal of the refresh's save said the zone changed (zone-shown.ts): the form need not. */
const refreshTargetsQuietly = (told?: boolean) => void refreshTargets(told).catch(() => undefined);
lookWhenBack(() => refreshTargets().catch(() => undefined));

/** Assembled refused the key as a list was read: later lists are not asked for. */
let keyRefused = false;
/** What a list says, in grey, for want of a key; the notice at the top says why and what to do. */
const KEY_REFUSED_BRIEF = 'Listed once Assembled accepts your API key.';
const NO_KEY_BRIEF = 'Listed once your API key is saved.';

/** One request per list for the life of the sidebar (the server caches across sidebars). */
const cache = new Map<ChoiceKind, ReturnType<typeof callServer<'listChoices'>>>();
function choices(kind: ChoiceKind) {
  const hit = cache.get(kind);
  if (hit) return hit;
  const loading = callServer('listChoices', kind).catch((error: unknown) => {
    if (!errorMessage(error).includes(KEY_REFUSED)) throw error;
    // Every list, and the pull, would be refused alike: said once, at the top, as a missing key is.
    keyRefused = true;
    showKeyNotice({ keyMissing: KEY_REFUSED });
    throw new Unavailable(KEY_REFUSED_BRIEF);
  });
  cache.set(kind, loading);
  // A failure is not kept: the picker's Try again asks the server afresh.
  loading.catch(() => cache.delete(kind));
  return loading;
}

/**
 * The source's own key as shown. Left as it is, none is sent: a saved refresh then keys on the
 * source's key as the add-on defines it at each run, so a better key reaches refreshes saved before.
 */
let defaultKey = '';

/** Shows the choices the source takes; `initial` puts back the filters of a pull being changed. */
function onSourceChange(initial: PullFilters = {}): void {
  const s = current();
  byId('granularityRow').hidden = s.kind !== 'report';
  // The grid is a picture, always replaced whole.
  const grid = s.id === 'schedule_grid';
  byId('gridMinutesRow').hidden = !grid;
  if (grid) mode.value = 'replace';
  mode.disabled = grid;
  byId('whenSet').hidden = s.range === 'none';
  // A name typed is the person's, whatever the Data: only an offered one follows it, and one typed
  // as any data's own name ("People", "People 2"), which would put other data in a sheet named so;
  // not only the data chosen before, as a name kept once would stay for good (Teams into "People").
  if (nameTyped && options.sources.some((o) => isDataName(newSheet.value, o.label))) nameTyped = false;
  offerName();
  // The key as the sheet's header reads it (the API field names are accepted too).
  mergeKey.value = defaultKey = keyHeaders(s.key);
  showKeyProblem('');
  showFilters(initial);
  void updatePreview();
}

/** The filters the source takes, `initial` ticked or filled. */
function showFilters(initial: PullFilters): void {
  const s = current();
  pickers = new Map();
  const nodes: Node[] = [];
  for (const f of s.filters) {
    const picker = PICKERS[f];
    if (picker) {
      const p = createPicker(
        f,
        picker[1],
        () => choices(picker[0]),
        initial[f] as string[] | undefined,
        // Each list would fail alike: the notice above says why, once.
        keyRefused || options.keyMissing === KEY_REFUSED
          ? KEY_REFUSED_BRIEF
          : options.keyMissing
            ? NO_KEY_BRIEF
            : undefined,
        // What a queue with others under it means for this report (catalogue.ts).
        f === 'queue_ids' ? s.queues : undefined,
      );
      pickers.set(f, p);
      nodes.push(p.root);
      // Loaded, the list names what is ticked (after the picker has filled: it asked first), and
      // the queues' list has the line under the range count a report for each queue.
      if (!options.keyMissing && !keyRefused)
        choices(picker[0]).then(
          (list) => {
            showInForce();
            if (f !== 'queue_ids' || list.length === queuesListed) return;
            queuesListed = list.length;
            void updatePreview();
          },
          () => undefined,
        );
    } else if (f === 'status') {
      const select = el('select', { id: 'status_filter' }, option('', 'Any status'));
      for (const st of ['pending', 'approved', 'denied', 'cancelled']) select.append(option(st, st));
      select.value = initial.status ?? '';
      nodes.push(el('label', { for: 'status_filter' }, 'Status'), select);
    } else if (f === 'channel') {
      const select = el(
        'select',
        { id: 'channel_filter', 'aria-describedby': 'channel_filterAbout' },
        option('', 'Any channel'),
      );
      for (const ch of CHANNELS) select.append(option(ch, ch));
      select.value = initial.channel ?? '';
      nodes.push(
        el('label', { for: 'channel_filter' }, 'Channel'),
        el('p', { class: 'hint', id: 'channel_filterAbout' }, CHANNEL_HINT),
        select,
      );
    } else if (f === 'schedule_id') {
      nodes.push(
        el('label', { for: 'schedule_filter' }, 'Schedule id'),
        el('input', {
          id: 'schedule_filter',
          placeholder: 'Blank: the master schedule',
          value: initial.schedule_id ?? '',
        }),
      );
    } else if (f === 'priority_order') {
      nodes.push(
        el('label', { for: 'priority_order' }, 'Platform priority'),
        el('input', {
          id: 'priority_order',
          placeholder: 'Blank: every platform your people are on',
          value: initial.priority_order ?? '',
        }),
      );
    }
  }
  filtersBox.replaceChildren(...(nodes.length ? nodes : ['This data takes no filters.']));
  showInForce();
}

/**
 * Filters ticked for the data chosen before, which the new data takes too (a team for another
 * report), are kept: useful, but said beside Pull data until it is pressed or they are cleared.
 */
let keptFrom = false;

/** Beside Pull data, the filters it would send, in the log's words: never one unseen far up a list. */
function showInForce(): void {
  const words = eachFilter(filters(), filterNames());
  byId('inForce').hidden = !current().filters.length;
  byId('clearFilters').hidden = !words.length;
  if (!words.length) keptFrom = false;
  byId('inForceWords').textContent = words.length
    ? `Filters in force: ${words.join(', ')}${keptFrom ? ' (some kept from the data chosen before)' : ''}.`
    : 'Filters in force: none.';
  byId('inForce').classList.toggle('warn', keptFrom);
}
form.addEventListener('change', showInForce);
// A queue ticked or not changes how many reports the line under the range counts.
filtersBox.addEventListener('change', (event) => {
  if (pickers.get('queue_ids')?.root.contains(event.target as Node)) void updatePreview();
});
form.addEventListener('input', showInForce);
byId('clearFilters').addEventListener('click', () => {
  keptFrom = false;
  showFilters({});
  showFormChanged();
  // The button is gone with the filters: the keyboard goes to the first of them.
  filtersBox.querySelector<HTMLElement>('input, select')?.focus();
});

function range(): DateRangeSpec | undefined {
  if (current().range === 'none') return undefined;
  if (radio('rangeKind') === 'absolute') return { kind: 'absolute', from: from.value, to: to.value };
  const p = preset.value as RelativePreset;
  return p === 'days_back'
    ? { kind: 'relative', preset: p, days: Number(days.value) }
    : { kind: 'relative', preset: p };
}

/**
 * The date fields left by the user (or checked by Pull data): a date missing there is a mistake.
 * One not reached yet is only a hint: From filled, To is not wrong before the user gets to it.
 */
const datesLeft = new Set<HTMLElement>();
for (const field of [from, to])
  field.addEventListener('blur', () => {
    datesLeft.add(field);
    // The hint that this date is missing becomes a mistake (nothing checked again, nothing moves).
    if (rangeProblem && rangeField === field) showRangeProblem(rangeProblem, field, 'error');
  });

/** Bumped by each check of the range: Apps Script runs sidebar calls side by side, so answers may cross. */
let previewSerial = 0;
/** The range as last previewed ("2026-05-18 to 2026-05-24"), and why it cannot be pulled ('' if it can). */
let previewed = '';
/** The zone `previewed` was said in, as the server resolved it: the form's may be read anew meanwhile. */
let previewedIn = '';
/** The zone the form shows its range in, sent with a pull: in another now, it does not start. */
const shownZone = () => (previewed ? previewedIn : options.timezone);
let rangeProblem = '';
/** The field to fix for `rangeProblem`: Pull data puts the focus there. */
let rangeField: HTMLElement = preset;
/** The range problem Pull data said on the status line, which goes once the range is checked again. */
let rangeRefused = '';

/**
 * Says under the range what is wrong with it. Without a tone it is a hint (Fixed dates chosen,
 * nothing typed yet: no mistake made), said as a problem once Pull data is pressed.
 */
function showRangeProblem(problem: string, field: HTMLElement, tone?: 'error'): void {
  preview.textContent = rangeProblem = problem;
  rangeField = field;
  if (tone) preview.dataset.tone = tone;
  else delete preview.dataset.tone;
  // A problem is tied to its field while it stands, as the merge key's is.
  if (tone) markInvalid(field, preview.id);
}

/**
 * What the form tells of the range by itself, at once: which fields it takes, and a Days back out
 * of bounds. Gives the range for the server to resolve, when there is one.
 */
function checkRange(): DateRangeSpec | undefined {
  // An answer on its way is for a range the form no longer holds.
  previewSerial++;
  const relative = radio('rangeKind') === 'relative';
  byId('relativeRow').hidden = !relative;
  byId('absoluteRow').hidden = relative;
  byId('daysRow').hidden = preset.value !== 'days_back';
  const r = range();
  granularityHint.hidden = true;
  previewed = rangeProblem = '';
  // Pull data's refusal quotes dates the form may no longer hold; any problem left is said anew.
  if (rangeRefused && status.textContent === rangeRefused) showStatus(status, '');
  rangeRefused = '';
  delete preview.dataset.tone;
  for (const field of [preset, days, from, to]) markInvalid(field);
  preview.textContent = '';
  if (!r) return undefined;
  // A date left out is said at once, not found by the server once the pull has started.
  // A year still being typed (0202) is not asked of the server as centuries of reports either.
  const missing =
    r.kind === 'absolute' ? (fixedDatesMissing(r.from, r.to) ?? fixedDatesOutside(r.from, r.to)) : undefined;
  if (missing) {
    const field = missing.field === 'from' ? from : to;
    // Nor said at each key (the line is live: 0002, 0020, 0202 were each read out): kept for the
    // field's blur to say, or Pull data's press.
    if (document.activeElement === field && yearUnfinished(field.value)) {
      rangeProblem = missing.problem;
      rangeField = field;
    } else showRangeProblem(missing.problem, field, datesLeft.has(field) ? 'error' : undefined);
    return undefined;
  }
  const problem = r.kind === 'relative' && r.preset === 'days_back' ? daysBackProblem(days.value) : undefined;
  if (problem) showRangeProblem(problem, days, 'error');
  return problem ? undefined : r;
}

/** Every queue Assembled lists, once the Queues filter's list is in. */
let queuesListed: number | undefined;

/**
 * The queues a report told apart by queue would be asked for, a report each (the server knows which
 * reports are, queue-parts.ts): those ticked, else every queue listed; undefined before the list is in.
 */
function queuesAsked(): number | undefined {
  return pickers.get('queue_ids')?.selected().length || queuesListed;
}

async function updatePreview(): Promise<void> {
  const r = checkRange();
  if (!r) return;
  const serial = previewSerial;
  try {
    const chosen = current();
    const report = chosen.kind === 'report';
    const {
      from: f,
      to: t,
      zone,
      note,
    } = await (report
      ? callServer(
          'previewRange',
          r,
          granularity.value as ReportGranularity,
          mode.value as PullSpec['mode'],
          chosen.id as ReportType,
          queuesAsked(),
        )
      : callServer('previewRange', r));
    if (serial !== previewSerial) return;
    previewed = datesWords({ from: f, to: t });
    previewedIn = zone;
    preview.textContent = `${previewed} (${previewedIn})`;
    // Said before the pull, not only in the header note after it.
    granularityHint.textContent = note ?? '';
    granularityHint.hidden = !note;
  } catch (error) {
    if (serial !== previewSerial) return;
    // A range that cannot be is a problem to fix, said in the colour of one.
    const field = r.kind === 'absolute' ? from : r.preset === 'days_back' ? days : preset;
    showRangeProblem(errorMessage(error), field, 'error');
  }
}

/** Days back is checked at each keystroke; the dates it gives are asked for once typing pauses. */
let typing: ReturnType<typeof setTimeout> | undefined;
days.min = String(DAYS_BACK_MIN);
days.max = String(DAYS_BACK_MAX);
days.addEventListener('input', () => {
  clearTimeout(typing);
  if (checkRange()) typing = setTimeout(updatePreview, 300);
});

function filters(): PullFilters {
  const out: PullFilters = {};
  for (const [name, picker] of pickers) {
    const ids = picker.selected();
    if (ids.length) (out as Record<string, string[]>)[name] = ids;
  }
  const st = document.getElementById('status_filter') as HTMLSelectElement | null;
  if (st?.value) out.status = st.value as PullFilters['status'];
  const po = document.getElementById('priority_order') as HTMLInputElement | null;
  if (po?.value.trim()) out.priority_order = po.value.trim();
  const ch = document.getElementById('channel_filter') as HTMLSelectElement | null;
  if (ch?.value) out.channel = ch.value as PullFilters['channel'];
  const sc = document.getElementById('schedule_filter') as HTMLInputElement | null;
  if (sc?.value.trim()) out.schedule_id = sc.value.trim();
  return out;
}

/** The ticked ids' names (the first MAX_NOTE_NAMED of a list): cards, the log and the header note say them. */
function filterNames(): FilterNames {
  const out: FilterNames = {};
  for (const [name, picker] of pickers) {
    const names = picker.names();
    if (names?.length) out[name as NamedList] = names.slice(0, MAX_NOTE_NAMED);
  }
  return out;
}

function target(): PullTarget {
  const kind = radio('targetKind');
  if (kind === 'sheet') return { kind: 'sheet', name: sheet.value };
  if (kind === 'cell') {
    const at = pinned ?? options.activeCell;
    return { kind: 'cell', sheet: at.sheet, a1: at.a1 ?? '' };
  }
  if (kind === 'bigquery') {
    const value = (id: string) => byId<HTMLInputElement>(id).value.trim();
    return {
      kind: 'bigquery',
      project: value('bqProject'),
      dataset: value('bqDataset'),
      table: value('bqTable'),
      ...(byId<HTMLInputElement>('bqView').checked ? { view: true } : {}),
    };
  }
  return { kind: 'new_sheet', name: newSheet.value };
}

/** The data chosen, as a spec names it. */
function chosenSource(): PullSpec['source'] {
  const s = current();
  return s.kind === 'report'
    ? { kind: 'report', report: s.id as never, granularity: granularity.value as never }
    : { kind: 'resource', resource: s.id as never };
}

function spec(): PullSpec {
  const s = current();
  const r = range();
  return {
    source: chosenSource(),
    ...(r ? { range: r } : {}),
    filters: filters(),
    filterNames: filterNames(),
    target: target(),
    mode: mode.value as PullSpec['mode'],
    ...(mode.value === 'merge' && mergeKey.value.trim() !== defaultKey
      ? { mergeKey: mergeKey.value.trim() }
      : {}),
    ...(s.id === 'schedule_grid'
      ? { gridMinutes: Number(byId<HTMLSelectElement>('gridMinutes').value) as 15 | 30 }
      : {}),
  };
}

/**
 * The job as last heard from the server, when, whether a check is under way, and why the last
 * check could not be made (it is made again: check-again.ts).
 */
let shown: { job: JobView; at: number; asking: boolean; trouble?: string } | null = null;
/** The pull the sidebar lost touch with and let go of: its progress stays, and Stop stops it. */
let lostTouch: string | undefined;
let pulling = false;
/** The kind of stage (its words, counts left out) last said to screen readers; '' before a pull. */
let saidState = '';

function showJob(job: JobView, asking = false): void {
  shown = { job, at: Date.now(), asking };
  lostTouch = undefined;
  paint();
  showWaiting();
}

/** Whether two pulls would write into one sheet (names are unique whatever their case) or table. */
const samePlace = (a: PullTarget, b: PullTarget) =>
  (a.kind === 'bigquery') === (b.kind === 'bigquery') &&
  targetSheet(a).trim().toLowerCase() === targetSheet(b).trim().toLowerCase();

/** A button as a sentence names it (Refresh on a schedule…, with no dots). */
const named = (button: HTMLButtonElement) => button.textContent?.replace(/…$/, '') ?? '';

/**
 * Pull data while a pull runs: free for another place, greyed with why for the place it writes
 * into (two pulls into one sheet would meet), and why the last press started nothing.
 */
function showRunWaits(): void {
  const into = pulling && !!followed && samePlace(followed.pulled.target, target());
  if (pulling) run.disabled = starting || into;
  // Of a second pull into that place: not said of the pull just started until the form is changed
  // for another (asked), which is what it would be.
  const words =
    runRefused ||
    (into && !starting && asked
      ? `Pull data waits for the pull into "${shown?.job.target ?? ''}" to end, as it writes there: stop it below, or choose another place to pull into.`
      : '');
  const line = byId('runWaits');
  sayInLine(line, words);
  if (runRefused) line.dataset.tone = 'error';
  else delete line.dataset.tone;
}
/** Why Pull data, pressed while a pull ran, started nothing; '' once the form changes. */
let runRefused = '';
/** The form changed since the pull followed was started: the person is at another pull. */
let asked = false;
form.addEventListener('input', () => {
  runRefused = '';
  asked = true;
  showRunWaits();
});
form.addEventListener('change', () => {
  asked = true;
  showRunWaits();
});

/** Under the card's buttons greyed while a pull runs: why, and the way to its progress below. */
function showWaiting(): void {
  showRunWaits();
  const greyed = [again, scheduleAgain].filter((button) => pulling && !button.hidden);
  byId('againWaits').hidden = !greyed.length;
  if (!greyed.length) return;
  const into = shown?.job.target ? ` into "${shown.job.target}"` : '';
  byId('againWaitsWhy').textContent =
    `${greyed.map(named).join(' and ')} ${greyed.length > 1 ? 'wait' : 'waits'} for the pull${into} to end.`;
}
// Pressed, it takes the focus there too (Tab goes on to Stop this pull).
byId('showProgress').addEventListener('click', () => {
  byId('jobStage').focus({ preventScroll: true });
  showDock();
});

/** Draws the progress; called on every answer and every second, so the clock never stands still. */
function paint(): void {
  if (!shown) return;
  const { job, at, asking } = shown;
  const over = job.nextPollInMs === 0;
  const since = over ? 0 : Date.now() - at;
  byId('job').hidden = false;
  byId('jobStage').textContent = job.stage;
  // Said aloud once as each kind of stage begins, in its words then ("Fetching page 1 of 12"):
  // not each page, nor each second this is drawn. A kind is the job's state (its words change as
  // counts come: "Writing rows", then "Writing rows 1 of 9"); waiting to try again is a kind of its
  // own, and so is going on after it. Each report of a range asked in parts begins its own: a pull
  // of 48 stays "generating" for many minutes, and "report 1 of 48" heard all along is stale.
  const waiting = job.stage.startsWith('Waiting') ? ' waiting' : '';
  const kind = `${job.state}${waiting}${job.part ? ` ${job.part}` : ''}`;
  if (kind !== saidState) {
    saidState = kind;
    byId('jobSaid').textContent = job.stage;
  }
  let detail = job.detail;
  // A failed request's retry is a try, as a push's is; a check is of a report being built.
  const tryIn = job.nextTryInMs - since;
  if (!over && job.nextTryInMs > 0)
    detail = `${job.detail} ${asking || tryIn < 500 ? 'Trying again now…' : `Next try in ${duration(tryIn)}.`}`;
  else if (!over && asking && job.state === 'running')
    detail = 'Asking Assembled whether the report is ready; once it is, its rows are fetched and written…';
  else if (!over && job.nextCheckInMs > 0)
    detail = `${job.detail} Next check in ${duration(job.nextCheckInMs - since)}.`;
  byId('jobDetail').textContent = over ? '' : detail;
  // Until the server has answered there is no job to stop. The focus is never put on it
  // (showStarting): a second press of Enter would stop the pull.
  byId('stopPull').hidden = over || !job.id;
  // Done into a sheet still there: the way to it (its rows landed behind the sheet in front).
  const sheetDone = job.state === 'done' ? job.sheet : undefined;
  goTo.hidden = !sheetDone;
  if (sheetDone) goTo.textContent = `Go to ${sheetDone.name}`;
  byId('jobWhat').textContent = job.what;
  byId('jobTarget').textContent = job.target;
  byId('jobElapsed').textContent = duration(job.elapsedMs + since);
  const left = !over && job.estimatedLeftMs !== null ? job.estimatedLeftMs - since : null;
  byId('jobLeftTerm').hidden = byId('jobLeft').hidden = left === null;
  byId('jobLeft').textContent = left === null ? '' : `about ${duration(left)}`;
  byId('jobRowsTerm').textContent = job.rowsTerm;
  byId('jobRows').textContent =
    job.rowsWords ??
    (job.state === 'done' || job.rows > 0 ? countText(job.rows) : over ? 'none' : 'none yet');
  byId('jobHint').hidden = over;
  byId('jobLeftBehind').textContent = leftBehind;
  byId('jobLeftBehind').hidden = !leftBehind;
  const failed = (job.state === 'failed' || job.state === 'stalled') && job.stage !== 'Stopped';
  const tone = job.state === 'done' ? 'ok' : failed ? 'error' : 'info';
  // A notice says why background runs will not finish the job (the sidebar still does).
  const said = job.state === 'done' || over ? job.message || job.stage : '';
  if (shown.trouble) showStatus(status, shown.trouble, 'error');
  else showStatus(status, [said, over ? '' : job.notice].filter(Boolean).join(' '), tone);
}
window.setInterval(paint, 1000);

/** What Go to last said, gone with the pull it was about. */
function forgetGoTo(): void {
  goToRefused.textContent = '';
  goToRefused.hidden = true;
}
goTo.addEventListener('click', () => {
  const to = shown?.job.sheet;
  if (!to) return;
  forgetGoTo();
  void busy([goTo], async () => {
    try {
      await callServer('goToSheet', to.id);
      // Another sheet in front: the card above and the active cell follow it.
      refreshTargetsQuietly();
    } catch (error) {
      // Deleted since the pull: said under the button, the keyboard on the words.
      goToRefused.textContent = errorMessage(error);
      goToRefused.hidden = false;
      goToRefused.focus({ preventScroll: true });
    }
  });
});

/** Until the server's first answer (which may take a while): the stage, and a clock that runs. */
function showStarting(pulled: PullSpec, what: string, range: string): void {
  const report = pulled.source.kind === 'report';
  saidState = '';
  forgetGoTo();
  showJob({
    id: '',
    state: 'queued',
    stage: 'Starting',
    // The server's answer says its filters too.
    what: [what, range].filter(Boolean).join(', '),
    target: describeTarget(pulled.target),
    range,
    elapsedMs: 0,
    rows: 0,
    rowsTerm: rowsTerm(pulled.target),
    message: '',
    detail: report
      ? 'Asking Assembled to generate the report…'
      : `Reading the data from Assembled and writing it into the ${pulled.target.kind === 'bigquery' ? 'table' : 'sheet'}…`,
    nextPollInMs: 1,
    nextCheckInMs: 0,
    nextTryInMs: 0,
    estimatedLeftMs: null,
    notice: '',
  });
  // Pull data (or Pull it again), disabled while it runs, dropped the keyboard focus. The progress
  // is brought into view with it, a dock too tall to stick being below the form.
  waitAtProgress(byId('jobStage'));
  showDock();
}

/** What an earlier pull said no longer holds once the form asks for something else. */
function forgetLastPull(): void {
  if (pulling) return;
  leftBehind = '';
  shown = null;
  lostTouch = undefined;
  byId('job').hidden = true;
  forgetGoTo();
  saidState = '';
  byId('jobSaid').textContent = '';
  showStatus(status, '');
  byId('saveRefresh').hidden = true;
  offered = undefined;
  byId('saveRefreshChanged').hidden = true;
  byId('frequency').replaceChildren();
  showStatus(byId('refreshStatus'), '');
  made = undefined;
  showNameTaken();
}

/**
 * The form changed after a pull: the pull done and its offer to refresh stay (it saves what was
 * pulled, not the form), and the offer says so, by the pull's data: another Data in the form is
 * not the pull offered. Put away, the offer went without a word, and a person had to pull again.
 */
function showFormChanged(): void {
  const changed = byId('saveRefreshChanged');
  if (!offered) return;
  // Set only when it says something new: a live region, it would be read out at each keystroke.
  const words = formChangedWords(offered.pulled, chosenSource());
  if (changed.textContent !== words || changed.hidden) changed.textContent = words;
  changed.hidden = false;
}

/**
 * A press elsewhere takes the focus from a field, whose change then comes before the release:
 * what it says waits for the release, so nothing moves under the pointer and the click lands where
 * it was pressed.
 */
let pressed = false;
let checkKeyOnRelease = false;
window.addEventListener('pointerdown', () => {
  pressed = true;
});
window.addEventListener('pointerup', () => {
  pressed = false;
  // After the click this release makes.
  if (checkKeyOnRelease)
    setTimeout(() => {
      checkKeyOnRelease = false;
      checkKey();
    });
});

/** Ends the wait before the next poll early: a pull just stopped is followed to its end at once. */
let wake: (() => void) | undefined;

/**
 * The pull this sidebar follows (with the refresh into its place, for Pull it again). Pull data
 * pressed meanwhile for another place starts a pull there (startBeside): the sidebar turns to
 * follow it (`turnTo`), the other carrying on without it, as when the sidebar is closed.
 */
let followed: { pulled: PullSpec; scheduled?: string } | undefined;
let turnTo: JobView | undefined;
/** Pull data pressed while a pull ran, its answer awaited: what is heard of the other is not shown meanwhile. */
let starting = false;
/** The pull left to carry on without this sidebar, in words, said under the progress. */
let leftBehind = '';

/** The followed pull's answers (its checks, Stop's), numbered as asked (answer-order.ts). */
const jobAnswers = answerOrder();

async function follow(job: JobView): Promise<JobView> {
  // Pull data pressed for another place while this pull was starting: that one is followed. Else
  // the pull is shown at once, not a turn later (resume shows its progress in view next).
  if (starting || turnTo) job = (await turned()) ?? job;
  showJob(job);
  while (job.nextPollInMs > 0) {
    await new Promise<void>((r) => {
      wake = r;
      setTimeout(r, job.nextPollInMs);
    });
    // Touch lost with this pull while Pull data starts another is said only if that one does not start.
    let heard: JobView | undefined;
    let lost: unknown;
    const asked = jobAnswers.ask();
    try {
      if (!turnTo) heard = await checkOn(job.id);
    } catch (error) {
      lost = error;
    }
    // What is heard of the pull left behind is not shown.
    const to = await turned();
    if (to) job = to;
    // A check answered after Stop's later answer (the pull done before the stop was heard, said
    // too late) is older than what is shown: the sidebar goes on from what Stop said.
    else if (heard) job = !jobAnswers.newer(asked) && shown?.job.id === heard.id ? shown.job : heard;
    else throw lost;
    showJob(job);
  }
  return job;
}

/**
 * The pull Pull data started meanwhile for another place, once its start is answered (it is
 * followed next, whatever the pull followed did); none if it did not start.
 */
async function turned(): Promise<JobView | undefined> {
  while (starting) await new Promise<void>((r) => (wake = r));
  const to = turnTo;
  turnTo = undefined;
  // As last shown: Stop may have been pressed on it before it was taken up.
  return to && shown?.job.id === to.id ? shown.job : to;
}

/**
 * Checks on the pull followed, again after a failure (check-again.ts), until the sidebar turns to
 * another: then at once, as the pull left behind is not followed, however its checks fare.
 */
function checkOn(id: string): Promise<JobView> {
  if (shown && !starting) shown.asking = true;
  paint();
  const turned = new AbortController();
  // startBeside's wake, once it has a pull to turn to; Stop's ends no wait here.
  wake = () => {
    if (turnTo) turned.abort();
  };
  return checkAgain(
    // A pull stopped while a failed check waited is over: nothing more to check.
    () => (shown?.job.nextPollInMs === 0 ? Promise.resolve(shown.job) : callServer('pollPull', id)),
    'pull',
    (words) => {
      // Never of a pull left behind: its checks ended as the sidebar turned.
      if (shown && !starting) shown.trouble = words;
      paint();
    },
    turned.signal,
  );
}

/**
 * A pull refused for the sheet it would write into (one of the user's own, another's refresh): said
 * at the field that names it, which takes the focus, as the form's own checks are; else by `say`.
 */
function sayRefused(said: string, say: (words: string) => void): void {
  const at = refusesTarget(said, target()) ? sheetField() : undefined;
  if (at) {
    showTargetProblem(at[0], said, at[1]);
    showStatus(status, '');
    at[0].focus();
  } else say(said);
}

/** Says, beside Pull it again, why it did not start; '' puts it away. */
function sayAtAgain(words: string): void {
  showStatus(againSaid, words, 'error');
  againSaid.hidden = !words;
}

/**
 * Runs a pull's following with the Pull button busy; what goes wrong is said in the status line,
 * or why it did not start at `refusedAt` (beside Pull it again, for its press). A start asked
 * about first runs `work` again with the data the person agreed to replace.
 */
function whilePulling(work: (agreed?: string) => Promise<void>, refusedAt: 'form' | 'again' = 'form'): void {
  pulling = true;
  asked = false;
  sayAtAgain('');
  const done = busy([run, again, scheduleAgain], async () => {
    try {
      await work();
      refreshTargetsQuietly();
    } catch (error) {
      // Refused before it began (no key, a range that cannot be): no progress to show, only why,
      // and no "Starting" left for screen readers (the status line tells them why).
      const refused = !shown?.job.id;
      if (refused) {
        byId('job').hidden = true;
        saidState = '';
        byId('jobSaid').textContent = '';
      }
      // Refused, perhaps for what changed while the form was open (the zone, a sheet): it is read
      // again, so the form shows what a press would pull now.
      if (refused) refreshTargetsQuietly();
      // Let go of (lost touch), the pull carries on: Stop this pull, still shown, still stops it.
      lostTouch = refused ? undefined : shown?.job.id;
      shown = null;
      const said = errorMessage(error);
      // Pull it again refused is said beside it, the key's words too: a person there saw nothing
      // new near the button, the notice at the top unchanged (QA).
      const beside = refused && refusedAt === 'again';
      const redo = (agreed: string) => whilePulling(() => work(agreed), refusedAt);
      const kept = (words: string) =>
        beside ? sayAtAgain(words) : sayRefused(words, (w) => showStatus(status, w, 'error'));
      if (refused && askedFirst(said, redo, kept)) return;
      // No key (or one refused) from Pull data, which the notice at the top says already: said there once.
      const notice = refused && !beside ? keyNoticeSaying(said) : undefined;
      // The keyboard taken there brings it into view (dock.ts).
      if (notice) showStatus(status, '');
      else if (beside) sayAtAgain(said);
      else if (refused) sayRefused(said, (words) => showStatus(status, words, 'error'));
      else showStatus(status, said, 'error');
      // Why it did not start, or why the sidebar let go of it, is the answer to Pull data: the
      // keyboard there, as at a pull's end, not back on Pull data, where the next Enter would start
      // another unheard why. The progress heading it waited at may be hidden now, or says an old stage.
      stayAtOutcome(notice ?? (beside ? againSaid : status), [
        run,
        again,
        byId('stopPull'),
        byId('jobStage'),
      ]);
    } finally {
      pulling = false;
      followed = undefined;
    }
  });
  void done.then(() => {
    showWaiting();
    // How it ended, in view: a dock too tall to stick is below the form, maybe far from the focus.
    if (shown?.job.nextPollInMs === 0) showDock();
  });
}

/** A pull started by a sidebar since closed, followed to its end as if this one had started it. */
function resume(job: JobView & { spec: PullSpec }): void {
  followed = { pulled: job.spec };
  whilePulling(() => followToEnd(job));
  // It is what the sidebar was opened again for: shown, though below the form.
  showDock();
}

/** The form of the refresh offered after a pull, if one is: its hour names the spreadsheet's zone. */
let scheduleForm: FrequencyForm | undefined;
/** The pull the refresh offered saves (not the form, which may change meanwhile). */
let offered: { pulled: PullSpec } | undefined;

/**
 * After a pull that worked, or from the card of the sheet a pull filled, offer to save it as a
 * scheduled refresh (relative ranges only; not when pulled again into a place that has one).
 * `what` says which pull is meant.
 */
function offerRefresh(pulled: PullSpec, scheduled?: string, what = madeWords(pulled)): void {
  const button = byId<HTMLButtonElement>('saveRefreshButton');
  byId('saveRefreshChanged').hidden = true;
  offered = undefined;
  byId('saveRefreshTitle').textContent = `Refresh the ${dataLabel(pulled)} pull on a schedule`;
  if (scheduled) {
    byId('saveRefresh').hidden = false;
    button.hidden = true;
    showStatus(byId('refreshStatus'), `Already refreshed ${scheduled}: see ${menuPath('refreshes')}`);
    return;
  }
  if (pulled.range?.kind === 'absolute') return;
  // Reference lists have no range to speak of. An append into BigQuery says, as the refresh's card
  // will, what each run adds.
  const reruns = pulled.range
    ? `Reruns ${what}; its date range is resolved afresh at each run.`
    : `Reruns ${what}.`;
  byId('saveRefreshHint').textContent = [reruns, modeNote(pulled)].filter(Boolean).join(' ');
  button.hidden = false;
  // E-mail on failure ticked: a sheet that refreshes itself should say when it did not.
  const form = createFrequencyForm(
    'refresh',
    suggestedFrequency(pulled.range),
    options.timezone,
    options.today,
    true,
  );
  scheduleForm = form;
  offered = { pulled };
  byId('frequency').replaceChildren(form.root);
  byId('saveRefresh').hidden = false;
  const key = requestKey();
  button.onclick = () => {
    const out = byId('refreshStatus');
    // Said at the field to fix (the focus goes there), not after a trip to the server.
    if (form.problem()) return showStatus(out, '');
    void busy([button], async () => {
      try {
        const cards = await callServer('saveRefresh', { spec: pulled, ...form.value() }, key, form.zone());
        // Notes typed beside the table it replaces are left behind at each run: said as it is
        // saved, as its card says it (a card into the same place says the same of that sheet).
        const place = describeTarget(pulled.target);
        const beside =
          pulled.mode === 'replace'
            ? cards.find((c) => c.target === place && c.notesBeside)?.notesBeside
            : '';
        const manage = `See ${menuPath('refreshes')} to manage it.`;
        showAnswer(out, beside ? `Saved. ${beside} ${manage}` : `Saved. ${manage}`, beside ? 'warn' : 'ok');
        // The sheet's card says it is refreshed now, and offers no second refresh.
        refreshTargetsQuietly();
      } catch (error) {
        showAnswer(out, errorMessage(error), 'error');
        // Refused for a zone changed meanwhile, At then names the new one.
        refreshTargetsQuietly(true);
      }
    });
  };
}

for (const input of form.querySelectorAll('input[name=rangeKind]'))
  input.addEventListener('change', updatePreview);
function showTargetKind(): void {
  const kind = radio('targetKind');
  byId('newSheetRow').hidden = kind !== 'new_sheet';
  byId('sheetRow').hidden = kind !== 'sheet';
  byId('cellRow').hidden = kind !== 'cell';
  byId('bigqueryRow').hidden = kind !== 'bigquery';
  showNameTaken();
  const append = mode.querySelector<HTMLOptionElement>('option[value=append]');
  if (append) append.textContent = modeLabel('append', kind as PullTarget['kind']);
}
for (const input of form.querySelectorAll('input[name=targetKind]')) {
  input.addEventListener('change', () => {
    // Another target chosen: "Active cell" means the selected cell again, unless it is the way
    // back to the table the form moved off for other Data, as the words under Data say (showMoved).
    const back =
      moved && aimed?.target.kind === 'cell' && radio('targetKind') === 'cell' ? aimed.target : undefined;
    pinned = back ? { sheet: back.sheet, a1: back.a1 } : undefined;
    showCell();
    showTargetKind();
    const kind = radio('targetKind');
    if (kind === 'sheet' || kind === 'cell') refreshTargetsQuietly();
  });
}
for (const input of [preset, from, to, granularity, mode]) input.addEventListener('change', updatePreview);
// Days into a sheet of weeks mix in an append: the name's hint follows the granularity too.
granularity.addEventListener('change', showNameTaken);
source.addEventListener('change', () => {
  showFormChanged();
  // Filters the new source takes too (a team for another report) stay chosen, and are said so;
  // not those of the sheet's pull, chosen for its data (sheetFilters).
  onSourceChange(sheetFilters(filters()));
  keepHeldData();
});
form.addEventListener('change', showFormChanged);
form.addEventListener('input', showFormChanged);
function showMode(): void {
  byId('mergeKeyRow').hidden = mode.value !== 'merge';
  showNameTaken();
  showKept();
}
mode.addEventListener('change', showMode);

/** The card's pull when the form writes where it did (so its table is the one the card knows). */
function intoCard(): PullAgain | undefined {
  const last = options.again;
  const into = target();
  const same =
    last && into.kind === last.spec.target.kind && describeTarget(into) === describeTarget(last.spec.target);
  return same ? last : undefined;
}

/**
 * Replace chosen into the card's table with columns typed beside it: said under the mode, as on the
 * card; so are the rows its refresh appended run by run, which the Replace takes away.
 */
function showKept(): void {
  const card = mode.value === 'replace' ? intoCard() : undefined;
  const beside = replacedWhole(chosenSource()) ? undefined : card?.kept;
  const kept = [beside, card?.lost].filter(Boolean).join(' ');
  const hint = byId('modeKept');
  hint.hidden = !kept;
  hint.textContent = kept;
  describeMode();
}
form.addEventListener('change', showKept);

/** Says under the key field why it cannot be merged by ('' clears it). */
function showKeyProblem(problem: string): void {
  const hint = byId('mergeKeyHint');
  hint.hidden = !problem;
  hint.textContent = problem;
  markInvalid(mergeKey, problem ? hint.id : undefined);
}

mergeKey.addEventListener('input', () => showKeyProblem(''));
// Left (Tab), the key is checked at once: a mistyped column is said before the pull, not after the
// fetch. Left by a press, it is said at the release, so nothing moves under the pointer.
const checkKey = () => showKeyProblem(keyProblem() ?? '');
mergeKey.addEventListener('change', () => {
  if (pressed) checkKeyOnRelease = true;
  else checkKey();
});

/**
 * Why the typed key cannot be merged by: none named, or, into the table the sheet in front holds
 * (its header known), a column that header lacks. undefined when it may be.
 */
function keyProblem(): string | undefined {
  if (mode.value !== 'merge') return undefined;
  const blank = mergeKeyProblem(mergeKey.value, defaultKey);
  if (blank) return `${blank}.`;
  const header = intoCard()?.header;
  return header ? keyNotHeadedText(mergeKey.value, header, current().key) : undefined;
}

/**
 * Says under a field of the target what is wrong with it, tied to it (markInvalid) while it stands,
 * as the range's and the merge key's problems are ('' puts it away). The words go after `after`
 * (the field itself, or what is said under it already) and are made on first use.
 */
function showTargetProblem(field: HTMLElement, problem: string, after: Element = field): void {
  const id = `${field.id}Problem`;
  let words = document.getElementById(id);
  if (!words && !problem) return;
  if (!words) {
    words = el('p', { class: 'hint', id, 'data-tone': 'error', 'aria-live': 'polite' });
    after.after(words);
  }
  words.textContent = problem;
  words.hidden = !problem;
  markInvalid(field, problem ? id : undefined);
}

const BIGQUERY_INPUTS: [BigQueryField, string][] = [
  ['project', 'bqProject'],
  ['dataset', 'bqDataset'],
  ['table', 'bqTable'],
];

/** The fields that say where the pull goes, each with what is said under it already. */
function targetFields(): [HTMLElement, Element][] {
  return [
    [newSheet, byId('newSheetHint')],
    [sheet, sheet],
    [byId('targetCell'), byId('cellAt')],
    ...BIGQUERY_INPUTS.map(([, id]): [HTMLElement, Element] => [byId(id), byId(id)]),
  ];
}
const clearTargetProblems = () => {
  for (const [field] of targetFields()) showTargetProblem(field, '');
};
// Changed, a field's problem is put away; another kind of target, all of them.
form.addEventListener('input', (event) => {
  const field = event.target as HTMLElement;
  if ((field as HTMLInputElement).name === 'targetKind') clearTargetProblems();
  else if (targetFields().some(([f]) => f === field)) showTargetProblem(field, '');
});

// The dataset comes filled in ("assembled"): entered, it is selected whole, so what is typed
// replaces it rather than joining it ("assembledwfm", QA). The click that entered it would put the
// caret down and undo that, so its mouseup is let go.
{
  const dataset = byId<HTMLInputElement>('bqDataset');
  let entered = false;
  dataset.addEventListener('focus', () => {
    dataset.select();
    entered = true;
  });
  dataset.addEventListener('keydown', () => {
    entered = false;
  });
  dataset.addEventListener('mouseup', (event) => {
    if (entered) event.preventDefault();
    entered = false;
  });
}

/** Where the target's fields are wrong for BigQuery, said at each: the first of them, to fix first. */
function bigQueryFault(): HTMLElement | undefined {
  if (radio('targetKind') !== 'bigquery') return undefined;
  let first: HTMLElement | undefined;
  for (const [name, id] of BIGQUERY_INPUTS) {
    const input = byId<HTMLInputElement>(id);
    const problem = bigQueryFieldProblem(name, input.value) ?? '';
    showTargetProblem(input, problem);
    if (problem) first ??= input;
  }
  return first;
}

/** The field naming the sheet the pull would write into, and what is said under it already. */
function sheetField(): [HTMLElement, Element] | undefined {
  const [named, existing, cell] = targetFields();
  return ({ new_sheet: named, sheet: existing, cell } as Record<string, [HTMLElement, Element]>)[
    radio('targetKind')
  ];
}

/** Starts a pull and follows it to its end; `agreed`: the other data the person agreed to replace. */
async function pull(
  pulled: PullSpec,
  what: string,
  range: string,
  scheduled?: string,
  agreed?: string,
): Promise<void> {
  followed = { pulled, ...(scheduled ? { scheduled } : {}) };
  showStarting(pulled, what, range);
  let job: JobView;
  try {
    job = await callServer('startPull', pulled, requestKey(), shownZone(), agreed);
  } catch (error) {
    // Pull data pressed for another place while this one was starting: that pull is followed, if
    // it starts, and why this one did not is said under it (not that it carries on).
    const to = await turned();
    if (!to) throw error;
    leftBehind = `The pull into ${quotedTarget(pulled.target)} did not start: ${errorMessage(error)}`;
    job = to;
  }
  await followToEnd(job);
}

/**
 * A pull the server would not start unasked, as it would replace a table the add-on pulled of other
 * data (other-source.ts), is asked about in the page, and started with the person's yes by `redo`,
 * given the data agreed to. Asked once the press is over, its "Starting" put away: nothing runs
 * until the yes, and a sidebar closed meanwhile pulls nothing. Keep's words go to `kept`. False for
 * any other refusal.
 */
function askedFirst(said: string, redo: (agreed: string) => void, kept: (words: string) => void): boolean {
  const other = otherSourceAsked(said);
  if (!other) return false;
  const { sheet, held, wanted } = other;
  showStatus(status, '');
  askInPage(
    {
      question: `Replace ${held} with ${wanted}?`,
      text: `"${sheet}" holds ${held}, pulled there before. Replace them with ${wanted}? Formulas and charts that read "${sheet}" would then read ${wanted}.`,
      yes: `Replace with ${wanted}`,
      keep: `Keep ${held}`,
    },
    run,
    document,
    (box) => run.parentElement?.after(box),
    (close) => {
      close();
      redo(held);
    },
    () =>
      kept(
        `"${sheet}" still holds ${held}: nothing was pulled. To pull ${wanted}, type a name for a new sheet, or choose another place under Where.`,
      ),
  );
  return true;
}
// Pull data asked about is the form as it was: changed, the question is of a pull no longer asked for.
form.addEventListener('input', () => putAwayQuestion(document));

/** Follows the job, or the one the sidebar turns to meanwhile, to its end. */
async function followToEnd(job: JobView): Promise<void> {
  const last = await follow(job);
  // How it ended is the answer to Pull data (or Stop): the keyboard at its heading, as Push's is,
  // not on Pull data, where the next Enter would start another pull into a sheet offered afresh.
  stayAtOutcome(byId('jobStage'), [run, again, byId('stopPull')]);
  if (followed) ended(followed.pulled, last, followed.scheduled);
}

/**
 * Pull data pressed while a pull into another place runs: it starts, and the sidebar follows it;
 * the other carries on without the sidebar (each person may have 10 pulls under way).
 */
async function startBeside(agreed?: string): Promise<void> {
  const before = shown;
  const left = before?.job.target ?? '';
  starting = true;
  showRunWaits();
  try {
    if (radio('targetKind') === 'cell') await refreshTargets();
    needCell();
    const pulled = spec();
    showStarting(pulled, current().label, previewed);
    const job = await callServer('startPull', pulled, requestKey(), shownZone(), agreed);
    followed = { pulled };
    asked = false;
    leftBehind = `The pull into "${left}" carries on without this sidebar: how it ends goes to the "Assembled log" sheet.`;
    turnTo = job;
    showJob(job);
    wake?.();
  } catch (error) {
    // Refused: the pull followed is shown again, why this one did not start is said, and the
    // spreadsheet is read again (whilePulling).
    if (before) showJob(before.job);
    refreshTargetsQuietly();
    const said = errorMessage(error);
    const kept = (words: string) => {
      sayRefused(words, (w) => (runRefused = w));
      showRunWaits();
    };
    if (!askedFirst(said, pullForm, kept)) sayRefused(said, (w) => (runRefused = w));
  } finally {
    starting = false;
    showWaiting();
    wake?.();
  }
}

/** A pull followed to its end: one that worked may be saved as a refresh. */
function ended(pulled: PullSpec, job: JobView, scheduled?: string): void {
  // An append or merge of nothing made no sheet to refresh; its words say why.
  if (job.state !== 'done' || job.unmade) return;
  if (pulled.target.kind === 'new_sheet')
    made = { name: pulled.target.name.trim().toLowerCase(), held: sourceLabel(pulled.source) };
  offerRefresh(pulled, job.scheduled ?? scheduled);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  // Pressed again, the press is answered afresh (asked again if it still would replace other data).
  putAwayQuestion(document);
  forgetLastPull();
  clearTargetProblems();
  // The form already says this range cannot be pulled: said here too, at the field to fix.
  if (rangeProblem) {
    // Pressed, a date missing is a mistake in either field, left or not.
    datesLeft.add(from).add(to);
    showRangeProblem(rangeProblem, rangeField, 'error');
    rangeRefused = rangeProblem;
    showStatus(status, rangeProblem, 'error');
    rangeField.focus();
    return;
  }
  // A key naming no column is refused here, not after the report is generated.
  const problem = keyProblem();
  if (problem) {
    // Said by the field only (read out, as it describes it): the status bar at the foot would
    // cover the words and outlast them.
    showKeyProblem(problem);
    showStatus(status, '');
    mergeKey.focus();
    return;
  }
  // A project, dataset or table BigQuery would refuse: said at each such field, not in one sentence.
  const fault = bigQueryFault();
  if (fault) {
    showStatus(status, '');
    fault.focus();
    return;
  }
  // Sent, with the words beside the button: they are this pull's own filters now.
  keptFrom = false;
  showInForce();
  pullForm();
});

/** Starts the form's pull, beside the one running if one is; `agreed`: as pull's. */
function pullForm(agreed?: string): void {
  if (pulling) void startBeside(agreed);
  else
    whilePulling(async (agreed) => {
      if (radio('targetKind') === 'cell') await refreshTargets();
      needCell();
      await pull(spec(), current().label, previewed, undefined, agreed);
    });
}

const stop = byId<HTMLButtonElement>('stopPull');
stop.addEventListener('click', () => {
  const id = shown?.job.id || lostTouch;
  if (!id) return;
  void busy([stop], async () => {
    try {
      const asked = jobAnswers.ask();
      const view = await callServer('stopPull', id);
      if (jobAnswers.newer(asked)) showJob(view);
      wake?.();
    } catch (error) {
      showStatus(status, errorMessage(error), 'error');
    }
  });
});

const check = (name: string, value: string) =>
  ((form.querySelector(`input[name=${name}][value=${value}]`) as HTMLInputElement).checked = true);

/**
 * Puts the pull that filled the sheet in front back in the form, aimed at that sheet, so one
 * filter or date can be changed without choosing everything again.
 */
function putInForm(pulled: PullSpec): void {
  const id = pulled.source.kind === 'report' ? pulled.source.report : pulled.source.resource;
  forgetLastPull();
  // Offered only for a spec this version reads (pull-again.ts), so its source is in the list.
  source.value = String(options.sources.findIndex((s) => s.id === id));
  if (pulled.source.kind === 'report') granularity.value = pulled.source.granularity;
  const r = pulled.range;
  if (r?.kind === 'absolute') {
    check('rangeKind', 'absolute');
    from.value = r.from;
    to.value = r.to;
  } else if (r) {
    check('rangeKind', 'relative');
    preset.value = r.preset;
    if (r.days) days.value = String(r.days);
  }
  mode.value = pulled.mode;
  // The pull's own filters, as it ran: none kept from another choice.
  keptFrom = false;
  filledFrom = pulled;
  sheetLeft = undefined;
  backSaid = '';
  onSourceChange(pulled.filters);
  if (pulled.mergeKey) mergeKey.value = pulled.mergeKey;
  if (pulled.gridMinutes) byId<HTMLSelectElement>('gridMinutes').value = String(pulled.gridMinutes);
  aimAt(pulled.target);
  aimed = pulled;
  moved = false;
  showMode();
  showMoved();
}

/** The form aimed at a place a pull filled: that sheet, or the cell its table starts at. */
function aimAt(t: PullTarget): void {
  check('targetKind', t.kind === 'cell' ? 'cell' : 'sheet');
  if (t.kind === 'sheet') sheet.value = t.name;
  pinned = t.kind === 'cell' ? { sheet: t.sheet, a1: t.a1 } : undefined;
  showCell();
  showTargetKind();
}

/**
 * The pull put in the form (from the sheet's card), aimed at the place it filled, until the person
 * chooses a place under Where; `moved` while other Data is chosen, which takes the form to a new
 * sheet: Where is far below Data, and Replace would write the other data over that place's unseen.
 */
let aimed: PullSpec | undefined;
let moved = false;

/** Whether the Data chosen is other than `spec`'s (by the Data list's name: another granularity is the same data). */
const otherData = (spec: PullSpec) => dataLabel({ source: chosenSource() }) !== dataLabel(spec);

/**
 * The pull put in the form from the sheet's card: its filters are the sheet's, chosen for its data,
 * not the person's. `sheetLeft`, while other Data is chosen: those left behind, and their words,
 * with the form's filters (`had`) and `keptFrom` as they were on its data. `backSaid`, its data
 * chosen again: the filters ticked for the other data meanwhile, not kept, in words.
 */
let filledFrom: PullSpec | undefined;
let sheetLeft: { filters: PullFilters; words: string; had: PullFilters; keptFrom: boolean } | undefined;
let backSaid = '';

/**
 * At a change of Data, the filters to show (keptFrom set for those kept from before, the
 * person's): other data than the sheet's pull leaves its filters behind (one kept for it would cut
 * the new pull to the sheet's agents, said only beside Pull data); its data again gives back the
 * form as it was on it, not those ticked for the other data meanwhile, as the form is aimed at the
 * sheet again with its mode (Replace would write a narrower pull over it).
 */
function sheetFilters(before: PullFilters): PullFilters {
  backSaid = '';
  const away = filledFrom !== undefined && otherData(filledFrom);
  if (filledFrom && away && !sheetLeft) {
    const { own, left } = splitFilters(before, filledFrom.filters);
    const names = namesOf(left, [
      { filters: before, names: filterNames() },
      { filters: filledFrom.filters, names: filledFrom.filterNames },
    ]);
    sheetLeft = { filters: left, words: eachFilter(left, names).join(', '), had: before, keptFrom };
    keptFrom ||= Object.keys(own).length > 0;
    return own;
  }
  if (!away && sheetLeft) {
    const { had } = sheetLeft;
    keptFrom = sheetLeft.keptFrom;
    sheetLeft = undefined;
    const ticked = tickedAway(before, had, current().filters);
    backSaid = eachFilter(ticked, namesOf(ticked, [{ filters: before, names: filterNames() }])).join(', ');
    return had;
  }
  keptFrom ||= Object.keys(before).length > 0;
  return before;
}

/** Data other than the aimed-at place holds: a new sheet named for it, as a fresh form offers; that data again: the place again. */
function keepHeldData(): void {
  if (!aimed) {
    showMoved();
    return;
  }
  const other = otherData(aimed);
  if (other && !moved) {
    // The name is the new data's already (onSourceChange).
    check('targetKind', 'new_sheet');
    pinned = undefined;
    showCell();
    showTargetKind();
  } else if (!other && moved) aimAt(aimed.target);
  moved = other;
  showMoved();
}

/**
 * Under Data, while the form is moved off the place it was aimed at: where it pulls now, and why;
 * while other data than the sheet's pull is chosen, the filters it left behind.
 */
function showMoved(): void {
  const line = byId('movedWhere');
  const left = sheetLeft?.words ?? '';
  const words =
    aimed && moved
      ? movedWords(aimed, newSheet.value.trim(), mode.value as PullSpec['mode'], left)
      : filledFrom && left
        ? leftWords(filledFrom, left)
        : filledFrom && backSaid
          ? backWords(filledFrom, backSaid)
          : '';
  sayInLine(line, words);
}
form.addEventListener('change', showMoved);
form.addEventListener('input', showMoved);

/** A place chosen under Where is the person's: the form no longer moves it for them. */
function placeChosen(): void {
  aimed = undefined;
  moved = false;
  showMoved();
}
const PLACE_FIELDS = new Set([
  'targetKind',
  'newSheet',
  'sheet',
  'bqProject',
  'bqDataset',
  'bqTable',
  'bqView',
]);
for (const type of ['input', 'change'])
  form.addEventListener(type, (event) => {
    const field = event.target as HTMLInputElement;
    // A target kind's input comes before its change, which may go back to the place (pinned).
    if (event.type === 'input' && field.type === 'radio') return;
    if (PLACE_FIELDS.has(field.name || field.id)) placeChosen();
  });

/** Change it: the pull in the form, said so, to change a part of it. */
function editAgain(): void {
  const last = options.again;
  if (!last) return;
  putInForm(last.spec);
  showStatus(
    status,
    `The form holds the pull that last filled "${options.activeCell.sheet}". Change what you need, then Pull data.`,
  );
  source.focus();
}
byId('editAgain').addEventListener('click', editAgain);

/** Merge by key instead: the card's pull in the form as a merge, which keeps typed columns with their rows. */
byId('mergeAgain').addEventListener('click', () => {
  const last = options.again;
  if (!last) return;
  putInForm({ ...last.spec, mode: 'merge' });
  showStatus(
    status,
    `The form holds the pull that last filled "${options.activeCell.sheet}", as Merge by key: rows whose key is there already are updated where they stand, so the columns beside them stay with them, and new ones are added. Press Pull data to pull it.`,
  );
  mode.focus();
});

/** Refresh on a schedule: the card's pull offered as a refresh, as after a pull of it. */
scheduleAgain.addEventListener('click', () => {
  const last = options.again;
  if (!last) return;
  forgetLastPull();
  offerRefresh(last.spec, undefined, rerunsWords(last));
  byId('saveRefresh').scrollIntoView({ block: 'start' });
  byId('frequency').querySelector('select')?.focus({ preventScroll: true });
});

again.addEventListener('click', async () => {
  // Another pull pressed for: the question is of one no longer asked for.
  putAwayQuestion(document);
  // The card was read when the sidebar last had focus: another sheet may be in front since (a tab
  // clicked does not focus the sidebar). Read it again; a card that changed is shown, not pulled.
  const card = JSON.stringify([options.activeCell.sheet, options.again?.spec]);
  // Not read: the card stands as it was shown. (busy gives the focus back to the button.)
  await busy([again], () => refreshTargets().catch(() => undefined));
  const last = options.again;
  if (!last) return;
  if (JSON.stringify([options.activeCell.sheet, last.spec]) !== card) {
    showStatus(
      status,
      `"${options.activeCell.sheet}" is in front now: its card above says what filled it. Press Pull it again to pull that.`,
    );
    return;
  }
  // The form shows the pull that runs: Pull data below it then does the same, never another.
  putInForm(last.spec);
  whilePulling((agreed) => pull(last.spec, last.what, '', last.scheduled, agreed), 'again');
});

// Not read, the form is not shown empty: the page says why, with Try again (first-read.ts).
void firstRead(async () => {
  const o = await callServer('getPullOptions');
  options = o;
  showKeyNotice(o);
  fillForm(o);
  // Opened over a sheet the add-on filled, the form starts from that sheet's pull, aimed at it:
  // what Pull data and its refresh do is then about the sheet in front, as the card above is.
  if (o.again) putInForm(o.again.spec);
  byId<HTMLInputElement>('bqProject').value = o.bigQueryProject ?? '';
  // Reopened while a pull of the caller's runs: follow it, as the sidebar that started it did.
  if (o.running) resume(o.running);
});
focusHeading();
