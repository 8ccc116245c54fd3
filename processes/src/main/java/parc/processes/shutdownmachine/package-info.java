/**
 * The {@code shut-down-machine} process: the shutdown phase of a deployment, the shared
 * phase shape.
 */
package parc.processes.shutdownmachine;
