import { HomeLink } from '../../components/home-link';
import { useLocation } from 'react-router';
import { useDocumentTitle } from '../../lib/use-document-title';

export function NotFoundPage() {
  const { pathname } = useLocation();
  useDocumentTitle('Page not found');
  return (
    <div className="mx-auto max-w-xl rounded-xl border border-slate-200 bg-white p-6 dark:border-slate-700 dark:bg-slate-900">
      <h1 className="text-xl font-semibold text-slate-950 dark:text-white">Page not found</h1>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        There is nothing at <code className="font-mono break-all">{pathname}</code>. Conversation links look like{' '}
        <code className="font-mono">/conversations/conv_conversation_…</code>.
      </p>
      <HomeLink className="mt-4 inline-block font-medium text-sky-800 underline dark:text-sky-300">Open a conversation</HomeLink>
    </div>
  );
}
