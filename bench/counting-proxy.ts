import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the store was asked, per DynamoDB action: requests, items put or deleted, capacity units the server reported. */
export interface RequestCounts {
  readonly requests: Record<string, number>;
  readonly batchWriteItems: number;
  /** Puts that carry a `gsi1` key: each costs `gsi1` a write too, which dynalite does not report. */
  readonly indexPuts: number;
  readonly batchGetKeys: number;
  readonly readUnits: number;
  readonly writeUnits: number;
}

type Body = Record<string, any>;

const READS = new Set(['GetItem', 'Query', 'BatchGetItem', 'Scan']);

/**
 * A loopback HTTP proxy in front of a DynamoDB endpoint that counts what passes: the requests
 * of a command do not depend on the machine's load, unlike its time. Each request asks for
 * `ReturnConsumedCapacity: TOTAL`, so the server's capacity units are summed too (dynalite
 * counts characters, not UTF-8 bytes: a lower bound for Chinese text).
 */
export async function startCountingProxy(target: string): Promise<{ endpoint: string; counts(): RequestCounts; reset(): void; close(): Promise<void> }> {
  const upstream = new URL(target);
  let requests: Record<string, number> = {};
  let batchWriteItems = 0;
  let indexPuts = 0;
  let batchGetKeys = 0;
  let readUnits = 0;
  let writeUnits = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const action = String(incoming.headers['x-amz-target'] ?? '').split('.')[1] ?? '(none)';
      requests[action] = (requests[action] ?? 0) + 1;
      let body = Buffer.concat(chunks);
      if (body.length > 0 && action !== 'CreateTable' && action !== 'DescribeTable') {
        const parsed = JSON.parse(body.toString('utf8')) as Body;
        if (action === 'BatchWriteItem') batchWriteItems += Object.values(parsed.RequestItems as Record<string, unknown[]>).reduce((sum, list) => sum + list.length, 0);
        const puts: Body[] = action === 'BatchWriteItem' ? Object.values(parsed.RequestItems as Record<string, Body[]>).flat().map((r) => r.PutRequest?.Item).filter(Boolean) : action === 'PutItem' ? [parsed.Item] : [];
        indexPuts += puts.filter((item) => item.gsi1pk !== undefined).length;
        if (action === 'BatchGetItem') batchGetKeys += Object.values(parsed.RequestItems as Record<string, { Keys: unknown[] }>).reduce((sum, r) => sum + r.Keys.length, 0);
        parsed.ReturnConsumedCapacity = 'TOTAL';
        body = Buffer.from(JSON.stringify(parsed), 'utf8');
      }
      const headers = { ...incoming.headers, 'content-length': String(body.length), host: upstream.host };
      const forwarded = request({ host: upstream.hostname, port: upstream.port, path: incoming.url, method: incoming.method, headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('end', () => {
          const text = Buffer.concat(parts);
          try {
            const consumed = (JSON.parse(text.toString('utf8')) as Body).ConsumedCapacity;
            for (const entry of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
              if (READS.has(action)) readUnits += Number(entry.CapacityUnits ?? 0);
              else writeUnits += Number(entry.CapacityUnits ?? 0);
            }
          } catch {
            // Not JSON (an error page): counted as a request only.
          }
          outgoing.writeHead(answer.statusCode ?? 500, { ...answer.headers, 'content-length': String(text.length) });
          outgoing.end(text);
        });
      });
      forwarded.on('error', (error) => outgoing.destroy(error));
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts: () => ({ requests: { ...requests }, batchWriteItems, indexPuts, batchGetKeys, readUnits: Math.round(readUnits * 10) / 10, writeUnits: Math.round(writeUnits * 10) / 10 }),
    reset: () => {
      requests = {};
      batchWriteItems = indexPuts = batchGetKeys = readUnits = writeUnits = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
