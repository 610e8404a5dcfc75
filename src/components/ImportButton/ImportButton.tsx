/** The Import button: one .json scenario file, or one or many SMF manifests and profiles (.xml). */
import { useRef } from 'react';
import {  } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { Icon } from '../Icon/Icon.tsx';

export function ImportButton() {
  const commands = useCommands();
  const file = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={file}
        type="file"
        accept=".json,.xml,application/json,application/xml,text/xml"
        multiple
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import.file"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (files.length > 0) void commands.importFiles(files);
        }}
      />
      <button
        type="button"
        className="ui-btn ui-btn-ghost"
        onPointerEnter={() => commands.prepareImport()}
        onFocus={() => commands.prepareImport()}
        onClick={() => {
          commands.prepareImport();
          file.current?.click();
        }}
        title="Open a scenario file (.json), or import SMF manifests and profiles (.xml, one or many). You can also drop files on the window."
        data-testid="import.open"
      >
        <Icon name="upload" /> Import
      </button>
    </>
  );
}
