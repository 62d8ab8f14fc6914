// Replies a read had before, so that a read cut short carries on without asking again: a client
// over a memo answers each GET it has kept from there and sends only the rest (client.ts withMemo).

/** A GET's reply as read: its status and JSON (undefined for an empty body). */
export interface KeptReply {
  /** The request: its path and query string (never the key, which travels in a header). */
  key: string;
  status: number;
  json: unknown;
}

export interface ReplyMemo {
  /** The reply kept for this request, if any. */
  replayed(key: string): KeptReply | undefined;
  /** The GETs of one batch answered and read, kept before the next batch goes. */
  keep(replies: KeptReply[]): void;
  /** Called before a batch of new requests goes; throws (TurnOver) to stop the read there. */
  beforeSend(): void;
}

/**
 * Thrown by a memo before a batch when the execution's turn is over: not a failure (nothing is
 * counted or waited for), the read carries on from the memo in the next one.
 */
export class TurnOver extends Error {
  constructor() {
    super('The turn is over; the read carries on in the next execution.');
    this.name = 'TurnOver';
  }
}
