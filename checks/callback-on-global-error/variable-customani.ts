import { aniVariable, variableCheck } from './lib/variables.js';

export default variableCheck({
  id: 'variable-customani',
  name: 'customani',
  caption: 'Custom ANI variable',
  points: 2,
  resolve: aniVariable,
  note: [
    '- The January 2025 guide called this variable `customANI`. That spelling is accepted only when the',
    '  whole flow uses it: it is declared, `customani` is not, and neither the GET_CBID parse rows nor the',
    '  Create Task body use `customani`.',
  ].join('\n'),
});
