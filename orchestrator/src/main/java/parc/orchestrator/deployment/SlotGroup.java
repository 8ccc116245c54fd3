package parc.orchestrator.deployment;

/**
 * What decides whether one more machine of a deployment may start work: the top
 * deployment (itself, or its bundle), read under a lock on its row.
 *
 * @param top the top deployment's id: slots are counted over it and its children
 * @param paused whether a pause was asked
 * @param stopped whether it was stopped
 * @param concurrency how many machines may work at once
 */
record SlotGroup(long top, boolean paused, boolean stopped, int concurrency) {

}
