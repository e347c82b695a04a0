import { expect, it } from '@jest/globals';
import { missingFields } from './missing-fields';

it('lists every empty or blank required field with its message, in the order given', () => {
  expect(missingFields({ bsn: ' ', firstName: 'Noor', lastName: '' }, [['bsn', 'Vul het BSN in.'], ['firstName', 'Vul de voornaam in.'], ['lastName', 'Vul de achternaam in.']]))
    .toEqual([['bsn', 'Vul het BSN in.'], ['lastName', 'Vul de achternaam in.']]);
});
