/**
 * Where the console runs, from `/config.json`. The stack writes that file beside the build on
 * AWS (infra/constructs/web-console.ts); transport.ts fetches it. On loopback, or without that
 * file, the console is served beside the local API and signs in with the session cookie of a
 * one-time URL.
 */
export interface AwsConfig {
  readonly mode: 'aws';
  /** The API's invoke URL, with its stage: `https://abc.execute-api.cn-north-1.amazonaws.com.cn/prod/`. */
  readonly apiUrl: string;
  readonly region: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly identityPoolId: string;
  /** The hosted UI, `https://tuopin-prod-123456789012.auth.cn-north-1.amazoncognito.com`. */
  readonly authDomain: string;
  /** The Cognito identity endpoint of the region (its domain differs in China). */
  readonly identityEndpoint: string;
  /** The user pool as a login provider of the identity pool: `cognito-idp.<region>.amazonaws.com/<pool id>`. */
  readonly identityProvider: string;
}

export type RuntimeConfig = AwsConfig | { readonly mode: 'local' };

const AWS_KEYS = ['apiUrl', 'region', 'userPoolId', 'userPoolClientId', 'identityPoolId', 'authDomain', 'identityEndpoint', 'identityProvider'] as const;

/** The AWS configuration when `value` is one, else local. */
export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (record.mode !== 'aws') return { mode: 'local' };
  for (const key of AWS_KEYS) {
    if (typeof record[key] !== 'string' || record[key] === '') throw new Error(`config.json: ${key} is missing`);
  }
  for (const key of ['apiUrl', 'authDomain', 'identityEndpoint'] as const) {
    if (!String(record[key]).startsWith('https://')) throw new Error(`config.json: ${key} is not an https URL`);
  }
  return record as unknown as AwsConfig;
}
