// The chart of the figures section: recharts is large, so this file is loaded lazily (React.lazy) as a chunk of its own.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartDatum } from './figure-rows';

/** NL Design System (Utrecht) colour tokens, with the token's own value as fallback. */
const COLOURS = {
  started: 'var(--utrecht-color-green-40, #2c7a3a)',
  waiting: 'var(--utrecht-color-red-40, #c1272d)',
  requested: 'var(--utrecht-color-blue-35, #1a5fa8)',
};

/** A group's name on the axis: long contract names would run into each other, so they are cut (the table has them whole). */
const MAX_LABEL = 26;
const axisLabel = (label: string): string => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);

/**
 * Started, waiting and requested clients per group as horizontal bars (names on their own line each, readable on a phone
 * too); decorative for screen readers (the table is the source).
 */
export default function FiguresChart({ data, labels }: { data: ChartDatum[]; labels: { started: string; waiting: string; requested: string } }) {
  return (
    <div className="portal-figures-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={Math.max(180, data.length * 48 + 70)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" interval={0} width={170} tick={{ fontSize: 12 }} tickFormatter={axisLabel} />
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
