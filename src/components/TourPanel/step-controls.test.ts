import { describe, expect, it } from 'vitest';
import type { TourStep } from '../../teaching/tour-types.ts';
import { stepControls } from './step-controls.ts';

const conditions = [
  { id: 'boot.default-milestone', label: 'Default milestone' },
  { id: 'devices.devfsadm-timing', label: 'When devfsadm makes /dev links' },
  { id: 'boot.mode', label: 'Boot' },
];
const step = (text: string, extra: Partial<TourStep> = {}): TourStep => ({ id: 's', title: 't', text, when: { continue: true }, ...extra });

describe('the controls a tour step refers to', () => {
  it('finds "Next boot" and conditions named in the text, in the order they are mentioned', () => {
    expect(stepControls(step('The /dev link persists on disk. Press Next boot: this time ipmp0 is created.'), conditions)).toEqual(['boot.next']);
    expect(stepControls(step('Set the default milestone to none and boot again.'), conditions)).toEqual(['condition.boot.default-milestone']);
    // Labels shorter than eight characters ("Boot") are too common to count as a reference.
    expect(stepControls(step('Nothing to press here; the boot goes on.'), conditions)).toEqual([]);
  });

  it('puts the condition a try-it step changes first', () => {
    const s = step('Predict: what happens when the default milestone is none?', {
      try: { condition: { id: 'devices.devfsadm-timing', value: 'x' }, question: 'q', choices: [] },
    });
    expect(stepControls(s, conditions)).toEqual(['condition.devices.devfsadm-timing', 'condition.boot.default-milestone']);
  });
});
