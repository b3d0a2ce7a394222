// Snippet request bodies, shared by the API and any form that edits snippets.
import { z } from "zod";

/** Lowercase letters, digits and underscores, with at least one letter so `a[1]` is never a snippet. */
export const SNIPPET_NAME = /^(?=[a-z0-9_]*[a-z])[a-z0-9_]+$/;

export const createSnippetSchema = z.object({
  name: z.string().trim().max(100).regex(SNIPPET_NAME, "Use lowercase letters, digits and underscores (at least one letter)"),
  sql: z.string().min(1, "A snippet needs SQL").max(200_000),
  description: z.string().max(10_000).default(""),
});

export const updateSnippetSchema = createSnippetSchema.partial();

export type CreateSnippetBody = z.infer<typeof createSnippetSchema>;
export type UpdateSnippetBody = z.infer<typeof updateSnippetSchema>;

export interface SnippetRecord {
  id: string;
  name: string;
  sql: string;
  description: string;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
}
