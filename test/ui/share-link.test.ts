// Share links: the scenario text survives the trip through the URL hash exactly, and what a
// link cannot be (wrong alphabet, an inflation bomb) is refused with a message.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { codeFromHash, decodeScenario, encodeScenario } from '../../src/ui/share-link.ts';
import { setField } from '../../src/ui/scenario-text.ts';

describe('share links', () => {
  it('carry the scenario text exactly, comments and unicode included', async () => {
    const text = '# Gini über alles? No.\nkind: yard-sale\nname: "Zoë\'s <test>"\nseed: 42\ntax: 0.005\n';
    const code = await encodeScenario(text);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(codeFromHash(`#s=${code}`)).toBe(code);
    expect(await decodeScenario(code)).toBe(text);
  });

  it('carry a leading byte-order mark too (found by the input fuzz: the decoder dropped it)', async () => {
    const text = '\uFEFFkind: yard-sale\n';
    expect(await decodeScenario(await encodeScenario(text))).toBe(text);
  });

  it('refuse characters outside base64url and text that inflates past a scenario\'s size', async () => {
    await expect(decodeScenario('abc$def')).rejects.toThrow(/characters a share link never has/);
    const bomb = deflateRawSync(Buffer.alloc(3_000_000, 0x61)).toString('base64url');
    expect(bomb.length).toBeLessThan(10_000);
    await expect(decodeScenario(bomb)).rejects.toThrow(/more text than a scenario may have/);
  });

  it('finds no code in a hash without one', () => {
    expect(codeFromHash('')).toBeNull();
    expect(codeFromHash('#other=1')).toBeNull();
  });
});

describe('parameter edits of the scenario text', () => {
  it('change one value and keep the author\'s comments and order', () => {
    const text = '# why this scenario\nkind: random-exchange\n# the population\nagents: 1000 # a thousand\namount: 10\n';
    expect(setField(text, ['agents'], 200)).toBe('# why this scenario\nkind: random-exchange\n# the population\nagents: 200 # a thousand\namount: 10\n');
  });

  it('create a nested section when the scenario does not have it yet', () => {
    expect(setField('kind: economy\n', ['bonds', 'format'], 'discriminatory')).toBe('kind: economy\nbonds:\n  format: discriminatory\n');
  });
});
