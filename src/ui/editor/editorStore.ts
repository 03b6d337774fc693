import { create } from 'zustand';
import { BUILT_IN_DEFINITIONS, type DefinitionName, type SagaDefinitionJson } from '../../core';
import { encodeDefinition, withDefinitionParam } from '../../embed';
import { useUiStore } from '../../store/uiStore';

/** The query parameter that opens the editor. */
export const EDIT_PARAM = 'edit';

/**
 * UI-only state of "Your own saga": whether the editor is open, the draft being typed (any JSON:
 * it may break rules while the author types), and the link encoding of the definition that runs.
 */
export interface EditorState {
  open: boolean;
  /** What the author is editing; the run shows it whenever it has no problems. */
  draft: unknown;
  /** The `def` link value of a custom definition that runs, once compressed (the compression is async). */
  encoded: { definition: object; text: string } | null;
  /** The custom lesson's id and packed link value (`lessonDef`), while one is loaded. */
  lesson: { id: string; text: string } | null;
  setOpen: (open: boolean) => void;
  setDraft: (draft: unknown) => void;
}

export const useEditorStore = create<EditorState>()((set) => ({
  open: false,
  draft: null,
  encoded: null,
  lesson: null,
  setOpen: (open) => set({ open }),
  setDraft: (draft) => set({ draft }),
}));

/** A deep copy of a definition as plain JSON, so editing never changes a built-in. */
export const copyOf = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The definition the scenario runs, as JSON (a built-in's, or the custom object itself). */
export function runningDefinition(): SagaDefinitionJson {
  const def = useUiStore.getState().scenario.definition ?? 'order';
  return typeof def === 'string' ? (BUILT_IN_DEFINITIONS[def as DefinitionName] ?? BUILT_IN_DEFINITIONS.order) : def;
}

/** Opens the editor on what runs now (or keeps an open draft). */
export function openEditor(): void {
  const { draft } = useEditorStore.getState();
  useEditorStore.setState({ open: true, draft: draft ?? copyOf(runningDefinition()) });
}

/** Reads `edit=1` out of a query string; the rest is read by the URL schema. */
export function takeEditParam(search: string): { rest: string; editing: boolean } {
  const params = new URLSearchParams(search);
  if (!params.has(EDIT_PARAM)) return { rest: search, editing: false };
  const editing = params.get(EDIT_PARAM) === '1';
  params.delete(EDIT_PARAM);
  return { rest: params.toString(), editing };
}

/** Remembers a definition's link encoding (a link that was just read already has it). */
export const rememberEncoding = (definition: object, text: string) => useEditorStore.setState({ encoded: { definition, text } });

/**
 * The query with the editor's parameters added: `def` for a custom definition, `edit=1` while the
 * editor is open. Null while a custom definition's encoding is still being computed: a link
 * without it would run another saga.
 */
export function withEditorParams(query: string): string | null {
  const def = useUiStore.getState().scenario.definition;
  const { open, encoded, lesson } = useEditorStore.getState();
  let out = query;
  // The custom lesson's file travels with its id, so the link opens it again.
  if (lesson && new URLSearchParams(query).get('lesson') === lesson.id) out = `${out}&lessonDef=${lesson.text}`;
  if (typeof def === 'object' && def !== null) {
    if (encoded?.definition !== def) return null;
    if (encoded.text) out = withDefinitionParam(out, encoded.text);
  }
  return open ? (out ? `${out}&${EDIT_PARAM}=1` : `${EDIT_PARAM}=1`) : out;
}

/** Keeps the link encoding of the running custom definition up to date. Returns the unsubscribe. */
export function watchDefinitionEncoding(): () => void {
  const update = () => {
    const def = useUiStore.getState().scenario.definition;
    if (typeof def !== 'object' || def === null || useEditorStore.getState().encoded?.definition === def) return;
    encodeDefinition(def)
      .then((text) => {
        if (useUiStore.getState().scenario.definition === def) rememberEncoding(def, text);
      })
      .catch(() => {
        // No CompressionStream (a very old browser): links then carry no custom saga ('' below).
        if (useUiStore.getState().scenario.definition === def) rememberEncoding(def, '');
      });
  };
  update();
  return useUiStore.subscribe((s, prev) => {
    if (s.scenario.definition !== prev.scenario.definition) update();
  });
}

/**
 * A share or embed URL with the running custom definition (`def`) and the open custom lesson
 * (`lessonDef`) added, as the address bar carries them. Unchanged for built-ins, or while an
 * encoding is being computed.
 */
export function withDefinitionInUrl(href: string): string {
  const def = useUiStore.getState().scenario.definition;
  const { encoded, lesson } = useEditorStore.getState();
  const url = new URL(href);
  let query = url.search.slice(1);
  if (typeof def === 'object' && def !== null && encoded?.definition === def && encoded.text) query = withDefinitionParam(query, encoded.text);
  if (lesson && url.searchParams.get('lesson') === lesson.id) query = `${query}&lessonDef=${lesson.text}`;
  url.search = query;
  return url.href;
}
