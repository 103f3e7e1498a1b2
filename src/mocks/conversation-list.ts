import { KNOWN_CHANNELS, KNOWN_STATUSES, type ConversationListItem } from '../api/conversation';
import { MAX_CREATED_AT_WINDOW_DAYS } from '../api/conversation-list-query';
import type { DemoAccount } from './fixtures/demo-account';
import { tokenPage } from './token-paging';
import { twilioError } from './twilio-http';

const badRequest = (message: string) => twilioError(400, 20001, message);
const DAY_MS = 86_400_000;

/**
 * `GET /v3/Conversations` over the demo account, as the spec describes it: every filter combined
 * with AND, the repeatable ones (`channels`, `intelligenceConfigurationIds`, `operatorIds`) with OR
 * among their values, newest first, token paging. `operatorIds` keeps a conversation for which a
 * result of one of those operators exists (the library: "at least one of the specified Language
 * Operators was executed"). `createdAtAfter` is inclusive and `createdAtBefore` exclusive, so
 * consecutive windows neither overlap nor leave a gap; a window of more than 31 days is Twilio's 400.
 */
export function listConversations(account: DemoAccount, query: URLSearchParams): Response {
  const status = query.get('status');
  if (status !== null && !(KNOWN_STATUSES as readonly string[]).includes(status)) {
    return badRequest(`Invalid value for status: ${status}`);
  }
  const channels = query.getAll('channels');
  const unknownChannel = channels.find((channel) => !(KNOWN_CHANNELS as readonly string[]).includes(channel));
  if (unknownChannel !== undefined) return badRequest(`Invalid value for channels: ${unknownChannel}`);
  const bounds: Record<'after' | 'before', number | null> = { after: null, before: null };
  for (const [key, name] of [
    ['after', 'createdAtAfter'],
    ['before', 'createdAtBefore'],
  ] as const) {
    const value = query.get(name);
    if (value === null) continue;
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) return badRequest(`Invalid date-time for ${name}: ${value}`);
    bounds[key] = ms;
  }
  if (bounds.after !== null && bounds.before !== null) {
    if (bounds.before <= bounds.after) return badRequest('createdAtBefore must be later than createdAtAfter');
    if (bounds.before - bounds.after > MAX_CREATED_AT_WINDOW_DAYS * DAY_MS) {
      return badRequest('The maximum allowed time range between createdAtBefore and createdAtAfter is 31 days');
    }
  }

  const channelId = query.get('channelId');
  const configuration = query.get('conversationConfigurationId');
  const intelligenceConfigurations = query.getAll('intelligenceConfigurationIds');
  const operators = query.getAll('operatorIds');
  const anyOf = (wanted: string[], has: (value: string) => boolean) => wanted.length === 0 || wanted.some(has);
  const created = (c: ConversationListItem) => Date.parse(c.createdAt);
  const matching = account.listed.filter(
    (c) =>
      (status === null || c.status === status) &&
      (channelId === null || c.channelIds.includes(channelId)) &&
      (configuration === null || c.conversationConfigurationId === configuration) &&
      (bounds.after === null || created(c) >= bounds.after) &&
      (bounds.before === null || created(c) < bounds.before) &&
      anyOf(channels, (channel) => c.channels.includes(channel)) &&
      anyOf(intelligenceConfigurations, (id) => c.intelligenceConfigurationIds.includes(id)) &&
      anyOf(operators, (id) => account.operatorsRan(c.id).has(id)),
  );
  return tokenPage('/v3/Conversations', query, matching);
}
