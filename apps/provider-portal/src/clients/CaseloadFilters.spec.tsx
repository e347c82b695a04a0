import { describe, expect, it } from '@jest/globals';
import { renderToStaticMarkup } from 'react-dom/server';
import '../i18n/i18n';
import { CaseloadFilters } from './CaseloadFilters';

describe('CaseloadFilters', () => {
  it('offers each deadline filter once, with its Dutch label, and marks the chosen one', () => {
    const html = renderToStaticMarkup(
      <CaseloadFilters filter={{ deadlineStatus: 'DUE_SOON', placementStatus: '', sort: 'NAME' }} onChange={() => undefined} />,
    );
    const deadline = html.slice(html.indexOf('id="filter-deadline"'), html.indexOf('</select>', html.indexOf('id="filter-deadline"')));
    const options = [...deadline.matchAll(/<option value="([^"]*)"( selected="")?>([^<]*)<\/option>/g)].map((m) => [m[1], m[3], Boolean(m[2])]);
    expect(options).toEqual([
      ['', 'Alle', false],
      ['OVERDUE', 'Met een verlopen termijn', false],
      ['DUE_SOON', 'Met een termijn die binnenkort verloopt', true],
    ]);
  });
});
