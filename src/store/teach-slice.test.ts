import { describe, expect, it } from 'vitest';
import { createUiStore } from './ui-store.ts';

describe('teaching state in the UI store', () => {
  it('a new step forgets the prediction; the same step keeps it', () => {
    const s = createUiStore();
    s.getState().setTour({ id: 't', step: 2 });
    s.getState().setTourTry({ choice: 1, applied: true });
    s.getState().setTour({ id: 't', step: 2 });
    expect(s.getState().tourTry).toEqual({ choice: 1, applied: true });
    s.getState().setTour({ id: 't', step: 1 });
    expect(s.getState().tourTry).toBeUndefined();
  });

  it('leaving parks the tour where it was; opening one forgets the parked one', () => {
    const s = createUiStore();
    s.getState().setTour({ id: 't', step: 3.7 });
    expect(s.getState().tour).toEqual({ id: 't', step: 3 });
    s.getState().parkTour();
    expect(s.getState().tour).toBeUndefined();
    expect(s.getState().tourParked).toEqual({ id: 't', step: 3 });
    s.getState().setTour({ id: 't', step: 3 });
    expect(s.getState().tourParked).toBeUndefined();
  });

  it('compares with the next boot unless told otherwise', () => {
    const s = createUiStore();
    expect(s.getState().compare).toEqual({ kind: 'next-boot' });
    s.getState().setCompare({ kind: 'condition', id: 'boot.verbose', value: 'yes' });
    expect(s.getState().compare).toEqual({ kind: 'condition', id: 'boot.verbose', value: 'yes' });
  });
});
