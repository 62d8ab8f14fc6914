// A question asked inside the page before something is undone (Delete a refresh, Remove key): the
// sidebar is a sandboxed frame where a browser dialog may be ignored and return false at once, which
// would leave the button doing nothing.
import { el } from './dom';

export interface Question {
  /** The group's name, and its words when `text` is not given. */
  question: string;
  text?: string;
  yes: string;
  keep: string;
  /** Names for the buttons when their words alone do not say what they act on. */
  yesLabel?: string;
  keepLabel?: string;
}

/** Questions asked so far: each one's words get an id of their own. */
let asked = 0;

/**
 * Puts the question where `place` does and gives Keep the focus, so an Enter pressed twice undoes
 * nothing; asked again while a question is open in `scope`, that one's Keep takes the focus. Keep
 * and Escape take it away and give the focus back to `trigger`, then call `onKeep`. `onYes` gets
 * that same `close`, for an answer that does not redraw the question away itself.
 */
export function askInPage(
  q: Question,
  trigger: HTMLElement,
  scope: ParentNode,
  place: (box: HTMLElement) => void,
  onYes: (close: () => void) => void,
  onKeep?: () => void,
): void {
  const open = scope.querySelector<HTMLElement>('.confirm');
  if (open) {
    open.querySelector<HTMLButtonElement>('button.keep')?.focus();
    return;
  }
  const yes = el('button', { type: 'button', class: 'danger', 'aria-label': q.yesLabel ?? false }, q.yes);
  const keep = el('button', { type: 'button', class: 'keep', 'aria-label': q.keepLabel ?? false }, q.keep);
  // Its words tied to the group (aria-describedby): the focus lands on Keep inside it, so a screen
  // reader says the group's name and these, not the short question alone ("This cannot be undone").
  const words = el('p', { id: `question${++asked}` }, q.text ?? q.question);
  const box = el(
    'div',
    { class: 'confirm', role: 'group', 'aria-label': q.question, 'aria-describedby': !!q.text && words.id },
    words,
    el('div', { class: 'actions' }, yes, keep),
  );
  const close = () => {
    box.remove();
    trigger.focus();
  };
  const kept = () => {
    close();
    onKeep?.();
  };
  keep.addEventListener('click', kept);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') kept();
  });
  yes.addEventListener('click', () => onYes(close));
  place(box);
  keep.focus();
}

/** Takes away the question open in `scope`, if any, with no answer: something else was done instead. */
export function putAwayQuestion(scope: ParentNode): void {
  scope.querySelector('.confirm')?.remove();
}
