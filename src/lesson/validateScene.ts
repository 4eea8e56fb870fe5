/**
 * Checks scene and preset files and words every problem as "file: field: problem", so a teacher who mistypes a
 * field learns exactly where. Used at build time (the scenes plugin), in tests, and for anything loaded at run time.
 */
import * as v from 'valibot';
import { type NamedPreset, observeSpansMatchViews, PresetListSchema, type Scene, SceneSchema } from './sceneSchema';

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: string[] };

/** A key that reads as itself in a field path: a name, or a language tag such as "zh-Hans". */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * "steps[2].choices[0].id" from a valibot issue path; "(top level)" when the problem is the whole file. Any other
 * key (empty, spaces, a colon, a line break) is shown quoted, `["a: b"]`, so the line still reads as file: field:
 * problem.
 */
function fieldOf(issue: v.BaseIssue<unknown>): string {
  let field = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') field += `[${key}]`;
    else if (typeof key === 'string' && !PLAIN_KEY.test(key)) field += `[${JSON.stringify(key)}]`;
    else field += field ? `.${String(key)}` : String(key);
  }
  return field || '(top level)';
}

/** Longest field or message shown: a value pasted into the wrong field is quoted back, but not all of it. */
const MAX_SHOWN = 400;

/**
 * Text from the file (a mistyped key, a quoted value, the JSON parser's excerpt around an error) made safe for one
 * line: control characters written as escapes (a newline as \n), and cut short if very long.
 */
function oneLine(text: string): string {
  let shown = '';
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    const piece = code < 0x20 || code === 0x7f ? (c === '\n' ? '\\n' : `\\u${code.toString(16).padStart(4, '0')}`) : c;
    if (shown.length + piece.length > MAX_SHOWN) return `${shown}…`;
    shown += piece;
  }
  return shown;
}

function describe(file: string, issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => `${file}: ${oneLine(fieldOf(issue))}: ${oneLine(issue.message)}`);
}

function parseJson(file: string, text: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problems: [`${file}: (top level): not valid JSON (${oneLine((error as Error).message)})`] };
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
