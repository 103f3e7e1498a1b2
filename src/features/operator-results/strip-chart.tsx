/** How many reviewers agreed, disagreed or were unsure about one result (given by the page). */
export type VerdictTally = { agree: number; disagree: number; unsure: number };

/** One run as the chart draws it. */
export type ChartStep = {
  id: string;
  /** The message (1-based, in conversation order) the run's range ended on: its place on the x axis. */
  position: number;
  /** A number to plot, or null for a label. */
  number: number | null;
  /** The value as the page shows it (redacted or not). */
  label: string;
  /** Differs from the run before it (or is the first). */
  changed: boolean;
  /** Its message is hidden by the filters. */
  filtered: boolean;
  tally: VerdictTally | undefined;
  /** Shown on hover. */
  title: string;
  /** Its accessible name: value, place, time, filters, verdicts. */
  description: string;
};

// Label bands, in the order labels first appear on a track: told apart by colour and by their text.
const BAND_FILLS = [
  'fill-sky-200 dark:fill-sky-900',
  'fill-amber-200 dark:fill-amber-900',
  'fill-violet-200 dark:fill-violet-900',
  'fill-emerald-200 dark:fill-emerald-900',
  'fill-rose-200 dark:fill-rose-900',
  'fill-slate-200 dark:fill-slate-700',
];

/** The chart's drawing box: x in percent of the conversation, y in a 0–40 band (top to bottom). */
const HEIGHT = 40;
const TOP = 6;
const BOTTOM = 34;
/** Label bands sit below a line of text (the labels), their steps on the band's middle. */
const BAND_TOP = TOP + 6;
const BAND_HEIGHT = BOTTOM - TOP - 8;

const VERDICT_MARKS = [
  { key: 'agree', mark: '\u2713', className: 'text-emerald-700 dark:text-emerald-300' },
  { key: 'disagree', mark: '\u2717', className: 'text-rose-700 dark:text-rose-300' },
  { key: 'unsure', mark: '?', className: 'text-amber-700 dark:text-amber-300' },
] as const;

/**
 * The drawing of one track: x is the position in the conversation (message 1 at the left, the last
 * at the right), each run a step pinned to the message its range ended on. Numbers are a step line
 * between their lowest and highest value; labels are bands, each run's from the run before it to
 * its own step (the stretch it was the latest word on). The steps
 * are buttons in a list (the drawing itself is hidden from screen readers); the selected run's
 * unseen part of the conversation is shaded.
 */
