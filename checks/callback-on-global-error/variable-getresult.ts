import { variableCheck } from './lib/variables.js';

export default variableCheck({ id: 'variable-getresult', name: 'getresult', caption: 'HTTP GET Result variable', points: 2 });
