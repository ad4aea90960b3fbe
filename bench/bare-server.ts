import Fastify from 'fastify';

// The baseline: a bare Fastify route with no database, auth or hooks, on the same machine in the same run.
const app = Fastify({ logger: false });
app.get('/bare', async () => ({ status: 'ok' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
