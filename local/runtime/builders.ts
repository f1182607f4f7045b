// The builder calls Sheets accepts but the runtime only records: data validation, conditional formats, charts.
import type { ServiceKit } from './calls';

/** How builders name and rebuild the ranges handed to them. */
export interface RangeBridge {
  /** 'Sheet!A1:B2' for a Range of this workbook, null for anything else. */
  label(value: unknown): string | null;
  /** A Range the script can use again, from a label. */
  range(label: string): unknown;
}

function enumOf(names: readonly string[]): Readonly<Record<string, string>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n])));
}

const CRITERIA_BY_METHOD: Record<string, string> = {
  requireCheckbox: 'CHECKBOX',
  requireDate: 'DATE_IS_VALID_DATE',
  requireDateAfter: 'DATE_AFTER',
  requireDateBefore: 'DATE_BEFORE',
  requireDateBetween: 'DATE_BETWEEN',
  requireDateEqualTo: 'DATE_EQUAL_TO',
  requireDateNotBetween: 'DATE_NOT_BETWEEN',
  requireDateOnOrAfter: 'DATE_ON_OR_AFTER',
  requireDateOnOrBefore: 'DATE_ON_OR_BEFORE',
  requireFormulaSatisfied: 'CUSTOM_FORMULA',
  requireNumberBetween: 'NUMBER_BETWEEN',
  requireNumberEqualTo: 'NUMBER_EQUAL_TO',
  requireNumberGreaterThan: 'NUMBER_GREATER_THAN',
  requireNumberGreaterThanOrEqualTo: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  requireNumberLessThan: 'NUMBER_LESS_THAN',
  requireNumberLessThanOrEqualTo: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  requireNumberNotBetween: 'NUMBER_NOT_BETWEEN',
  requireNumberNotEqualTo: 'NUMBER_NOT_EQUAL_TO',
  requireTextContains: 'TEXT_CONTAINS',
  requireTextDoesNotContain: 'TEXT_DOES_NOT_CONTAIN',
  requireTextEqualTo: 'TEXT_EQUAL_TO',
  requireTextIsEmail: 'TEXT_IS_VALID_EMAIL',
  requireTextIsUrl: 'TEXT_IS_VALID_URL',
  requireValueInList: 'VALUE_IN_LIST',
  requireValueInRange: 'VALUE_IN_RANGE',
};

export const DATA_VALIDATION_CRITERIA = enumOf([...new Set(Object.values(CRITERIA_BY_METHOD))]);

/** A built data-validation rule as the runtime records it. */
export interface ValidationRule {
  readonly criteria: string | null;
  /** Host values; a range argument is recorded by its label. */
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string;
}

export class DataValidationRuleApi {
  constructor(
    private readonly kit: ServiceKit,
    readonly rule: ValidationRule,
  ) {}

  getCriteriaType(): string | null {
    return this.rule.criteria;
  }

  getCriteriaValues(): unknown[] {
    return this.kit.realm.toRealm([...this.rule.values]) as unknown[];
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getHelpText(): string {
    return this.rule.helpText;
  }

  copy(): unknown {
    return newDataValidationBuilder(this.kit, this.rule);
  }
}

export class DataValidationBuilderApi {
  criteria: string | null;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;

  constructor(
    readonly kit: ServiceKit,
    from?: ValidationRule,
  ) {
    this.criteria = from?.criteria ?? null;
    this.values = from ? [...from.values] : [];
    this.allowInvalid = from?.allowInvalid ?? true;
    this.helpText = from?.helpText ?? '';
  }

  setAllowInvalid(allow: unknown): unknown {
    this.allowInvalid = Boolean(allow);
    return this.kit.exposer.expose('DataValidationBuilder', this);
  }

  setHelpText(text: unknown): unknown {
    this.helpText = String(text);
    return this.kit.exposer.expose('DataValidationBuilder', this);
  }

  withCriteria(criteria: unknown, args: unknown): unknown {
    this.criteria = String(criteria);
    this.values = Array.isArray(args) ? (this.kit.realm.toHost(args) as unknown[]) : [];
    return this.kit.exposer.expose('DataValidationBuilder', this);
  }

  build(): unknown {
    if (this.criteria === null)
      throw this.kit.realm.error('You must specify a criteria for the data validation rule.');
    const rule: ValidationRule = {
      criteria: this.criteria,
      values: this.values,
      allowInvalid: this.allowInvalid,
      helpText: this.helpText,
    };
    return this.kit.exposer.expose('DataValidation', new DataValidationRuleApi(this.kit, rule));
  }
}

for (const [method, criteria] of Object.entries(CRITERIA_BY_METHOD)) {
  Object.defineProperty(DataValidationBuilderApi.prototype, method, {
    value(this: DataValidationBuilderApi, ...args: unknown[]) {
      this.criteria = criteria;
      this.values = this.kit.realm.toHost(args) as unknown[];
      return this.kit.exposer.expose('DataValidationBuilder', this);
    },
  });
}

export function newDataValidationBuilder(kit: ServiceKit, from?: ValidationRule): unknown {
  return kit.exposer.expose('DataValidationBuilder', new DataValidationBuilderApi(kit, from));
}

/** One recorded builder call: its method and its arguments (ranges by label). */
export interface BuilderStep {
  readonly method: string;
  readonly args: readonly unknown[];
}

/**
 * A fluent builder that accepts the method families Sheets' builders have and records every call. Used where
 * the runtime has nothing to compute (conditional formats, charts), so the exact option list does not matter.
 */
function recordingBuilder(
  kit: ServiceKit,
  className: string,
  accepts: RegExp,
  steps: BuilderStep[],
  bridge: RangeBridge,
  build: () => unknown,
): unknown {
  const methods = new Map<string, (...args: unknown[]) => unknown>();
  const proxy: object = new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop !== 'string') return undefined;
        const known = methods.get(prop);
        if (known) return known;
        if (prop !== 'build' && !accepts.test(prop)) return undefined;
        const fn = (...args: unknown[]) => {
          kit.log.add(`${className}.${prop}`);
          if (prop === 'build') return build();
          steps.push({ method: prop, args: args.map((a) => recordable(kit, bridge, a)) });
          return proxy;
        };
        methods.set(prop, fn);
        return fn;
      },
    },
  );
  return proxy;
}

