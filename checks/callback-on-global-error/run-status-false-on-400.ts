import { statusFalseCheck } from './lib/status-false.js';

export default statusFalseCheck({ id: 'run-status-false-on-400', status: 400, reason: 'Bad Request', points: 2 });
