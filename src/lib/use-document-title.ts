import { useEffect } from 'react';

export const PRODUCT_NAME = 'Conversation Viewer';

export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} \u00b7 ${PRODUCT_NAME}` : PRODUCT_NAME;
  }, [title]);
}
