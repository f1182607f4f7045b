// The QBR brief as plain text: what the sidebar's Copy button puts on the clipboard (for an email or a deck).
import { numberText, type QbrBrief } from '../core/qbr';

/** "7 (50% of the way to target)". */
export function valueCell(value: number | null, progress: number | null): string {
  const v = numberText(value);
  if (progress === null) return v;
  return `${v} (${progress}% of the way to target)`;
}

/** The measure as the brief writes it: "Metric: Close days · baseline 9 · target 5" ('' when none). */
export function measureLine(brief: QbrBrief): string {
  return [
    brief.metric ? `Metric: ${brief.metric}` : '',
    brief.baseline !== null ? `baseline ${numberText(brief.baseline)}` : '',
    brief.target !== null ? `target ${numberText(brief.target)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The customer-facing brief as plain text: no internal health, no risks, no owner (issue 25). */
export function qbrBriefText(brief: QbrBrief): string {
  const a = brief.account;
  const measure = measureLine(brief);
  const lines: string[] = [
    `QBR brief — ${a.name}`,
    `${a.segment ?? 'No segment'} · stage ${brief.rungName} · as of ${brief.asOf}${a.renewalDate ? ` · renews ${a.renewalDate}` : ''}`,
    '',
    `Business pain: ${brief.pain || '(not written down)'}`,
    `Solution value: ${brief.value || '(not written down)'}`,
    `The result we are working toward: ${brief.namedResult || '(none agreed yet)'}`,
  ];
  if (measure) lines.push(`  ${measure}`);
  lines.push('', 'Results delivered:');
  if (brief.delivered.length === 0) lines.push('  none confirmed yet');
  for (const d of brief.delivered) {
    lines.push(
      `  ${d.date}: ${valueCell(d.value, d.progressPercent)} — confirmed by ${d.validatedBy}${d.validatorRole ? ` (${d.validatorRole})` : ''}`,
    );
    if (d.customerWords) lines.push(`    "${d.customerWords}"`);
  }
  lines.push('', 'Results in flight:');
  if (brief.inFlight.length === 0) lines.push('  none');
  for (const f of brief.inFlight)
    lines.push(`  ${f.date}: ${valueCell(f.value, f.progressPercent)} — ${f.pending}`);
  lines.push('', `Proposed next result: ${brief.proposedNext.text}`, `  (${brief.proposedNext.basis})`);
  return lines.join('\n');
}
