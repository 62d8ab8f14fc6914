// The menu bar: the workbench's own menus (File ▸ Settings, Edit ▸ Undo, Format ▸ Number),
// Extensions ▸ <add-on> ▸ items from rt.ui.menus (createAddonMenu), and any top-level menu a script
// added with createMenu. Keyed as Sheets' and the WAI-ARIA menubar: Left/Right go between menus,
// Down/Up through items, Right opens a submenu and Left or Escape closes it, Home/End jump, Escape
// in a menu closes it back to the menu's name. The bar is one Tab stop (roving tabindex): the
// menu's name last reached by the arrows, and Tab leaves it, closing a menu open; Enter, Space or
// Down on a name opens its menu at its first item.
import type { MenuItemView, MenuView } from '../wire';
import { el } from './dom';

type Run = (path: string[]) => void;

/**
 * A menu of the page's own: its items act in the page (caption → action), not in the script. Items
 * given as a function are made again each time the menu opens (Sort range by column B, the
 * selection's first column, as Sheets words it).
 */
export interface PageMenu {
  title: string;
  items: PageItems | (() => PageItems);
  /** An item's keys by its caption, shown at its right (Undo: "Ctrl+Z"). */
  shortcuts?: Record<string, string>;
}

/**
 * Caption → action, or → a submenu's items (Format ▸ Number ▸ Plain text), or null: greyed out,
 * as Sheets shows an item that does not apply. A submenu whose items are all greyed is greyed too.
 */
export interface PageItems {
  [caption: string]: (() => void) | PageItems | null;
}

/** The page's items as the menu bar lists them. */
function pageItems(items: PageItems, shortcuts: Record<string, string> = {}): MenuItemView[] {
  return Object.entries(items).map(([caption, item]): MenuItemView => {
    const shortcut = shortcuts[caption];
    const keys = shortcut ? { shortcut } : {};
    if (item === null) return { type: 'item', caption, greyed: true, ...keys };
    if (typeof item === 'function') return { type: 'item', caption, ...keys };
    const sub = pageItems(item, shortcuts);
    return { type: 'submenu', caption, items: sub, greyed: sub.every((i) => i.greyed) };
  });
}

/** The action at a path of captions under a page menu's title. */
function pageAction(items: PageItems, path: string[]): (() => void) | undefined {
  const [caption = '', ...rest] = path;
  const item = items[caption];
  if (item === null) return undefined;
  if (typeof item === 'function') return rest.length === 0 ? item : undefined;
  return item && pageAction(item, rest);
}

/** A top menu's list made again as it opens, for menus whose items change (PageMenu). */
const remade = new WeakMap<HTMLButtonElement, () => HTMLUListElement>();

function closeAll(root: HTMLElement): void {
  for (const b of root.querySelectorAll<HTMLButtonElement>('button[aria-expanded="true"]'))
    b.setAttribute('aria-expanded', 'false');
  for (const list of root.querySelectorAll<HTMLElement>('ul')) list.hidden = true;
}

function list(items: MenuItemView[], path: string[], root: HTMLElement, run: Run): HTMLUListElement {
  const ul = el('ul', { role: 'menu' });
  ul.hidden = true;
  for (const item of items) {
    if (item.type === 'separator') {
      ul.append(el('li', { role: 'separator' }));
      continue;
    }
    const caption = item.caption ?? '';
    // Not a Tab stop: the arrows go among a menu's items, and Tab leaves the bar (onKey).
    const button = el(
      'button',
      { type: 'button', role: 'menuitem', class: 'menu-item', tabindex: '-1' },
      caption,
    );
    const li = el('li', { role: 'none' }, button);
    // Its keys, at its right: said by aria-keyshortcuts, so its name stays its caption.
    if (item.shortcut) {
      button.append(el('span', { class: 'menu-shortcut', 'aria-hidden': 'true' }, item.shortcut));
      button.setAttribute('aria-keyshortcuts', item.shortcut.replace(/\bCtrl\b/g, 'Control'));
    }
    // aria-disabled, not disabled: the arrow keys still reach it, and a screen reader says it is off.
    if (item.greyed) {
      button.setAttribute('aria-disabled', 'true');
      if (item.type === 'submenu') button.setAttribute('aria-haspopup', 'menu');
    } else if (item.type === 'submenu') {
      const sub = list(item.items ?? [], [...path, caption], root, run);
      button.setAttribute('aria-haspopup', 'menu');
      button.setAttribute('aria-expanded', 'false');
      button.addEventListener('click', () => toggle(button, sub, ul));
      li.append(sub);
    } else {
      button.addEventListener('click', () => {
        closeAll(root);
        run([...path, caption]);
      });
    }
    ul.append(li);
  }
  return ul;
}

