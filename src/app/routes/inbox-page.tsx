import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Inbox } from '../../features/inbox/inbox';
import { useDocumentTitle } from '../../lib/use-document-title';
import { startPage } from '../router';

export function Component() {
  useDocumentTitle('Conversations');
  const queryClient = useQueryClient();
  // Hovering or focusing a row starts its page, code and data, so opening it shows no spinner.
  const onIntent = useCallback(
    (id: string) => void startPage(`/conversations/${id}`, queryClient).catch(() => {}),
    [queryClient],
  );
  return <Inbox onIntent={onIntent} />;
}
