/**
 * The graph on paper (issue 18: print). The live canvas is a bitmap sized for
 * the screen: printed, it is cut or stretched, and its camera shows what the
 * window showed. When the browser is about to print, the whole graph is drawn
 * once more as the SVG export draws it (with its legend) into an image that
 * takes the canvas's place on paper; after printing the image is removed, so
 * the page holds no <img> otherwise. A data: URL loads at once, before the
 * page is laid out for print, and an SVG in an <img> runs nothing.
 */
import { useEffect, useRef } from 'react';
import { useGraphSvg } from '../../session/react/view-commands.ts';
import styles from './GraphPanel.module.css';

export function PrintGraph() {
  const graphSvg = useGraphSvg();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = (): void => {
      const el = box.current;
      const svg = graphSvg();
      if (el === null || svg === undefined) return;
      const img = document.createElement('img');
      img.alt = 'The dependency graph at the instant shown';
      img.dataset['testid'] = 'print.graph';
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      el.replaceChildren(img);
      el.dataset['ready'] = 'true';
    };
    const after = (): void => {
      const el = box.current;
      if (el === null) return;
      el.replaceChildren();
      delete el.dataset['ready'];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [graphSvg]);
  return <div ref={box} className={styles.printGraph} />;
}
