import type { ParticipantView } from '../../lib/participant-directory';

export function ParticipantAvatar({ participant, size = 'md' }: { participant: ParticipantView; size?: 'sm' | 'md' }) {
  const dimensions = size === 'sm' ? 'size-7 text-[0.65rem]' : 'size-9 text-xs';
  return (
    <span
      aria-hidden="true"
      className={`inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white ${dimensions} ${participant.colour.avatar}`}
    >
      {participant.initials}
    </span>
  );
}
