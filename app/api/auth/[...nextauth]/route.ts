import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

// Options are built per request so that the secret is read at run time, not at build time.
function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(getAuthOptions())(req, ctx);
}

export { handler as GET, handler as POST };
