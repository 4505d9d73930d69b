import type { AwsConfig } from '../src/api/runtime-config.js';

/** A console deployed in cn-north-1, as the stack's config.json describes it: the tests' one example. */
export const AWS_CONFIG: AwsConfig = {
  mode: 'aws',
  apiUrl: 'https://abc123.execute-api.cn-north-1.amazonaws.com.cn/prod/',
  region: 'cn-north-1',
  userPoolId: 'cn-north-1_AbCdEf',
  userPoolClientId: '4example0client0id',
  identityPoolId: 'cn-north-1:00000000-0000-4000-8000-000000000000',
  authDomain: 'https://tuopin-prod-123456789012.auth.cn-north-1.amazoncognito.com',
  identityEndpoint: 'https://cognito-identity.cn-north-1.amazonaws.com.cn',
  identityProvider: 'cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_AbCdEf',
};
