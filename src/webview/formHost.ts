/**
 * Entry of the lazily loaded forms bundle (dist/forms.js): the form panels, their sessions, the
 * backend over the Azure layer and the form definitions. Loaded on the first form, see FormLauncher.
 */
export { FormPanels } from './FormPanels';
