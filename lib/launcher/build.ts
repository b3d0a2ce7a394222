// `npm run build`: generate the Prisma client and build the web app, stamping the source hash so
// `npm start` does not build again.
import { buildWebAppIfNeeded } from "./next-build";

buildWebAppIfNeeded((line) => console.log(`[spyglass] ${line}`)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
