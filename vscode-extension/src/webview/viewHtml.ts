/**
 * The HTML shell of every webview: one script and one stylesheet from the extension, under a
 * Content-Security-Policy that allows nothing else — no remote resources, no inline script, no
 * eval. Values never go into this HTML: views receive data by message and put it in the DOM as
 * text, so a cell holding `<script>` shows as text.
 */
export interface ViewAssets {
  /** `webview.cspSource`: the origin of the extension's own files in this webview. */
  cspSource: string;
  /** A fresh random value per page load: the only script allowed is the one carrying it. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  title: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function viewHtml(a: ViewAssets): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(a.cspSource, a.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(a.styleUri)}">
<title>${text(a.title)}</title>
</head>
<body>
<div id="root"></div>
<script nonce="${attr(a.nonce)}" src="${attr(a.scriptUri)}"></script>
</body>
</html>`;
}

/** 32 random base64 characters: the nonce of one page load. */
export function newNonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function text(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
