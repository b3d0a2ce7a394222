-- A run whose result was cut at the data source's row cap says so in the query history.
ALTER TABLE "QueryRun" ADD COLUMN "truncated" BOOLEAN NOT NULL DEFAULT false;
