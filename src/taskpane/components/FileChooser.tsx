/**
 * A button that opens the browser's file chooser and hands the chosen file on. The file is read
 * in the pane; nothing leaves the machine. The same file can be chosen again straight after.
 */
import { useRef } from "react";
import { Button } from "@fluentui/react-components";

export function FileChooser(props: {
  readonly label: string;
  readonly accept: string;
  readonly testId: string;
  readonly onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement | null>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        hidden
        aria-hidden="true"
        tabIndex={-1}
        data-testid={props.testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) props.onFile(file);
        }}
      />
      <Button onClick={() => input.current?.click()}>{props.label}</Button>
    </>
  );
}
