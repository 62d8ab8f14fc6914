// The menu bar: the workbench's own menus (File ▸ Settings), Extensions ▸ <add-on> ▸ items from
// rt.ui.menus (createAddonMenu), and any top-level menu a script added with createMenu.
import type { MenuItemView, MenuView } from '../wire';
import { el } from './dom';

type Run = (path: string[]) => void;

/** A menu of the page's own: its items act in the page (caption → action), not in the script. */
export interface PageMenu {
  title: string;
  items: Record<string, () => void>;
}

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
    const button = el('button', { type: 'button', role: 'menuitem', class: 'menu-item' }, caption);
    const li = el('li', { role: 'none' }, button);
    if (item.type === 'submenu') {
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

function topMenu(caption: string, items: HTMLUListElement, root: HTMLElement): HTMLElement {
  const button = el(
    'button',
    { type: 'button', class: 'menu-top', 'aria-haspopup': 'menu', 'aria-expanded': 'false' },
    caption,
  );
  const wrap = el('div', { class: 'menu' }, button, items);
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    closeAll(root);
    button.setAttribute('aria-expanded', String(open));
    items.hidden = !open;
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
    const items: MenuItemView[] = Object.keys(m.items).map((caption) => ({ type: 'item', caption }));
    const act = (path: string[]) => m.items[path[1] ?? '']?.();
    return topMenu(m.title, list(items, [m.title], root, act), root);
  });
  root.replaceChildren(...ownNodes, ...nodes);
}

export function watchMenus(root: HTMLElement): void {
  document.addEventListener('click', (event) => {
    if (!root.contains(event.target as Node)) closeAll(root);
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      closeAll(root);
      root.querySelector<HTMLButtonElement>('button')?.focus();
    }
  });
}
