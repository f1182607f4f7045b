// The confirmation page the validator opens from the mail, and the notice pages (refused, answered). Every piece of
// user text is escaped; the page's script reads nothing from the URL and writes answers with textContent only.
import { escapeHtml } from '../../render/html';
import { type AskedResult, MAX_WORDS, numbersLine } from '../core/asks';

const STYLE = `
*{box-sizing:border-box}
body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#202124;margin:0;padding:24px 16px;background:#f8f9fa}
main{max-width:560px;margin:0 auto;background:#fff;border:1px solid #dadce0;border-radius:8px;padding:24px}
h1{font-size:22px;margin:0 0 12px}
.result{font-size:18px;font-weight:600;margin:8px 0}
.numbers{margin:4px 0 16px;color:#3c4043}
label{display:block;font-weight:600;margin:16px 0 6px}
textarea{width:100%;min-height:96px;font:inherit;padding:8px;border:1px solid #80868b;border-radius:4px}
.buttons{display:flex;gap:12px;margin-top:16px;flex-wrap:wrap}
button{font:inherit;padding:10px 20px;border-radius:4px;border:1px solid #1a73e8;cursor:pointer;min-height:44px}
#confirm{background:#1a73e8;color:#fff}
#notyet{background:#fff;color:#1a73e8}
button:focus-visible,textarea:focus-visible{outline:3px solid #174ea6;outline-offset:2px}
button[disabled]{opacity:.6;cursor:default}
.small{font-size:14px;color:#5f6368}
`;

function shell(title: string, body: string, script = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><base target="_top"><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main>${script}</body></html>`;
}

/** A page that only says something: a refused link, or the answer recorded. */
export function renderNoticePage(title: string, message: string): string {
  return shell(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}

/**
 * The page with the result, the numbers, a box for their words and the two answers. The token goes into a data
 * attribute (escaped) and back to answerConfirmation through google.script.run, which Google documents for web app
 * pages (https://developers.google.com/apps-script/guides/html/communication).
 */
export function renderConfirmationPage(
  token: string,
  link: { readonly who: string; readonly statement: string; readonly result: AskedResult },
): string {
  const r = link.result;
  const body = `<h1>Is this result right?</h1>
<p>${escapeHtml(r.accountName)} asked you, ${escapeHtml(link.who || 'as their validator')}, to confirm this result:</p>
<p class="result">${escapeHtml(link.statement)}</p>
<p class="numbers">${escapeHtml(r.metric || 'Measure')}: ${escapeHtml(numbersLine(r))}<br><span class="small">baseline → latest → target</span></p>
<form id="answer" data-token="${escapeHtml(token)}">
<label for="words">In your words (optional)</label>
<textarea id="words" name="words" maxlength="${MAX_WORDS}"></textarea>
<div class="buttons"><button type="button" id="confirm">Confirm</button><button type="button" id="notyet">Not yet</button></div>
</form>
<p id="status" role="status" aria-live="polite"></p>
<p class="small">Your answer and your words go to the team that asked you, as you write them.</p>`;
  const script = `<script>
(function () {
  var form = document.getElementById('answer');
  var status = document.getElementById('status');
  var buttons = form.querySelectorAll('button');
  function send(verdict) {
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
    status.textContent = 'Sending…';
    google.script.run
      .withSuccessHandler(function (reply) {
        var heading = document.createElement('h1');
        heading.textContent = reply && reply.title ? reply.title : 'Thank you';
        var text = document.createElement('p');
        text.textContent = reply && reply.message ? reply.message : '';
        var main = document.querySelector('main');
        while (main.firstChild) main.removeChild(main.firstChild);
        main.appendChild(heading);
        main.appendChild(text);
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      })
      .withFailureHandler(function () {
        for (var i = 0; i < buttons.length; i++) buttons[i].disabled = false;
        status.textContent = 'Your answer could not be sent. Please try again, or reply to the mail.';
      })
      .answerConfirmation(form.getAttribute('data-token'), verdict, document.getElementById('words').value);
  }
  document.getElementById('confirm').addEventListener('click', function () { send('confirm'); });
  document.getElementById('notyet').addEventListener('click', function () { send('not yet'); });
})();
</script>`;
  return shell(`Confirm a result — ${r.accountName}`, body, script);
}
