// Monaco's editor worker, bundled with the app: Monaco never fetches a worker (or anything) from a CDN.
// "monaco-editor/editor/editor.worker.js" resolves through the package's exports to esm/vs/editor/editor.worker.js.
import "monaco-editor/editor/editor.worker.js";
