import { variableCheck } from './lib/variables.js';

export default variableCheck({ id: 'variable-simulatederror', name: 'simulatederror', caption: 'Simulated Error variable', points: 2 });
