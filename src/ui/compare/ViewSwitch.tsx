import { useUiStore, type ViewId } from '../../store/uiStore';
import './compare.css';

const VIEWS: { id: ViewId; label: string }[] = [
  { id: 'single', label: 'Single run' },
  { id: 'compare', label: 'Side by side' },
  { id: 'matrix', label: 'Failure matrix' },
  { id: 'trace', label: 'Trace' },
];

/** "Single run" / "Side by side" / "Failure matrix" / "Trace": which view the page shows. Switching starts the run from its beginning. */
export function ViewSwitch() {
  const view = useUiStore((s) => s.view);
  const setView = useUiStore((s) => s.setView);
  return (
    <fieldset className="view-switch">
      <legend className="visually-hidden">View</legend>
      {VIEWS.map((v) => (
        <button key={v.id} type="button" aria-pressed={view === v.id} onClick={() => setView(v.id)}>
          {v.label}
        </button>
      ))}
    </fieldset>
  );
}
