-- AlterTable
ALTER TABLE "Chart" ADD COLUMN     "parameters" JSONB NOT NULL DEFAULT '[]';
