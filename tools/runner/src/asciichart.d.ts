/** Types for the parts of asciichart 1.5 the runner uses (the package ships none). */
declare module 'asciichart' {
  /** Options of `plot`. */
  export interface PlotConfig {
    readonly height?: number;
    readonly min?: number;
    readonly max?: number;
    readonly offset?: number;
    readonly padding?: string;
    readonly colors?: readonly (string | undefined)[];
    readonly format?: (value: number, index: number) => string;
  }
  /** Draws one or several series as a multi-line text chart. */
  export function plot(
    series: readonly number[] | readonly (readonly number[])[],
    config?: PlotConfig,
  ): string;
  export const blue: string;
  export const red: string;
  export const cyan: string;
  export const lightgray: string;
  export const green: string;
  export const yellow: string;
  export const magenta: string;
  export const darkgray: string;
}
