// The workbench page: a spreadsheet view of the runtime's workbook, the add-on's menu and its real
// sidebar, the clock. Everything shown from the workbook or the API goes in as text.
import { FAULT_PRESETS } from '../faults';
import type {
  ActionReply,
  FrameMessage,
  NumberFormat,
  PageMessage,
  RunAnswer,
  RunReply,
  SheetReply,
  SkipProgress,
  SkipReply,
  StateView,
  UndoReply,
  WriteReply,
} from '../wire';
import { getJson, getJsonText, post } from './api';
import { BigQueryExplorer } from './bigquery';
import { Charts } from './charts';
import { showDataSource } from './data-source';
import { byId, columnLetters, el } from './dom';
import { Grid } from './grid';
import { type PageItems, type PageMenu, renderMenus, watchMenus } from './menu';
import { cycle, type Region, watchRegions } from './regions';
import { settingsDialog } from './settings';
import { type SortChoice, sortDialog } from './sort-dialog';
import { timeOffDialog } from './time-off';

const frame = byId<HTMLIFrameElement>('sidebarFrame');
const sidebar = byId('sidebar');
const notice = byId('notice');
const menubar = byId('menubar');
const tabs = byId('tabs');

let state: StateView | null = null;
let shownVersion = '';
let shownSheet = '';
/** The sheet view drawn, as the server sent it. */
let drawnText = '';
let menusJson = '';
let sidebarSerial = 0;
/** The editor whose sidebar is shown: its calls run as them, or not at all. */
let sidebarUser = '';
let noticeSerial = 0;
/** The server's toast on show (its serial), 0 for the page's own words or none. */
let shownSerial = 0;
let noticeTimer: number | undefined;

function say(title: string, message: string, serial = 0): void {
  notice.replaceChildren(el('strong', {}, title), message);
  notice.hidden = false;
  shownSerial = serial;
  window.clearTimeout(noticeTimer);
  noticeTimer = window.setTimeout(() => {
    notice.hidden = true;
  }, 8000);
}

/** Takes down the server's toast `serial`, if it is the one on show. */
function unsay(serial: number): void {
  if (serial !== shownSerial || notice.hidden) return;
  window.clearTimeout(noticeTimer);
  notice.hidden = true;
}

async function act(work: () => Promise<ActionReply>): Promise<void> {
  try {
    const reply = await work();
    if (!reply.ok) say('Error', reply.message);
  } catch (error) {
    say('Error', error instanceof Error ? error.message : String(error));
  }
  await refresh();
}

/**
 * A change the grid draws at once and keeps drawn until a view has it (a typed or pasted block,
 * rows or columns inserted or deleted): the grid queues these one at a time, so it waits only for
 * the change. Resolves to the server's count of writes applied with this one, or null if it was
 * refused.
 */
async function counted(path: string, body: object): Promise<number | null> {
  let applied: number | null = null;
  try {
    const reply = await post<WriteReply>(path, body);
    if (reply.ok) applied = reply.writes;
    else say('Error', reply.message);
  } catch (error) {
    say('Error', error instanceof Error ? error.message : String(error));
  }
  void refresh();
  return applied;
}

const grid = new Grid(
  byId<HTMLTableElement>('grid'),
  byId('sheet'),
  byId<HTMLInputElement>('formula'),
  byId<HTMLInputElement>('cellName'),
  byId<HTMLDataListElement>('choices'),
  byId('truncated'),
  {
    select: (sheet, a1) => void act(() => post('/api/select', { sheet, a1 })),
    write: (sheet, row, column, values, clip, valuesOnly) =>
      counted('/api/write', { sheet, row, column, values, clip, valuesOnly }),
    copy: (sheet, a1, cut, clip) => act(() => post('/api/copy', { sheet, a1, cut, clip })),
    changeLines: (sheet, change) => counted('/api/lines', { sheet, ...change }),
    note: (sheet, a1, note) => act(() => post('/api/note', { sheet, a1, note })),
    undo: (again) =>
      act(async (): Promise<ActionReply> => {
        const reply = await post<UndoReply>('/api/undo', { redo: again });
        // Done after one refused: its "Not undone" no longer holds.
        if (reply.withdrawn) unsay(reply.withdrawn);
        // An edit on another sheet: that sheet comes in front, as Sheets shows what it undoes.
        const { sheet } = reply;
        if (!sheet || sheet === state?.activeSheet) return reply;
        return post<ActionReply>('/api/select', { sheet, a1: grid.selectionOf(sheet), back: true });
      }),
  },
);

