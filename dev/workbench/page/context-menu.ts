// A context menu, as Sheets opens one over the grid on a right-click or the context-menu key: the
// arrow keys (and Home, End) walk its items, Enter or a click picks one, Escape or Tab closes it
// and gives the keys back; a click elsewhere closes it.
import { el } from './dom';

export type ContextEntry = { label: string; pick: () => void } | 'separator';

export class ContextMenu {
  private readonly list: HTMLUListElement;
  /** Where the keys go back to once it closes. */
  private back: HTMLElement | null = null;

  constructor(host: HTMLElement) {
    this.list = el('ul', { role: 'menu', class: 'context-menu' });
    this.list.hidden = true;
    host.append(this.list);
    this.list.addEventListener('keydown', (event) => this.onKey(event));
    this.list.addEventListener('focusout', (event) => {
      if (!this.list.contains(event.relatedTarget as Node | null)) this.close(false);
    });
    // The browser's own menu never opens over this one.
    this.list.addEventListener('contextmenu', (event) => event.preventDefault());
  }

  get isOpen(): boolean {
    return !this.list.hidden;
  }

  /** Opens at (x, y) in the window, inside it, the keys on its first item. */
  open(label: string, entries: ContextEntry[], at: { x: number; y: number }, back: HTMLElement): void {
    this.back = back;
    this.list.setAttribute('aria-label', label);
    this.list.replaceChildren(
      ...entries.map((entry) => {
        if (entry === 'separator') return el('li', { role: 'separator' });
        const item = el(
          'button',
          { type: 'button', role: 'menuitem', class: 'menu-item', tabindex: '-1' },
          entry.label,
        );
        item.addEventListener('click', () => {
          this.close();
          entry.pick();
        });
        return el('li', { role: 'none' }, item);
      }),
    );
    this.list.hidden = false;
    const { width, height } = this.list.getBoundingClientRect();
    this.list.style.left = `${Math.max(0, Math.min(at.x, innerWidth - width))}px`;
    // Above the point when it would run off the window's foot, as native menus open.
    const top = at.y + height > innerHeight ? Math.min(at.y, innerHeight) - height : at.y;
    this.list.style.top = `${Math.max(0, top)}px`;
    this.items()[0]?.focus({ preventScroll: true });
  }

  /** Closes it; the keys go back where they were unless the focus is already going elsewhere. */
  close(giveBack = true): void {
    if (this.list.hidden) return;
    this.list.hidden = true;
    if (giveBack) this.back?.focus({ preventScroll: true });
  }

  private items(): HTMLButtonElement[] {
    return [...this.list.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  }

  private onKey(event: KeyboardEvent): void {
    const items = this.items();
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus({ preventScroll: true });
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') this.close();
    // Enter and Space press the item itself.
    else return;
    event.preventDefault();
    event.stopPropagation();
  }
}
