// The bpmn-js modules that make the modeler honest and Chinese: palette, context pad and replace menu limited to
// what the engine runs, step templates in the palette, and the Chinese translate service.
import './palette.css';
import ZcContextPadProvider from './context-pad.js';
import ZcPaletteProvider from './palette-provider.js';
import ZcReplaceMenuFilter from './replace-menu.js';
import translateModule from './translate.js';

const honestModeler = {
  __init__: ['zcPaletteProvider', 'zcContextPadProvider', 'zcReplaceMenuFilter'],
  zcPaletteProvider: ['type', ZcPaletteProvider],
  zcContextPadProvider: ['type', ZcContextPadProvider],
  zcReplaceMenuFilter: ['type', ZcReplaceMenuFilter],
};

export const zcModelerModules = [honestModeler, translateModule];
