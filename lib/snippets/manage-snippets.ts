// Snippet CRUD. Names are unique; a clash is a CONFLICT, a missing snippet NOT_FOUND.
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { createSnippetSchema, updateSnippetSchema, type CreateSnippetBody, type SnippetRecord, type UpdateSnippetBody } from "./schemas";

const select = { id: true, name: true, sql: true, description: true, createdById: true, createdAt: true, updatedAt: true } as const;

function toRecord(s: { id: string; name: string; sql: string; description: string; createdById: string | null; createdAt: Date; updatedAt: Date }): SnippetRecord {
  return { ...s, createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString() };
}

function clash(e: unknown, name: string | undefined): never {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
    throw new AppError("CONFLICT", `A snippet named "${name}" already exists.`);
  }
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2025") throw notFound("Snippet");
  throw e;
}

export async function listSnippets(): Promise<SnippetRecord[]> {
  return (await getDb().snippet.findMany({ orderBy: { name: "asc" }, select })).map(toRecord);
}

export async function createSnippet(input: CreateSnippetBody, userId: string | null): Promise<SnippetRecord> {
  const data = createSnippetSchema.parse(input);
  try {
    return toRecord(await getDb().snippet.create({ data: { ...data, createdById: userId }, select }));
  } catch (e) {
    clash(e, data.name);
  }
}

export async function updateSnippet(id: string, input: UpdateSnippetBody): Promise<SnippetRecord> {
  const data = updateSnippetSchema.parse(input);
  try {
    return toRecord(await getDb().snippet.update({ where: { id }, data, select }));
  } catch (e) {
    clash(e, data.name);
  }
}

export async function deleteSnippet(id: string): Promise<void> {
  try {
    await getDb().snippet.delete({ where: { id } });
  } catch (e) {
    clash(e, undefined);
  }
}
