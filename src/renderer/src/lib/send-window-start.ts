/**
 * Sends the window's start-up request as this module runs: the entry imports it before the app's
 * own modules, so the request is on its way before they are evaluated (see window-start.ts).
 */
import { requestWindowStart } from './window-start';

requestWindowStart();
