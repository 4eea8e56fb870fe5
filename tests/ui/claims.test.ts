/**
 * The claims checker: every claim has its words, the verdicts are SCIENCE.md §4's (transcribed below, row by row),
 * nothing reads as dosing advice, the warfarin verdicts carry §5.3, every source is documented, and the class
 * activity moves and reveals as a teacher expects. Node environment: the DOM parts are covered by their pure
 * helpers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import claimsCatalogue from '../../src/i18n/en/claims.json';
import { SOURCE_KEYS } from '../../src/model/sources';
import {
  activityStep,
  CLAIMS_PANEL_STRINGS,
  claimAnnouncement,
  initialActivity,
  positionLabel,
  verdictAnnouncement,
} from '../../src/ui/claimsPanel';
import {
  CLAIM_GRADES,
  CLAIM_IDS,
  CLAIM_QUALIFIERS,
  CLAIMS,
  type ClaimGrade,
  type ClaimId,
  type ClaimQualifier,
  claimBadge,
  claimStringKeys,
  claimText,
  GRADE_ICONS,
  gradeLegend,
} from '../../src/ui/content/claims';

const catalogue: Readonly<Record<string, string>> = claimsCatalogue;
const documented = new Set(
  [...readFileSync(`${__dirname}/../../docs/sources.md`, 'utf8').matchAll(/^### `([A-Z0-9_]+)`/gm)].map((m) => m[1]),
);

/**
 * SCIENCE.md §4 "Claim-by-claim evidence table", transcribed: each claim's row and its grade exactly as written
 * there (bold removed).
 */
const SCIENCE_4: Readonly<Record<ClaimId, readonly [row: string, grade: string]>> = {
  carboxylation: ['1', 'Supported (as cofactor; biomarker level)'],
  halfLives: ['2', 'Partly supported'],
  nattoHigh: ['3a', 'Supported (order of magnitude)'],
  nattoLow: ['3b', 'Contradicted'],
  cheese: ['4', 'Partly supported'],
  liver: ['5', 'Weak'],
  eggYolk: ['6', 'Partly supported'],
  lumbarFracture: ['7', 'Unsupported (likely garbled)'],
  rotterdam: ['8', 'Partly supported / misquoted'],
  atherosclerosisDelay: ['9', 'Unsupported'],
  depositionEfficiency: ['10', 'Unsupported'],
  fatAbsorption: ['11', 'Partly supported'],
  nauseaThreshold: ['12', 'Unsupported'],
  warfarinInteraction: ['13a', 'Supported (strongly)'],
  warfarinSpacing: ['13b', 'Contradicted'],
  gutSynthesisAge: ['14', 'Unsupported'],
  muscleCramps: ['15', "Partly supported (single trial; number doesn't match)"],
  liverCancer: ['16', 'Weak'],
  japanApproval: ['17', 'Supported'],
  chinaGuideline: ['18', 'Unverified / likely inaccurate'],
  generalIntake: ['19', 'Partly supported (only if it means K2)'],
  parkinsons: ['20', 'Unsupported (preclinical only)'],
};

/** §4's grade words and the words it adds after them, mapped onto ours. */
const GRADE_OF: Readonly<Record<string, ClaimGrade>> = {
  Supported: 'supported',
  'Partly supported': 'partlySupported',
  Weak: 'weak',
  Unsupported: 'unsupported',
  Contradicted: 'contradicted',
  Unverified: 'unverified',
};
const QUALIFIER_OF: Readonly<Record<string, ClaimQualifier>> = {
  '(as cofactor; biomarker level)': 'cofactorBiomarker',
  '(order of magnitude)': 'orderOfMagnitude',
  '(likely garbled)': 'likelyGarbled',
  '/ misquoted': 'misquoted',
  '(strongly)': 'strongly',
  "(single trial; number doesn't match)": 'singleTrialWrongNumber',
  '/ likely inaccurate': 'likelyInaccurate',
  '(only if it means K2)': 'onlyIfK2',
  '(preclinical only)': 'preclinicalOnly',
};

/** Dosing advice (SCIENCE.md §5.2): the brief's pattern, plus the content catalogue's advice words. */
const DOSING = /\btake\s+\d|recommended dose|should take|optimal dose/i;
const ADVICE_WORDS = ['optimal', 'recommended', 'effective', 'you should', 'no side effects', 'completely safe'];

const panelKeys = CLAIMS_PANEL_STRINGS.map((key) => `claims.panel.${key}`);
const allKeys = [...claimStringKeys(), ...panelKeys];

function expectNoGaps(text: string): void {
  expect(text).not.toMatch(/⟦|\{|\}/);
  expect(text.trim().length).toBeGreaterThan(0);
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => w.length > 0).length;
}

