/**
 * Hostile scene files: thousands of random mutations of the real scenes in scenes/ (and presets.json), at the JSON
 * level (a field deleted, renamed, retyped, emptied, made huge; an unknown or prototype-named key; steps dropped,
 * duplicated or shuffled) and at the text level (truncated, bytes changed, a byte-order mark, not JSON at all).
 * The checker never throws, and answers either a scene that keeps the checker's promises or problems each written
 * on one line as "file: field: problem". Seeded: a failure names the seed and the case to replay.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { observeSpansMatchViews } from '../../src/lesson/sceneSchema';
import { checkPresetsFile, checkSceneFile } from '../../src/lesson/validateScene';
import { createPrng, type Prng } from '../../src/model/prng';

const SCENES_DIR = fileURLToPath(new URL('../../scenes', import.meta.url));
const files = readdirSync(SCENES_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(SCENES_DIR, name), 'utf8') }));
const sceneFiles = files.filter((f) => f.name !== 'presets.json');
const presetsFile = files.find((f) => f.name === 'presets.json');

const SEED = 20260302;
const CASES_PER_FILE = 400;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const pick = <T>(prng: Prng, list: readonly T[]): T => list[Math.floor(prng.next() * list.length)] as T;
const int = (prng: Prng, n: number): number => Math.floor(prng.next() * n);

/** Values a mistaken or malicious edit might put anywhere. */
function hostileValue(prng: Prng): Json {
  const values: (() => Json)[] = [
    () => null,
    () => true,
    () => false,
    () => 0,
    () => -1,
    () => 1.5,
    () => 1e308,
    () => -0,
    () => 4294967296,
    () => '',
    () => '   ',
    () => 'x'.repeat(5000),
    () => 'line one\nline two: with a colon',
    () => '\u0000\u001b[31mred\u001b[0m',
    () => '𝒳😀 zh 中文',
    () => '__proto__',
    () => 'day',
    () => 'years',
    () => 'predict',
    () => [],
    () => [null],
    () => [1, 'two', {}],
    () => ({}),
    () => ({ en: '' }),
    () => ({ en: 'Text', es: 'Texto' }),
    () => ({ es: 'solo español' }),
    () => ({ en: 'ok', 'not a tag!': 'x' }),
    () => ({ minutes: 10 }),
    () => ({ years: 0 }),
    () => ({ days: 1, years: 1 }),
    () => ({ calciumMgPerDay: -5 }),
    () => ({ d3IuPerDay: 'lots' }),
    () => nested(int(prng, 200) + 1),
  ];
  return pick(prng, values)();
}

function nested(depth: number): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { en: value };
  return value;
}

/** Keys an edit might add: unknown words, prototype names, control characters, a colon and a space. */
const HOSTILE_KEYS = [
  'colour',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  ' ',
  'evil\nkey: x',
  'a: b',
  '\u001b[2J',
  '😀',
  'steps[0]',
  'en',
  'es',
  'zh-Hans',
];

