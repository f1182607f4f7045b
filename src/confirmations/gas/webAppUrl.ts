// Whether the confirmation web app is deployed, and where.
//
// ScriptApp.getService().getUrl() "Returns the URL of the web app, if it has been deployed; otherwise returns null"
// (https://developers.google.com/apps-script/reference/script/service#getUrl()). No URL: the ask says "just reply".

/** The web app's URL, or null when the project has no web app deployment. */
export function webAppUrl(): string | null {
  try {
    const url = ScriptApp.getService().getUrl();
    return url ? String(url) : null;
  } catch {
    // Where the service cannot be reached (a missing scope, a blocked deployment), the ask falls back to a reply.
    return null;
  }
}
