// The prompt shown when a save lost a version check: someone else saved first. Nothing is overwritten and
// nothing typed is thrown away until the user chooses to reload.
import styles from "./ui.module.css";

export function ConflictPrompt({ what, reloadLoses, onReload, onKeepEditing }: {
  /** "this dashboard", "this chart" */
  what: string;
  /** What a reload throws away, e.g. "your unsaved changes in this tab". */
  reloadLoses: string;
  onReload: () => void;
  onKeepEditing: () => void;
}) {
  return (
    <div className={`notice ${styles.conflict}`} role="alert">
      <p>
        Someone else saved {what} since you opened it, so your changes were not saved. Your changes are still here: reload to load their
        version ({reloadLoses} will be lost), or keep editing and note what you want to redo.
      </p>
      <div className="row">
        <button type="button" className="btn btn-primary" onClick={onReload}>
          Reload
        </button>
        <button type="button" className="btn" onClick={onKeepEditing}>
          Keep editing
        </button>
      </div>
    </div>
  );
}
