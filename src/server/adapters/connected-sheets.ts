// Connected Sheets through SpreadsheetApp: one data source sheet per BigQuery table, found by its
// spec (a renamed tab is still the view), added once and refreshed after.
import type { ConnectedViews } from '../../core/bigquery/connected-view';

export const BIGQUERY_READONLY_SCOPE = 'https://www.googleapis.com/auth/bigquery.readonly';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DataSourceSheet = GoogleAppsScript.Spreadsheet.DataSourceSheet;
type DataSourceSpec = GoogleAppsScript.Spreadsheet.DataSourceSpec;

// Google's reference has these; @types/google-apps-script leaves them out.
interface BigQuerySpec {
  getTableProjectId(): string;
  getDatasetId(): string;
  getTableId(): string;
}
interface BigQuerySpecBuilder {
  setProjectId(id: string): BigQuerySpecBuilder;
  setTableProjectId(id: string): BigQuerySpecBuilder;
  setDatasetId(id: string): BigQuerySpecBuilder;
  setTableId(id: string): BigQuerySpecBuilder;
  build(): DataSourceSpec;
}
interface WithDataSources {
  getDataSourceSheets(): DataSourceSheet[];
  insertDataSourceSheet(spec: DataSourceSpec): DataSourceSheet;
}

export function connectedViews(spreadsheet: Spreadsheet): ConnectedViews {
  const ss = spreadsheet as Spreadsheet & WithDataSources;
  return {
    show(ref) {
      SpreadsheetApp.enableBigQueryExecution();
      let view = ss.getDataSourceSheets().find((s) => {
        const spec = s.getDataSource().getSpec().asBigQuery() as unknown as BigQuerySpec;
        return (
          spec.getTableProjectId() === ref.projectId &&
          spec.getDatasetId() === ref.datasetId &&
          spec.getTableId() === ref.tableId
        );
      });
      const outcome = view ? 'refreshed' : 'added';
      if (view) view.forceRefreshData();
      else {
        const builder = SpreadsheetApp.newDataSourceSpec().asBigQuery() as unknown as BigQuerySpecBuilder;
        view = ss.insertDataSourceSheet(
          builder
            .setProjectId(ref.projectId)
            .setTableProjectId(ref.projectId)
            .setDatasetId(ref.datasetId)
            .setTableId(ref.tableId)
            .build(),
        );
        if (!ss.getSheetByName(ref.tableId)) view.asSheet().setName(ref.tableId);
      }
      const { ERROR, RUNNING } = SpreadsheetApp.DataExecutionState;
      try {
        const status = view.waitForCompletion(60);
        if (status.getExecutionState() === ERROR) throw new Error(status.getErrorMessage());
      } catch (e) {
        // Past the wait the view is there and Sheets carries on filling it.
        if (view.getStatus().getExecutionState() !== RUNNING) throw e;
      }
      return outcome;
    },
  };
}
