/**
 * Configures the functions for a test file as the stack does: a Lambda entry's `handler` reads
 * this environment once, at its first invocation (`environmentClients`). `tuopin serve` sets no
 * environment: it builds the handlers with `makeHandler` and its own clients.
 */
export function configureFunctions(endpoint: string, tableName: string, s3?: { readonly endpoint: string; readonly bucket: string }): void {
  if (s3) Object.assign(process.env, { S3_ENDPOINT: s3.endpoint, NIGHTLY_BUCKET: s3.bucket });
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    RUN_TIME_ZONE: 'Asia/Shanghai',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
}
