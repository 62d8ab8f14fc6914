// Small DOM helpers. Text always goes in through textContent, so data from the API or a sheet
// (an agent named <img src=x onerror=...>) is shown as text, never parsed as HTML.

import { consoleLinks } from './links';

export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`Missing element #${id}`);
  return el as T;
}

/** `warn`: worth a look, nothing broke (a push that held every row back to fix). */
export type Tone = 'info' | 'ok' | 'warn' | 'error';

/** A part of a status line said in a tone of its own: a summary's rows to fix in red, its count not. */
export interface Said {
  text: string;
  tone: Tone;
}

/** What each status line was last given (its tone, and each part's), and showed. */
const lastSaid = new WeakMap<HTMLElement, { text: string; tones: string; shown: string }>();

/** Text with the console addresses in it as links: a sidebar is sandboxed, so one opens only in a new tab. */
const linked = (text: string): (string | Node)[] =>
  consoleLinks(text).map((part) =>
    typeof part === 'string'
      ? part
      : el('a', { href: part.href, target: '_blank', rel: 'noopener' }, 'Open in the Google Cloud console'),
  );

/**
 * How a live line says its words: a failure at once, as an alert (assertive: it needs the person),
 * the rest, progress and answers, in its turn, as a status (polite). Role and aria-live agree: a
 * status marked assertive is a contradiction each screen reader settles its own way.
 */
function liveAs(node: HTMLElement, tone: Tone): void {
  const error = tone === 'error';
  node.setAttribute('role', error ? 'alert' : 'status');
  node.setAttribute('aria-live', error ? 'assertive' : 'polite');
}

/**
 * Says `said` on a status line: its words, or its parts a line each. A live line (role status or
 * alert) takes the role its `tone` calls for (liveAs) before its words. Parts are drawn each in its
 * own tone (a span with its data-tone), whatever the line's. The same words again (Pull data's
 * progress is drawn every second) are left as they are, as a live region whose words are set again
 * may be read again.
 */
export function showStatus(node: HTMLElement, said: string | readonly Said[], tone: Tone = 'info'): void {
  const parts = typeof said === 'string' ? [{ text: said, tone }] : said;
  const apart = typeof said !== 'string';
  const text = parts.map((p) => p.text).join('\n');
  const tones = [tone, ...parts.map((p) => p.tone)].join(' ');
  const last = lastSaid.get(node);
  if (last?.text === text && last.tones === tones && node.textContent === last.shown) return;
  const role = node.getAttribute('role');
  if (role === 'status' || role === 'alert') liveAs(node, tone);
  node.replaceChildren(
    ...parts.flatMap((p, i) => {
      const shown = apart ? [el('span', { 'data-tone': p.tone }, ...linked(p.text))] : linked(p.text);
      return i === 0 ? shown : ['\n', ...shown];
    }),
  );
  node.dataset.tone = tone;
  lastSaid.set(node, { text, tones, shown: node.textContent ?? '' });
}

/**
 * A line that is a live region, said or hidden: its text set only when it says something new, so
 * a screen reader hears it once, not at each check or keystroke that rebuilds the same words.
 */
export function sayInLine(line: HTMLElement, words: string): void {
  if (line.textContent !== words) line.textContent = words;
  line.hidden = !words;
}

/**
 * Says on a status line what an action came to (showStatus) and brings it into view: under the
 * buttons of a 300-pixel sidebar (a short window, text enlarged) it lands below the fold, and the
 * button seems to have done nothing. Only scrolled to, the focus left where it is; nor while the
 * page asks a question (ask-in-page.ts), which keeps the view until it is answered.
 */
export function showAnswer(node: HTMLElement, said: string | readonly Said[], tone: Tone = 'info'): void {
  showStatus(node, said, tone);
  bringIntoView(node);
}

/**
 * Brings a status line already said (a push's end, drawn by its progress) into view, as showAnswer.
 * A field the keys are in (Enter pressed there) stays in view, the words under it too if both fit:
 * scrolled past, nothing focused would show, and the words are read with the field they are about.
 */
export function bringIntoView(node: HTMLElement): void {
  if (!node.textContent || document.querySelector('.confirm')) return;
  node.scrollIntoView({ block: 'nearest' });
  const at = document.activeElement;
  if (document.hasFocus() && at instanceof HTMLElement && at.matches('input, select, textarea'))
    at.scrollIntoView({ block: 'nearest' });
}

/**
 * Whether the keyboard focus fell to the page (its control disabled, hidden or drawn again) while
 * the person is in the sidebar. Gone to the sheet, they have the focus there: given back to a
 * button here, it would take the keys meant for the sheet (a Space would press Pause).
 */
export const focusLost = (): boolean =>
  document.hasFocus() && (!document.activeElement || document.activeElement === document.body);

/** The progress heading a job's start put the keyboard on (waitAtProgress), until it moves on. */
let waiting: HTMLElement | undefined;

