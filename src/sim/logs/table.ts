// Columnar tables: every log is a set of equally long typed arrays plus the row offsets of each
// day, so a query touches only the columns and days it needs (the Observable Plot way: an index
// over columns, never an array of row objects).

export type Column =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | Float32Array;

type ColumnCtor =
  | Uint8ArrayConstructor
  | Int8ArrayConstructor
  | Uint16ArrayConstructor
  | Int16ArrayConstructor
  | Uint32ArrayConstructor
  | Int32ArrayConstructor
  | Float32ArrayConstructor;

export type Schema = Record<string, ColumnCtor>;
export type Columns<S extends Schema> = { [K in keyof S]: InstanceType<S[K]> };

export interface Table<S extends Schema = Schema> {
  name: string;
  rows: number;
  columns: Columns<S>;
  /** `dayStart[d]` is the first row of day d (1-based days); `dayStart[days + 1]` is `rows`. */
  dayStart: Int32Array;
}

/** Appends rows day by day; days must be appended in increasing order. */
export class TableBuilder<S extends Schema> {
  rows = 0;
  private capacity: number;
  columns: Columns<S>;
  private readonly dayStart: Int32Array;
  private currentDay = 0;

  constructor(
    readonly name: string,
    private readonly schema: S,
    days: number,
    initialCapacity = 1024,
  ) {
    this.capacity = initialCapacity;
    this.columns = {} as Columns<S>;
    for (const key of Object.keys(schema) as (keyof S)[]) {
      this.columns[key] = new schema[key](initialCapacity) as InstanceType<S[keyof S]>;
    }
    this.dayStart = new Int32Array(days + 2);
  }

  /** Marks the start of `day`; every row added after this belongs to it. */
  startDay(day: number): void {
    for (let d = this.currentDay + 1; d <= day; d++) this.dayStart[d] = this.rows;
    this.currentDay = day;
  }

  /** Reserves one row and returns its index; the caller writes the columns at that index. */
  addRow(): number {
    if (this.rows === this.capacity) this.grow();
    return this.rows++;
  }

  private grow(): void {
    this.capacity *= 2;
    for (const key of Object.keys(this.schema) as (keyof S)[]) {
      const next = new this.schema[key](this.capacity) as InstanceType<S[keyof S]>;
      next.set(this.columns[key] as never);
      this.columns[key] = next;
    }
  }

  /** Appends the first `rows` rows of `columns` (another builder's, e.g. a shard's day of logs). */
  appendRows(columns: Columns<S>, rows: number): void {
    while (this.capacity < this.rows + rows) this.grow();
    for (const key of Object.keys(this.schema) as (keyof S)[]) {
      (this.columns[key] as Column).set((columns[key] as Column).subarray(0, rows), this.rows);
    }
    this.rows += rows;
  }

  /** An independent copy (the twin world forks from the factual one mid-run). */
  clone(): TableBuilder<S> {
    const copy = new TableBuilder(this.name, this.schema, this.dayStart.length - 2, this.capacity);
    copy.rows = this.rows;
    copy.currentDay = this.currentDay;
    copy.dayStart.set(this.dayStart);
    for (const key of Object.keys(this.schema) as (keyof S)[]) copy.columns[key].set(this.columns[key] as never);
    return copy;
  }

  finish(): Table<S> {
    const days = this.dayStart.length - 2;
    for (let d = this.currentDay + 1; d <= days + 1; d++) this.dayStart[d] = this.rows;
    const columns = {} as Columns<S>;
    for (const key of Object.keys(this.schema) as (keyof S)[]) {
      columns[key] = this.columns[key].slice(0, this.rows) as InstanceType<S[keyof S]>;
    }
    return { name: this.name, rows: this.rows, columns, dayStart: this.dayStart };
  }
}

/** Row range [start, end) of the days in `window` (inclusive, 1-based). */
export function rowRange(table: Table, window: readonly [number, number]): [number, number] {
  return [table.dayStart[window[0]], table.dayStart[window[1] + 1]];
}
