/**
 * Simple line glyphs drawn inline: no icon font to download and nothing to break offline. The
 * category config names an icon ("laptop", "key"...); unknown names get the generic one. Shared by
 * the kiosk's tiles and the console's category editor, which offers exactly these names.
 */
const paths: Record<string, string[]> = {
  laptop: ['M4 5h16v10H4z', 'M2 19h20', 'M9 15l-1 4M15 15l1 4'],
  key: ['M14.5 9.5a4 4 0 1 0-1.2 2.9', 'M13.3 12.4L21 20', 'M17 16l2-2M19 18l2-2'],
  app: ['M4 4h7v7H4z', 'M13 4h7v7h-7z', 'M4 13h7v7H4z', 'M13 16.5h7M16.5 13v7'],
  printer: ['M7 9V3h10v6', 'M5 9h14a2 2 0 0 1 2 2v5h-4', 'M7 16H3v-5a2 2 0 0 1 2-2', 'M7 13h10v8H7z'],
  phone: ['M7 2h10v20H7z', 'M11 18h2'],
  wifi: ['M2 8.5a15 15 0 0 1 20 0', 'M5 12a10 10 0 0 1 14 0', 'M8.5 15.5a5 5 0 0 1 7 0', 'M12 19h.01'],
  other: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7', 'M12 17h.01'],
  power: ['M12 3v8', 'M6.3 7.3a8 8 0 1 0 11.4 0'],
  clock: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M12 7v5l3 2'],
  broken: ['M4 5h16v10H4z', 'M11 5l2 4l-2 2l2 4', 'M2 19h20'],
  battery: ['M3 7h15v10H3z', 'M21 10v4', 'M11 9l-2 3h3l-2 3'],
  lock: ['M5 11h14v10H5z', 'M8 11V7a4 4 0 0 1 8 0v4', 'M12 15v2'],
  download: ['M12 3v12', 'M7 10l5 5l5-5', 'M4 20h16'],
  mail: ['M3 5h18v14H3z', 'M3 6l9 7l9-7'],
  box: ['M3 7l9-4l9 4v10l-9 4l-9-4z', 'M3 7l9 4l9-4', 'M12 11v10'],
  back: ['M15 5l-7 7l7 7'],
};

/** The icons a category may name (the kiosk's own "back" arrow is not one). */
export const categoryIconNames: readonly string[] = Object.keys(paths).filter((name) => name !== 'back');

export function Icon({ name, size = '1.2em' }: { name: string; size?: string }) {
  const strokes = paths[name] ?? paths.other!;
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {strokes.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
