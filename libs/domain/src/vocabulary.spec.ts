import { labelsOf } from './vocabulary';
import { PLACEMENT_STATUSES, placementStatusLabel } from './placement-rules';

describe('labelsOf', () => {
  it('gives every value of a vocabulary its label, so UI tables have one source', () => {
    expect(labelsOf(PLACEMENT_STATUSES, placementStatusLabel)).toEqual({
      WAITING: 'Wachtlijst',
      REQUESTED: 'Aangemeld',
      ACCEPTED: 'Geaccepteerd',
      STARTED: 'Gestart',
      ENDED: 'Beëindigd',
      REJECTED: 'Afgewezen',
      WITHDRAWN: 'Ingetrokken',
    });
  });
});
