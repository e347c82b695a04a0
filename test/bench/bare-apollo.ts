// The reference for the request path: a bare Apollo Server on Express 5 answering `{ hello }`, in its own process
// like the API. Prints its port on stdout. Started by run-bench.ts.
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { AddressInfo } from 'node:net';

async function main() {
  const server = new ApolloServer({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'hallo' } } });
  await server.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(server));
  const listener = app.listen(0, '127.0.0.1', () => {
    console.log(`PORT=${(listener.address() as AddressInfo).port}`);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
