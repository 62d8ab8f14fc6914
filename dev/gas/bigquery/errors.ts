// BigQuery's REST errors: an HTTP code, a reason and BigQuery's own words.

export type Reason =
  | 'notFound'
  | 'duplicate'
  | 'invalid'
  | 'invalidQuery'
  | 'accessDenied'
  | 'required'
  | 'backendError'
  | 'rateLimitExceeded';

const CODES: Record<Reason, number> = {
  notFound: 404,
  duplicate: 409,
  invalid: 400,
  invalidQuery: 400,
  accessDenied: 403,
  required: 400,
  backendError: 500,
  rateLimitExceeded: 403,
};

const STATUS: Record<number, string> = {
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
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
    /** When the reason comes with more than one code (backendError: 500 or 503). */
    code?: number,
  ) {
    super(message);
    this.code = code ?? CODES[reason];
  }

  /** The REST error body's `error` (what Apps Script puts in the exception's `details`). */
  get details() {
    return {
      code: this.code,
      message: this.message,
      errors: [{ message: this.message, domain: 'global', reason: this.reason }],
      status: STATUS[this.code] ?? 'INVALID_ARGUMENT',
    };
  }

  /** The shape of a failed job's status.errorResult. */
  get errorProto(): ErrorProto {
    return { reason: this.reason, message: this.message };
  }
}