export function StripChart({
  label,
  steps,
  total,
  selectedId,
  onSelect,
}: {
  label: string;
  steps: ChartStep[];
  total: number;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}) {
  const x = (position: number) => (total > 0 ? (position / total) * 100 : 0);
  const numbers = steps.flatMap((step) => (step.number === null ? [] : [step.number]));
  const plotted = numbers.length === steps.length;
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const y = (value: number) => (max === min ? (TOP + BOTTOM) / 2 : BOTTOM - ((value - min) / (max - min)) * (BOTTOM - TOP));
  const yOf = (step: ChartStep) => (plotted ? y(step.number!) : BAND_TOP + BAND_HEIGHT / 2);
  const selected = steps.find((step) => step.id === selectedId) ?? null;
  const fills = new Map<string, string>();
  for (const step of steps) if (!fills.has(step.label)) fills.set(step.label, BAND_FILLS[fills.size % BAND_FILLS.length]!);
  // Each run's value covers the messages from the run before it up to its own: the part of the
  // conversation it was the latest word on when it ran.
  const from = (i: number) => (i === 0 ? 0 : x(steps[i - 1]!.position));
  // Runs of the same label merged, for the text on the bands.
  const segments = steps.flatMap((step, i) =>
    step.changed ? [{ label: step.label, from: from(i), to: x(lastOfSame(steps, i).position) }] : [],
  );
  const linePath = plotted
    ? steps.map((step, i) => `${i === 0 ? `M 0 ${yOf(step)}` : `V ${yOf(step)}`} H ${x(step.position)}`).join(' ')
    : '';
  const latest = steps.at(-1)!;
  const caption = selected ?? latest;

  return (
    <div className="mt-1">
      <div className="flex gap-1.5">
        {plotted && (
          <div
            aria-hidden="true"
            className="flex w-10 shrink-0 flex-col justify-between py-0.5 text-right text-[0.65rem] text-slate-600 tabular-nums dark:text-slate-400"
          >
            <span className="truncate">{steps.find((s) => s.number === max)!.label}</span>
            <span className="truncate">{steps.find((s) => s.number === min)!.label}</span>
          </div>
        )}
        <div className="relative h-14 min-w-0 flex-1">
          <svg
            aria-hidden="true"
            className="absolute inset-0 h-full w-full overflow-visible"
            viewBox={`0 0 100 ${HEIGHT}`}
            preserveAspectRatio="none"
          >
            <line
              x1="0"
              x2="100"
              y1={HEIGHT - 1}
              y2={HEIGHT - 1}
              vectorEffect="non-scaling-stroke"
              className="stroke-slate-300 dark:stroke-slate-600"
            />
            {!plotted &&
              steps.map((step, i) => (
                <rect
                  key={step.id}
                  x={from(i)}
                  width={Math.max(0, x(step.position) - from(i))}
                  y={BAND_TOP}
                  height={BAND_HEIGHT}
                  className={fills.get(step.label)}
                />
              ))}
            {plotted && (
              <path
                d={linePath}
                fill="none"
                strokeWidth="2"
                vectorEffect="non-scaling-stroke"
                className="stroke-sky-700 dark:stroke-sky-300"
              />
            )}
            {selected && selected.position < total && (
              <rect
                x={x(selected.position)}
                width={100 - x(selected.position)}
                y="0"
                height={HEIGHT}
                className="fill-slate-500/15 dark:fill-slate-300/15"
              />
            )}
          </svg>
          {!plotted &&
            segments.map((segment, i) => (
              <span
                key={i}
                aria-hidden="true"
                style={{ left: `${segment.from}%`, width: `${segment.to - segment.from}%` }}
                className="pointer-events-none absolute top-0 truncate pr-2 text-[0.65rem] leading-none font-semibold text-slate-900 dark:text-slate-100"
              >
                {segment.label}
              </span>
            ))}
          <ol aria-label={label} className="absolute inset-0">
            {steps.map((step) => {
              const isSelected = step.id === selectedId;
              return (
                <li
                  key={step.id}
                  style={{ left: `${x(step.position)}%`, top: `${(yOf(step) / HEIGHT) * 100}%` }}
                  className="absolute -translate-x-1/2 -translate-y-1/2"
                >
                  <button
                    type="button"
                    aria-pressed={isSelected}
                    onClick={() => onSelect(isSelected ? null : step.id)}
                    title={step.title}
                    className="group flex size-6 items-center justify-center rounded-full focus-visible:outline-2 focus-visible:outline-sky-700 dark:focus-visible:outline-sky-300"
                  >
                    <span
                      aria-hidden="true"
                      className={`block rounded-full border-2 ${step.filtered ? 'border-dashed' : ''} ${
                        isSelected
                          ? 'size-4 border-sky-700 bg-sky-700 dark:border-sky-300 dark:bg-sky-300'
                          : 'size-3.5 border-slate-700 bg-white group-hover:bg-slate-200 dark:border-slate-200 dark:bg-slate-900 dark:group-hover:bg-slate-700'
                      }`}
                    />
                    <span className="sr-only">{step.description}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        </div>
      </div>
      <div className={`relative h-4 ${plotted ? 'ml-11.5' : ''}`} aria-hidden="true">
        {steps.map((step) => (
          <VerdictMarks key={step.id} id={step.id} tally={step.tally} left={x(step.position)} />
        ))}
      </div>
      <p className="mt-0.5 text-[0.7rem] text-slate-600 dark:text-slate-400" aria-hidden="true">
        <span className="font-medium text-slate-800 dark:text-slate-200">{selected ? 'Selected' : 'Latest'}:</span>{' '}
        {caption.label} after message {caption.position} of {total}
        {selected && selected.position < total ? '; the operator had not seen the shaded part' : ''}
      </p>
    </div>
  );
}

/** The last run of the stretch of equal values that starts at `index`. */
function lastOfSame(steps: ChartStep[], index: number) {
  let last = index;
  while (last + 1 < steps.length && !steps[last + 1]!.changed) last++;
  return steps[last]!;
}

function VerdictMarks({ id, tally, left }: { id: string; tally: VerdictTally | undefined; left: number }) {
  if (!tally || tally.agree + tally.disagree + tally.unsure === 0) return null;
  return (
    <span
      data-verdict-marks={id}
      style={{ left: `${left}%` }}
      className="absolute top-0 flex -translate-x-1/2 gap-0.5 text-xs leading-none font-bold whitespace-nowrap"
    >
      {VERDICT_MARKS.map(({ key, mark, className }) =>
        tally[key] > 0 ? (
          <span key={key} className={className}>
            {mark}
            {tally[key] > 1 ? tally[key] : ''}
          </span>
        ) : null,
      )}
    </span>
  );
}
