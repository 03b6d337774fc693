import './panels.css';

/** Buyer number with a colour swatch; the number is the meaning, the colour only helps. */
export function BuyerTag({ buyer, long = false }: { buyer: unknown; long?: boolean }) {
  if (buyer === undefined) return <span className="sp-none">—</span>;
  const n = Number(buyer);
  return (
    <span className={`sp-buyer buyer-${((n - 1) % 4) + 1}`}>
      <span className="sp-swatch" aria-hidden="true" />
      <span className={long ? undefined : 'visually-hidden'}>Buyer </span>
      {n}
      {long && ':'}
    </span>
  );
}
