// A searchable multi-select: a filter box over a list of checkboxes, filled from the server.
import type { Choice } from '../core/pull/pull-view';
import { el } from './dom';

export interface Picker {
  root: HTMLElement;
  selected(): string[];
}

export function createPicker(id: string, label: string, load: () => Promise<Choice[]>): Picker {
  const search = el('input', { id: `${id}Search`, type: 'search', placeholder: 'Type to filter…' });
  const list = el('div', { class: 'picker', role: 'group', 'aria-label': label }, 'Loading…');
  const root = el('div', {}, el('label', { for: `${id}Search` }, label), search, list);
  const chosen = new Set<string>();
  let items: { choice: Choice; row: HTMLElement }[] = [];

  const fill = () =>
    load().then(
      (choices) => {
        items = choices.map((choice, i) => {
          const box = el('input', { type: 'checkbox', id: `${id}-${i}`, value: choice.id });
          box.addEventListener('change', () =>
            box.checked ? chosen.add(choice.id) : chosen.delete(choice.id),
          );
          return { choice, row: el('label', { for: `${id}-${i}` }, box, choice.name) };
        });
        list.replaceChildren(...items.map((i) => i.row));
        if (!items.length) list.textContent = 'None found.';
      },
      (error: unknown) => {
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
  fill();
  search.addEventListener('input', () => {
    const q = search.value.trim().toLowerCase();
    for (const { choice, row } of items) row.hidden = q !== '' && !choice.name.toLowerCase().includes(q);
  });
  return { root, selected: () => [...chosen] };
}
