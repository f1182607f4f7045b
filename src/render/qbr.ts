// The QBR brief as people read it: plain text for the clipboard and the printable HTML dialog.
import { numberText, type QbrBrief } from '../core/qbr';
import { escapeHtml } from './html';

function valueCell(value: number | null, progress: number | null): string {
  const v = numberText(value);
  if (progress === null) return v;
  return `${v} (${progress}% of the way to target)`;
}

/** The brief as plain text: what the Copy button puts on the clipboard (for an email or a deck). */
export function qbrBriefText(brief: QbrBrief): string {
  const lines: string[] = [
    `QBR brief — ${brief.account.name} (${brief.account.id})`,
    `${brief.account.segment ?? 'No segment'} · owner ${brief.account.owner || '—'} · ${brief.rungName} · ${brief.health} · as of ${brief.asOf}${brief.account.renewalDate ? ` · renews ${brief.account.renewalDate}` : ''}`,
    '',
    `Business pain: ${brief.pain || '(not written down)'}`,
    `Solution value: ${brief.value || '(not written down)'}`,
    '',
    'Results delivered:',
  ];
  if (brief.delivered.length === 0) lines.push('  none validated yet');
  for (const d of brief.delivered) {
    lines.push(
      `  ${d.date}: ${valueCell(d.value, d.progressPercent)} — validated by ${d.validatedBy} (${d.validatorRole ?? ''})`,
    );
    if (d.customerWords) lines.push(`    "${d.customerWords}"`);
  }
  lines.push('', 'Results in flight:');
  if (brief.inFlight.length === 0) lines.push('  none');
  for (const f of brief.inFlight)
    lines.push(`  ${f.date}: ${valueCell(f.value, f.progressPercent)} — ${f.pending}`);
  lines.push('', `Next result: ${brief.nextResult}`, '', 'Risks:');
  if (brief.risks.length === 0) lines.push('  none found');
  for (const r of brief.risks) lines.push(`  - ${r}`);
  return lines.join('\n');
}

const STYLE = `
body{font:14px/1.45 Arial,Helvetica,sans-serif;color:#202124;margin:16px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:18px 0 6px;border-bottom:1px solid #dadce0;padding-bottom:2px}
.meta{color:#5f6368;margin:0 0 8px}.health-Green{color:#137333}.health-Yellow{color:#7a4100}.health-Red{color:#c5221f}
table{border-collapse:collapse;width:100%}td.date,.nowrap{white-space:nowrap}th,td{text-align:left;vertical-align:top;padding:4px 6px;border-bottom:1px solid #eee}
blockquote{margin:2px 0;font-style:italic;color:#3c4043}.none{color:#5f6368}
.actions{margin-bottom:12px}.actions button{margin-right:6px;border:1px solid #747775;border-radius:18px;background:#fff;color:#0b57d0;font:500 13px Roboto,Arial,sans-serif;height:32px;padding:0 14px;cursor:pointer}.actions button:first-child{background:#0b57d0;border-color:#0b57d0;color:#fff}
@media print{.actions,#brief-text{display:none}body{margin:0}}
`;

const SCRIPT = `
function copyBrief(){var t=document.getElementById('brief-text');var s=document.getElementById('copy-status');
function done(ok){s.textContent=ok?'Copied.':'Select the text and copy it.';}
if(navigator.clipboard&&navigator.clipboard.writeText){navigator.clipboard.writeText(t.value).then(function(){done(true)},function(){fallback()});}else{fallback();}
function fallback(){t.hidden=false;t.select();var ok=false;try{ok=document.execCommand('copy');}catch(e){}t.hidden=true;done(ok);}}
`;

/** The dialog's HTML. Every piece of user text passes through escapeHtml. */
export function renderQbrBrief(brief: QbrBrief): string {
  const e = escapeHtml;
  const a = brief.account;
  const delivered =
    brief.delivered.length === 0
      ? '<p class="none">No validated result yet.</p>'
      : `<table><thead><tr><th>Date</th><th>Value</th><th>In the customer's words</th><th>Validated by</th></tr></thead><tbody>${brief.delivered
          .map(
            (d) =>
              `<tr><td class="date">${e(d.date)}</td><td>${e(valueCell(d.value, d.progressPercent))}</td><td>${
                d.customerWords ? `<blockquote>“${e(d.customerWords)}”</blockquote>` : ''
              }${d.evidence ? `<div class="none">Evidence: ${e(d.evidence)}</div>` : ''}</td><td>${e(d.validatedBy)}${
                d.validatorRole ? ` (${e(d.validatorRole)})` : ''
              }</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const inFlight =
    brief.inFlight.length === 0
      ? '<p class="none">Nothing in flight.</p>'
      : `<table><thead><tr><th>Date</th><th>Value</th><th>Progress</th><th>Still needs</th></tr></thead><tbody>${brief.inFlight
          .map(
            (f) =>
              `<tr><td class="date">${e(f.date)}</td><td>${e(numberText(f.value))}</td><td>${
                f.progressPercent === null ? '—' : `${e(f.progressPercent)}%`
              }</td><td>${e(f.pending)}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const risks =
    brief.risks.length === 0
      ? '<p class="none">No risks found.</p>'
      : `<ul>${brief.risks.map((r) => `<li>${e(r)}</li>`).join('')}</ul>`;
  const measure = [
    brief.metric ? `Metric: ${e(brief.metric)}` : '',
    brief.baseline !== null ? `baseline ${e(numberText(brief.baseline))}` : '',
    brief.target !== null ? `target ${e(numberText(brief.target))}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return `<!DOCTYPE html><html lang="en"><head><base target="_top"><meta charset="utf-8"><title>QBR brief — ${e(a.name)}</title><style>${STYLE}</style></head><body>
<div class="actions"><button type="button" onclick="window.print()">Print</button><button type="button" onclick="copyBrief()">Copy as text</button><span id="copy-status" class="none"></span></div>
<main id="brief">
<h1>${e(a.name)} <span class="none">${e(a.id)}</span></h1>
<p class="meta">${e(a.segment ?? 'No segment')} · owner ${e(a.owner || '—')} · ${e(brief.rungName)} · <span class="health-${e(brief.health)}">${e(brief.health)}</span> · as of <span class="nowrap">${e(brief.asOf)}</span>${a.renewalDate ? ` · renews <span class="nowrap">${e(a.renewalDate)}</span>` : ''}</p>
<h2>Business pain</h2><p>${brief.pain ? e(brief.pain) : '<span class="none">Not written down.</span>'}</p>
<h2>Solution value</h2><p>${brief.value ? e(brief.value) : '<span class="none">Not written down.</span>'}</p>
<h2>Named result</h2><p>${brief.namedResult ? e(brief.namedResult) : '<span class="none">None named.</span>'}${measure ? `<br><span class="none">${measure}</span>` : ''}</p>
<h2>Results delivered</h2>${delivered}
<h2>Results in flight</h2>${inFlight}
<h2>Next result</h2><p>${e(brief.nextResult)}</p>
<h2>Risks</h2>${risks}
</main>
<textarea id="brief-text" hidden readonly>${e(qbrBriefText(brief))}</textarea>
<script>${SCRIPT}</script>
</body></html>`;
}
