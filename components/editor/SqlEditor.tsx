"use client";
// The SQL editor: Monaco with SQL highlighting, Ctrl/Cmd+Enter to run, and a marker at an error's position.
// Load it with next/dynamic({ ssr: false }): Monaco only runs in a browser.
import Editor, { type OnMount } from "@monaco-editor/react";
import { useEffect, useRef } from "react";
import { monaco } from "./monaco-setup";
import styles from "./editor.module.css";

export interface SqlEditorError {
  /** 1-based character position in the SQL, as PostgreSQL reports it. */
  position: number;
  message: string;
}

export interface SqlEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Ctrl+Enter / Cmd+Enter. */
  onRun: () => void;
  error?: SqlEditorError | null;
  height?: number | string;
  ariaLabel?: string;
}

const MARKER_OWNER = "spyglass";

export default function SqlEditor({ value, onChange, onRun, error, height = 280, ariaLabel = "SQL editor" }: SqlEditorProps) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onRunRef = useRef(onRun);
  useEffect(() => {
    onRunRef.current = onRun;
  });

  // The editor owns its text while the user types (a controlled `value` would race fast typing and drop
  // keystrokes); a `value` that differs from what the editor last reported is an outside change (opening a
  // chart) and is written into the editor.
  const lastReported = useRef(value);
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || value === lastReported.current) return;
    lastReported.current = value;
    const model = editor.getModel();
    if (model && model.getValue() !== value) {
      editor.executeEdits("spyglass", [{ range: model.getFullModelRange(), text: value }]);
      editor.pushUndoStop();
    }
  }, [value]);

  const handleMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => onRunRef.current());
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
    const endColumn = word && word.startColumn <= start.column ? word.endColumn : start.column + 1;
    monaco.editor.setModelMarkers(model, MARKER_OWNER, [
      {
        severity: monaco.MarkerSeverity.Error,
        message: error.message,
        startLineNumber: start.lineNumber,
        startColumn: start.column,
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
          fixedOverflowWidgets: true,
          editContext: false,
          padding: { top: 8, bottom: 8 },
        }}
      />
    </div>
  );
}

export { SqlEditor };
