/**
 * Office errors to plain English. Excel rejects a whole batch with an OfficeExtension.Error
 * whose `code` says what went wrong ("ItemNotFound", "AccessDenied", ...). The user sees a
 * sentence naming the sheet or range the add-in was working on, and what to do next; the code
 * stays on the error for support.
 */
import { CancelledError, GatewayError } from "../core/gateway";
import { quoteSheetName } from "../core/grid";

/** A GatewayError that keeps Excel's error code (for support, and for tests). */
export class OfficeGatewayError extends GatewayError {
  constructor(
    message: string,
    where: string | undefined,
    readonly code: string
  ) {
    super(message, where);
    this.name = "OfficeGatewayError";
  }
}

/** What the add-in was doing when Excel refused, for the message. */
export interface ErrorPlace {
  /** "reading", "writing", "selecting", "saving the settings" ... */
  readonly action: string;
  readonly sheet?: string;
  /** A1 address on `sheet` ("A1:F5000"), or a cell. */
  readonly range?: string;
  /** The sheets a request was working on, when it was more than one. */
  readonly sheets?: readonly string[];
}

function listed(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length < 2
    ? quoted.join("")
    : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** The parts of an OfficeExtension.Error the mapping uses. */
export interface OfficeErrorLike {
  readonly code: string;
  readonly message?: string;
  readonly debugInfo?: { readonly errorLocation?: string };
}

export function isOfficeError(e: unknown): e is OfficeErrorLike {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as { code?: unknown }).code === "string" &&
    (e as { code: string }).code.length > 0
  );
}

/** Codes meaning a request or response was over Excel's size limit. */
const PAYLOAD_CODES = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "PayloadTooLarge",
]);

/**
 * By code only: Office.js turns the host's size refusal into these codes itself, and the
 * message is in the user's language.
 */
export function isPayloadTooLarge(e: unknown): boolean {
  return isOfficeError(e) && PAYLOAD_CODES.has(e.code);
}

/**
 * Codes Office.js raises in the add-in itself, before or after Excel is asked: they mean a
 * mistake in the add-in's code (a property read before it was loaded, an object used outside
 * its batch), not anything about the workbook.
 */
const ADDIN_BUG_CODES = new Set([
  "PropertyNotLoaded",
  "ValueNotLoaded",
  "InvalidObjectPath",
  "InvalidRequestContext",
  "RunMustReturnPromise",
  "NotInsideBatch",
  "CannotUpdateReadOnlyProperty",
]);

/** "Budget!C5:H40", "'Pay 2010'!A1", "Budget", or undefined. */
export function placeText(place: ErrorPlace): string | undefined {
  if (place.sheet === undefined) return place.sheets?.length ? place.sheets.join(", ") : undefined;
  return place.range ? `${quoteSheetName(place.sheet)}!${place.range}` : place.sheet;
}

function whereWords(place: ErrorPlace): string {
  if (place.sheet === undefined && place.sheets?.length === 1)
    return `on the sheet "${place.sheets[0]}"`;
  if (place.sheet === undefined && place.sheets?.length)
    return `on the sheets ${listed(place.sheets)}`;
  if (place.sheet === undefined) return "in this workbook";
  if (place.range) return `in ${quoteSheetName(place.sheet)}!${place.range}`;
  return `on the sheet "${place.sheet}"`;
}

function sheetWords(place: ErrorPlace): string {
  if (place.sheet !== undefined) return `the sheet "${place.sheet}"`;
  if (place.sheets?.length === 1) return `the sheet "${place.sheets[0]}"`;
  if (place.sheets?.length) return `one of the sheets ${listed(place.sheets)}`;
  return "a sheet";
}

/** The plain-English sentence for an Office error code. */
export function officeErrorMessage(code: string, place: ErrorPlace): string {
  const where = whereWords(place);
  switch (code) {
    case "ItemNotFound":
      return `Excel could not find ${sheetWords(place)}${place.range ? ` (${placeText(place)})` : ""} while ${place.action}. It may have been renamed or deleted in the meantime: read the workbook again and retry.`;
    case "InvalidArgument":
      return `Excel did not accept a value or setting the add-in sent while ${place.action} ${where}. Check that the sheet is not protected and that its name is valid, then retry.`;
    case "AccessDenied":
      return `Excel did not allow the add-in to change anything ${where}: the workbook or the sheet is protected, shared read-only, or opened in view mode. Unprotect it or save an editable copy, then retry.`;
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "PayloadTooLarge":
      return `The data ${where} is too large for Excel to hand over, even in small pieces. Split the sheet, or remove unused rows and columns below and to the right of the data, then retry.`;
    case "InvalidOperationInCellEditMode":
      return `Excel is in the middle of editing a cell, so nothing could be done ${where}. Press Enter or Esc to finish the edit, then retry.`;
    case "ItemAlreadyExists":
      return `Something with the same name already exists ${where}, so Excel refused to create it again. Read the workbook again and retry.`;
    case "InvalidOperation":
    case "InvalidReference":
    case "InvalidSelection":
      return `Excel could not do this while ${place.action} ${where}: the sheet may be hidden, protected or changed since it was read. Read the workbook again and retry.`;
    case "MergedRangeConflict":
    case "FilteredRangeConflict":
    case "PivotTableRangeConflict":
    case "InsertDeleteConflict":
      return `Merged cells, a filter or a PivotTable ${where} got in the way while ${place.action}. Remove them from the add-in's sheet, or let the add-in recreate the sheet, then retry.`;
    case "Conflict":
      return `Someone else changed the workbook ${where} at the same time. Wait a moment, then retry.`;
    case "OperationCellsExceedLimit":
    case "RangeExceedsLimit":
      return `The range ${where} has more cells than Excel lets an add-in handle at once.`;
    case "ApiNotFound":
    case "NotImplemented":
    case "UnsupportedOperation":
    case "UnsupportedFeature":
      return `This version of Excel cannot do what the add-in needs while ${place.action}. Update Office, or use Excel on the web, then retry.`;
    case "RequestAborted":
      return `Excel stopped the request while ${place.action} ${where}, usually because the workbook was closed or reloaded. Retry once it is open again.`;
    case "GeneralException":
    default:
      return `Excel reported a problem while ${place.action} ${where}. Save the workbook, close and reopen it, then retry.`;
  }
}

/**
 * Any error thrown inside Excel.run, as what the gateway throws: CancelledError and
 * GatewayError pass through; an Office error becomes a GatewayError in plain English; anything
 * else (a bug of ours) is wrapped with the place, keeping its message for support.
 */
export function toGatewayError(e: unknown, place: ErrorPlace): Error {
  if (e instanceof CancelledError || e instanceof GatewayError) return e;
  if (isOfficeError(e) && ADDIN_BUG_CODES.has(e.code)) {
    return new OfficeGatewayError(
      `The add-in made a mistake while ${place.action} ${whereWords(place)} (${e.code}): nothing is wrong with the workbook. Retry, and if it happens again, report it with this message.`,
      placeText(place),
      e.code
    );
  }
  if (isOfficeError(e)) {
    return new OfficeGatewayError(officeErrorMessage(e.code, place), placeText(place), e.code);
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new GatewayError(
    `Something went wrong while ${place.action} ${whereWords(place)} (${detail}). Retry, and if it happens again, report it with this message.`,
    placeText(place)
  );
}
