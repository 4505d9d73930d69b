import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True when the endpoint is a server on this machine (dynalite, DynamoDB Local). */
export function isLocalEndpoint(endpoint: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(endpoint).hostname);
}

/**
 * The DynamoDB client. A local endpoint gets fixed dummy credentials and region `local` (no
 * environment lookups, nothing real can be reached with them); otherwise the SDK's default
 * credential and region chain applies, with `region` and `endpoint` when given.
 */
export function createDynamoClient(options: { endpoint?: string; region?: string } = {}): DynamoDBClient {
  const { endpoint, region } = options;
  if (endpoint !== undefined && isLocalEndpoint(endpoint)) {
    return new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  }
  return new DynamoDBClient({ ...(region !== undefined ? { region } : {}), ...(endpoint !== undefined ? { endpoint } : {}) });
}
