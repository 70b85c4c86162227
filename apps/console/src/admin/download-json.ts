/** Saves data as a JSON file through a temporary link; nothing leaves the browser but the download. */
export function downloadJson(data: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: Chromium starts reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
