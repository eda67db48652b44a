import { describe, expect, it } from 'vitest';
import { createRegistryState } from '../src/index.js';
import { IndexedMap } from '../src/indexed-map.js';

describe("the registries' lookups by holder, payer and participant", () => {
  const state = createRegistryState({ persons: 300 });
  const people = [...state.persons.keys()];
  const bins = [...state.entities.keys()];

  it('answer exactly what a walk over every record answers, in the same order', () => {
    const wanted = [...people.slice(0, 40), ...bins.slice(0, 10)];
    expect(state.licensesOf(wanted)).toEqual([...state.licenses.values()].filter((l) => wanted.includes(l.holderId)));
    expect(state.paymentsOf(wanted)).toEqual([...state.payments.values()].filter((p) => wanted.includes(p.payerId)));
    const walked = [...state.entities.values()].flatMap((e) =>
      wanted.filter((iin) => e.headIin === iin || e.founders.some((f) => f.type === 'PERSON' && f.iin === iin)).map(() => e.bin),
    );
    expect(state.participationsOf(wanted).map((p) => p.bin)).toEqual(walked);
    expect(state.licensesOf(wanted).length).toBeGreaterThan(0);
    expect(state.participationsOf(wanted).length).toBeGreaterThan(0);
  });

  it('see a record added, replaced under another holder, or removed', () => {
    const [licence] = state.licenses.values();
    const number = licence!.number;
    const before = licence!.holderId;
    state.licenses.set(number, { ...licence!, holderId: '000000000000' });
    expect(state.licensesOf(['000000000000']).map((l) => l.number)).toEqual([number]);
    expect(state.licensesOf([before]).map((l) => l.number)).not.toContain(number);
    state.licenses.delete(number);
    expect(state.licensesOf(['000000000000'])).toEqual([]);
  });
});

describe('IndexedMap', () => {
  it('keeps the order keys were first set in, also when a value is set again', () => {
    const map = new IndexedMap<string, { tag: string }>((v) => [v.tag]);
    map.set('a', { tag: 'x' }).set('b', { tag: 'y' }).set('c', { tag: 'x' });
    map.set('a', { tag: 'y' });
    expect(map.valuesBy(['y', 'x'])).toEqual([{ tag: 'y' }, { tag: 'y' }, { tag: 'x' }]);
    expect(map.valuesBy(['x'])).toEqual([{ tag: 'x' }]);
    map.clear();
    expect(map.valuesBy(['x', 'y'])).toEqual([]);
  });
});
