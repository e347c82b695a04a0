// The reference for the request path: a bare Apollo Server answering `{ hello }` on its own HTTP server
// (startStandaloneServer, Node's http module, no framework), in its own process like the API. The reference
// (6,434 req/s on the demo machine) is this one; the same server behind Express 5 answers about half as many.
// Prints its port on stdout. Started by run-bench.ts.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

async function main() {
  const server = new ApolloServer({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'hallo' } } });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  console.log(`PORT=${new URL(url).port}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
