// A cell's note as Sheets edits it (right-click ▸ Insert note, or Shift+F2): a small box beside the
// cell, holding the note it has. Clicking away saves what it holds, and so does Escape, which gives
// the keys back to the grid; a note whose text is cleared is deleted.
import { el } from './dom';

export class NoteEditor {
  private readonly box: HTMLTextAreaElement;
  private was = '';
  private save: ((text: string) => void) | null = null;
  private back: HTMLElement | null = null;

  constructor(host: HTMLElement) {
    this.box = el('textarea', { class: 'note-editor', rows: '4', spellcheck: 'false' });
    this.box.hidden = true;
    host.append(this.box);
    this.box.addEventListener('focusout', () => this.close(false));
    this.box.addEventListener('keydown', (event) => {
      // The grid's keys are not the note's: arrows and Enter stay in the text.
      event.stopPropagation();
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.close(true);
    });
  }

  get isOpen(): boolean {
    return !this.box.hidden;
  }

  /** Opens beside `cell` (its box in the window) with the note it has; `save` gets the text if changed. */
  open(label: string, note: string, cell: DOMRect, back: HTMLElement, save: (text: string) => void): void {
    this.close(false);
    this.was = note;
    this.save = save;
    this.back = back;
    this.box.setAttribute('aria-label', label);
    this.box.value = note;
    this.box.hidden = false;
    const { width, height } = this.box.getBoundingClientRect();
    this.box.style.left = `${Math.max(0, Math.min(cell.right + 4, innerWidth - width))}px`;
    this.box.style.top = `${Math.max(0, Math.min(cell.top, innerHeight - height))}px`;
    this.box.focus({ preventScroll: true });
    this.box.setSelectionRange(note.length, note.length);
  }

  /** Saves what it holds (if changed) and hides; `giveBack`: the keys go back to the grid. */
  private close(giveBack: boolean): void {
    if (this.box.hidden) return;
    this.box.hidden = true;
    const save = this.save;
    this.save = null;
    const text = this.box.value;
    if (save && text !== this.was) save(text);
    if (giveBack) this.back?.focus({ preventScroll: true });
  }
}
