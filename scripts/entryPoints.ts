// Writes the top-level `function NAME(...)` declarations Apps Script needs, from the registry's metadata.

/** The bundle's library variable. Its trailing underscore keeps it out of google.script.run and the Run menu. */
export const LIBRARY_NAME = 'ResultsLadder_';

export interface EntryMeta {
  readonly name: string;
  readonly kind: 'menu' | 'trigger' | 'custom' | 'sidebar';
  readonly params: readonly string[];
  readonly doc?: {
    readonly summary: string;
    readonly params: readonly {
      readonly name: string;
      readonly type: string;
      readonly description: string;
    }[];
    readonly returns: string;
  };
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** One JSDoc line; a comment terminator inside user-facing text would end the block early. */
function docLine(text: string): string {
  return text
    .replace(/\*\//g, '*\\/')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

export function renderEntryPoints(entries: readonly EntryMeta[]): string {
  const seen = new Set<string>();
  const blocks: string[] = [];
  for (const e of entries) {
    if (!IDENTIFIER.test(e.name)) throw new Error(`Entry point '${e.name}' is not a plain identifier`);
    if (e.name.endsWith('_')) throw new Error(`Entry point '${e.name}' ends with '_' and would be hidden`);
    if (seen.has(e.name)) throw new Error(`Entry point '${e.name}' is registered twice`);
    seen.add(e.name);
    for (const p of e.params) {
      if (!IDENTIFIER.test(p)) throw new Error(`Entry point '${e.name}' has a bad parameter name '${p}'`);
    }
    const params = e.params.join(', ');
    const lines: string[] = [];
    if (e.kind === 'custom') {
      if (!e.doc) throw new Error(`Custom function '${e.name}' has no doc`);
      const documented = e.doc.params.map((p) => p.name);
      if (documented.join(',') !== e.params.join(',')) {
        throw new Error(
          `Custom function '${e.name}': documented params ${documented} differ from ${e.params}`,
        );
      }
      lines.push('/**', ` * ${docLine(e.doc.summary)}`, ' *');
      for (const p of e.doc.params) {
        lines.push(` * @param {${docLine(p.type)}} ${p.name} ${docLine(p.description)}`);
      }
      lines.push(` * @return ${docLine(e.doc.returns)}`, ' * @customfunction', ' */');
    } else {
      lines.push(`/** ${e.kind === 'sidebar' ? 'Sidebar endpoint' : 'Entry point'}: ${e.name}. */`);
    }
    lines.push(
      `function ${e.name}(${params}) {`,
      `  return ${LIBRARY_NAME}.registry.${e.name}.run(${params});`,
      '}',
    );
    blocks.push(lines.join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}
