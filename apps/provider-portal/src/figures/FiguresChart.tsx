// The chart of the figures section: recharts is large, so this file is loaded lazily (React.lazy) as a chunk of its own.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartDatum } from './figure-rows';

/** NL Design System (Utrecht) colour tokens, with the token's own value as fallback. */
const COLOURS = {
  started: 'var(--utrecht-color-green-40, #2c7a3a)',
  waiting: 'var(--utrecht-color-red-40, #c1272d)',
  requested: 'var(--utrecht-color-blue-35, #1a5fa8)',
};

/** Started, waiting and requested clients per group as bars; decorative for screen readers (the table is the source). */
export default function FiguresChart({ data, labels }: { data: ChartDatum[]; labels: { started: string; waiting: string; requested: string } }) {
  return (
    <div className="portal-figures-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} width={36} />
          <Tooltip />
          <Legend />
          <Bar dataKey="started" name={labels.started} fill={COLOURS.started} isAnimationActive={false} />
          <Bar dataKey="waiting" name={labels.waiting} fill={COLOURS.waiting} isAnimationActive={false} />
          <Bar dataKey="requested" name={labels.requested} fill={COLOURS.requested} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