/** Opens one list, closing its open siblings. */
function toggle(button: HTMLButtonElement, sub: HTMLUListElement, parent: HTMLElement): void {
  const open = button.getAttribute('aria-expanded') !== 'true';
  for (const other of parent.querySelectorAll<HTMLButtonElement>(':scope > li > button[aria-expanded]')) {
    other.setAttribute('aria-expanded', 'false');
    const list = other.nextElementSibling as HTMLElement | null;
    if (list) list.hidden = true;
  }
  button.setAttribute('aria-expanded', String(open));
  sub.hidden = !open;
  if (open) sub.querySelector<HTMLButtonElement>('button')?.focus();
}

/** Opens a top menu, closing any other; gives its list. */
function openTop(top: HTMLButtonElement, root: HTMLElement): HTMLElement | null {
  closeAll(root);
  const make = remade.get(top);
  if (make) top.nextElementSibling?.replaceWith(make());
  const list = top.nextElementSibling as HTMLElement | null;
  top.setAttribute('aria-expanded', 'true');
  if (list) list.hidden = false;
  return list;
}

function topMenu(caption: string, items: HTMLUListElement, root: HTMLElement): HTMLElement {
  const button = el(
    'button',
    {
      type: 'button',
      role: 'menuitem',
      class: 'menu-top',
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
      tabindex: '-1',
    },
    caption,
  );
  const wrap = el('div', { class: 'menu' }, button, items);
  button.addEventListener('click', () => {
    if (button.getAttribute('aria-expanded') === 'true') closeAll(root);
    else openTop(button, root);
  });
  return wrap;
}

export function renderMenus(root: HTMLElement, menus: MenuView[], run: Run, own: PageMenu[] = []): void {
  const addons = menus.filter((m) => m.addon);
  const extensions: MenuItemView[] = addons.map((m) => ({
    type: 'submenu',
    caption: m.title,
    items: m.items,
  }));
  const nodes = menus
    .filter((m) => !m.addon)
    .map((m) => topMenu(m.title, list(m.items, [m.title], root, run), root));
  // Extensions ▸ <add-on title> ▸ item; the click path starts at the add-on's menu title.
  const extList = list(extensions, [], root, run);
  nodes.unshift(topMenu('Extensions', extList, root));
  if (!addons.length)
    extList.append(el('li', { role: 'none' }, el('span', { class: 'hint' }, 'No add-on menu')));
  // Sheets' own menus come first, File leading.
  const ownNodes = own.map((m) => {
    const make = () => {
      // The items as shown: a pick acts on what the menu said when it opened.
      const items = typeof m.items === 'function' ? m.items() : m.items;
      const act = (path: string[]) => pageAction(items, path.slice(1))?.();
      return list(pageItems(items, m.shortcuts), [m.title], root, act);
    };
    const node = topMenu(m.title, make(), root);
    const button = node.querySelector<HTMLButtonElement>(':scope > button');
    if (button && typeof m.items === 'function') remade.set(button, make);
    return node;
  });
  root.replaceChildren(...ownNodes, ...nodes);
  root.querySelector<HTMLButtonElement>('button.menu-top')?.setAttribute('tabindex', '0');
}