const charts = new Charts(byId('sheet'), byId<HTMLTableElement>('grid'));
// Assembled's time off, as a manager there acts on it: what Sync time off then brings back.
const timeOff = timeOffDialog();
const explorer = new BigQueryExplorer(
  document.querySelector('.tools') as HTMLElement,
  document.querySelector('main.body') as HTMLElement,
  sidebar,
);

/** Scrolls the row of tabs just enough to show the selected one, as Sheets does. */
function showSelectedTab(): void {
  const tab = tabs.querySelector<HTMLElement>('[aria-selected="true"]');
  if (!tab) return;
  const { offsetLeft: left, offsetWidth: width } = tab;
  if (left < tabs.scrollLeft) tabs.scrollLeft = left;
  else if (left + width > tabs.scrollLeft + tabs.clientWidth)
    tabs.scrollLeft = left + width - tabs.clientWidth;
}

function renderTabs(s: StateView): void {
  const current = [...tabs.children].map(
    (t) => `${t.textContent}\u0001${(t as HTMLElement).dataset.color ?? ''}`,
  );
  const wanted = s.sheets.map((name) => `${name}\u0001${s.tabColors[name] ?? ''}`);
  const selected = tabs.querySelector('[aria-selected="true"]')?.textContent;
  if (current.join('\u0000') === wanted.join('\u0000') && selected === s.activeSheet) return;
  const scrolled = tabs.scrollLeft;
  tabs.replaceChildren(
    ...s.sheets.map((name) => {
      const active = name === s.activeSheet;
      const tab = el(
        'button',
        { type: 'button', role: 'tab', 'aria-selected': String(active), tabindex: active ? '0' : '-1' },
        name,
      );
      // Sheets draws a tab's colour as a bar along its foot.
      const color = s.tabColors[name];
      if (color) {
        tab.dataset.color = color;
        tab.style.setProperty('--tab-color', color);
      }
      // Right-click or double-click, as on a Sheets tab: rename or delete the sheet.
      tab.addEventListener('contextmenu', (event) => {
        event.preventDefault();
        openSheetDialog(name);
      });
      tab.addEventListener('dblclick', () => openSheetDialog(name));
      tab.addEventListener('click', (event) => {
        // A mouse click hands the keys to the grid, as Sheets does; the keyboard stays on the tabs.
        if (event.detail > 0) byId('grid').focus({ preventScroll: true });
        void act(() => post('/api/select', { sheet: name, a1: grid.selectionOf(name), back: true }));
      });
      return tab;
    }),
  );
  tabs.scrollLeft = scrolled;
  showSelectedTab();
}

function renderSidebar(s: StateView): void {
  if (!s.sidebar) {
    // Closed with the keyboard in it, the sidebar hands the keyboard back to the grid, as Sheets
    // does: hidden, it would leave it on the page's body, where no key does anything.
    const hadKeys = !sidebar.hidden && sidebar.contains(document.activeElement);
    sidebar.hidden = true;
    if (hadKeys) byId('grid').focus();
    sidebarSerial = 0;
    frame.removeAttribute('src');
    return;
  }
  if (s.sidebar.serial === sidebarSerial) return;
  sidebarSerial = s.sidebar.serial;
  sidebarUser = s.user;
  byId('sidebarTitle').textContent = s.sidebar.title;
  frame.title = s.sidebar.title;
  frame.src = `/sidebar/${s.sidebar.serial}`;
  sidebar.hidden = false;
}

// File ▸ Settings: the spreadsheet's locale and time zone; closed, the keyboard is back on File.
const openSettings = settingsDialog(
  refresh,
  () =>
    [...menubar.querySelectorAll<HTMLButtonElement>('button.menu-top')].find(
      (b) => b.textContent === 'File',
    ) ?? null,
);
/**
 * Format ▸ Number: the selection's number format, as a person sets it; the keyboard back on the
 * grid, as in Sheets. Plain text ('@') keeps what is typed or pasted there as typed.
 */
