/**
 * Configures the functions for a test file, as the stack (or `tuopin serve`) does, before the
 * handler modules are imported: their config is read once, at import.
 */
export function configureFunctions(endpoint: string, tableName: string): void {
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    RUN_TIME_ZONE: 'Asia/Shanghai',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
}
