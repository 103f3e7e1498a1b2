import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Inbox } from '../../features/inbox/inbox';
import { useDocumentTitle } from '../../lib/use-document-title';
import { preparePage } from '../router';

export function Component() {
  useDocumentTitle('Conversations');
  const queryClient = useQueryClient();
  // Hovering or focusing a row readies its page, its code and all its data, so it opens whole.
  const onIntent = useCallback(
    (id: string) => void preparePage(`/conversations/${id}`, queryClient).catch(() => {}),
    [queryClient],
  );
  return <Inbox onIntent={onIntent} />;
}
