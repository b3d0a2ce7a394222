// Registers Spyglass's SQL completion with Monaco once per Monaco instance. Each editor model says which
// schema tree it completes against (its tab's data source) through setModelSchema.
import type * as Monaco from "monaco-editor";
import { completionsAt, type CompletionKind, type CompletionSchema } from "./completion";

const schemaByModel = new Map<string, () => CompletionSchema | null>();
const registered = new WeakSet<object>();

export function setModelSchema(model: Monaco.editor.ITextModel, getSchema: () => CompletionSchema | null): () => void {
  const key = model.uri.toString();
  schemaByModel.set(key, getSchema);
  return () => {
    if (schemaByModel.get(key) === getSchema) schemaByModel.delete(key);
  };
}

export function registerSqlCompletion(monaco: typeof Monaco): void {
  if (registered.has(monaco)) return;
  registered.add(monaco);
  const kinds: Record<CompletionKind, Monaco.languages.CompletionItemKind> = {
    keyword: monaco.languages.CompletionItemKind.Keyword,
    schema: monaco.languages.CompletionItemKind.Module,
    table: monaco.languages.CompletionItemKind.Struct,
    column: monaco.languages.CompletionItemKind.Field,
    alias: monaco.languages.CompletionItemKind.Variable,
  };
  monaco.languages.registerCompletionItemProvider("sql", {
    triggerCharacters: ["."],
    provideCompletionItems(model, position) {
      const offset = model.getOffsetAt(position);
      const schema = schemaByModel.get(model.uri.toString())?.() ?? null;
      const { items, replaceFrom } = completionsAt(model.getValue(), offset, schema);
      const start = model.getPositionAt(replaceFrom);
      const range = new monaco.Range(start.lineNumber, start.column, position.lineNumber, position.column);
      return {
        suggestions: items.map((item) => ({
          label: { label: item.label, description: item.detail },
          kind: kinds[item.kind],
          insertText: item.insertText,
          filterText: item.label,
          sortText: item.sortKey,
          range,
        })),
      };
    },
  });
}
