import { Badge } from "@fluentui/react-components";
import { RagState } from "../../core/statement/model";

const COLOUR = {
  onTrack: "success",
  atRisk: "warning",
  offTrack: "danger",
  noData: "informative",
} as const;

/** A status always written in words; the colour only repeats them. */
export function RagText({ state, words }: { readonly state: RagState; readonly words: string }) {
  return (
    <Badge appearance="tint" color={COLOUR[state]} shape="rounded" data-rag={state}>
      {words}
    </Badge>
  );
}
