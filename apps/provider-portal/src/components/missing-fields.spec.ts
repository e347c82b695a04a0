import { expect, it } from '@jest/globals';
import { missingFields } from './missing-fields';

it('lists every empty or blank required field with its message, in the order given', () => {
  expect(missingFields({ bsn: ' ', firstName: 'Noor', lastName: '' }, [['bsn', 'Vul het BSN in.'], ['firstName', 'Vul de voornaam in.'], ['lastName', 'Vul de achternaam in.']]))
    .toEqual([['bsn', 'Vul het BSN in.'], ['lastName', 'Vul de achternaam in.']]);
});

it('counts a field of only invisible characters (a zero-width space, a direction mark) as empty, as the API does', () => {
  expect(missingFields({ firstName: '\u200B', lastName: '\u200E\u00A0', place: 'Arnhem\u200B' }, [['firstName', 'Vul de voornaam in.'], ['lastName', 'Vul de achternaam in.'], ['place', 'Vul de plaats in.']]))
    .toEqual([['firstName', 'Vul de voornaam in.'], ['lastName', 'Vul de achternaam in.']]);
});