describe('claims strings', () => {
  it('has a string for every key the checker uses, and no key nobody uses', () => {
    expect(allKeys.filter((key) => !(key in catalogue))).toEqual([]);
    const used = new Set(allKeys);
    expect(Object.keys(catalogue).filter((key) => !used.has(key))).toEqual([]);
  });

  it('gives every claim its claim, reason, source and verdict with no gaps', () => {
    for (const id of CLAIM_IDS) {
      const text = claimText(id);
      for (const value of [text.claim, text.reason, text.source, text.badge, text.gradeDescription]) {
        expectNoGaps(value);
      }
      expect(text.icon, id).toBe(GRADE_ICONS[CLAIMS[id].grade]);
    }
    for (const entry of gradeLegend()) {
      expectNoGaps(entry.label);
      expectNoGaps(entry.description);
    }
  });

  it('keeps each reason to one short line (at most 30 words)', () => {
    for (const id of CLAIM_IDS) expect(words(claimText(id).reason), id).toBeLessThanOrEqual(30);
  });

  it('uses only named placeholders', () => {
    for (const [key, value] of Object.entries(catalogue)) {
      for (const [, name] of value.matchAll(/\{([^}]*)\}/g)) expect(name, key).toMatch(/^[a-zA-Z][a-zA-Z0-9]*$/);
    }
  });

  it('gives no dosing advice anywhere (SCIENCE.md §5.2)', () => {
    for (const [key, value] of Object.entries(catalogue)) {
      expect(value, key).not.toMatch(DOSING);
      for (const word of ADVICE_WORDS) expect(value.toLowerCase(), `${key} contains "${word}"`).not.toContain(word);
    }
  });

  it('states the dosing claims as claims, not as instructions', () => {
    for (const id of ['lumbarFracture', 'nauseaThreshold', 'warfarinSpacing', 'chinaGuideline'] as const) {
      const claim = claimText(id).claim;
      expect(claim, id).not.toMatch(/^(take|use|eat|have|try|get)\b/i);
      expect(claim, id).not.toMatch(/\byou\b/i);
    }
  });
});

describe('claims verdicts', () => {
  it('checks exactly the 22 rows of SCIENCE.md §4, in order', () => {
    expect(CLAIM_IDS.length).toBe(22);
    expect(CLAIM_IDS.map((id) => CLAIMS[id].row)).toEqual(CLAIM_IDS.map((id) => SCIENCE_4[id][0]));
    expect(CLAIM_IDS.map((id) => CLAIMS[id].row)).toEqual([
      '1',
      '2',
      '3a',
      '3b',
      ...['4', '5', '6', '7', '8', '9', '10', '11', '12'],
      '13a',
      '13b',
      ...['14', '15', '16', '17', '18', '19', '20'],
    ]);
  });

  it('grades each claim exactly as SCIENCE.md §4 does', () => {
    for (const id of CLAIM_IDS) {
      const [, written] = SCIENCE_4[id];
      const match = /^(Supported|Partly supported|Weak|Unsupported|Contradicted|Unverified)(?: (.+))?$/.exec(written);
      if (!match) throw new Error(`unreadable grade for ${id}: ${written}`);
      const [, grade = '', extra] = match;
      expect(CLAIMS[id].grade, id).toBe(GRADE_OF[grade]);
      expect(CLAIMS[id].qualifier, id).toBe(extra === undefined ? undefined : QUALIFIER_OF[extra]);
    }
  });

  it('uses every grade and qualifier it defines', () => {
    expect(new Set(CLAIM_IDS.map((id) => CLAIMS[id].grade))).toEqual(new Set(CLAIM_GRADES));
    const qualifiers = CLAIM_IDS.map((id) => CLAIMS[id].qualifier).filter((q) => q !== undefined);
    expect(new Set(qualifiers)).toEqual(new Set(CLAIM_QUALIFIERS));
  });

  it('writes the verdict in words, with its qualifier', () => {
    expect(claimBadge('japanApproval')).toBe('Supported');
    expect(claimBadge('warfarinSpacing')).toBe('Contradicted');
    expect(claimBadge('rotterdam')).toBe('Partly supported (misquoted)');
    expect(claimBadge('warfarinInteraction')).toBe('Supported (strongly)');
    expect(claimBadge('chinaGuideline')).toBe('Unverified (probably inaccurate)');
  });

  it('gives every grade its own mark, so the verdict never rests on colour alone', () => {
    const marks = CLAIM_GRADES.map((g) => GRADE_ICONS[g]);
    expect(new Set(marks).size).toBe(CLAIM_GRADES.length);
  });

  it('says in the warfarin-spacing verdict that timing does not prevent the interaction (SCIENCE.md §5.3)', () => {
    const reason = claimText('warfarinSpacing').reason;
    expect(reason).toMatch(/cannot prevent|does not prevent|do not prevent/);
    expect(reason).toContain('clinician');
    expect(reason).toMatch(/should not change vitamin K intake/);
    expect(CLAIMS.warfarinSpacing.safety).toBe('warfarin');
    expect(CLAIMS.warfarinInteraction.safety).toBe('warfarin');
    expect(CLAIM_IDS.filter((id) => CLAIMS[id].safety === 'warfarin')).toEqual([
      'warfarinInteraction',
      'warfarinSpacing',
    ]);
  });

  it('keeps the facts and figures the brief gives', () => {
    const reason = (id: ClaimId) => claimText(id).reason;
    expect(reason('halfLives')).toContain('68 hours');
    expect(reason('rotterdam')).toContain('aort');
    expect(reason('rotterdam')).toContain('4,807');
    expect(reason('muscleCramps')).toContain('199');
    expect(reason('liverCancer')).toContain('2 of 21');
    expect(reason('liverCancer')).toContain('9 of 19');
    expect(reason('japanApproval')).toContain('4,378');
    expect(reason('generalIntake')).toContain('80–250');
    expect(reason('lumbarFracture')).toContain('not fractures');
  });
});

