import { type Http, type HttpRequest, type HttpResponse, NetworkError } from '../../core/ports';
import { errorText } from '../error-text';

type FetchParams = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;

function params(request: HttpRequest): FetchParams {
  const { 'content-type': contentType, ...headers } = lowerCaseKeys(request.headers);
  return {
    method: request.method.toLowerCase() as GoogleAppsScript.URL_Fetch.HttpMethod,
    headers,
    ...(contentType ? { contentType } : {}),
    ...(request.body !== undefined ? { payload: request.body } : {}),
    // Status codes are the client's business: never let UrlFetchApp throw on them.
    muteHttpExceptions: true,
    followRedirects: false,
  };
}

function response(res: GoogleAppsScript.URL_Fetch.HTTPResponse): HttpResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.getHeaders() as Record<string, unknown>)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return { status: res.getResponseCode(), headers, body: res.getContentText() };
}

function lowerCaseKeys(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) out[k.toLowerCase()] = v;
  return out;
}

/** Refusals by Apps Script itself (a scope missing, a daily quota): not the network's fault. */
const REFUSED = /You do not have permission|Service invoked too many times/;

/**
 * With muteHttpExceptions, UrlFetchApp throws only when no response came at all, or when
 * Apps Script refused the call; the refusal is passed on as it is, never called a lost answer.
 */
function networkError(error: unknown): Error {
  const message = errorText(error);
  if (REFUSED.test(message)) return error instanceof Error ? error : new Error(message);
  return new NetworkError(message);
}

export const urlFetchHttp: Http = {
  fetch(request) {
    try {
      return response(UrlFetchApp.fetch(request.url, params(request)));
    } catch (error) {
      throw networkError(error);
    }
  },
  fetchAll(requests) {
    if (requests.length === 0) return [];
    try {
      return UrlFetchApp.fetchAll(requests.map((r) => ({ url: r.url, ...params(r) }))).map(response);
    } catch (error) {
      throw networkError(error);
    }
  },
};
