import { Spin } from 'antd';
import { useEffect, useState } from 'react';

/** A QR code of `value`, drawn in the browser as SVG; the qrcode library is loaded on first use. */
export function QrCode({ value, size = 200, label, testId = 'license-qr' }: { value: string; size?: number; label: string; testId?: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setSvg(null);
    import('qrcode')
      .then((mod) => {
        // CommonJS interop: the functions are on the namespace or on its default export, depending on the bundler.
        const lib = (mod as unknown as { default?: typeof mod }).default ?? mod;
        return lib.toString(value, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
      })
      .then((drawn) => live && setSvg(drawn), () => undefined);
    return () => {
      live = false;
    };
  }, [value]);
  if (!svg) {
    return (
      <div className="qr-code" style={{ width: size, height: size, display: 'grid', placeItems: 'center' }}>
        <Spin />
      </div>
    );
  }
  return <img className="qr-code" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} width={size} height={size} alt={label} data-testid={testId} />;
}
