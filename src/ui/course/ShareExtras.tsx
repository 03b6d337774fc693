import { Downloads } from './Downloads';
import { EmbedOptions } from './EmbedOptions';

/** The share box's embed options and downloads: loaded when the box first opens, not with the page. */
export default function ShareExtras({ onCopy }: { onCopy: (code: string, field: HTMLTextAreaElement | null) => void }) {
  return (
    <>
      <EmbedOptions onCopy={onCopy} />
      <Downloads />
    </>
  );
}
