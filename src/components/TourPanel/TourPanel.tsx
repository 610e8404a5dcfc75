/**
 * The guided tour, narrating above the graph (issue 8): the step's title and
 * text, what it points at (spotlit in the graph), the commands that ran at
 * its instant, and Back / Next / Restart / Leave. Step dots jump anywhere.
 * Playing stops at the next step; Continue steps wait for Next.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useCommands } from '../../session/react/use-commands.ts';
import { useTour, useTourDirector } from '../../session/react/use-tour.ts';
import { stepSpotlight } from '../../selectors/tour-plan.ts';
import { formatTime } from '../../selectors/playhead.ts';
import { Icon } from '../Icon/Icon.tsx';
import { GlossaryText } from '../Term/GlossaryText.tsx';
import { TourHighlights } from './TourHighlights.tsx';
import { TourTry } from './TourTry.tsx';
import styles from './TourPanel.module.css';

/** The graph shares the column with the panel: when the panel's height changes, frame the graph again. */
function useRefitOnResize(el: RefObject<HTMLElement | null>, active: boolean): void {
  const commands = useCommands();
  useEffect(() => {
    const node = el.current;
    if (!active || node === null) return undefined;
    let frame = 0;
    let last = -1;
    const ro = new ResizeObserver(() => {
      const h = Math.round(node.getBoundingClientRect().height);
      if (h === last) return;
      last = h;
      cancelAnimationFrame(frame);
      // After the graph's own observer has resized the canvas.
      frame = requestAnimationFrame(() => requestAnimationFrame(() => commands.fitGraph()));
    });
    ro.observe(node);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [el, active, commands]);
}

export function TourPanel() {
  const commands = useCommands();
  const view = useTour();
  useTourDirector(view);
  const root = useRef<HTMLElement>(null);
  useRefitOnResize(root, view !== undefined);
  if (view === undefined) return null;
  const { tour, plan, step } = view;
  const k = step.index;
  const last = k === plan.steps.length - 1;
  const next = plan.steps[k + 1];
  const applied = view.prediction?.applied === true;
  const strayed = !view.onTourBoot && !applied;
  const spot = stepSpotlight(step);

  return (
    <section ref={root} className={styles.panel} aria-label={`Guided tour: ${tour.title}`} data-testid="tour.panel" data-step={k}>
      <header className={styles.head}>
        <span className={styles.kicker}>
          <Icon name="tour" size={14} /> Guided tour
        </span>
        <span className={styles.tourTitle} title={tour.summary}>{tour.title}</span>
        <span className={styles.spacer} />
        <ol className={styles.dots} aria-label="Steps">
          {plan.steps.map((s) => (
            <li key={s.step.id}>
              <button
                type="button"
                className={styles.dot}
                aria-current={s.index === k ? 'step' : undefined}
                data-done={s.index < k}
                aria-label={`Step ${s.index + 1}: ${s.step.title}`}
                title={`${s.index + 1}. ${s.step.title}`}
                onClick={() => commands.showStep(tour.id, s.index)}
              />
            </li>
          ))}
        </ol>
        <span className={styles.count} data-testid="tour.count">
          Step {k + 1} of {plan.steps.length}
        </span>
        <div className={styles.nav}>
          <button type="button" className="ui-btn ui-btn-ghost ui-btn-icon" onClick={() => commands.restartTour()} aria-label="Restart the tour" title="Restart the tour" data-testid="tour.restart">
            <Icon name="restart" size={15} />
          </button>
          <button type="button" className="ui-btn" onClick={() => commands.prevStep()} disabled={k === 0} data-testid="tour.back">
            <Icon name="arrowLeft" size={14} /> Back
          </button>
          {!last ? (
            <button
              type="button"
              className="ui-btn ui-btn-primary"
              onClick={() => commands.nextStep()}
              title={next?.kind === 'continue' ? 'The next step waits for you' : 'Jump to the next step (or press Play: playback stops there)'}
              data-testid="tour.next"
            >
              {next?.kind === 'continue' ? 'Continue' : 'Next'} <Icon name="arrowRight" size={14} />
            </button>
          ) : (
            <button type="button" className="ui-btn" onClick={() => commands.leaveTour()} title="Close the tour and explore" data-testid="tour.finish">
              Finish <Icon name="check" size={14} />
            </button>
          )}
          <button type="button" className="ui-btn ui-btn-ghost ui-btn-icon" onClick={() => commands.leaveTour()} aria-label="Leave the tour" title="Leave the tour and explore freely; the Tour button resumes it here" data-testid="tour.leave">
            <Icon name="close" size={15} />
          </button>
        </div>
      </header>

      <div className={`${styles.body} ui-scroll`} data-tour-body>
        <h2 className={styles.title}>
          <span data-testid="tour.title">{step.step.title}</span>
          {step.step.try === undefined && (
            <span className={styles.when} title="The simulated instant this step shows">
              {formatTime(step.instant)}
            </span>
          )}
        </h2>
        <p className={styles.text} data-testid="tour.text">
          <GlossaryText text={step.step.text} />
        </p>
        {step.commands.length > 0 && (
          <pre className={styles.console} aria-label={`Commands at ${formatTime(step.instant)}`} data-testid="tour.commands">
            {step.commands.map((c) => [`# ${c.command}${c.ok ? '' : '   (refused)'}`, ...c.output].join('\n')).join('\n')}
          </pre>
        )}
        {step.step.try === undefined && <TourHighlights ids={spot} />}
        {strayed && (
          <p className={styles.strayed} role="status">
            You have changed this boot; the tour tells the story of the scenario as shipped.{' '}
            <button type="button" className={styles.inline} onClick={() => commands.showStep(tour.id, k)}>
              Back to the tour’s boot
            </button>
          </p>
        )}
        {step.step.try !== undefined && !strayed && <TourTry view={view} />}
      </div>
    </section>
  );
}
