/**
 * Checks scene and preset files and words every problem as "file: field: problem", so a teacher who mistypes a
 * field learns exactly where. Used at build time (the scenes plugin), in tests, and for anything loaded at run time.
 */
import * as v from 'valibot';
import { type NamedPreset, observeSpansMatchViews, PresetListSchema, type Scene, SceneSchema } from './sceneSchema';

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: string[] };

/** "steps[2].choices[0].id" from a valibot issue path; "(top level)" when the problem is the whole file. */
function fieldOf(issue: v.BaseIssue<unknown>): string {
  let field = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') field += `[${key}]`;
    else field += field ? `.${String(key)}` : String(key);
  }
  return field || '(top level)';
}

function describe(file: string, issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => `${file}: ${fieldOf(issue)}: ${issue.message}`);
}

function parseJson(file: string, text: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problems: [`${file}: (top level): not valid JSON (${(error as Error).message})`] };
  }
}

/** A scene file's text, checked; `file` is its name, e.g. "scenes/no-vitamin-d.json". */
export function checkSceneFile(file: string, text: string): Checked<Scene> {
  const json = parseJson(file, text);
  if (!json.ok) return json;
  const result = v.safeParse(SceneSchema, json.value, { abortPipeEarly: false });
  if (!result.success) return { ok: false, problems: describe(file, result.issues) };
  const wrongUnits = observeSpansMatchViews(result.output);
  if (wrongUnits) {
    return {
      ok: false,
      problems: [`${file}: ${wrongUnits}.run: must be minutes or days in the day view, years in the years view`],
    };
  }
  const expected = file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
  if (result.output.id !== expected) {
    return { ok: false, problems: [`${file}: id: must match the file name ("${expected}")`] };
  }
  return { ok: true, value: result.output };
}

export function checkPresetsFile(file: string, text: string): Checked<NamedPreset[]> {
  const json = parseJson(file, text);
  if (!json.ok) return json;
  const result = v.safeParse(PresetListSchema, json.value, { abortPipeEarly: false });
  return result.success ? { ok: true, value: result.output } : { ok: false, problems: describe(file, result.issues) };
}

/** Scenes in picker order: by `order`, then id. Two scenes may not share an id. */
export function orderScenes(scenes: readonly Scene[]): Scene[] {
  return [...scenes].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
