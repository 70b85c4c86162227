import pg from 'pg';

/** Where `--engine postgres` benchmarks create their databases (trust authentication on these machines). */
const adminUrl = process.env.WALKUP_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(query).finally(() => client.end());
}

/** A fresh empty database for one benchmark server; `drop` removes it. */
export async function createBenchDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const database = `wkpg_bench_${name}_${process.pid}`;
  await admin(`drop database if exists ${database} with (force)`);
  await admin(`create database ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${database} with (force)`) };
}
