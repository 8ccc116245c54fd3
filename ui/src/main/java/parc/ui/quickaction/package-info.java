/**
 * The Actions area: quick actions (run, history) and file pulls, in the console and the
 * API.
 */
package parc.ui.quickaction;
