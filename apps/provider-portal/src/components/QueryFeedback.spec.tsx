import { describe, expect, it } from '@jest/globals';
import { renderToStaticMarkup } from 'react-dom/server';
import '../i18n/i18n';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { QueryFeedback } from './QueryFeedback';

const render = (error: GraphqlRequestError) =>
  renderToStaticMarkup(<QueryFeedback loading={false} error={error} hasData={false} onRetry={() => undefined} />);

describe('QueryFeedback', () => {
  it('shows the API message with a retry button when loading failed', () => {
    const html = render(new GraphqlRequestError('Er ging iets mis. Probeer het later opnieuw.', 'INTERNAL_SERVER_ERROR'));
    expect(html).toContain('De gegevens konden niet worden geladen.</strong> Er ging iets mis. Probeer het later opnieuw.');
    expect(html).toContain('Opnieuw proberen');
  });

  it('names what was wrong with refused input (a page has no fields to mark) and offers no retry', () => {
    const error = new GraphqlRequestError('De invoer is niet juist. Controleer de gemarkeerde velden.', 'BAD_USER_INPUT', [
      { field: 'id', message: 'Dit is geen geldige id.' },
      { field: 'clientId', message: 'Dit is geen geldige id.' },
    ]);
    const html = render(error);
    expect(html).toContain('De gegevens konden niet worden geladen.</strong> Dit is geen geldige id.</p>');
    expect(html).not.toContain('gemarkeerde velden');
    expect(html).not.toContain('Opnieuw proberen');
  });
});
