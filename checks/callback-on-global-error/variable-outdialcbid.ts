import { variableCheck } from './lib/variables.js';

export default variableCheck({ id: 'variable-outdialcbid', name: 'outdialcbid', caption: 'Outdial Entry Point Variable', points: 2 });
