// Points @monaco-editor/react at the monaco-editor package bundled with the app (its default is a CDN)
// and gives Monaco its worker from the bundle too. Browser-only: import it from client code that is
// loaded with next/dynamic({ ssr: false }).
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";

self.MonacoEnvironment = {
  // SQL needs only the core editor worker; the same worker also serves any other label.
  getWorker: () => new Worker(new URL("./editor.worker.ts", import.meta.url), { name: "monaco-editor-worker" }),
};

loader.config({ monaco });

export { monaco };
