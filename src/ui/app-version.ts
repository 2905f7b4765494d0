// The program's version as package.json gives it (exports and printed summaries carry it).
import { version } from '../../package.json';

export const APP_VERSION: string = version;
