// "If the target has data" in a refresh's editor: an append refresh of agent states can become a
// merge (which updates a state that has ended since) without deleting it and starting again. A
// choice that would take away the rows it gathered is said as it is chosen, and asked at Save.
import type { RefreshView } from '../../../core/schedule/refresh-view';
import { el } from '../../dom';

export function modeField(
  prefix: string,
  r: RefreshView,
): {
  root: HTMLElement;
  spec(): RefreshView['spec'];
  /** What Save asks first, if the mode chosen takes away rows the refresh gathered (with its words). */
  ask(): NonNullable<RefreshView['modes'][number]['ask']> | undefined;
  /** Back to the mode saved (Keep, asked at Save), the keyboard on it. */
  keep(): void;
} {
  const select = el(
    'select',
    { id: `${prefix}-mode`, 'aria-describedby': `${prefix}-mode-note` },
    ...r.modes.map((m) => el('option', { value: m.value }, m.label)),
  );
  select.value = r.spec.mode;
  const chosen = () => r.modes.find((m) => m.value === select.value);
  select.disabled = r.modes.length < 2;
  // What the mode chosen does that its name does not say (an append into BigQuery), as it is chosen.
  const note = el('p', { id: `${prefix}-mode-note`, class: 'hint' });
  const showNote = () => {
    note.textContent = chosen()?.note ?? '';
    note.hidden = !note.textContent;
  };
  select.addEventListener('change', showNote);
  showNote();
  const root = el('div', {}, el('label', { for: select.id }, 'If the target has data'), select, note);
  return {
    root,
    ask() {
      const m = chosen();
      return m?.ask && m.value !== r.spec.mode ? m.ask : undefined;
    },
    keep() {
      select.value = r.spec.mode;
      showNote();
      select.focus();
    },
    spec() {
      const mode = select.value as RefreshView['spec']['mode'];
      if (mode === r.spec.mode) return r.spec;
      // A merge key chosen before stays with a merge; any other mode has none.
      const { mergeKey: _, ...rest } = r.spec;
      return { ...rest, mode };
    },
  };
}
