import { ROUTES, type RouteName } from '../../../functions/_shared/routes.js';
import { TuopinError } from '../../kernel/errors.js';

/** No route of the API has this method and path (API Gateway would answer 403 or 404). */
export class RouteNotFoundError extends TuopinError {
  constructor(method: string, path: string) {
    super('ROUTE_NOT_FOUND', `no route ${method} ${path}`);
  }
}

export interface MatchedRoute {
  readonly name: RouteName;
  /** The API Gateway resource, e.g. `/verdicts/{subjectType}/{subjectId}`. */
  readonly resource: string;
  readonly pathParameters: Record<string, string> | null;
}

/**
 * The route of the API for a method and path, with its path parameters URL-decoded as API
 * Gateway passes them; null when none matches (or a segment is not valid percent-encoding).
 */
export function matchRoute(method: string, path: string): MatchedRoute | null {
  const segments = path.split('/').filter(Boolean);
  for (const [name, route] of Object.entries(ROUTES) as [RouteName, (typeof ROUTES)[RouteName]][]) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const parameters: Record<string, string> = {};
    const matches = pattern.every((part, index) => {
      const segment = segments[index]!;
      const parameter = /^\{(\w+)\}$/.exec(part)?.[1];
      if (parameter === undefined) return part === segment;
      try {
        parameters[parameter] = decodeURIComponent(segment);
        return true;
      } catch {
        return false;
      }
    });
    if (matches) return { name, resource: route.path, pathParameters: Object.keys(parameters).length ? parameters : null };
  }
  return null;
}
