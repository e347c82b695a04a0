import { ClientsDocument, RegisterClientDocument } from '@inburgering/contracts';
import { clientDueForPip } from '../support/demo-client-input';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let consultant: GraphqlSession;

beforeAll(async () => {
  platform = await startTestPlatform();
  consultant = await loginAs(platform.url, 'consulent@doesburg.demo.nl');
});
afterAll(async () => {
  await platform.close();
});

describe('searching the caseload by name', () => {
  it('finds a client by the name as the list shows it ("Achternaam, Voornaam"), and as "Voornaam Achternaam"', async () => {
    const { registerClient } = await consultant.ok(RegisterClientDocument, { input: { ...clientDueForPip(401), firstName: 'Noor', lastName: 'Al-Khatib' } });
    for (const search of ['Al-Khatib, Noor', 'al-khatib, noor', 'Noor Al-Khatib']) {
      const { clients } = await consultant.ok(ClientsDocument, { search, limit: 10, offset: 0 });
      expect({ search, ids: clients.items.map((c) => c.id) }).toEqual({ search, ids: [registerClient.id] });
    }
  });
});
