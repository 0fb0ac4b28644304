import ZcPropertiesProvider from './ZcPropertiesProvider.js';

export default {
  __init__: ['zcPropertiesProvider'],
  zcPropertiesProvider: ['type', ZcPropertiesProvider],
};
