/**
 * office.js ships its own usage logger, which frames a Microsoft telemetry page a few seconds
 * after it loads. This add-in sends nothing anywhere, so the logger is switched off as soon as
 * Office is ready (the page's Content-Security-Policy would block the frame in any case).
 */
interface OfficeLoggerGlobals {
  OSF?: { Logger?: { ulsEndpoint?: { loadProxyFrame?: () => void } | null } };
  OSFAppTelemetry?: { enableTelemetry?: boolean };
}

export function disableOfficeTelemetry(
  global: OfficeLoggerGlobals = window as unknown as OfficeLoggerGlobals
): void {
  const endpoint = global.OSF?.Logger?.ulsEndpoint;
  if (endpoint) endpoint.loadProxyFrame = () => undefined;
  if (global.OSFAppTelemetry) global.OSFAppTelemetry.enableTelemetry = false;
}