function numberFormat(format: NumberFormat): void {
  const at = grid.selection;
  if (!at) return;
  byId('grid').focus({ preventScroll: true });
  void act(() => post('/api/number-format', { ...at, format }));
}
/**
 * Data ▸ Create a filter over the selection (one cell: the sheet's table), or Remove filter, as a
 * person does it; the keyboard back on the grid. Which rows a filter hides is not simulated.
 */
function filter(action: 'create' | 'remove'): void {
  const at = grid.selection;
  if (!at) return;
  byId('grid').focus({ preventScroll: true });
  void act(() => post('/api/filter', { ...at, action }));
}
/**
 * Data ▸ Sort range over the selection, by one of its columns, as a person sorts in Sheets: the rows
 * move within the selected columns only; the keyboard back on the grid.
 */
function sortRange(choice: SortChoice): void {
  const at = grid.selection;
  if (!at) return;
  byId('grid').focus({ preventScroll: true });
  void act(() => post('/api/sort', { ...at, ...choice }));
}
const openSort = sortDialog(sortRange, () => byId('grid').focus({ preventScroll: true }));
/**
 * Data ▸ Sort range's items, worded for the selection's first column as Sheets words them; greyed
 * out (and Sort range with them) when one cell is selected, as Sheets sorts a range of more.
 */
function sortItems(): PageItems {
  const b = grid.selectedCells;
  const one = b.top === b.bottom && b.left === b.right;
  const by = (ascending: boolean) => () => sortRange({ column: b.left, ascending, header: false });
  const letter = columnLetters(b.left);
  return {
    [`Sort range by column ${letter} (A to Z)`]: one ? null : by(true),
    [`Sort range by column ${letter} (Z to A)`]: one ? null : by(false),
    'Advanced range sorting options': one
      ? null
      : () => {
          const a1 = `${letter}${b.top}:${columnLetters(b.right)}${b.bottom}`;
          openSort({ a1, left: b.left, right: b.right, header: (c) => grid.shownText(b.top, c) });
        },
  };
}
const pageMenus: PageMenu[] = [
  {
    title: 'File',
    items: {
      Settings: () =>
        void openSettings().catch((error: unknown) =>
          say('Error', error instanceof Error ? error.message : String(error)),
        ),
    },
  },
  {
    // Greyed out with nothing to undo or redo, as in Sheets.
    title: 'Edit',
    items: () => ({
      Undo: state?.steps.undo ? () => grid.undo(false) : null,
      Redo: state?.steps.redo ? () => grid.undo(true) : null,
    }),
    shortcuts: { Undo: 'Ctrl+Z', Redo: 'Ctrl+Y' },
  },
  {
    title: 'Format',
    items: {
      Number: { Automatic: () => numberFormat('automatic'), 'Plain text': () => numberFormat('plain text') },
    },
  },
  {
    title: 'Data',
    items: () => ({
      'Sort range': sortItems(),
      'Create a filter': () => filter('create'),
      'Remove filter': () => filter('remove'),
    }),
  },
];

let refreshing: Promise<void> | null = null;
let again = false;

/** Fetches the state, and the active sheet when anything changed; one at a time. */
// How the simulated Assembled answers: chosen here, so failures can be tried as a person meets them.
const faults = byId<HTMLSelectElement>('faults');
faults.replaceChildren(
  ...Object.entries(FAULT_PRESETS).map(([value, p]) => el('option', { value }, p.label)),
);
faults.addEventListener('change', () => void act(() => post('/api/faults', { preset: faults.value })));

function showFaults(preset: string | null): void {
  byId('faultsRow').hidden = preset === null;
  if (preset !== null && document.activeElement !== faults) faults.value = preset;
  // The field may cut a long choice short (style.css): hovering shows it whole.
  faults.title = faults.selectedOptions[0]?.textContent ?? '';
  document.body.dataset.faults = preset ?? '';
}

// Who is at the keyboard: the spreadsheet's first editor or a second one, to try what sharing allows.
const editor = byId<HTMLSelectElement>('editor');
editor.addEventListener('change', () => void act(() => post('/api/editor', { email: editor.value })));

function showEditors(s: StateView): void {
  const names = s.editors.join('\n');
  if (editor.dataset.editors !== names) {
    editor.dataset.editors = names;
    editor.replaceChildren(...s.editors.map((email) => el('option', { value: email }, email)));
  }
  if (document.activeElement !== editor) editor.value = s.user;
  document.body.dataset.editor = s.user;
}

