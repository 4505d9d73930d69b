import { ROUTE_TABLE, invokeResourceOf, type RouteName } from '../../functions/_shared/route-roles.js';

type Join = { 'Fn::Join': [string, unknown[]] };

/**
 * What an `execute-api:Invoke` resource of the template names, as `api stage METHOD/path`: the
 * Fn::Join of a method ARN written out with each `Ref` as `<logical id>`, so that a test can
 * compare it with the ARNs the route table gives.
 */
export function invokeTarget(resource: unknown): string {
  if (typeof resource === 'string') return resource;
  const parts = (resource as Join)['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : `<${(part as { Ref?: string }).Ref ?? JSON.stringify(part)}>`));
  const arn = parts.join('');
  const match = /^arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:<([^>]+)>\/<([^>]+)>\/(.+)$/.exec(arn);
  if (!match) return arn;
  return `${match[1]} ${match[2]} ${match[3]}`;
}

/** The targets a set of routes should have, on the API and stage of the stack (their logical ids). */
export function expectedTargets(routes: readonly RouteName[], api: string, stage: string): string[] {
  return routes.map((name) => `${api} ${stage} ${invokeResourceOf(name)}`).sort();
}

export const ALL_ROUTES = Object.keys(ROUTE_TABLE) as RouteName[];
