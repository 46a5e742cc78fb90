/** A line of the source text after normalisation, with its 1-based line number in the raw text. */
export interface SourceLine {
  line: number;
  text: string;
}
