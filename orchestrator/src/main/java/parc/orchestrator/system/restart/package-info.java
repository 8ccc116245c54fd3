/**
 * What a stopped Parc left running, resolved once at the next start by one mechanism:
 * every kind of work ({@link parc.orchestrator.system.restart.InterruptedWork}) is either
 * resumed, where doing it again is safe, or marked failed with the same words,
 * "interrupted by a restart at ...".
 */
package parc.orchestrator.system.restart;
