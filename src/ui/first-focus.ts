// A sidebar is opened on purpose, as a dialog is: the keyboard goes into it, at its h1 (tabindex -1),
// so a screen reader says which page opened and Tab goes on into it from the top.
export function focusHeading(): void {
  document.querySelector<HTMLElement>('h1')?.focus();
}
