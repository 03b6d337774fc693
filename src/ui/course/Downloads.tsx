import { useState } from 'react';
import { laneLabels, saveFile, svgMarkup, svgPng } from './exportRun';
import { serializeRun } from '../../core';
import { useShownRun } from './shownRun';

/** The timeline on screen (the first, side by side), or null when its panel is hidden. */
const timelineSvg = (): SVGSVGElement | null => document.querySelector<SVGSVGElement>('svg.tl-svg');

/** "Download": the timeline as SVG or PNG, the run as JSON, with a status line saying what happened. */
export function Downloads() {
  const [status, setStatus] = useState('');
  const timeline = async (kind: 'svg' | 'png') => {
    const svg = timelineSvg();
    if (!svg) return setStatus('The timeline panel is hidden: show it to download it.');
    try {
      const markup = svgMarkup(svg, laneLabels(svg));
      const blob = kind === 'svg' ? new Blob([markup], { type: 'image/svg+xml' }) : await svgPng(markup);
      saveFile(blob, `saga-timeline.${kind}`);
      setStatus(`Timeline saved as saga-timeline.${kind}.`);
    } catch (e) {
      setStatus(`The timeline could not be saved: ${e instanceof Error ? e.message : 'unknown error'}.`);
    }
  };
  const run = () => {
    const { run: shown, other } = useShownRun.getState();
    if (!shown) return setStatus('There is no run on screen yet.');
    // Side by side: both sides, by mode. As every run is serialised, Infinity is written "Infinity".
    const json = serializeRun(other ? { [shown.scenario.mode]: shown, [other.scenario.mode]: other } : shown);
    saveFile(new Blob([json], { type: 'application/json' }), 'saga-run.json');
    setStatus('Run saved as saga-run.json (scenario, trace, tables, outcome, invariants).');
  };
  return (
    <fieldset className="downloads">
      <legend className="downloads-label">Download</legend>
      <button type="button" className="small" onClick={() => timeline('svg')}>
        Timeline (SVG)
      </button>
      <button type="button" className="small" onClick={() => timeline('png')}>
        Timeline (PNG)
      </button>
      <button type="button" className="small" onClick={run}>
        Run (JSON)
      </button>
      <span role="status" className="hint">
        {status}
      </span>
    </fieldset>
  );
}
