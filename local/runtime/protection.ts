// Protection as Range.protect() and Sheet.protect() return it: its calls are recorded against the protected range.
import type { FormatRecord } from './sheetModel';
import type { WorkbookModel } from './workbook';

export function newProtection(book: WorkbookModel, range: string): unknown {
  const log: FormatRecord[] = [];
  const self: Record<string, (...args: unknown[]) => unknown> = {};
  for (const method of [
    'setDescription',
    'setWarningOnly',
    'removeEditors',
    'removeEditor',
    'addEditor',
    'addEditors',
    'setDomainEdit',
    'setUnprotectedRanges',
  ]) {
    self[method] = (...args: unknown[]) => {
      log.push({ range, method, value: book.kit.realm.toHost(args) });
      return proxy;
    };
  }
  self.getEditors = () => book.kit.realm.newArray();
  self.canEdit = () => true;
  self.remove = () => undefined;
  self.getRange = () => book.range(range);
  const proxy = book.kit.exposer.expose('Protection', self);
  return proxy;
}
