// Copies text to the clipboard from a click or a key press. The Clipboard API exists only in secure contexts
// (HTTPS or localhost): Spyglass served over plain HTTP on a company network (http://bi.internal:3000) has no
// navigator.clipboard, so the copy falls back to a hidden text area and execCommand("copy"), which still works
// there. The focus goes back where it was (the result grid keeps its keyboard focus).

/** True when the text reached the clipboard. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, page not focused): the older way may still work.
  }
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.top = "0";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
    focused?.focus({ preventScroll: true });
  }
}
