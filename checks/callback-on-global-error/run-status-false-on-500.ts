import { statusFalseCheck } from './lib/status-false.js';

export default statusFalseCheck({ id: 'run-status-false-on-500', status: 500, reason: 'Internal Server Error', points: 2 });
