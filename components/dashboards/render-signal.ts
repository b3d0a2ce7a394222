// The explicit "all charts rendered" signal the snapshot renderer waits for (DESIGN.md, decision 4).
// "done" once every tile has drawn or failed, as long as at least one drew; "failed" when none did.
export interface RenderSignal {
  total: number;
  rendered: number;
  failed: number;
  errors: string[];
}

declare global {
  interface Window {
    __spyglassRender?: RenderSignal;
  }
}

export function publishRenderSignal(signal: RenderSignal) {
  window.__spyglassRender = signal;
  const finished = signal.rendered + signal.failed >= signal.total;
  if (!finished) {
    delete document.documentElement.dataset.spyglassRender;
    return;
  }
  document.documentElement.dataset.spyglassRender = signal.rendered > 0 ? "done" : "failed";
}
