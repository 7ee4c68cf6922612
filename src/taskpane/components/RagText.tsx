import { Badge, makeStyles } from "@fluentui/react-components";
import { RagState } from "../../core";

const COLOUR = {
  onTrack: "success",
  atRisk: "warning",
  offTrack: "danger",
  noData: "informative",
} as const;

const useStyles = makeStyles({ badge: { whiteSpace: "nowrap", flexShrink: 0 } });

/** A status always written in words; the colour only repeats them. */
export function RagText({ state, words }: { readonly state: RagState; readonly words: string }) {
  return (
    <Badge
      className={useStyles().badge}
      appearance="tint"
      color={COLOUR[state]}
      shape="rounded"
      data-rag={state}
    >
      {words}
    </Badge>
  );
}
