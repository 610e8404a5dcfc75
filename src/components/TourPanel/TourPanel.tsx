/**
 * The guided tour, narrating above the graph (issue 8): the step's title and
 * text, what it points at (spotlit in the graph), the commands that ran at
 * its instant, and Back / Next / Restart / Leave. Step dots jump anywhere.
 * Playing stops at the next step; Continue steps wait for Next.
 */
import { useEffect } from 'react';
import { useRun, useUiActions } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { useTour, useTourDirector } from '../../session/react/use-tour.ts';
import { stepSpotlight } from '../../selectors/tour-plan.ts';
import { formatTime } from '../../selectors/playhead.ts';
import { Icon } from '../Icon/Icon.tsx';
import { GlossaryText } from '../Term/GlossaryText.tsx';
import { TourHighlights } from './TourHighlights.tsx';
import { TourTry } from './TourTry.tsx';
import { stepControls } from './step-controls.ts';
import styles from './TourPanel.module.css';

/**
 * The controls the step refers to (step-controls.ts) are scrolled into view
 * and highlighted while the step is shown; on a narrow screen the panel that
 * holds them opens as a drawer. (The graph keeps its view when this card
 * changes height: the canvas re-frames itself on resize.)
 */
function useControlHighlight(controls: readonly string[]): void {
  const ui = useUiActions();
  const key = controls.join('|');
  useEffect(() => {
    if (key === '') return undefined;
    const els = key
      .split('|')
      .map((id) => document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(id)}"]`))
      .filter((el): el is HTMLElement => el !== null);
    if (els.some((el) => el.closest('#panel-left') !== null) && window.matchMedia('(max-width: 1199px)').matches) ui.setDrawer('left');
    const frame = requestAnimationFrame(() => els[0]?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
    for (const el of els) el.setAttribute('data-tour-highlight', 'true');
    return () => {
      cancelAnimationFrame(frame);
      for (const el of els) el.removeAttribute('data-tour-highlight');
    };
  }, [key, ui]);
}

export function TourPanel() {
  const commands = useCommands();
  const view = useTour();
  useTourDirector(view);
  const run = useRun();
  useControlHighlight(view === undefined ? [] : stepControls(view.step.step, run.conditions));
  if (view === undefined) return null;
  const { tour, plan, step } = view;
  const k = step.index;
  const last = k === plan.steps.length - 1;
  const next = plan.steps[k + 1];
  const applied = view.prediction?.applied === true;
  const strayed = !view.onTourBoot && !applied;
  const spot = stepSpotlight(step);

  return (
    <section className={styles.panel} aria-label={`Guided tour: ${tour.title}`} data-testid="tour.panel" data-step={k}>
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
