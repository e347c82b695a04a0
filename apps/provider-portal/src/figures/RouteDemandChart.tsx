// The chart of the route estimate against demand: recharts is large, so this file is loaded lazily (React.lazy).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const COLOURS = {
  estimated: 'var(--utrecht-color-grey-40, #5c5c5c)',
  actual: 'var(--utrecht-color-blue-35, #1a5fa8)',
};

/** Estimated and actual share per route, in percent; decorative for screen readers (the table is the source). */
export default function RouteDemandChart({ data, labels }: { data: { label: string; estimated: number; actual: number }[]; labels: { estimated: string; actual: string } }) {
  return (
    <div className="portal-figures-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
          <YAxis unit="%" allowDecimals={false} domain={[0, 100]} />
          <Tooltip formatter={(value) => `${String(value).replace('.', ',')}%`} />
          <Legend />
          <Bar dataKey="estimated" name={labels.estimated} fill={COLOURS.estimated} isAnimationActive={false} />
          <Bar dataKey="actual" name={labels.actual} fill={COLOURS.actual} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
