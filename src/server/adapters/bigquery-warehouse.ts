// The BigQuery destination's Warehouse through Apps Script's BigQuery advanced service (v2).
import type { Field } from '../../core/bigquery/schema';
import {
  type JobInfo,
  type TableRef,
  tableRefOf,
  type Warehouse,
  WarehouseError,
} from '../../core/bigquery/warehouse';

export const BIGQUERY_SCOPE = 'https://www.googleapis.com/auth/bigquery';

function api(): GoogleAppsScript.BigQuery {
  if (typeof BigQuery === 'undefined' || !BigQuery)
    throw new WarehouseError('The BigQuery advanced service is not enabled in this add-on.', 0);
  return BigQuery;
}

/** Advanced services throw "API call to bigquery.x.y failed with error: <BigQuery's words>". */
function call<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    const e = error as { message?: string; details?: { code?: number; errors?: { reason?: string }[] } };
    const message = String(e.message ?? error).replace(/^API call to [\w.]+ failed with error: /, '');
    throw new WarehouseError(message, Number(e.details?.code ?? 0), e.details?.errors?.[0]?.reason);
  }
}

/**
 * A call that may repeat one that happened (its answer lost, then retried): the answer that says so
 * counts as success, 409 Already Exists for an insert, 404 Not Found for a remove.
 */
function done(already: 409 | 404, body: () => unknown): void {
  try {
    call(body);
  } catch (error) {
    if (!(error instanceof WarehouseError) || error.code !== already) throw error;
  }
}

function jobInfo(job: GoogleAppsScript.BigQuery.Schema.Job): JobInfo {
  const status = job.status ?? {};
  const rowError = status.errors?.find((e) => e.message !== status.errorResult?.message)?.message;
  const error = status.errorResult?.message;
  return {
    done: status.state === 'DONE',
    ...(error ? { error: rowError ? `${error} First error: ${rowError}` : error } : {}),
    ...(job.statistics?.load?.outputRows ? { outputRows: Number(job.statistics.load.outputRows) } : {}),
    ...(job.statistics?.query?.numDmlAffectedRows
      ? { affectedRows: Number(job.statistics.query.numDmlAffectedRows) }
      : {}),
  };
}

export const bigQueryWarehouse: Warehouse = {
  table(ref) {
    try {
      const t = call(() => api().Tables.get(ref.projectId, ref.datasetId, ref.tableId));
      return {
        fields: (t?.schema?.fields ?? []).map((f) => ({
          name: String(f.name),
          type: String(f.type),
          mode: f.mode ?? 'NULLABLE',
          ...(f.description ? { description: String(f.description) } : {}),
        })),
        numRows: Number(t?.numRows ?? 0),
        ...(t?.description ? { description: String(t.description) } : {}),
        ...(t?.timePartitioning
          ? {
              timePartitioning: {
                type: String(t.timePartitioning.type ?? 'DAY'),
                ...(t.timePartitioning.field ? { field: String(t.timePartitioning.field) } : {}),
              },
            }
          : {}),
        ...(t?.clustering?.fields?.length ? { clustering: { fields: t.clustering.fields.map(String) } } : {}),
      };
    } catch (error) {
      if (error instanceof WarehouseError && error.code === 404 && /Table/.test(error.message)) return null;
      throw error;
    }
  },
  ensureDataset(projectId, datasetId) {
    try {
      call(() => api().Datasets.get(projectId, datasetId));
    } catch (error) {
      if (!(error instanceof WarehouseError) || error.code !== 404 || !/Dataset/.test(error.message))
        throw error;
      done(409, () => api().Datasets.insert({ datasetReference: { projectId, datasetId } }, projectId));
    }
  },
  createTable(ref: TableRef, fields: Field[], options) {
    done(409, () =>
      api().Tables.insert(
        {
          tableReference: tableRefOf(ref),
          schema: { fields },
          ...options,
        },
        ref.projectId,
        ref.datasetId,
      ),
    );
  },
  patchSchema(ref, fields) {
    call(() => api().Tables.patch({ schema: { fields } }, ref.projectId, ref.datasetId, ref.tableId));
  },
  describeTable(ref, description) {
    call(() => api().Tables.patch({ description }, ref.projectId, ref.datasetId, ref.tableId));
  },
  startJob(projectId, jobId, configuration, data) {
    const resource = { jobReference: { projectId, jobId }, configuration };
    try {
      const blob = data === undefined ? undefined : Utilities.newBlob(data, 'application/octet-stream');
      return jobInfo(call(() => api().Jobs.insert(resource, projectId, blob)));
    } catch (error) {
      // The same id again: the chunk was sent by an execution that did not live to see the answer.
      if (error instanceof WarehouseError && error.code === 409)
        return bigQueryWarehouse.job(projectId, jobId);
      throw error;
    }
  },
  job(projectId, jobId) {
    return jobInfo(call(() => api().Jobs.get(projectId, jobId)));
  },
  cancelJob(projectId, jobId) {
    return jobInfo(call(() => api().Jobs.cancel(projectId, jobId)).job ?? {});
  },
  dropTable(ref) {
    done(404, () => api().Tables.remove(ref.projectId, ref.datasetId, ref.tableId));
  },
  sleep: (ms) => Utilities.sleep(ms),
};
