/**
 * Drag and drop of files onto the app (issue 3): SMF manifests (.xml, one
 * or many) or a scenario file (.json) are imported as the Import button
 * would. While files are dragged over the window an overlay says what
 * dropping them does.
 */
import { useEffect, useState } from 'react';
import { useCommands } from '../../session/react/use-commands.ts';
import { Icon } from '../Icon/Icon.tsx';
import styles from './DropZone.module.css';

const hasFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') === true;

export function DropZone() {
  const commands = useCommands();
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (depth === 0) commands.prepareImport();
      depth++;
      setOver(true);
    };
    const overFn = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer !== null) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) void commands.importFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overFn);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [commands]);
  if (!over) return null;
  return (
    <div className={styles.overlay} aria-hidden="true" data-testid="dropzone">
      <div className={styles.card}>
        <Icon name="upload" size={28} />
        <p className={styles.big}>Drop to import</p>
        <p className={styles.small}>SMF manifests and profiles (.xml, one or many) or a bootgraph scenario file (.json)</p>
      </div>
    </div>
  );
}
