/**
 * Small stroke icons (24×24 grid, currentColor). Decorative: always
 * aria-hidden. Memoised: a toolbar or panel that re-renders for a new run
 * does not render its icons again (issue 16).
 */
import { memo } from 'react';

const PATHS = {
  play: 'M7 4.5v15l12-7.5z',
  pause: 'M7 4h3.5v16H7zM13.5 4H17v16h-3.5z',
  stepForward: 'M5 5v14l9-7zM16 5h2.5v14H16z',
  stepBack: 'M19 5v14l-9-7zM5.5 5H8v14H5.5z',
  start: 'M6 5h2.5v14H6zM19 5v14L9.5 12z',
  end: 'M15.5 5H18v14h-2.5zM5 5v14l9.5-7z',
  sun: 'M12 7.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9zM12 2v2.5M12 19.5V22M4.9 4.9l1.8 1.8M17.3 17.3l1.8 1.8M2 12h2.5M19.5 12H22M4.9 19.1l1.8-1.8M17.3 6.7l1.8-1.8',
  moon: 'M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z',
  system: 'M3 5h18v11H3zM8 20h8M12 16v4',
  share: 'M15 8.5 9 12l6 3.5M18 5.5a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0zM8.5 12a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0zM18 18.5a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0z',
  upload: 'M12 16V4M7 9l5-5 5 5M4 16v4h16v-4',
  help: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7v.5M12 17.2v.1',
  fit: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  zoomIn: 'M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM20 20l-4.7-4.7M10.5 7.5v6M7.5 10.5h6',
  zoomOut: 'M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM20 20l-4.7-4.7M7.5 10.5h6',
  search: 'M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM20 20l-4.7-4.7',
  close: 'M6 6l12 12M18 6 6 18',
  chevronDown: 'M6 9l6 6 6-6',
  chevronRight: 'M9 6l6 6-6 6',
  chevronLeft: 'M15 6l-6 6 6 6',
  graph: 'M6 7a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM18 7a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM12 21a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM7 6.5l4 10.5M17 6.5 13 17',
  table: 'M4 5h16v14H4zM4 10h16M4 14.5h16M10 5v14',
  flag: 'M6 21V4M6 4h11l-2 4 2 4H6',
  trash: 'M5 7h14M10 7V5h4v2M7 7l1 13h8l1-13',
  reboot: 'M20 12a8 8 0 1 1-2.3-5.6M20 4v4.5h-4.5',
  breakpoint: 'M12 18a6 6 0 1 0 0-12 6 6 0 0 0 0 12z',
  legend: 'M4 6h3M4 12h3M4 18h3M10 6h10M10 12h10M10 18h10',
  tour: 'M2.5 9.5 12 5l9.5 4.5L12 14zM6.5 11.5v4.2c0 1.5 2.5 3 5.5 3s5.5-1.5 5.5-3v-4.2M21.5 9.5v5.5',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  compare: 'M4 5h7v14H4zM13 5h7v14h-7zM6.5 9h2M6.5 12h2M15.5 9h2M15.5 15h2',
  arrowRight: 'M5 12h14M13 6l6 6-6 6',
  arrowLeft: 'M19 12H5M11 6l-6 6 6 6',
  restart: 'M4 12a8 8 0 1 0 2.3-5.6M4 4v4.5h4.5',
  download: 'M12 4v12M7 11l5 5 5-5M4 16v4h16v-4',
  code: 'M8.5 7 3.5 12l5 5M15.5 7l5 5-5 5M13.5 4.5l-3 15',
  copy: 'M9 9h11v11H9zM5 15H4V4h11v1',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  warning: 'M12 4 2.5 20h19zM12 10v4.5M12 17.2v.1',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 2.5-2.5L20 17M15.5 9.5v.1',
  file: 'M6 3h8l4 4v14H6zM14 3v4h4',
} as const;

export type IconName = keyof typeof PATHS;

const FILLED: ReadonlySet<IconName> = new Set(['play', 'pause', 'stepForward', 'stepBack', 'start', 'end', 'breakpoint']);

export const Icon = memo(function Icon({ name, size = 16 }: { readonly name: IconName; readonly size?: number }) {
  const filled = FILLED.has(name);
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke={filled ? 'none' : 'currentColor'}
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
});
