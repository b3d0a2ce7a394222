"use client";
// The SQL editor: Monaco with SQL highlighting and autocomplete, Ctrl/Cmd+Enter to run (the selection when
// there is one), Ctrl/Cmd+Shift+Enter to run the selection, Shift+Alt+F to format, and a marker at an
// error's position. Load it with next/dynamic({ ssr: false }): Monaco only runs in a browser.
import Editor, { type OnMount } from "@monaco-editor/react";
import { useEffect, useRef } from "react";
import { findPlaceholders, placeholderLengthAt } from "@/lib/queries/parameters";
import { snippetReferenceLengthAt } from "@/lib/snippets/snippet-parameters";
import type { CompletionSchema } from "./completion";
import { registerSqlCompletion, setModelSchema } from "./completion-provider";
import { formatSql } from "./format-sql";
import { spacedInsertion } from "./insert-text";
import { monaco } from "./monaco-setup";
import styles from "./editor.module.css";

export interface SqlEditorError {
  /** 1-based character position in the editor's text. */
  position: number;
  message: string;
}

/** What a run asks for: the text to run and where it starts in the editor (to place error markers). */
export interface RunRequest {
  sql: string;
  /** 0-based offset of `sql` in the editor's text. */
  offset: number;
  selection: boolean;
  /** The editor's whole text when the run was asked for (error line and column are counted in it). */
  text: string;
}

/** Commands the page can send to the editor. */
export interface SqlEditorApi {
  insertAtCursor(text: string): void;
  format(): void;
  /** The selected text and its offset, or the whole text when nothing is selected. */
  getRunText(selectionOnly?: boolean): RunRequest;
  focus(): void;
}

export interface SqlEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Ctrl+Enter / Cmd+Enter (the selection if any) and Ctrl/Cmd+Shift+Enter (the selection only). */
  onRun: (request: RunRequest) => void;
  onReady?: (api: SqlEditorApi | null) => void;
  /** Schema tree autocomplete uses; read when suggestions are asked for. */
  schema?: CompletionSchema | null;
  /** Whether some text is selected (for "Run selection"). */
  onSelectionChange?: (hasSelection: boolean) => void;
  /** Reported when the format command fails (e.g. unbalanced parentheses). */
  onFormatError?: (message: string) => void;
  error?: SqlEditorError | null;
  height?: number | string;
  ariaLabel?: string;
  /**
   * Identifies the text across remounts (one per query tab): its Monaco model, with its undo history,
   * cursor and scroll position, outlives the editor and is picked up again when the tab is shown again.
   */
  modelId?: string;
  /** The `modelId`s still in use (the open tabs): kept models of any other are disposed on mount. */
  liveModelIds?: string[];
}

const KEPT_MODEL_SCHEME = "spyglass-tab";
const keptModelPath = (id: string) => `${KEPT_MODEL_SCHEME}://sql/${encodeURIComponent(id)}.sql`;

const MARKER_OWNER = "spyglass";

/** Puts `text` in the editor as one undoable edit, when it differs from what the editor holds. */
function replaceText(editor: monaco.editor.IStandaloneCodeEditor, text: string) {
  const model = editor.getModel();
  if (!model || model.getValue() === text) return;
  editor.executeEdits("spyglass", [{ range: model.getFullModelRange(), text }]);
  editor.pushUndoStop();
}

