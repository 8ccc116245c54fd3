package parc.orchestrator.deployment;

import java.time.Instant;
import java.util.List;

/**
 * A package deployed to machines. The JSON names are a public contract of {@code GET
 * /api/deployments/{id}}.
 *
 * @param id the deployment
 * @param packageId the package (null for a bundle, whose children carry the packages)
 * @param label what it deploys, "label version"
 * @param options how it runs, defaults filled in
 * @param requestedBy who asked
 * @param requestedAt when
 * @param pauseRequested whether machines stop at the end of their current phase
 * @param processInstanceId its top process instance, once launched (for Cockpit)
 * @param stoppedBy who stopped it, when stopped
 * @param targets one per machine (empty in lists); for a bundle, each machine shows the
 * package it is at
 * @param bundle a bundle's packages with their levels and deployments, empty otherwise
 * @param groupId the group it was launched on, null for chosen machines or once that
 * group is deleted
 * @param groupName that group's name at launch, null for chosen machines
 */
public record Deployment(long id, Long packageId, String label, DeploymentOptions options, String requestedBy,
		Instant requestedAt, boolean pauseRequested, String processInstanceId, String stoppedBy,
		List<DeploymentTarget> targets, List<BundlePart> bundle, Long groupId, String groupName) {

	public Deployment {
		targets = List.copyOf(targets);
		bundle = (bundle != null) ? List.copyOf(bundle) : List.of();
	}

	/** To chosen machines. */
	public Deployment(long id, Long packageId, String label, DeploymentOptions options, String requestedBy,
			Instant requestedAt, boolean pauseRequested, String processInstanceId, String stoppedBy,
			List<DeploymentTarget> targets, List<BundlePart> bundle) {
		this(id, packageId, label, options, requestedBy, requestedAt, pauseRequested, processInstanceId, stoppedBy,
				targets, bundle, null, null);
	}

	/**
	 * One of its machines.
	 * @throws MachineNotInDeploymentException when the machine is not one of them
	 */
	public DeploymentTarget target(long machineId) {
		return this.targets.stream()
			.filter((candidate) -> candidate.machineId() != null && candidate.machineId() == machineId)
			.findFirst()
			.orElseThrow(() -> new MachineNotInDeploymentException(this.id, machineId));
	}

	/** A copy with other targets (a bundle's, shown per machine). */
	Deployment withTargets(List<DeploymentTarget> shown, List<BundlePart> parts) {
		return new Deployment(this.id, this.packageId, this.label, this.options, this.requestedBy, this.requestedAt,
				this.pauseRequested, this.processInstanceId, this.stoppedBy, shown, parts, this.groupId,
				this.groupName);
	}

	/**
	 * From the machines: in progress while one has work ahead, then done, failed or
	 * stopped.
	 */
	@com.fasterxml.jackson.annotation.JsonProperty("state")
	public DeploymentState state() {
		if (this.targets.isEmpty() || this.targets.stream().anyMatch((target) -> !target.state().isFinal())) {
			return this.pauseRequested ? DeploymentState.PAUSED : DeploymentState.IN_PROGRESS;
		}
		if (this.targets.stream().allMatch((target) -> target.state() == TargetState.DONE)) {
			return DeploymentState.DONE;
		}
		return this.targets.stream().anyMatch((target) -> target.state() == TargetState.FAILED) ? DeploymentState.FAILED
				: DeploymentState.STOPPED;
	}

}
