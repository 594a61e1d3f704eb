/**
 * Series colours (Okabe–Ito, readable by colour-blind readers) and dash patterns, so lines differ
 * by more than colour; shared by every chart.
 */
const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;
const SERIES_DASHES = ['', '6 3', '2 3', '8 3 2 3', '4 4', '1 2', '10 4'] as const;

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length];
}

function seriesDash(i: number): string | undefined {
  return SERIES_DASHES[i % SERIES_DASHES.length] || undefined;
}

/** The look of the i-th line of a line chart (recharts `<Line>` props): colour, dashes, dots, no animation. */
export function seriesLine(i: number) {
  return {
    stroke: seriesColor(i),
    strokeDasharray: seriesDash(i),
    strokeWidth: 2,
    dot: { r: 4 },
    connectNulls: false,
    isAnimationActive: false,
  } as const;
}
