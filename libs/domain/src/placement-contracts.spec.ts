import { PLACEABLE_CONTRACT_STATUSES } from './placement-contracts';

describe('PLACEABLE_CONTRACT_STATUSES', () => {
  // DOMAIN brief §2 step 4: placements only on a running raamovereenkomst (active or extended), never a draft or ended one.
  it('lists exactly the running contract statuses', () => {
    expect(PLACEABLE_CONTRACT_STATUSES).toEqual(['ACTIVE', 'EXTENDED']);
  });
});
