/**
 * Where guided tours start (issue 8): the top bar's Tour button (start,
 * leave, resume where it was left) and the invitation under the scenario's
 * story. Only presets with a tour offer one.
 */
import { useDoc, useUi } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { tourForPreset } from '../../teaching/tours/index.ts';
import { Icon } from '../Icon/Icon.tsx';
import styles from './TourButton.module.css';

function useThisTour() {
  const source = useDoc((s) => s.source);
  return source.kind === 'preset' ? tourForPreset(source.id) : undefined;
}

export function TourButton() {
  const commands = useCommands();
  const tour = useThisTour();
  const open = useUi((s) => s.tour !== undefined);
  const parked = useUi((s) => s.tourParked);
  const resumable = tour !== undefined && parked?.id === tour.id;
  const title =
    tour === undefined
      ? 'This scenario has no guided tour'
      : open
        ? 'Leave the tour and explore freely (the Tour button resumes it)'
        : resumable
          ? `Resume the tour at step ${(parked?.step ?? 0) + 1}`
          : `Guided tour: ${tour.title}`;
  return (
    <button
      type="button"
      className="ui-btn ui-btn-ghost"
      aria-pressed={open}
      disabled={tour === undefined}
      onClick={() => commands.toggleTour()}
      title={title}
      data-testid="tour.toggle"
    >
      <Icon name="tour" /> {resumable && !open ? 'Resume tour' : 'Tour'}
    </button>
  );
}

/** Under the scenario's story: an invitation to its tour, or to resume it. */
export function TourInvite() {
  const commands = useCommands();
  const tour = useThisTour();
  const open = useUi((s) => s.tour !== undefined);
  const parked = useUi((s) => s.tourParked);
  if (tour === undefined || open) return null;
  const resumable = parked?.id === tour.id ? parked : undefined;
  return (
    <button
      type="button"
      className={styles.invite}
      onClick={() => (resumable === undefined ? commands.startTour(tour) : commands.resumeTour(resumable))}
      data-testid="tour.start"
    >
      <Icon name="tour" size={18} />
      <span className={styles.inviteText}>
        <span className={styles.inviteTitle}>{resumable === undefined ? 'Take the guided tour' : `Resume the tour at step ${resumable.step + 1}`}</span>
        <span className={styles.inviteSub}>{tour.steps.length} steps · ends with a prediction</span>
      </span>
      <Icon name="arrowRight" size={15} />
    </button>
  );
}
