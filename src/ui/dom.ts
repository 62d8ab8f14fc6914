// Small DOM helpers. Text always goes in through textContent, so data from the API or a sheet
// (an agent named <img src=x onerror=...>) is shown as text, never parsed as HTML.

export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`Missing element #${id}`);
  return el as T;
}

export type Tone = 'info' | 'ok' | 'error';

export function showStatus(el: HTMLElement, text: string, tone: Tone = 'info'): void {
  el.textContent = text;
  el.dataset.tone = tone;
}

/** Disables the controls while a server call runs, so a double click never sends twice. */
export async function busy<T>(controls: HTMLButtonElement[], work: () => Promise<T>): Promise<T> {
  for (const c of controls) c.disabled = true;
  try {
    return await work();
  } finally {
    for (const c of controls) c.disabled = false;
  }
}
