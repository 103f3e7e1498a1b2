/**
 * The reference page of `npm run bench`: React and nothing else. It fetches the same 100-message
 * conversation as the viewer and shows its first 20 messages with their times, as list items the
 * probe recognises. What it costs to paint is the floor under the viewer's own figure on the same
 * machine: everything above it is the router, the query cache, the virtualizer, the stylesheet
 * and the page itself.
 */
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';

type Conversation = { communications: Array<{ id: string; createdAt: string; content: { text?: string | null } }> };

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

const response = await fetch('/conversation.json');
const conversation = (await response.json()) as Conversation;
createRoot(document.getElementById('root')!).render(
  h(
    'ol',
    null,
    conversation.communications
      .slice(0, 20)
      .map((message) =>
        h(
          'li',
          { key: message.id, 'data-message': '' },
          h('time', { dateTime: message.createdAt }, time.format(new Date(message.createdAt))),
          ' ',
          message.content.text ?? '',
        ),
      ),
  ),
);
