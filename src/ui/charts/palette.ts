// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies and on a
// washed-out projector.
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C6D31'];

export function colorAt(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}
