// Prints the composed report document to PDF. The shared renderer (server/render) only opens
// Runlens views and waits for their ready signal, so this starts its own short-lived Chromium,
// found and flagged the same way, once the views are rendered (never two browsers at a time).
import { chromium } from 'playwright-core';
import { findChromium } from '../render/chromium.ts';
import { CHROMIUM_ARGS } from '../render/renderer.ts';

export async function printHtmlToPdf(html: string, options: { browserPath?: string | undefined; timeoutMs: number }): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: findChromium(options.browserPath), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // The document holds its images as data: URLs, so "load" means every image is decoded.
    await page.setContent(html, { waitUntil: 'load', timeout: options.timeoutMs });
    // The page size and margins are the document's own (@page), one view per page.
    // Tagged, with an outline: a screen reader and the PDF viewer's sidebar find each section.
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  } finally {
    await browser.close();
  }
}
