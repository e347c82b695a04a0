import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { barScale, barShares, type LotCapacityRow } from './capacity-summary';

/**
 * A horizontal bar per lot: taken, free and waiting seats side by side. The bar is decoration (aria-hidden);
 * the same numbers are written next to it and in the table below, which stays the source.
 */
export function CapacityBars({ lots }: { lots: readonly LotCapacityRow[] }) {
  const { t } = useTranslation();
  const scale = barScale(lots);
  if (lots.length === 0) return null;
  return (
    <section aria-labelledby="capacity-bars-title" className="portal-capacity-bars">
      <Heading2 id="capacity-bars-title">{t('procurement.capacity.barsTitle')}</Heading2>
      <BarLegend />
      <ul className="portal-capacity-bars__list">
        {lots.map((lot) => {
          const share = barShares(lot, scale);
          return (
            <li key={lot.lotId} className="portal-capacity-bar">
              <span className="portal-capacity-bar__name">{lot.lotName}</span>
              <span className="portal-capacity-bar__track" aria-hidden="true">
                <span className="portal-capacity-bar__taken" style={{ inlineSize: `${share.taken}%` }} />
                <span className="portal-capacity-bar__free" style={{ inlineSize: `${share.free}%` }} />
                <span className="portal-capacity-bar__waiting" style={{ inlineSize: `${share.waiting}%` }} />
              </span>
              <span className="portal-capacity-bar__text">
                {t('procurement.capacity.barText', { taken: String(lot.taken), free: String(lot.free), waiting: String(lot.waiting) })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function BarLegend() {
  const { t } = useTranslation();
  return (
    <Paragraph className="portal-capacity-legend" aria-hidden="true">
      <span className="portal-capacity-legend__item"><span className="portal-capacity-bar__taken" />{t('procurement.capacity.taken')}</span>
      <span className="portal-capacity-legend__item"><span className="portal-capacity-bar__free" />{t('procurement.capacity.free')}</span>
      <span className="portal-capacity-legend__item"><span className="portal-capacity-bar__waiting" />{t('procurement.capacity.waiting')}</span>
    </Paragraph>
  );
}
