-- Deleting a data source keeps its runs in the query history (they were deleted with it): the link is
-- set to null and the source's name is kept beside the run.
ALTER TABLE "QueryRun" DROP CONSTRAINT "QueryRun_dataSourceId_fkey";

ALTER TABLE "QueryRun" ADD COLUMN     "dataSourceName" TEXT,
ALTER COLUMN "dataSourceId" DROP NOT NULL;

ALTER TABLE "QueryRun" ADD CONSTRAINT "QueryRun_dataSourceId_fkey" FOREIGN KEY ("dataSourceId") REFERENCES "DataSource"("id") ON DELETE SET NULL ON UPDATE CASCADE;