describe('claims sources', () => {
  it('cites at least one source for each claim, each known to the code and to docs/sources.md', () => {
    for (const id of CLAIM_IDS) {
      expect(CLAIMS[id].sources.length, id).toBeGreaterThan(0);
      for (const key of CLAIMS[id].sources) {
        expect(SOURCE_KEYS as readonly string[], `${id}: ${key}`).toContain(key);
        expect(documented.has(key), `${id}: ${key} in docs/sources.md`).toBe(true);
      }
    }
  });

  it("names each claim-only source's claim in its docs/sources.md section", () => {
    const doc = readFileSync(`${__dirname}/../../docs/sources.md`, 'utf8');
    const start = SOURCE_KEYS.indexOf('VERMEER_2018');
    const end = SOURCE_KEYS.indexOf('CALIBRATION');
    for (const key of SOURCE_KEYS.slice(start, end)) {
      const from = doc.indexOf(`### \`${key}\``);
      const section = doc.slice(from, doc.indexOf('\n### ', from + 1));
      const citing = CLAIM_IDS.filter((id) => CLAIMS[id].sources.includes(key));
      expect(citing.length, key).toBeGreaterThan(0);
      for (const id of citing) expect(section, `${id} under ${key}`).toContain(`\`${id}\``);
    }
  });
});

describe('class activity', () => {
  it('starts on the first claim with every verdict hidden', () => {
    const state = initialActivity();
    expect(state.index).toBe(0);
    expect(state.revealed).toHaveLength(CLAIM_IDS.length);
    expect(state.revealed.every((shown) => !shown)).toBe(true);
    expect(positionLabel(2)).toBe(`Claim 3 of ${CLAIM_IDS.length}`);
  });

  it('moves between claims, stopping at both ends', () => {
    let state = initialActivity(3);
    state = activityStep(state, { type: 'previous' });
    expect(state.index).toBe(0);
    state = activityStep(state, { type: 'next' });
    state = activityStep(state, { type: 'next' });
    state = activityStep(state, { type: 'next' });
    expect(state.index).toBe(2);
  });

  it('remembers the reveal state of each claim separately, and can start again', () => {
    let state = initialActivity(3);
    state = activityStep(state, { type: 'toggle' });
    expect(state.revealed).toEqual([true, false, false]);
    state = activityStep(state, { type: 'next' });
    expect(state.revealed[state.index]).toBe(false);
    state = activityStep(state, { type: 'previous' });
    expect(state.revealed[state.index]).toBe(true);
    state = activityStep(state, { type: 'toggle' });
    expect(state.revealed).toEqual([false, false, false]);
    state = activityStep(activityStep(state, { type: 'toggle' }), { type: 'next' });
    state = activityStep(state, { type: 'restart' });
    expect(state).toEqual(initialActivity(3));
  });

  it('announces the verdict in words, and the claim when moving', () => {
    expect(verdictAnnouncement('warfarinSpacing')).toBe(
      `Verdict: Contradicted. ${claimText('warfarinSpacing').reason}`,
    );
    expect(claimAnnouncement(0, false)).toBe(`Claim 1 of ${CLAIM_IDS.length}: ${claimText('carboxylation').claim}`);
    expect(claimAnnouncement(0, true)).toContain(verdictAnnouncement('carboxylation'));
    expect(claimAnnouncement(CLAIM_IDS.length, false)).toBe('');
  });
});