export default function SqlEditor({
  value,
  onChange,
  onRun,
  onReady,
  schema = null,
  onFormatError,
  onSelectionChange,
  error,
  height = 280,
  ariaLabel = "SQL editor",
  modelId,
  liveModelIds,
}: SqlEditorProps) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef({ value, onRun, onReady, schema, onFormatError, onSelectionChange });
  useEffect(() => {
    latest.current = { value, onRun, onReady, schema, onFormatError, onSelectionChange };
  });

  // The editor owns its text while the user types (a controlled `value` would race fast typing and drop
  // keystrokes); a `value` that differs from what the editor last reported is an outside change (opening a
  // chart, formatting) and is written into the editor as an undoable edit.
  const lastReported = useRef(value);
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || value === lastReported.current) return;
    lastReported.current = value;
    replaceText(editor, value);
  }, [value]);

  useEffect(() => () => latest.current.onReady?.(null), []);

  const handleMount: OnMount = (editor) => {
    editorRef.current = editor;
    registerSqlCompletion(monaco);
    const model = editor.getModel();
    if (liveModelIds) {
      const live = new Set(liveModelIds.map(keptModelPath));
      for (const m of monaco.editor.getModels()) {
        if (m.uri.scheme === KEPT_MODEL_SCHEME && m !== model && !live.has(m.uri.toString())) m.dispose();
      }
    }
    // A kept model holds the text as it was when the tab was last shown; the tab's text may have changed
    // since (taken from another browser tab): bring it up to date as an undoable edit.
    lastReported.current = latest.current.value;
    replaceText(editor, latest.current.value);
    const releaseSchema = model ? setModelSchema(model, () => latest.current.schema) : () => {};
    editor.onDidDispose(releaseSchema);
    markParameters(editor);

    const runText = (selectionOnly: boolean): RunRequest => {
      const m = editor.getModel();
      if (!m) return { sql: "", offset: 0, selection: false, text: "" };
      const text = m.getValue();
      const sel = editor.getSelection();
      if (sel && !sel.isEmpty()) {
        return { sql: m.getValueInRange(sel), offset: m.getOffsetAt(sel.getStartPosition()), selection: true, text };
      }
      return selectionOnly ? { sql: "", offset: 0, selection: true, text } : { sql: text, offset: 0, selection: false, text };
    };
    const format = () => {
      const m = editor.getModel();
      if (!m) return;
      try {
        const formatted = formatSql(m.getValue());
        if (formatted === m.getValue()) return;
        editor.pushUndoStop();
        editor.executeEdits("spyglass-format", [{ range: m.getFullModelRange(), text: formatted }]);
        editor.pushUndoStop();
      } catch (e) {
        latest.current.onFormatError?.(e instanceof Error ? e.message.split("\n")[0] : String(e));
      }
    };

    // A suggestion list open when the run starts would otherwise stay over the text until the next key.
    const hideSuggestions = () => editor.trigger("spyglass", "hideSuggestWidget", null);
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => {
      hideSuggestions();
      latest.current.onRun(runText(false));
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => {
      hideSuggestions();
      const request = runText(true);
      if (request.sql.trim() !== "") latest.current.onRun(request);
    });
    editor.addAction({
      id: "spyglass.format",
      label: "Format SQL",
      keybindings: [monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF],
      contextMenuGroupId: "1_modification",
      run: format,
    });

    editor.onDidChangeCursorSelection((e) => latest.current.onSelectionChange?.(!e.selection.isEmpty()));
    latest.current.onReady?.({
      insertAtCursor(text) {
        const sel = editor.getSelection();
        const m = editor.getModel();
        if (!sel || !m) return;
        // Only the characters on either side of the selection, not the whole text.
        const start = m.getOffsetAt(sel.getStartPosition());
        const end = m.getOffsetAt(sel.getEndPosition());
        const charAt = (offset: number) =>
          offset < 0 || offset >= m.getValueLength() ? "" : m.getValueInRange(monaco.Range.fromPositions(m.getPositionAt(offset), m.getPositionAt(offset + 1)));
        const spaced = spacedInsertion(charAt(start - 1), text, charAt(end));
        editor.pushUndoStop();
        editor.executeEdits("spyglass-insert", [{ range: sel, text: spaced, forceMoveMarkers: true }]);
        editor.pushUndoStop();
        editor.focus();
      },
      format,
      getRunText: runText,
      focus: () => editor.focus(),
    });
    editor.focus();
  };

  // Mark the error's position; clear the mark on the next edit or when the error goes away.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    if (!error) {
      monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
      return;
    }
    const offset = Math.min(Math.max(0, error.position - 1), model.getValueLength());
    const start = model.getPositionAt(offset);
    const word = model.getWordAtPosition(start);
    let startColumn = start.column;
    let endColumn = word && word.startColumn <= start.column ? word.endColumn : start.column + 1;
    // A parameter or snippet error points at the `{{` or `[` it starts with: mark the whole `{{name}}`.
    const line = model.getLineContent(start.lineNumber);
    const template = placeholderLengthAt(line, start.column - 1) || snippetReferenceLengthAt(line, start.column - 1);
    if (template) endColumn = start.column + template;
    if (start.column >= model.getLineMaxColumn(start.lineNumber) && start.column > 1) {
      // "syntax error at end of input" points past the last character, where a marker has no width and is
      // not drawn: mark the word (or character) the text ends with instead.
      startColumn = word ? word.startColumn : start.column - 1;
      endColumn = start.column;
    }
    monaco.editor.setModelMarkers(model, MARKER_OWNER, [
      {
        severity: monaco.MarkerSeverity.Error,
        message: error.message,
        startLineNumber: start.lineNumber,
        startColumn,
        endLineNumber: start.lineNumber,
        endColumn,
      },
    ]);
    editor.revealPositionInCenterIfOutsideViewport(start);
    const sub = model.onDidChangeContent(() => monaco.editor.setModelMarkers(model, MARKER_OWNER, []));
    return () => sub.dispose();
  }, [error]);

  return (
    <div className={styles.editor} data-testid="sql-editor" style={{ height }}>
      <Editor
        defaultValue={value}
        onChange={(v) => {
          lastReported.current = v ?? "";
          onChange(v ?? "");
        }}
        defaultLanguage="sql"
        path={modelId ? keptModelPath(modelId) : undefined}
        keepCurrentModel={Boolean(modelId)}
        onMount={handleMount}
        loading={<div className={styles.loading}>Loading editor…</div>}
        options={{
          ariaLabel,
          minimap: { enabled: false },
          fontSize: 13,
          lineHeight: 20,
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace',
          scrollBeyondLastLine: false,
          automaticLayout: true,
          wordWrap: "on",
          tabSize: 2,
          renderLineHighlight: "line",
          // Enter always starts a new line (Tab accepts a suggestion), so typing a query never picks a word by accident.
          acceptSuggestionOnEnter: "off",
          // Only schema-aware suggestions: `u.` lists exactly u's columns, not every word in the file.
          wordBasedSuggestions: "off",
          suggest: { showWords: false },
          fixedOverflowWidgets: true,
          editContext: false,
          padding: { top: 8, bottom: 8 },
        }}
      />
    </div>
  );
}

export { SqlEditor };

/**
 * Marks each `{{parameter}}` that counts (in code, not in a comment or quotes) with its own colour and a
 * hover, kept up to date as the text changes: a `{{x}}` in a comment then visibly is not a parameter.
 */
function markParameters(editor: monaco.editor.IStandaloneCodeEditor) {
  const decorations = editor.createDecorationsCollection();
  const update = () => {
    const model = editor.getModel();
    if (!model) return decorations.clear();
    decorations.set(
      findPlaceholders(model.getValue()).map(({ name, from, to }) => ({
        range: monaco.Range.fromPositions(model.getPositionAt(from), model.getPositionAt(to)),
        options: {
          inlineClassName: "spyglass-parameter",
          hoverMessage: { value: `Parameter \`${name}\`: its input is above the results; the value is sent bound, never pasted into the SQL.` },
        },
      })),
    );
  };
  update();
  editor.onDidChangeModelContent(update);
  editor.onDidChangeModel(update);
}
