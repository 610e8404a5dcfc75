/** Every service any step of a tour spotlights: the graph draws them as themselves while the tour runs (issue 12). Pure. */
import { stepSpotlight, type TourPlan } from './tour-plan.ts';

export function tourServices(plan: TourPlan): string[] {
  return [...new Set(plan.steps.flatMap((s) => stepSpotlight(s)))];
}