/** Every container (object or array) in the value, with itself included. */
function containers(value: Json, out: (Json[] | { [key: string]: Json })[] = []): (Json[] | { [key: string]: Json })[] {
  if (value && typeof value === 'object') {
    out.push(value);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

/** One random change to the parsed file, in place (the root may be replaced: the new root is returned). */
function mutate(root: Json, prng: Prng): Json {
  const all = containers(root);
  if (all.length === 0 || prng.next() < 0.02) return hostileValue(prng);
  const target = pick(prng, all);
  if (Array.isArray(target)) {
    const i = int(prng, Math.max(1, target.length));
    switch (int(prng, 6)) {
      case 0:
        target.splice(i, 1);
        break;
      case 1:
        if (target.length > 0) target.splice(i, 0, structuredClone(target[i % target.length] as Json));
        break;
      case 2:
        target[i] = hostileValue(prng);
        break;
      case 3:
        target.reverse();
        break;
      case 4:
        target.length = 0;
        break;
      default:
        for (let k = 0; k < 40; k++) target.push(structuredClone(target[0] ?? null));
    }
    return root;
  }
  const keys = Object.keys(target);
  const key = keys.length > 0 ? pick(prng, keys) : 'id';
  switch (int(prng, 6)) {
    case 0:
      delete target[key];
      break;
    case 1: {
      // Renamed: a near-miss spelling, another field's name, or a hostile key.
      const value = target[key] as Json;
      delete target[key];
      const newKey = prng.next() < 0.5 ? `${key}s` : pick(prng, [...HOSTILE_KEYS, ...keys]);
      // defineProperty, so "__proto__" becomes an own key as JSON.parse would make it.
      Object.defineProperty(target, newKey, { value, enumerable: true, writable: true, configurable: true });
      break;
    }
    case 2:
    case 3:
      target[key] = hostileValue(prng);
      break;
    case 4: {
      const newKey = pick(prng, HOSTILE_KEYS);
      Object.defineProperty(target, newKey, {
        value: hostileValue(prng),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      break;
    }
    default:
      // The same value under a second name, or a whole subtree swapped for another part of the file.
      target[key] = structuredClone(pick(prng, all)) as Json;
  }
  return root;
}

/** A change to the text itself: truncated, a stretch deleted or repeated, bytes replaced, a BOM, or not JSON. */
function mutateText(text: string, prng: Prng): string {
  const at = int(prng, text.length + 1);
  switch (int(prng, 8)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + int(prng, 40));
    case 2:
      return (
        text.slice(0, at) +
        pick(prng, ['"', '{', '}', '[', ']', ',', ':', '\\', '\n', '\u0000', 'é', '\ud800']) +
        text.slice(at)
      );
    case 3:
      return `\ufeff${text}`;
    case 4:
      return pick(prng, ['', ' ', 'null', 'true', '0', '"scene"', '[]', '{}', '[{}]', '1e999', 'NaN', '{"id":']);
    case 5:
      return `${'['.repeat(3000)}${']'.repeat(3000)}`;
    case 6:
      return text.replaceAll('"', "'");
    default:
      return text + text;
  }
}

/** "scenes/x.json: field: problem" on one line, with a field and a problem. */
function expectProblemLines(problems: readonly string[], file: string, where: string): void {
  expect(problems.length, where).toBeGreaterThan(0);
  for (const line of problems) {
    expect(typeof line, where).toBe('string');
    expect(line.startsWith(`${file}: `), `${where}: ${line}`).toBe(true);
    const rest = line.slice(file.length + 2);
    // The field is the first part up to ": " (a field holding ": " itself is still shown, but escaped of newlines).
    expect(rest, `${where}: ${line}`).toMatch(/^\S.*?: \S/);
    // One line, nothing that moves a terminal's cursor or colours it, and not a screenful.
    expect(
      [...line].some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f'),
      `${where}: ${line}`,
    ).toBe(false);
    expect(line.length, where).toBeLessThan(file.length + 2 * 400 + 10);
    expect(line, where).not.toMatch(/\[object |⟦/);
  }
}

describe('fuzzed scene files', () => {
  it('has the real scenes to start from', () => {
    expect(sceneFiles.length).toBeGreaterThan(5);
    expect(presetsFile).toBeDefined();
    for (const { name, text } of sceneFiles) expect(checkSceneFile(`scenes/${name}`, text).ok, name).toBe(true);
  });

  it.each(sceneFiles.map((f) => [f.name, f.text] as const))(
    `%s: ${CASES_PER_FILE} mutations never throw; each gives a valid scene or "file: field: problem" lines`,
    (name, text) => {
      const prng = createPrng(SEED + name.length * 7919 + name.charCodeAt(0));
      const file = `scenes/${name}`;
      const stem = name.replace(/\.json$/, '');
      let rejected = 0;
      for (let c = 0; c < CASES_PER_FILE; c++) {
        const where = `seed ${SEED}, ${name}, case ${c}`;
        let mutated: string;
        if (prng.next() < 0.2) {
          mutated = mutateText(text, prng);
        } else {
          let root = JSON.parse(text) as Json;
          const changes = 1 + int(prng, 4);
          for (let k = 0; k < changes; k++) root = mutate(root, prng);
          mutated = JSON.stringify(root, null, prng.next() < 0.5 ? 2 : undefined) ?? 'undefined';
        }
        let result: ReturnType<typeof checkSceneFile> | undefined;
        expect(() => {
          result = checkSceneFile(file, mutated);
        }, where).not.toThrow();
        if (!result) throw new Error(where);
        if (result.ok) {
          // What the checker passes keeps its promises: the id is the file's, and the spans suit their views.
          expect(result.value.id, where).toBe(stem);
          expect(observeSpansMatchViews(result.value), where).toBeNull();
          expect(result.value.steps.length, where).toBeGreaterThan(0);
        } else {
          rejected++;
          expectProblemLines(result.problems, file, where);
        }
      }
      // Most mutations break something; a fuzzer that never did would test nothing.
      expect(rejected).toBeGreaterThan(CASES_PER_FILE / 2);
    },
    30_000,
  );

  it(`presets.json: ${CASES_PER_FILE} mutations never throw; each gives presets or "file: field: problem" lines`, () => {
    const prng = createPrng(SEED - 1);
    const file = 'scenes/presets.json';
    const text = presetsFile?.text ?? '[]';
    for (let c = 0; c < CASES_PER_FILE; c++) {
      const where = `seed ${SEED - 1}, presets.json, case ${c}`;
      const mutated =
        prng.next() < 0.2
          ? mutateText(text, prng)
          : (JSON.stringify(mutate(JSON.parse(text) as Json, prng)) ?? 'undefined');
      let result: ReturnType<typeof checkPresetsFile> | undefined;
      expect(() => {
        result = checkPresetsFile(file, mutated);
      }, where).not.toThrow();
      if (!result) throw new Error(where);
      if (result.ok) expect(new Set(result.value.map((p) => p.id)).size, where).toBe(result.value.length);
      else expectProblemLines(result.problems, file, where);
    }
  }, 30_000);

  it('writes a JSON syntax error near a line break, and a mistyped key with a line break in it, on one line', () => {
    const broken = checkSceneFile('scenes/broken.json', '{\n  "id": oops,\n  "order": 1\n}');
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(broken.problems).toHaveLength(1);
      expect(broken.problems[0]).toMatch(/^scenes\/broken\.json: \(top level\): not valid JSON \(.*\\n.*\)$/);
    }
    const scene = JSON.parse(sceneFiles[0]?.text ?? '{}') as Record<string, unknown>;
    scene['evil\nkey'] = 1;
    const keyed = checkSceneFile(`scenes/${sceneFiles[0]?.name}`, JSON.stringify(scene));
    expect(keyed.ok).toBe(false);
    if (!keyed.ok) expect(keyed.problems[0]).toMatch(/^scenes\/[\w-]+\.json: \["evil\\nkey"\]: /);
    scene['evil\nkey'] = undefined;
    scene[' '] = 1;
    const blank = checkSceneFile(`scenes/${sceneFiles[0]?.name}`, JSON.stringify(scene));
    if (!blank.ok) expect(blank.problems[0]).toMatch(/^scenes\/[\w-]+\.json: \[" "\]: /);
  });
});
