import { cite, LAW_CITATIONS } from './law-citations';
import { LAW_REFERENCES } from './law-numbers';

describe('law citations', () => {
  it('gives every citation a source, an article and a paragraph', () => {
    for (const citation of Object.values(LAW_CITATIONS)) {
      expect(citation.source).not.toBe('');
      expect(citation.article).not.toBe('');
      expect(citation.paragraph).not.toBe('');
      expect(citation.text).not.toBe('');
    }
  });

  // Source: art. 11 lid 1-3 Wet inburgering 2021 (duration, start, start fixed on a changed PIP).
  it('cites the term articles with their paragraph', () => {
    expect(cite('INTEGRATION_TERM')).toBe('art. 11 lid 1 Wet inburgering 2021');
    expect(cite('TERM_START_FIXED')).toBe('art. 11 lid 3 Wet inburgering 2021');
    expect(LAW_CITATIONS.PIP).toMatchObject({ article: '15', source: 'Wet inburgering 2021' });
  });

  it('keeps LAW_REFERENCES as the texts of the same table', () => {
    expect(LAW_REFERENCES.Z_ROUTE).toBe(LAW_CITATIONS.Z_ROUTE.text);
    expect(Object.keys(LAW_REFERENCES)).toEqual(Object.keys(LAW_CITATIONS));
  });
});
