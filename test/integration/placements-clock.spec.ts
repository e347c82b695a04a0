// The placement services read "today" from the injected Clock: a provider can start a placement on its start date, not
// before, and the test sets the date instead of waiting for it.
import { AcceptPlacementDocument, PlacementOptionsDocument, RequestPlacementDocument, StartPlacementDocument } from '@inburgering/contracts';
import { SettableClock } from '../../apps/api/src/clock/clock';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { newKey, registerWithPip } from '../support/placement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let consultant: GraphqlSession;
let newBees: GraphqlSession;
const clock = new SettableClock();

beforeAll(async () => {
  platform = await startTestPlatform({ clock });
  consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
  newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
});
afterAll(async () => {
  await platform.close();
});

it('refuses to start an accepted placement before its start date and starts it once the clock reaches that date', async () => {
  const client = await registerWithPip(consultant, 181);
  const { placementOptions } = await consultant.ok(PlacementOptionsDocument, { clientId: client.id });
  const bees = placementOptions[0].providers.find((p) => p.provider.name === 'New Bees');
  const slot = bees?.startMoments.find((s) => s.free > 0);
  if (!bees || !slot) throw new Error('New Bees heeft geen instroommoment met een vrije plaats in de demodata.');
  const { requestPlacement } = await consultant.ok(RequestPlacementDocument, {
    input: { clientId: client.id, lotId: placementOptions[0].lot.id, providerId: bees.provider.id, startMomentId: slot.id, idempotencyKey: newKey() },
  });
  expect(requestPlacement.status).toBe('REQUESTED');
  const { acceptPlacement } = await newBees.ok(AcceptPlacementDocument, {
    input: { placementId: requestPlacement.id, version: requestPlacement.version, startDate: slot.startsOn, location: 'Arnhem, Velperweg' },
  });
  const early = await newBees.request(StartPlacementDocument, { input: { placementId: requestPlacement.id, version: acceptPlacement.version } });
  expect(early.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'status' });

  clock.setToday(slot.startsOn);
  const { startPlacement } = await newBees.ok(StartPlacementDocument, { input: { placementId: requestPlacement.id, version: acceptPlacement.version } });
  expect(startPlacement.status).toBe('STARTED');
});
