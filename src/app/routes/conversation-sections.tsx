import type { ReactNode } from 'react';
import { Tabs } from '../../components/tabs';

export type Section = 'transcript' | 'results' | 'participants' | 'review';

type Panel = { node: ReactNode; count: number };

/**
 * Where a conversation's sections go: on wide screens the transcript beside a sticky column of the
 * review, the results and the participants; on phones one tab each, counted.
 */
export function ConversationSections({
  wide,
  section,
  onSection,
  header,
  transcript,
  results,
  participants,
  review,
  footer,
}: {
  wide: boolean;
  section: Section;
  onSection: (section: Section) => void;
  header: ReactNode;
  transcript: ReactNode;
  results: Panel;
  participants: Panel;
  review: Panel;
  /** What the keyboard's last action said (under everything). */
  footer: ReactNode;
}) {
  if (!wide) {
    return (
      <div className="space-y-4">
        {header}
        <Tabs
          label="Conversation sections"
          active={section}
          onChange={onSection}
          tabs={[
            { key: 'transcript', label: 'Transcript', panel: transcript },
            { key: 'results', label: `Results (${results.count})`, panel: results.node },
            { key: 'participants', label: `People (${participants.count})`, panel: participants.node },
            { key: 'review', label: `Review (${review.count})`, panel: review.node },
          ]}
        />
        {footer}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {header}
      <div className="grid grid-cols-[minmax(0,1fr)_24rem] items-start gap-4 print:block">
        <div className="min-w-0">{transcript}</div>
        <aside
          aria-label="Operator results and participants"
          className="sticky top-4 max-h-[calc(100dvh-2rem)] space-y-4 overflow-y-auto print:hidden"
        >
          {review.node}
          {results.node}
          {participants.node}
        </aside>
      </div>
      {footer}
    </div>
  );
}