/** The bar's one Tab stop moves to the menu's name the keyboard reached (roving tabindex). */
function rove(root: HTMLElement, top: HTMLButtonElement): void {
  for (const b of root.querySelectorAll<HTMLButtonElement>('button.menu-top'))
    b.setAttribute('tabindex', b === top ? '0' : '-1');
}

/** A list's own items, not those of its submenus. */
const itemsOf = (list: Element | null) => [
  ...(list?.querySelectorAll<HTMLButtonElement>(':scope > li > button') ?? []),
];

/** The item `by` along from `at` in a row, going round at the ends. */
const along = <T>(row: T[], at: T, by: number): T | undefined =>
  row[(row.indexOf(at) + by + row.length) % row.length];

/** The first item of a row, or its last. */
const end = <T>(row: T[], first: boolean): T | undefined => row[first ? 0 : row.length - 1];

/** The keys of the menu bar, on a top menu's button or on an item of its lists. */
function onKey(root: HTMLElement, event: KeyboardEvent): void {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button');
  const top = button?.closest('.menu')?.querySelector<HTMLButtonElement>(':scope > button.menu-top');
  if (!button || !top) return;
  const tops = [...root.querySelectorAll<HTMLButtonElement>('button.menu-top')];
  const open = top.getAttribute('aria-expanded') === 'true';
  const { key } = event;
  // Tab and Shift+Tab leave the bar, its one stop, from the menu's name: a menu open closes, not
  // left on screen over what the keyboard went on to (Sheets; the WAI-ARIA menubar).
  if (key === 'Tab') {
    closeAll(root);
    top.focus();
    return;
  }
  if (button === top) {
    if (key === 'ArrowRight' || key === 'ArrowLeft') {
      const next = along(tops, top, key === 'ArrowRight' ? 1 : -1);
      // Moving along with a menu open opens the next one, as in Sheets.
      if (next && open) openTop(next, root);
      next?.focus();
    } else if (key === 'ArrowDown' || key === 'ArrowUp' || key === 'Enter' || key === ' ') {
      // Opened from the keyboard, the menu has it, as in Sheets: Up at its last item, else its first.
      end(itemsOf(openTop(top, root)), key !== 'ArrowUp')?.focus();
    } else if (key === 'Home' || key === 'End') end(tops, key === 'Home')?.focus();
    else if (key === 'Escape') closeAll(root);
    else return;
  } else {
    const list = button.closest('ul');
    const items = itemsOf(list);
    const parent = list?.parentElement?.closest('li')?.querySelector<HTMLButtonElement>(':scope > button');
    const sub = button.nextElementSibling as HTMLElement | null;
    /** The next top menu (or the one before), opened at its first item. */
    const nextMenu = (by: number) => {
      const next = along(tops, top, by);
      if (next) itemsOf(openTop(next, root))[0]?.focus();
    };
    if (key === 'ArrowDown' || key === 'ArrowUp') along(items, button, key === 'ArrowDown' ? 1 : -1)?.focus();
    else if (key === 'Home' || key === 'End') end(items, key === 'Home')?.focus();
    else if (key === 'ArrowRight' && sub) {
      button.setAttribute('aria-expanded', 'true');
      sub.hidden = false;
      itemsOf(sub)[0]?.focus();
    } else if (key === 'ArrowRight') nextMenu(1);
    // Escape in a submenu closes only it, as Left does (Sheets): back on its item, its menu open.
    else if ((key === 'ArrowLeft' || key === 'Escape') && parent && list) {
      parent.setAttribute('aria-expanded', 'false');
      list.hidden = true;
      parent.focus();
    } else if (key === 'ArrowLeft') nextMenu(-1);
    else if (key === 'Escape') {
      closeAll(root);
      top.focus();
    } else return;
  }
  // Enter and Space on an item press it.
  event.preventDefault();
}

export function watchMenus(root: HTMLElement): void {
  document.addEventListener('click', (event) => {
    if (!root.contains(event.target as Node)) closeAll(root);
  });
  root.addEventListener('keydown', (event) => onKey(root, event));
  root.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLButtonElement && event.target.classList.contains('menu-top'))
      rove(root, event.target);
  });
}
