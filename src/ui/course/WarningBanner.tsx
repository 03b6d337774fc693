import { useCourseStore } from '../../store/courseStore';

/**
 * What the link (or the host's `load`) asked for that could not be used. Every warning is
 * rendered as text — a hostile link shows up as words, never as markup.
 */
export function WarningBanner() {
  const warnings = useCourseStore((s) => s.warnings);
  const setWarnings = useCourseStore((s) => s.setWarnings);
  return (
    <div role="status" className="link-warnings-region">
      {warnings.length > 0 && (
        <div className="warning link-warnings">
          <p className="link-warnings-title">
            <span aria-hidden="true">⚠</span> Some of this link’s settings were ignored:
          </p>
          <ul>
            {warnings.map((w, i) => (
              // Warnings have no id; their order is fixed for one link.
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list, replaced as a whole
              <li key={i}>{w.message}</li>
            ))}
          </ul>
          <button type="button" onClick={() => setWarnings([])}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
