/**
 * The graph on paper (issue 18: print). The live canvas is a bitmap sized for
 * the screen: printed, it is cut or stretched, and its camera shows what the
 * window showed. When the browser is about to print, the graph is drawn once
 * more as the SVG export draws it (the whole graph, with the legend) into an
 * image that takes the canvas's place on paper; after printing it is dropped.
 * A data: URL loads at once, before the page is laid out for print, and an
 * SVG in an <img> runs nothing.
 */
import { useEffect, useRef } from 'react';
import { useGraphSvg } from '../../session/react/view-commands.ts';
import styles from './GraphPanel.module.css';

export function PrintGraph() {
  const graphSvg = useGraphSvg();
  const img = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const before = (): void => {
      const el = img.current;
      const svg = graphSvg();
      if (el === null || svg === undefined) return;
      el.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      el.dataset['ready'] = 'true';
    };
    const after = (): void => {
      const el = img.current;
      if (el === null) return;
      el.removeAttribute('src');
      delete el.dataset['ready'];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [graphSvg]);
  return <img ref={img} className={styles.printGraph} alt="The dependency graph at the instant shown" data-testid="print.graph" />;
}
