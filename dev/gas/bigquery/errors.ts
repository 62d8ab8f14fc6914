// BigQuery's REST errors: an HTTP code, a reason and BigQuery's own words.

export type Reason =
  | 'notFound'
  | 'duplicate'
  | 'invalid'
  | 'invalidQuery'
  | 'accessDenied'
  | 'required'
  | 'backendError';

const CODES: Record<Reason, number> = {
  notFound: 404,
  duplicate: 409,
  invalid: 400,
  invalidQuery: 400,
  accessDenied: 403,
  required: 400,
  backendError: 500,
};

export interface ErrorProto {
  reason: string;
  message: string;
}

export class BigQueryError extends Error {
  readonly code: number;
  constructor(
    readonly reason: Reason,
    message: string,
    /** A failed load's errors[] beyond its errorResult (one per bad row). */
    readonly rowErrors?: ErrorProto[],
  ) {
    super(message);
    this.code = CODES[reason];
  }

  /** The REST error body's `error` (what Apps Script puts in the exception's `details`). */
  get details() {
    return {
      code: this.code,
      message: this.message,
      errors: [{ message: this.message, domain: 'global', reason: this.reason }],
      status: this.code === 404 ? 'NOT_FOUND' : this.code === 409 ? 'ALREADY_EXISTS' : 'INVALID_ARGUMENT',
    };
  }

  /** The shape of a failed job's status.errorResult. */
  get errorProto(): ErrorProto {
    return { reason: this.reason, message: this.message };
  }
}