/** Whether the keyboard fell from the control that had it: to the page, or onto it disabled. */
const dropped = (): boolean => {
  const at = document.activeElement;
  return focusLost() || (document.hasFocus() && at instanceof HTMLButtonElement && at.disabled);
};

/**
 * A job just started here (Pull data, Push), its button disabled: the keyboard waits at the job's
 * progress heading (tabindex -1), which a screen reader then says, not on the page, and never on
 * Stop, where the next Enter of a double press would stop the job. Stop is the next Tab. Left
 * there, it goes on to where the job's outcome is said (stayAtOutcome), however it ended. Waiting
 * at the status line meanwhile (busy's `waitAt`), it goes on from there. A focus the person moved
 * meanwhile (a field, the sheet) is left where it is.
 */
export function waitAtProgress(heading: HTMLElement): void {
  if (!dropped() && !(waiting && document.activeElement === waiting)) return;
  heading.focus({ preventScroll: true });
  waiting = heading;
  heading.addEventListener('blur', () => (waiting = undefined), { once: true });
}

/**
 * A job ended (a push, a pull), or never began (its start refused) or was lost touch with: the
 * keyboard goes to `outcome`, where that is said (its heading, now over how it ended, or the status
 * line saying why), which a screen reader then says. It goes there from the page, from a button
 * disabled meanwhile, or from one of the job's `own` elements (the button that started it, freed
 * meanwhile; Stop, hidden once pressed; the progress heading it waited at); not to the button, where
 * the next Enter would run the job again unheard why. The button is a Shift+Tab away. A focus the
 * person moved meanwhile (a field, the sheet, a field to fix the job put it at) is left where it is.
 */
export function stayAtOutcome(outcome: HTMLElement, own: HTMLElement[] = []): void {
  const at = document.activeElement;
  const onOwn = document.hasFocus() && at instanceof HTMLElement && own.includes(at);
  if (at !== outcome && (dropped() || onOwn)) outcome.focus({ preventScroll: true });
  waiting = undefined;
}

/**
 * Disables the controls while a server call runs, so a double click never sends twice. A disabled
 * button drops the keyboard focus to the page, where the next key starts from the top: with
 * `waitAt` (the status line saying what is under way) the keyboard waits there, in view, meanwhile
 * (waitAtProgress). After, it goes back to the control that had it, unless the work put it
 * somewhere on purpose (a field to fix) or the person has left the sidebar meanwhile.
 */
export async function busy<T>(
  controls: HTMLButtonElement[],
  work: () => Promise<T>,
  waitAt?: HTMLElement,
): Promise<T> {
  const had = document.activeElement;
  for (const c of controls) c.disabled = true;
  if (waitAt) {
    waitAtProgress(waitAt);
    bringIntoView(waitAt);
  }
  try {
    return await work();
  } finally {
    for (const c of controls) c.disabled = false;
    const idle = focusLost() || (document.hasFocus() && !!waiting && document.activeElement === waiting);
    if (idle && had instanceof HTMLElement && had !== document.body && had.isConnected && !had.hidden)
      had.focus({ preventScroll: true });
  }
}

/** Each field's own hints, kept apart from the words of a problem tied to it for a while. */
const ownHints = new WeakMap<HTMLElement, string>();

/**
 * Ties a field to the words that say what is wrong with it (aria-invalid, aria-describedby), so a
 * screen reader says them with the field while the problem stands; no `problemId` unties them,
 * keeping the field's own hint.
 */
export function markInvalid(field: HTMLElement, problemId?: string): void {
  if (!ownHints.has(field)) ownHints.set(field, field.getAttribute('aria-describedby') ?? '');
  const own = ownHints.get(field) ?? '';
  const describedBy = [own, problemId ?? ''].filter(Boolean).join(' ');
  if (problemId) field.setAttribute('aria-invalid', 'true');
  else field.removeAttribute('aria-invalid');
  if (describedBy) field.setAttribute('aria-describedby', describedBy);
  else field.removeAttribute('aria-describedby');
}

/** Creates an element with attributes and text or child nodes; text is never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children);
  return node;
}

/**
 * An e-mail address with the places a line may break in it, as print breaks one: before its "@"
 * first (its domain, a box of its own, goes whole onto the next line), then before a ".". A value
 * column too narrow for it broke it mid-word: "analyst@example.co" / "m".
 */
export function addressParts(address: string): (string | Node)[] {
  const at = address.lastIndexOf('@');
  const dotted = (text: string) =>
    text.split(/(?=\.)/).flatMap((part, i) => (i ? [el('wbr'), part] : [part]));
  if (at <= 0) return dotted(address);
  const domain = el('span', { style: 'display: inline-block' }, ...dotted(address.slice(at)));
  return [...dotted(address.slice(0, at)), el('wbr'), domain];
}

/** A key that makes a repeated call (double click, retry) recognisable to the server. */
export function requestKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
