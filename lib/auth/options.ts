// next-auth configuration: email + password (credentials), JWT sessions. The session only carries the
// user id; every request re-reads the user so a deactivated account loses access at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { verifyPassword } from "./password";

const credentialsSchema = z.object({ email: z.string().email(), password: z.string().min(1) });

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getRuntimeEnv().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await getDb().user.findUnique({
            where: { email: parsed.data.email.toLowerCase() },
            omit: { passwordHash: false },
          });
          if (!user || !user.active) return null;
          if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
