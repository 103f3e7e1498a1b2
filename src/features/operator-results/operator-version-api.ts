import { queryOptions, useQuery } from '@tanstack/react-query';
import { operatorVersionSchema } from '../../api/operator';
import { apiPaths, BFF_API_PREFIX } from '../../api/paths';
import { getJson } from '../../lib/api-client';
import type { VersionTarget } from './operator-version-model';

export const operatorVersionQueryOptions = (id: string, version: number) =>
  queryOptions({
    queryKey: ['operator-version', id, version],
    queryFn: ({ signal }) => getJson(BFF_API_PREFIX + apiPaths.operatorVersion(id, version), operatorVersionSchema, signal),
    // A version never changes once published.
    staleTime: Infinity,
  });

/**
 * The operator version a result names. Only asked for when the result names it by an operator ID
 * and a version number (`versionTarget`); anything else is never sent to the server.
 */
export const useOperatorVersion = (target: VersionTarget) =>
  useQuery({
    ...operatorVersionQueryOptions(target.ok ? target.id : '', target.ok ? target.version : 0),
    enabled: target.ok,
  });
