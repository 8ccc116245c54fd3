package parc.orchestrator.deployment;

import java.time.Instant;

/**
 * A deployment in a list: what it deploys and how its machines stand, without them.
 *
 * @param id the deployment
 * @param label what it deploys
 * @param requestedBy who asked
 * @param requestedAt when
 * @param state as {@link Deployment#state()}
 * @param machines how many machines
 * @param done machines done
 * @param failed machines failed
 * @param stopped machines stopped
 * @param processInstanceId its top process instance
 * @param groupName the group it was launched on, null for chosen machines
 */
public record DeploymentSummary(long id, String label, String requestedBy, Instant requestedAt, DeploymentState state,
		int machines, int done, int failed, int stopped, String processInstanceId, String groupName) {

	/** To chosen machines. */
	public DeploymentSummary(long id, String label, String requestedBy, Instant requestedAt, DeploymentState state,
			int machines, int done, int failed, int stopped, String processInstanceId) {
		this(id, label, requestedBy, requestedAt, state, machines, done, failed, stopped, processInstanceId, null);
	}

	/** Machines with work ahead. */
	public int inProgress() {
		return this.machines - this.done - this.failed - this.stopped;
	}

	/** Finished machines in percent, for the progress bar. */
	public int percentFinished() {
		return (this.machines == 0) ? 0 : (int) ((this.machines - inProgress()) * 100L / this.machines);
	}

}
