// A searchable multi-select: a filter box over a list of checkboxes, filled from the server.

import { someOf } from '../core/count-text';
import { choiceTree } from '../core/pull/choice-tree';
import type { Choice } from '../core/pull/pull-view';
import { el } from './dom';

export interface Picker {
  root: HTMLElement;
  selected(): string[];
  /** The names of the ticked ids, in the same order; undefined while any is not in the list. */
  names(): string[] | undefined;
}

/** How the keyboard moves through a list, said when it is entered: it is one Tab stop. */
export const KEYS = 'One Tab stop: the up and down arrow keys move through the list, Space ticks.';

/** A list `load` cannot read at all, said briefly: the page says the rest once. */
export class Unavailable extends Error {}

/**
 * `initial`: the ids ticked from the start (a pull's filters put back in the form). `unavailable`:
 * why the list cannot be read at all (said briefly; the page says the rest once), so it is not asked for.
 * `nested`: what a choice with others under it means, said under the label once the list has one.
 */
export function createPicker(
  id: string,
  label: string,
  load: () => Promise<Choice[]>,
  initial: readonly string[] = [],
  unavailable?: string,
  nested?: string,
): Picker {
  // What the filter left, and what Enter picked, on screen and said aloud: a screen reader has no
  // other way to hear that a filter matched nothing, or that a ticked name is hidden by it.
  const note = el('p', { class: 'hint', id: `${id}Note`, 'aria-live': 'polite' });
  const search = el('input', {
    id: `${id}Search`,
    type: 'search',
    placeholder: 'Type to filter…',
    'aria-describedby': `${id}Note`,
  });
  // A group of checkboxes that is one Tab stop (rove, below): its description says how to move in
  // it, or a screen reader user Tabs past all but one box.
  const keys = el('p', { class: 'sr-only', id: `${id}Keys` }, KEYS);
  const list = el(
    'div',
    { class: 'picker', role: 'group', 'aria-label': label, 'aria-describedby': keys.id },
    'Loading…',
  );
  const about = el('p', { class: 'hint', id: `${id}About`, hidden: true }, nested ?? '');
  const root = el('div', {}, el('label', { for: `${id}Search` }, label), about, search, note, keys, list);
  const chosen = new Set<string>(initial);
  let pickedByEnter = false;
  let items: { choice: Choice; row: HTMLElement; depth: number; below: string[] }[] = [];

  /**
   * A list that cannot be read at all (no key), said briefly in a hint's grey, with nothing to
   * filter: the notice at the page's top says why, once, in red.
   */
  const cannotLoad = (why: string) => {
    search.hidden = true;
    list.dataset.unavailable = '';
    list.removeAttribute('aria-describedby');
    list.textContent = why;
  };
  const fill = () =>
    load().then(
      (choices) => {
        items = choiceTree(choices).map(({ choice, depth, below }, i) => {
          const box = el('input', { type: 'checkbox', id: `${id}-${i}`, value: choice.id });
          box.checked = chosen.has(choice.id);
          box.addEventListener('change', () => tick(choice, below, box.checked, pickedByEnter));
          const row = el('label', { for: `${id}-${i}` }, box, choice.name);
          if (depth > 0) row.style.paddingLeft = `${depth * 1.25}em`;
          return { choice, row, depth, below };
        });
        list.replaceChildren(...items.map((i) => i.row));
        if (nested && items.some((i) => i.below.length > 0)) {
          about.hidden = false;
          list.setAttribute('aria-describedby', `${keys.id} ${about.id}`);
        }
        rove(shown()[0]);
        if (!items.length) list.textContent = 'None found.';
      },
      (error: unknown) => {
        // A list that cannot be read at all (the key refused), which the page says once.
        if (error instanceof Unavailable) return cannotLoad(error.message);
        // A list that failed (Assembled down, a rate limit) is asked for again on request.
        const again = el('button', { type: 'button', class: 'link' }, 'Try again');
        again.addEventListener('click', () => {
          list.textContent = 'Loading…';
          fill();
        });
        const why = error instanceof Error ? error.message : String(error);
        list.replaceChildren(`Could not load the list: ${why} `, again);
      },
    );
  if (unavailable) cannotLoad(unavailable);
  else fill();
  search.addEventListener('input', () => {
    const q = search.value.trim().toLowerCase();
    for (const { choice, row } of items) row.hidden = q !== '' && !choice.name.toLowerCase().includes(q);
    rove(shown()[0]);
    say();
  });

  /**
   * Ticks or unticks a choice and every one under it (a team's sub-teams), and says what the
   * nearest ticked one with others under it now holds: a tick under it changes that, and a note
   * left from before would say what is no longer so. `named`: say the choice ticked first too
   * (picked with Enter in the filter box, where no checkbox says it).
   */
  function tick(choice: Choice, below: readonly string[], on: boolean, named = false): void {
    for (const c of [choice.id, ...below]) on ? chosen.add(c) : chosen.delete(c);
    for (const { choice: c, row } of items) {
      if (below.includes(c.id)) (row.querySelector('input') as HTMLInputElement).checked = on;
    }
    const nameOf = (ids: readonly string[]) =>
      items.filter((i) => ids.includes(i.choice.id)).map((i) => i.choice.name);
    const own = below.length > 0 ? `${choice.name} ${on ? 'ticked' : 'unticked'}` : '';
    const holder = own
      ? undefined
      : items
          .filter((i) => i.below.includes(choice.id) && chosen.has(i.choice.id))
          .sort((a, b) => b.depth - a.depth)[0];
    const under = holder ? nameOf(holder.below.filter((c) => chosen.has(c))) : nameOf(below);
    const held = !holder
      ? ''
      : under.length
        ? `${holder.choice.name} ticked, with ${someOf(under, 3, 'and')} under it.`
        : `${holder.choice.name} ticked alone.`;
    say(
      [
        named && !own ? `${choice.name} ${on ? 'ticked' : 'unticked'}.` : '',
        own ? `${own}, with ${someOf(under, 3, 'and')} under it.` : held,
      ]
        .filter(Boolean)
        .join(' '),
    );
  }

  /** `picked`: what Enter in the filter box just did, said first. */
  function say(picked = ''): void {
    const q = search.value.trim();
    const count = shown().length;
    const hidden = items.filter((i) => i.row.hidden && chosen.has(i.choice.id)).length;
    note.textContent = [
      picked,
      q === '' ? '' : count === 0 ? `None match "${q}".` : `${count} of ${items.length} match.`,
      hidden === 0 ? '' : `${hidden} ticked, not shown.`,
    ]
      .filter(Boolean)
      .join(' ');
  }

  // The list is one Tab stop, moved through with the arrow keys (a long list of agents would
  // otherwise be a hundred Tab presses between the filter and the button below it).
  const boxes = () => items.map((i) => i.row.querySelector('input') as HTMLInputElement);
  const shown = () =>
    items.filter((i) => !i.row.hidden).map((i) => i.row.querySelector('input') as HTMLInputElement);
  function rove(to: HTMLInputElement | undefined): void {
    for (const box of boxes()) box.tabIndex = box === to ? 0 : -1;
  }
  list.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLInputElement) rove(event.target);
  });
  list.addEventListener('keydown', (event) => {
    const visible = shown();
    const at = visible.indexOf(event.target as HTMLInputElement);
    const to =
      event.key === 'ArrowDown'
        ? visible[at + 1]
        : event.key === 'ArrowUp'
          ? visible[at - 1]
          : event.key === 'Home'
            ? visible[0]
            : event.key === 'End'
              ? visible[visible.length - 1]
              : undefined;
    if (event.key === 'Enter') {
      // Enter picks, as Space does; it never sends the form (a pull of everyone).
      event.preventDefault();
      (event.target as HTMLInputElement).click();
    } else if (to) {
      event.preventDefault();
      to.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      search.focus();
    }
  });
  search.addEventListener('keydown', (event) => {
    const visible = shown();
    if (event.key === 'Enter') {
      // Typed to find one: Enter picks it. Never the form's submit, which would start a pull.
      event.preventDefault();
      const [one] = visible;
      if (visible.length === 1 && one) {
        // Its tick says it by name: the focus stays here, so no checkbox says it.
        pickedByEnter = true;
        one.click();
        pickedByEnter = false;
      } else visible[0]?.focus();
    } else if (event.key === 'ArrowDown' && visible[0]) {
      event.preventDefault();
      visible[0].focus();
    }
  });
  const names = () => {
    const byId = new Map(items.map(({ choice }) => [choice.id, choice.name]));
    const found = [...chosen].map((c) => byId.get(c));
    return found.every((n) => n !== undefined) ? (found as string[]) : undefined;
  };
  return { root, selected: () => [...chosen], names };
}
