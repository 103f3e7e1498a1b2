import { queryOptions } from '@tanstack/react-query';
import { CHANNEL_SID_KINDS, type ChannelSidPrefix } from '../api/channel-ids';
import { conversationPageSchema } from '../api/conversation';
import { apiPaths, BFF_API_PREFIX } from '../api/paths';
import { getJson } from './api-client';

/**
 * How many conversations a channel ID is looked up among: a call or a message belongs to one
 * conversation, seldom a few (a transfer, a reopened thread); more than this are left to the inbox.
 */
export const CHANNEL_MATCH_LIMIT = 50;

/** The conversations that hold a Call, Message or other channel SID, newest first. */
export const channelLookupOptions = (channelId: string) =>
  queryOptions({
    queryKey: ['channel-lookup', channelId],
    queryFn: ({ signal }) =>
      getJson(
        BFF_API_PREFIX + apiPaths.conversations(new URLSearchParams({ channelId, pageSize: String(CHANNEL_MATCH_LIMIT) })),
        conversationPageSchema,
        signal,
      ),
  });

const THINGS: Record<string, string> = { CA: 'call', SM: 'message', MM: 'message', CH: 'chat' } satisfies Record<
  ChannelSidPrefix,
  string
>;

/** "call" for a Call SID, "message" for a Message SID, "channel ID" for another kind of SID. */
export function channelThing(channelId: string): string {
  const prefix = channelId.slice(0, 2);
  return Object.hasOwn(CHANNEL_SID_KINDS, prefix) ? THINGS[prefix]! : 'channel ID';
}

/** What a person reads when no conversation holds the SID they pasted. */
export function noConversationFor(channelId: string): string {
  return `No conversation for this ${channelThing(channelId)} in this account.`;
}