function recordable(kit: ServiceKit, bridge: RangeBridge, value: unknown): unknown {
  const label = bridge.label(value);
  if (label !== null) return { range: label };
  if (Array.isArray(value)) return value.map((v) => recordable(kit, bridge, v));
  return kit.realm.toHost(value);
}

export interface ConditionalRuleRecord {
  readonly steps: readonly BuilderStep[];
  readonly ranges: readonly string[];
}

export class ConditionalFormatRuleApi {
  constructor(
    private readonly kit: ServiceKit,
    private readonly bridge: RangeBridge,
    readonly record: ConditionalRuleRecord,
  ) {}

  getRanges(): unknown[] {
    return this.kit.realm.toRealm(this.record.ranges.map((r) => this.bridge.range(r))) as unknown[];
  }

  copy(): unknown {
    return newConditionalFormatRuleBuilder(this.kit, this.bridge, this.record.steps);
  }
}

export function newConditionalFormatRuleBuilder(
  kit: ServiceKit,
  bridge: RangeBridge,
  from: readonly BuilderStep[] = [],
): unknown {
  const steps: BuilderStep[] = [...from];
  return recordingBuilder(kit, 'ConditionalFormatRuleBuilder', /^(when|set|with)[A-Z]/, steps, bridge, () => {
    const ranges: string[] = [];
    for (const s of steps) {
      if (s.method !== 'setRanges') continue;
      ranges.length = 0;
      for (const r of (s.args[0] ?? []) as { range?: string }[]) if (r?.range) ranges.push(r.range);
    }
    return kit.exposer.expose(
      'ConditionalFormatRule',
      new ConditionalFormatRuleApi(kit, bridge, { steps, ranges }),
    );
  });
}

export interface ChartRecord {
  readonly id: string;
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number } | null;
  steps: BuilderStep[];
}

export const CHART_TYPE = enumOf([
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'RADAR',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
]);

const AS_CHART: Record<string, string> = {
  asAreaChart: 'AREA',
  asBarChart: 'BAR',
  asColumnChart: 'COLUMN',
  asComboChart: 'COMBO',
  asHistogramChart: 'HISTOGRAM',
  asLineChart: 'LINE',
  asPieChart: 'PIE',
  asScatterChart: 'SCATTER',
  asSteppedAreaChart: 'STEPPED_AREA',
  asTableChart: 'TABLE',
};

export class EmbeddedChartApi {
  constructor(
    private readonly kit: ServiceKit,
    private readonly bridge: RangeBridge,
    readonly chart: ChartRecord,
  ) {}

  getId(): string {
    return this.chart.id;
  }

  getChartId(): number {
    return Number(this.chart.id.replace(/\D/g, ''));
  }

  getRanges(): unknown[] {
    return this.kit.realm.toRealm(this.chart.ranges.map((r) => this.bridge.range(r))) as unknown[];
  }

  getType(): string {
    return this.chart.type;
  }

  getOptions(): unknown {
    const options = this.chart.options;
    const realm = this.kit.realm;
    return this.kit.exposer.expose('ChartOptions', {
      get(key: unknown) {
        return realm.toRealm(options[String(key)] ?? null);
      },
    });
  }

  getContainerInfo(): unknown {
    const p = this.chart.position ?? { row: 1, column: 1, offsetX: 0, offsetY: 0 };
    return this.kit.exposer.expose('ContainerInfo', {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.column,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    });
  }

  modify(): unknown {
    return newChartBuilder(this.kit, this.bridge, this.chart);
  }
}

/** Sheet.newChart() and EmbeddedChart.modify(): the built chart keeps the id of the chart it modifies. */
export function newChartBuilder(kit: ServiceKit, bridge: RangeBridge, from?: ChartRecord): unknown {
  const steps: BuilderStep[] = from ? [...from.steps] : [];
  const id = from?.id ?? `u${Math.floor(Math.random() * 1e12)}`;
  return recordingBuilder(
    kit,
    'EmbeddedChartBuilder',
    /^(set|add|as|remove|clear|reverse|use)[A-Z0-9]/,
    steps,
    bridge,
    () => {
      const chart: ChartRecord = { id, type: 'COLUMN', ranges: [], options: {}, position: null, steps };
      for (const s of steps) {
        const [a, b, c, d] = s.args;
        if (s.method === 'addRange' && (a as { range?: string })?.range)
          chart.ranges.push((a as { range: string }).range);
        else if (s.method === 'removeRange')
          chart.ranges = chart.ranges.filter((r) => r !== (a as { range?: string })?.range);
        else if (s.method === 'clearRanges') chart.ranges = [];
        else if (s.method === 'setChartType') chart.type = String(a);
        else if (s.method === 'setOption') chart.options[String(a)] = b;
        else if (s.method === 'setPosition')
          chart.position = { row: Number(a), column: Number(b), offsetX: Number(c), offsetY: Number(d) };
        else if (AS_CHART[s.method]) chart.type = AS_CHART[s.method];
        else if (s.method.startsWith('set') && s.args.length === 1) chart.options[s.method.slice(3)] = a;
      }
      return kit.exposer.expose('EmbeddedChart', new EmbeddedChartApi(kit, bridge, chart));
    },
  );
}
