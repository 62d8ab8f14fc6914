// google.script.run and google.script.host for a sidebar shown in the workbench. The sidebar runs
// in a sandboxed iframe (as in Apps Script); calls go to the page by postMessage, which forwards
// them to the workbench server, which runs them in the local Apps Script runtime.
import { type FrameMessage, type PageMessage, TAG, type Tagged } from '../wire';

type Handler = (value: unknown, userObject?: unknown) => void;

interface Handlers {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

/** Arguments as JSON can carry them; what it cannot carry is tagged so the server sees the real thing. */
function encode(v: unknown): unknown {
  if (v === undefined) return { [TAG]: 'undefined' } satisfies Tagged;
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'function') return { [TAG]: 'function' } satisfies Tagged;
  if (v instanceof Date) return { [TAG]: 'date', ms: v.getTime() } satisfies Tagged;
  if (Array.isArray(v)) return v.map(encode);
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return { [TAG]: 'instance' } satisfies Tagged;
    return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, encode(item)]));
  }
  return { [TAG]: 'instance' } satisfies Tagged;
}

/**
 * This page, among those the frame holds one after another: a call answered after the sidebar was
 * replaced reaches the new page, whose calls are numbered from 1 too. In Apps Script the old
 * sidebar's calls die with it; here its answer was taken for the new page's call of that number.
 */
const SIDEBAR = crypto.getRandomValues(new Uint32Array(2)).join('-');
let nextId = 0;
const pending = new Map<number, Handlers>();

window.addEventListener('message', (event: MessageEvent<PageMessage>) => {
  if (event.source !== window.parent) return;
  if (event.data?.kind === 'enter') enterAtTop();
  if (event.data?.kind !== 'result' || event.data.sidebar !== SIDEBAR) return;
  const handlers = pending.get(event.data.id);
  if (!handlers) return;
  pending.delete(event.data.id);
  const { reply } = event.data;
  if (reply.ok) handlers.success?.(reply.value, handlers.userObject);
  else if (handlers.failure) handlers.failure(new Error(reply.message), handlers.userObject);
  else console.error(reply.message);
});

function post(message: FrameMessage): void {
  // The sandboxed frame has an opaque origin, and so does nothing it could name: '*' is the only target.
  window.parent.postMessage(message, '*');
}

function runner(handlers: Handlers): Record<string, unknown> {
  const methods: Record<string, unknown> = {
    withSuccessHandler: (fn: Handler) => runner({ ...handlers, success: fn }),
    withFailureHandler: (fn: Handler) => runner({ ...handlers, failure: fn }),
    withUserObject: (o: unknown) => runner({ ...handlers, userObject: o }),
  };
  return new Proxy(methods, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      if (name in target) return target[name];
      // Private functions (name_) are not on google.script.run, as in Apps Script.
      if (name.endsWith('_') || name === 'then') return undefined;
      return (...args: unknown[]) => {
        const id = ++nextId;
        pending.set(id, handlers);
        post({ kind: 'run', sidebar: SIDEBAR, id, fn: name, args: args.map(encode) });
      };
    },
  });
}

/**
 * F6 brought the keyboard in: it goes to the page's first heading (or, with none, its first control)
 * rather than its body, so a screen reader says which page this is, as when it opened.
 */
function enterAtTop(): void {
  const heading = document.querySelector<HTMLElement>('h1, h2, h3, h4, h5, h6');
  if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  const first =
    heading ??
    document.querySelector<HTMLElement>(
      'a[href], button:enabled, input:enabled, select:enabled, textarea:enabled, [tabindex]:not([tabindex="-1"])',
    );
  first?.focus();
}

// F6 in the sidebar goes on to the page's next part, as F6 in the page does (regions.ts): the
// keyboard is the frame's while it is in there.
window.addEventListener('keydown', (event) => {
  if (event.key !== 'F6' || event.ctrlKey || event.altKey || event.metaKey) return;
  event.preventDefault();
  post({ kind: 'f6', back: event.shiftKey });
});

const host = {
  close: () => post({ kind: 'close' }),
  setHeight: () => undefined,
  setWidth: () => undefined,
  editor: { focus: () => undefined },
  origin: window.location.origin,
};

Object.assign(window, { google: { script: { run: runner({}), host } } });