async function refresh(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      try {
        const ended = skipsEnded;
        const s = await getJson<StateView>('/api/state');
        // Read while a skip went on that has ended since: its clock and progress are behind.
        if (ended !== skipsEnded) {
          again = true;
          continue;
        }
        state = s;
        explorer.update(s.version);
        timeOff.update(s.version);
        const banner = byId('backend');
        banner.textContent = `Assembled: ${s.backend}`;
        banner.dataset.real = String(s.backend.startsWith('REAL'));
        showFaults(s.faults);
        // Only the simulator has managers the page can act as: the real Assembled's act in Assembled.
        byId('timeOffButton').hidden = s.faults === null;
        showEditors(s);
        byId('docName').textContent = s.spreadsheetName;
        byId('clock').textContent = s.time;
        byId('clock').title = s.timeZone;
        showSkip(s.skip);
        const menus = JSON.stringify(s.menus);
        if (menus !== menusJson) {
          menusJson = menus;
          renderMenus(menubar, s.menus, (path) => void act(() => post('/api/menu', { path })), pageMenus);
        }
        renderTabs(s);
        renderSidebar(s);
        showMail(s);
        if (s.toast && s.toast.serial !== noticeSerial) {
          noticeSerial = s.toast.serial;
          say(s.toast.title || 'Message', s.toast.message, s.toast.serial);
        }
        const skipping = skipAsked || s.skip !== null;
        if (!skipping && (s.version !== shownVersion || s.activeSheet !== shownSheet)) {
          const { value: view, text } = await getJsonText<SheetReply>(
            `/api/sheet?name=${encodeURIComponent(s.activeSheet)}`,
          );
          // Most executions (an hourly tick, a sidebar's check) leave the sheet as it was: drawn
          // again anyway, 2,000 rows held the page for seconds each time.
          if (text !== drawnText) {
            grid.render(view);
            charts.render(view.charts);
            showDataSource(byId('dataSource'), view);
            drawnText = text;
          }
          // Only once drawn: a view that failed to arrive or draw is asked for again next time.
          shownVersion = s.version;
          shownSheet = s.activeSheet;
          document.body.dataset.version = s.version;
          document.body.dataset.sheet = s.activeSheet;
        }
      } catch (error) {
        byId('clock').textContent =
          `Workbench not reachable (${error instanceof Error ? error.message : String(error)})`;
      }
    } while (again);
  })();
  try {
    await refreshing;
  } finally {
    refreshing = null;
  }
}

// google.script.run from the sidebar: only its own frame's messages count.
window.addEventListener('message', (event: MessageEvent<FrameMessage>) => {
  if (event.source !== frame.contentWindow || !event.data || typeof event.data !== 'object') return;
  const message = event.data;
  const target = frame.contentWindow;
  if (message.kind === 'close') {
    void act(() => post('/api/close-sidebar'));
  } else if (message.kind === 'f6') {
    cycle(regions, message.back);
  } else if (message.kind === 'run') {
    const reply = (r: RunReply) => {
      const answer: PageMessage = { kind: 'result', sidebar: message.sidebar, id: message.id, reply: r };
      // The sandboxed frame has an opaque origin: '*' is the only way to address it.
      target?.postMessage(answer, '*');
    };
    void post<RunAnswer>('/api/run', { fn: message.fn, args: message.args, from: sidebarUser })
      .catch((error: unknown): RunAnswer => ({ ok: false, message: String(error) }))
      .then(async ({ front, ...r }) => {
        // A sheet the call put in front (Insert template's) is drawn before the sidebar says so: a
        // click on the grid at its "is ready" landed on the sheet drawn before, and typed there.
        const first = front !== undefined && front !== shownSheet;
        if (first) await refresh();
        reply(r);
        if (!first) void refresh();
      });
  }
});

// A skip is one request: the server goes from one due trigger to the next, answering the page's
// state meanwhile, which shows the clock as it goes and how far the skip has got. While one runs
// (this page's, or another's the state reports) the skip buttons are off and the sheet is not
// fetched: each hourly run changes the state's version, and drawing 2,000 rows again for each run
// held the skip up for seconds a run. The sheet is drawn once the skip is done.
const skipSet = byId<HTMLFieldSetElement>('skipSet');
const skipButtons = [...document.querySelectorAll<HTMLButtonElement>('[data-skip]')];
/** This page's skip request is on its way. */
let skipAsked = false;
/** Skips this page has seen end: a state asked for before one ended is out of date. */
let skipsEnded = 0;

