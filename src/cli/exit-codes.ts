// Exit codes of the command-line programs (sim, claims): 0 done, 2 bad input, 1 internal error.
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;
