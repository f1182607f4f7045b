// AuthMode.CUSTOM_FUNCTION: what a custom function may not call, and the error text Apps Script throws when it does.
//
// Google's custom-function guide (developers.google.com/apps-script/guides/sheets/functions, "Use Google Apps
// Script services") lists the only services a custom function may call — Cache, HTML, JDBC, Language, Lock, Maps,
// Properties, Spreadsheet (read-only: "can use most get*() methods, but not set*()"; "Cannot open other
// spreadsheets"), URL Fetch, Utilities, XML — and says: "If your custom function throws the error message `You do
// not have permission to call X service.`, the service requires user authorization and thus can't be used in a
// custom function." The thrown text names the method and the scope it needs, as reported for DriveApp in
// github.com/tanaikech/Enhanced-Custom-Function-for-Google-Spreadsheet-using-Web-Apps-as-Wrapper: "You do not have
// permission to call DriveApp.getFoldersByName. Required permissions: (https://www.googleapis.com/auth/drive…)".
// Spreadsheet writes name the method alone ("You do not have permission to call setValue").
//
// Lock is on Google's list ("Works, but not particularly useful in custom functions"), so LockService works here,
// as do Cache, Utilities, HtmlService, Logger and the Properties reads.

/** The OAuth scope each service outside Google's list needs; the error names it as Apps Script does. */
const SERVICE_SCOPES: Readonly<Record<string, string>> = {
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  Ui: 'https://www.googleapis.com/auth/script.container.ui',
};

/** Session calls that reveal who is at the keyboard: a custom function runs as an anonymous user. */
const SESSION_USER_CALLS: Readonly<Record<string, string>> = {
  getActiveUser: 'https://www.googleapis.com/auth/userinfo.email',
  getEffectiveUser: 'https://www.googleapis.com/auth/userinfo.email',
};

/** Spreadsheet classes whose objects a custom function may read but never change. */
const SPREADSHEET_CLASSES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'Protection',
  'Selection',
]);

/**
 * Spreadsheet methods that change the document ("not set*()" in Google's words, and every other verb that writes:
 * clear, insert, delete, append, …), or reach past it (openById, getUi).
 */
const SPREADSHEET_WRITE =
  /^(set|clear|insert|delete|append|remove|add|hide|show|activate|merge|breakApart|protect|sort|trim|autoResize|update|move|copy|rename|toast|uncheck|check|randomize|duplicate|shift|apply|create)/;
const SPREADSHEET_ELSEWHERE = new Set(['openById', 'openByUrl', 'open', 'getUi', 'create']);

/** The error a call of `className.method` throws in a custom function, or null when the call is allowed. */
export function customFunctionRefusal(className: string, method: string): string | null {
  const scope = SERVICE_SCOPES[className];
  if (scope)
    return `You do not have permission to call ${className}.${method}. Required permissions: ${scope}`;
  if (className === 'Session' && SESSION_USER_CALLS[method]) {
    return `You do not have permission to call Session.${method}. Required permissions: ${SESSION_USER_CALLS[method]}`;
  }
  if (className === 'SpreadsheetApp' && SPREADSHEET_ELSEWHERE.has(method)) {
    return `You do not have permission to call SpreadsheetApp.${method}`;
  }
  if (SPREADSHEET_CLASSES.has(className) && SPREADSHEET_WRITE.test(method)) {
    return `You do not have permission to call ${method}`;
  }
  return null;
}