function showSkip(progress: SkipProgress | null): void {
  const busy = skipAsked || progress !== null;
  skipSet.setAttribute('aria-busy', String(busy));
  // aria-disabled, not disabled: a button pressed from the keyboard keeps the keyboard.
  for (const button of skipButtons) button.setAttribute('aria-disabled', String(busy));
  const words = byId('skipProgress');
  words.hidden = !busy;
  words.textContent = progress ? `Skipping to ${progress.until}: ${progress.percent}%` : 'Skipping…';
}

async function skipAhead(ms: number): Promise<void> {
  skipAsked = true;
  showSkip(null);
  try {
    const reply = await post<SkipReply>('/api/skip', { ms });
    if (reply.ok) byId('clock').textContent = reply.time;
    else say('Error', reply.message);
  } catch (error) {
    say('Error', error instanceof Error ? error.message : String(error));
  }
  skipAsked = false;
  skipsEnded++;
  showSkip(null);
  await refresh();
}
for (const button of skipButtons) {
  button.addEventListener('click', () => {
    if (button.getAttribute('aria-disabled') !== 'true') void skipAhead(Number(button.dataset.skip));
  });
}
// Reset throws the whole workbook away: it asks first, in the page, with Cancel as the default.
// The failure e-mail of a refresh, as its owner would get it: MailApp's mail, kept here.
const mailDialog = byId<HTMLDialogElement>('mailDialog');
function showMail(s: StateView): void {
  byId('mailButton').textContent = s.mail.length ? `Mail (${s.mail.length})` : 'Mail';
}
byId('mailButton').addEventListener('click', () => {
  const mail = [...(state?.mail ?? [])].reverse();
  byId('mailList').replaceChildren(
    ...(mail.length
      ? mail.map((m) =>
          el(
            'li',
            {},
            el('strong', {}, m.subject),
            el('div', { class: 'muted' }, `To ${m.to}, ${m.at}`),
            el('pre', {}, m.body),
          ),
        )
      : [
          el(
            'li',
            {},
            'None yet: the add-on e-mails a refresh’s owner when a run is given up, if they asked.',
          ),
        ]),
  );
  mailDialog.showModal();
  byId('mailClose').focus();
});

const resetDialog = byId<HTMLDialogElement>('resetDialog');
byId('reset').addEventListener('click', () => {
  resetDialog.returnValue = '';
  resetDialog.showModal();
  byId('resetCancel').focus();
});
resetDialog.addEventListener('close', () => {
  if (resetDialog.returnValue !== 'reset') return;
  sidebarSerial = 0;
  void act(() => post('/api/reset'));
});
byId('closeSidebar').addEventListener('click', () => void act(() => post('/api/close-sidebar')));
byId('addSheet').addEventListener('click', () => void act(() => post('/api/add-sheet')));

