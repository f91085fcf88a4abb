// snowball-stemmers (a JavaScript port of the Snowball stemmers) ships no types: the part we use.
declare module "snowball-stemmers" {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(algorithm: string): Stemmer;
  export function algorithms(): string[];
}
