import type { APIGatewayProxyResult } from 'aws-lambda';

/** An API Gateway proxy response with a JSON body. */
export function jsonResponse(statusCode: number, body: unknown): APIGatewayProxyResult {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}
