import { describe, expect, it } from '@jest/globals';
import { GraphqlRequestError } from '../../graphql/graphql-error';
import { fieldId, formErrorsOf, formFieldOf, localErrors } from './form-errors';

describe('form errors of the procurement forms', () => {
  const fields = ['name', 'municipalityIds', 'priceModel.milestones', 'priceModel.priceCents'];

  it('maps nested API fields to the field on the form', () => {
    expect(formFieldOf('municipalityIds.1', fields)).toBe('municipalityIds');
    expect(formFieldOf('priceModel.milestones.0.percentage', fields)).toBe('priceModel.milestones');
    expect(formFieldOf('priceModel', fields)).toBeUndefined();
    expect(formFieldOf('documentId', ['file'], { documentId: 'file' })).toBe('file');
  });

  it('links each API message to its input and keeps the first message per field', () => {
    const error = new GraphqlRequestError('Controleer de invoer.', 'BAD_USER_INPUT', [
      { field: 'priceModel.milestones', message: 'De betaalmomenten tellen op tot 90%; dat moet precies 100% zijn.' },
      { field: 'priceModel.milestones.2.name', message: 'Geef betaalmoment 3 een naam.' },
      { field: 'regionId', message: 'Onbekende regio.' },
    ]);
    const errors = formErrorsOf(error, 'lot', fields);
    expect(errors.byField).toEqual({ 'priceModel.milestones': 'De betaalmomenten tellen op tot 90%; dat moet precies 100% zijn.' });
    expect(errors.summary.map((e) => e.fieldId)).toEqual(['lot-priceModel-milestones', 'lot-priceModel-milestones', undefined]);
  });

  it('shows a message without fields as a general error', () => {
    expect(formErrorsOf(new GraphqlRequestError('Geen toegang.', 'FORBIDDEN'), 'lot', fields)).toEqual({ summary: [{ message: 'Geen toegang.' }], byField: {} });
  });

  it('builds local errors in the same shape', () => {
    expect(localErrors('lot', [['periodStart', 'Vul een datum in.']])).toEqual({
      summary: [{ message: 'Vul een datum in.', fieldId: 'lot-periodStart' }],
      byField: { periodStart: 'Vul een datum in.' },
    });
    expect(fieldId('contract', 'ceilingCents')).toBe('contract-ceilingCents');
  });
});
