// A chart's stored parameter specs (JSON in the app DB) read back as typed specs. Rows written by older
// versions or edited by hand are validated, not trusted: an invalid list reads as no parameters.
import { z } from "zod";
import type { ParameterSpec } from "@/lib/queries/parameters";
import { parameterSpecSchema } from "@/lib/queries/schemas";

const storedSpecsSchema = z.array(parameterSpecSchema);

export function parameterSpecsOf(stored: unknown): ParameterSpec[] {
  const parsed = storedSpecsSchema.safeParse(stored);
  return parsed.success ? parsed.data : [];
}
