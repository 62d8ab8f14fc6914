// The tone the Push sidebar draws a push's outcome in: what happened, at a glance. Red is for what
// broke (a push stopped, rows Assembled refused with none sent); rows held back to fix, with none
// sent, are amber, as a person reads red as "the push broke". Its own file, with no column tables:
// the page imports it.
import type { PushView } from './push-view';

/** As the page's status line draws it (ui/dom.ts Tone). */
export type PushTone = 'info' | 'ok' | 'warn' | 'error';

/**
 * Green when every row went; done with rows to fix or not sent is not the all-clear, but plain once
 * any row went, whatever their share or kind (the rows to fix, listed under it, are red), as
 * Validate's count is. None went: red when Assembled refused one or the push stopped, amber when
 * every row left was held back (to fix, or changed during the push). Stopped by its owner's Stop,
 * it did as asked: neutral, whatever the tries before it met. `stale`: the summary is no longer the
 * sheet's latest, so no all-clear either.
 */
export function pushTone(view: PushView, stale = false): PushTone {
  if (view.state === 'running' || view.stopped) return 'info';
  if (view.state === 'failed') return 'error';
  const left = view.failed + view.invalid + view.notSent;
  if (view.succeeded === 0 && left > 0) return view.failed > 0 ? 'error' : 'warn';
  if (left > 0) return 'info';
  // A column left unread for a field another fills, a filter's rows read too, IDs replaced, names
  // Assembled does not know sent as written, or rows listed (a pushed row changed since), is worth
  // a look: not the all-clear green.
  const look =
    stale ||
    view.doubled.length > 0 ||
    !!view.filtered ||
    !!view.untickedDays ||
    view.replaced > 0 ||
    view.asWritten ||
    view.problems.length > 0;
  return look ? 'info' : 'ok';
}
