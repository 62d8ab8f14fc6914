import type { ConnectionReport } from '../core/server-api';

// Placeholder until the Assembled client lands (issue 3); replaced, not shipped.
export function testConnection(): ConnectionReport {
  throw new Error('Test connection is not available yet');
}
