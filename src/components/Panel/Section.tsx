/** A titled section of a side panel. */
import type { ReactNode } from 'react';
import styles from './Section.module.css';

export function Section({ title, actions, children, id }: { readonly title: string; readonly actions?: ReactNode; readonly children: ReactNode; readonly id?: string }) {
  return (
    <section className={styles.section} aria-labelledby={id}>
      <div className={styles.head}>
        <h2 className="ui-eyebrow" id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
