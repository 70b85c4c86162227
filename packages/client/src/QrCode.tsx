import { encode } from 'uqr';
import { useMemo } from 'preact/hooks';
import './QrCode.css';

/**
 * A QR code drawn as one SVG path (a library computes the modules; no image request, no canvas).
 * Dark modules on white with a four-module quiet zone: what phone cameras read best, whatever the
 * kiosk's own colours.
 */
export function QrCode({ text, label, testId = 'ticket-qr' }: { text: string; label: string; testId?: string }) {
  const { size, path } = useMemo(() => {
    const qr = encode(text, { ecc: 'M', border: 4 });
    let d = '';
    qr.data.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x} ${y}h1v1h-1z`)));
    return { size: qr.size, path: d };
  }, [text]);
  return (
    <svg class="qr-code" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shape-rendering="crispEdges" data-testid={testId} data-link={text}>
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
