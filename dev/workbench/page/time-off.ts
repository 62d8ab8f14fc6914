// The top bar's Time off: the simulated Assembled's time-off requests, newest first, and a
// manager's Approve, Deny or Cancel on one, so Sync time off has a change a person made to bring
// back. A modal dialog, as Mail is: Escape or Close shuts it and the keyboard goes back to the
// button. Open, it follows the workbench's version (a push adds a request, the clock's managers
// decide one). Everything from the server goes in as text.
import type { TimeOffAction, TimeOffListReply, TimeOffRequestView } from '../time-off-wire';
import type { ActionReply } from '../wire';
import { getJson, post } from './api';
import { byId, el } from './dom';

// "Cancel request", not "Cancel": in a dialog a bare Cancel reads as "close this dialog".
const LABEL: Record<TimeOffAction, string> = { approve: 'Approve', deny: 'Deny', cancel: 'Cancel request' };
/** Each button's name: its words first, as seen (and said by voice control), then the request. */
const NAME: Record<TimeOffAction, string> = {
  approve: 'Approve',
  deny: 'Deny',
  cancel: 'Cancel request for',
};
const DONE: Record<TimeOffAction, string> = { approve: 'Approved', deny: 'Denied', cancel: 'Cancelled' };

const describe = (r: TimeOffRequestView) => `${r.agent}'s ${r.type}, ${r.when}`;

/** Wires the dialog to its button; gives what the page calls with each state's version. */
export function timeOffDialog(): { update(version: string): void } {
  const button = byId<HTMLButtonElement>('timeOffButton');
  const dialog = byId<HTMLDialogElement>('assembledDialog');
  const pendingOnly = byId<HTMLInputElement>('assembledPending');
  const said = byId('assembledSaid');
  const body = byId<HTMLTableElement>('assembledList').tBodies[0] as HTMLTableSectionElement;
  let requests: TimeOffRequestView[] = [];
  let shownJson = '';
  let version = '';
  let loading: Promise<void> | null = null;

  function actionButton(r: TimeOffRequestView, action: TimeOffAction): HTMLButtonElement {
    const b = el(
      'button',
      {
        type: 'button',
        'data-id': r.id,
        'data-action': action,
        'aria-label': `${NAME[action]} ${describe(r)}`,
      },
      LABEL[action],
    );
    b.addEventListener('click', () => void act(r, action));
    return b;
  }

  function render(): void {
    const focused = document.activeElement as HTMLElement | null;
    const refocus = body.contains(focused) ? focused?.dataset : undefined;
    const shown = pendingOnly.checked ? requests.filter((r) => r.status === 'pending') : requests;
    body.replaceChildren(
      ...shown.map((r) =>
        el(
          'tr',
          { 'data-id': r.id },
          el('td', {}, r.agent),
          el('td', {}, r.type),
          el('td', {}, r.when),
          el('td', { class: `status-${r.status}` }, r.status),
          el(
            'td',
            {},
            el('div', { class: 'assembled-actions' }, ...r.actions.map((a) => actionButton(r, a))),
          ),
        ),
      ),
    );
    if (shown.length === 0) {
      const none = pendingOnly.checked
        ? 'None pending: clear Pending only to see every request.'
        : 'Assembled has no time-off requests.';
      body.replaceChildren(el('tr', {}, el('td', { colspan: '5', class: 'hint' }, none)));
    }
    if (refocus?.id && refocus.action)
      body
        .querySelector<HTMLElement>(`[data-id="${CSS.escape(refocus.id)}"][data-action="${refocus.action}"]`)
        ?.focus();
  }

  function load(): Promise<void> {
    loading ??= getJson<TimeOffListReply>('/api/time-off')
      .then((reply) => {
        if (!reply.ok) {
          said.textContent = reply.message;
          requests = [];
        } else requests = reply.requests;
        const json = JSON.stringify(requests);
        if (json === shownJson) return;
        shownJson = json;
        render();
      })
      .catch((error: unknown) => {
        said.textContent = `Assembled not reachable: ${error instanceof Error ? error.message : String(error)}`;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  /**
   * The keyboard after an act goes to the status that says what became of it: never onto another
   * button, where one more Enter would cancel a request (the one just approved, or the next).
   */
  async function act(r: TimeOffRequestView, action: TimeOffAction): Promise<void> {
    let reply: ActionReply;
    try {
      reply = await post<ActionReply>('/api/time-off', { id: r.id, action });
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    said.textContent = reply.ok
      ? `${DONE[action]}: ${describe(r)}. Sync time off, in Push rows, brings it to the sheet.`
      : `Not done: ${reply.message}`;
    shownJson = '';
    await load();
    said.focus();
  }

  button.addEventListener('click', () => {
    said.textContent = '';
    shownJson = '';
    dialog.returnValue = '';
    dialog.showModal();
    // Open at once, on the filter: the list follows as it comes.
    pendingOnly.focus();
    void load();
  });
  pendingOnly.addEventListener('change', render);
  dialog.addEventListener('close', () => button.focus());

  return {
    update(next: string): void {
      if (next === version) return;
      version = next;
      if (dialog.open) void load();
    },
  };
}
