/**
 * Delegates every deployment phase process uses: plan an attempt inside the windows,
 * start the phase's work away from the engine, record its outcome and decide what next.
 */
package parc.processes.shared;
