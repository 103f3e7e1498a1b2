/** Where the Conversation Intelligence v3 API lives, and the paths this product reads. */
export const TWILIO_INTELLIGENCE_BASE = 'https://intelligence.twilio.com';

const withQuery = (path: string, query: URLSearchParams) => (query.size === 0 ? path : `${path}?${query.toString()}`);

export const apiPaths = {
  conversation: (id: string) => `/v3/Conversations/${id}`,
  operatorResult: (id: string) => `/v3/OperatorResults/${id}`,
  operator: (id: string) => `/v3/ControlPlane/Operators/${id}`,
  operatorVersion: (id: string, version: number) => `/v3/ControlPlane/Operators/${id}/Versions/${version}`,
  operatorResults: (query: URLSearchParams) => `/v3/OperatorResults?${query.toString()}`,
  conversations: (query: URLSearchParams) => withQuery('/v3/Conversations', query),
  operators: (query: URLSearchParams) => withQuery('/v3/ControlPlane/Operators', query),
  configurations: (query: URLSearchParams) => withQuery('/v3/ControlPlane/Configurations', query),
};

/** The BFF mirrors the upstream paths under this prefix. */
export const BFF_API_PREFIX = '/api';
