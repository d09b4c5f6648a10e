import { encode } from 'uqr';

/** A QR code of the evaluation link, drawn as SVG rectangles (no inline images, CSP-safe). */
export function CodeQr({ text, label }: { text: string; label: string }) {
  const { data, size } = encode(text, { border: 2 });
  const cells: string[] = [];
  data.forEach((row, y) => row.forEach((on, x) => { if (on) cells.push(`M${x} ${y}h1v1h-1z`); }));
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} width="180" height="180" shapeRendering="crispEdges" className="evaluation-qr">
      <rect width={size} height={size} fill="#fff" />
      <path d={cells.join('')} fill="#000" />
    </svg>
  );
}
