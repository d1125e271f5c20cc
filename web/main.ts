/**
 * Entry of the page's one script, dist/web/app.js, which runs in two places: in the page
 * (web/app.ts: the drop zone, the options, the report) and in the page's grading worker, whose
 * source is this same script (web/grading-thread.ts), where it only grades what the page sends.
 * The page's module is loaded only in the page: it reaches for the page's elements as it starts.
 */
import { inWorker, serveGradingRequests } from './grading-request.js';

if (inWorker()) serveGradingRequests();
else void import('./app.js');