// A sheet's tab menu: rename, or delete after a second press that says what goes with it.
const sheetDialog = byId<HTMLDialogElement>('sheetDialog');
const sheetName = byId<HTMLInputElement>('sheetName');
const sheetDelete = byId<HTMLButtonElement>('sheetDelete');
let sheetOpen = '';
/** Where its tab is: renamed, it is drawn anew there, and the keyboard goes back to it. */
let sheetTab = -1;
function openSheetDialog(name: string): void {
  sheetOpen = name;
  sheetTab = [...tabs.children].findIndex((t) => t.textContent === name);
  byId('sheetTitle').textContent = `Sheet "${name}"`;
  byId('sheetWarn').textContent = '';
  sheetDelete.textContent = 'Delete sheet';
  delete sheetDelete.dataset.armed;
  // Sheets keeps one sheet at least: with one tab, there is nothing to delete.
  sheetDelete.disabled = tabs.children.length < 2;
  sheetName.value = name;
  sheetDialog.returnValue = '';
  sheetDialog.showModal();
  sheetName.select();
}
/** Renames from the dialog; a name refused keeps the dialog open with it, saying why. */
async function renameSheet(): Promise<void> {
  const name = sheetOpen;
  if (sheetName.value === name) {
    sheetDialog.close();
    return;
  }
  const reply = await post('/api/rename-sheet', { sheet: name, name: sheetName.value });
  if (reply.ok) {
    // Closed once the tab shows the new name, so the keyboard can go back to it.
    await refresh();
    sheetDialog.close();
  } else {
    byId('sheetWarn').textContent = reply.message;
    sheetName.focus();
  }
}
// Enter renames: the form's first button, which a plain Enter would press, is Cancel.
sheetName.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  void renameSheet();
});
byId('sheetRename').addEventListener('click', (event) => {
  event.preventDefault();
  void renameSheet();
});
sheetDelete.addEventListener('click', () => {
  if (!sheetDelete.dataset.armed) {
    sheetDelete.dataset.armed = 'true';
    // Sheets' own question, OK or Cancel: Edit ▸ Undo brings the sheet back, so it says no more.
    sheetDelete.textContent = 'OK';
    byId('sheetWarn').textContent = 'Delete this sheet?';
    sheetDelete.focus();
    return;
  }
  sheetDialog.close('delete');
});
sheetDialog.addEventListener('close', () => {
  const name = sheetOpen;
  if (sheetDialog.returnValue === 'delete') void act(() => post('/api/delete-sheet', { sheet: name }));
  // Renamed or left as it was, the keyboard is back on the sheet's tab, as in Sheets.
  else (tabs.children[sheetTab] as HTMLElement | undefined)?.focus();
});
// The wheel scrolls the row of tabs sideways, as over Sheets' tabs (Shift+wheel already does).
tabs.addEventListener(
  'wheel',
  (event) => {
    if (event.deltaX !== 0 || event.deltaY === 0 || tabs.scrollWidth <= tabs.clientWidth) return;
    event.preventDefault();
    tabs.scrollLeft += event.deltaY;
  },
  { passive: false },
);
tabs.addEventListener('keydown', (event) => {
  // F2, or the context-menu key, opens the tab's menu from the keyboard.
  const tab = (event.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
  if (tab && (event.key === 'F2' || event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10'))) {
    event.preventDefault();
    openSheetDialog(tab.textContent ?? '');
  }
});
/** Brings the sheet `by` tabs along in front (`wrap`: past the last, the first); resolves once shown. */
function stepSheet(by: number, wrap: boolean): Promise<void> {
  if (!state) return Promise.resolve();
  const { sheets } = state;
  const at = sheets.indexOf(state.activeSheet) + by;
  const next = wrap ? sheets[(at + sheets.length) % sheets.length] : sheets[at];
  if (!next) return Promise.resolve();
  return act(() => post('/api/select', { sheet: next, a1: grid.selectionOf(next), back: true }));
}
tabs.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  void stepSheet(event.key === 'ArrowRight' ? 1 : -1, true).then(() => {
    tabs.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  });
});
// Ctrl+Shift+Page Down and Page Up bring the next and previous sheet in front from anywhere in the
// page, as in Sheets (the browser keeps Ctrl+Page Down for its own tabs); the keys stay where they were.
document.addEventListener('keydown', (event) => {
  if (!event.ctrlKey || !event.shiftKey || event.altKey || event.metaKey) return;
  if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
  if (document.querySelector('dialog[open]')) return;
  event.preventDefault();
  void stepSheet(event.key === 'PageDown' ? 1 : -1, false);
});
watchMenus(menubar);

const topBar = [document.querySelector('header.top'), document.querySelector('.formulabar'), byId('backend')];
const regions: Region[] = [
  {
    holds: (e) => topBar.some((part) => part?.contains(e)),
    shown: () => true,
    enter: () => menubar.querySelector<HTMLButtonElement>('button')?.focus(),
  },
  {
    holds: (e) => byId('sheet').contains(e) || tabs.contains(e) || byId('addSheet') === e,
    shown: () => byId('sheet').checkVisibility(),
    enter: () => byId('grid').focus(),
  },
  // Into the sidebar's page at its heading, so a screen reader says where the keyboard is: Tab goes
  // on to its first control, Shift+Tab to Close sidebar.
  {
    holds: (e) => sidebar.contains(e),
    shown: () => !sidebar.hidden,
    enter: () => {
      frame.focus();
      const enter: PageMessage = { kind: 'enter' };
      // The sandboxed frame has an opaque origin: '*' is the only way to address it.
      frame.contentWindow?.postMessage(enter, '*');
    },
  },
];
watchRegions(regions);

void refresh();
window.setInterval(() => void refresh(), 1000);
