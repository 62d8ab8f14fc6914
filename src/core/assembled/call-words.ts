// What an API call does, in words for a failure message ("reading the report"), in place of
// "GET /v0/reports/82d9…": method, path and ids mean nothing to an analyst. Keys are
// "METHOD path" without the /v0; * stands for one path segment (an id). A GET's words are what
// it reads ("reading " goes before them). Every path in endpoints/*.ts has a line; any other
// falls back to reading or sending data.
const CALLS: Record<string, string> = {
  'POST /reports/*': 'starting the report',
  'GET /reports/*': 'the report',
  'GET /people': 'people',
  'GET /people/*': 'a person',
  'GET /roles': 'roles',
  'GET /teams': 'teams',
  'GET /sites': 'sites',
  'GET /queues': 'queues',
  'GET /skills': 'skills',
  'GET /requirements': 'requirements',
  'GET /requirement_types': 'requirement types',
  'GET /assist/conversations': 'assist conversations',
  'GET /agents/state': 'agent states',
  'GET /agents/state/condensed_timeline': 'the agent-state timeline',
  'GET /agents/state/edit/history': 'agent-state edit history',
  'POST /agents/state/bulk': 'sending agent states',
  'POST /agents/state/edit': 'editing agent states',
  'POST /agents/associations': 'sending agent associations',
  'GET /activities': 'activities',
  'POST /activities/bulk': 'sending activities',
  'POST /activities': 'creating an activity',
  'DELETE /activities': 'clearing activities',
  'GET /activity_types': 'activity types',
  'POST /time_off': 'creating time off',
  'POST /time_off/*/cancel': 'cancelling time off',
  'GET /time_off/requests': 'time-off requests',
  'GET /time_off/updates': 'time-off updates',
};

/** "GET /v0/reports/82d9…" → "reading the report". */
export function callWords(endpoint: string): string {
  const [method = '', path = ''] = endpoint.split(' ');
  const call = `${method} ${path.replace(/[?#].*/, '').replace(/^\/v\d+/, '')}`;
  for (const [key, words] of Object.entries(CALLS)) {
    if (RegExp(`^${key.replace('*', '[^/]+')}$`).test(call))
      return method === 'GET' ? `reading ${words}` : words;
  }
  return method === 'GET' ? 'reading data' : 'sending data';
}
