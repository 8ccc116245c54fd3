/**
 * The Settings area's agent and inventory page, and its REST twin: FREQUENCY,
 * PROLOG_FREQ, inventories kept, duplicate criteria, agent authentication, allowed
 * networks, TAG label and administrative fields.
 */
package parc.ui.settings;
