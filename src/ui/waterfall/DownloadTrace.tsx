import { useId, useState } from 'react';
import { saveFile } from '../course/exportRun';
import { exportTrace, TRACE_FILES, TRACE_FORMATS, type TraceFormat, type TracedRun } from '../../core/trace-export';

/** The file name of a run's export: the seed and the format, so two downloads never collide. */
export const traceFileName = (run: TracedRun, format: TraceFormat): string => `saga-trace-seed${run.scenario.seed}${TRACE_FILES[format].suffix}`;

/** Hands the browser a file to save; false where the page cannot make files (no object URLs). */
function save(name: string, text: string): boolean {
  if (typeof URL.createObjectURL !== 'function') return false;
  saveFile(new Blob([text], { type: 'application/json' }), name);
  return true;
}

/**
 * "Download trace" in the three formats. The file holds the whole run (not just what playback has
 * revealed) and is byte-identical to `npm run sim -- … --otlp | --jaeger | --chrome-trace`.
 */
export function DownloadTrace({ run }: { run: TracedRun }) {
  const id = useId();
  const [status, setStatus] = useState('');
  const download = (format: TraceFormat) => {
    const name = traceFileName(run, format);
    setStatus(save(name, exportTrace(run, format)) ? `Saved ${name}.` : 'This browser cannot save files from the page.');
  };
  return (
    <fieldset className="wf-download" aria-describedby={`${id}-status`}>
      <legend>Download trace</legend>
      {TRACE_FORMATS.map((f) => (
        <button key={f} type="button" onClick={() => download(f)}>
          {TRACE_FILES[f].label}
        </button>
      ))}
      <span id={`${id}-status`} role="status" className="wf-status">
        {status}
      </span>
    </fieldset>
  );
}
