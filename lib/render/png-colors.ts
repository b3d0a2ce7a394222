// Decodes a PNG with Chromium (no image library needed) and counts its distinct colours, to tell a real
// snapshot from a blank one. Used by tests; cheap enough for diagnostics.
import { getBrowser } from "./browser";

/** Distinct RGBA colours in the image, counted up to `cap`. */
export async function countPngColors(png: Buffer, cap = 256): Promise<{ width: number; height: number; colors: number }> {
  const browser = await getBrowser();
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setContent("<!doctype html><html><body></body></html>");
    const dataUrl = `data:image/png;base64,${png.toString("base64")}`;
    // Source text, not a function: see the note on PAINT_CHECK in render-page.ts.
    const script = `(async () => {
      const img = new Image();
      img.src = ${JSON.stringify(dataUrl)};
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext("2d");
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set();
      for (let i = 0; i < data.length && seen.size < ${Math.max(2, Math.floor(cap))}; i += 4) {
        seen.add(((data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3]) >>> 0);
      }
      return { width: canvas.width, height: canvas.height, colors: seen.size };
    })()`;
    return (await page.evaluate(script)) as { width: number; height: number; colors: number };
  } finally {
    await context.close().catch(() => {});
  }
}
