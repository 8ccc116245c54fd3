package parc.orchestrator.deployment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an administrator deploys. The JSON names are a public contract of
 * {@code POST /api/deployments}.
 *
 * @param packageId the package, or null for a bundle
 * @param machineIds the machines, at least one, unless a group is given
 * @param options how; absent options take Pulse 2's defaults
 * @param bundle the packages of a bundle with their levels, or empty for one package
 * @param groupId a group whose members, at launch, are the machines; a dynamic group is
 * resolved once and the deployment keeps that list
 */
public record DeploymentRequest(Long packageId,
		@Size(max = DeploymentRequest.MAX_MACHINES) List<@NotNull Long> machineIds, DeploymentOptions options,
		@Size(max = 50) List<@Valid @NotNull BundleItem> bundle, Long groupId) {

	/** The most machines one deployment reaches. */
	public static final int MAX_MACHINES = 10_000;

	public DeploymentRequest {
		machineIds = (machineIds != null) ? List.copyOf(machineIds) : List.of();
		options = (options != null) ? options : DeploymentOptions.defaults();
		bundle = (bundle != null) ? List.copyOf(bundle) : List.of();
	}

	/** One package. */
	public DeploymentRequest(Long packageId, List<Long> machineIds, DeploymentOptions options) {
		this(packageId, machineIds, options, null, null);
	}

	/** Chosen machines. */
	public DeploymentRequest(Long packageId, List<Long> machineIds, DeploymentOptions options,
			List<BundleItem> bundle) {
		this(packageId, machineIds, options, bundle, null);
	}

	/** One package to a group's members. */
	public static DeploymentRequest toGroup(long packageId, long groupId, DeploymentOptions options) {
		return new DeploymentRequest(packageId, null, options, null, groupId);
	}

	/** Validated as the field {@code machineIds}: some machines, or a group. */
	@AssertTrue(message = "{parc.validation.deployment.noTarget}")
	boolean isMachineIds() {
		return !this.machineIds.isEmpty() || this.groupId != null;
	}

	/** Validated as the field {@code groupId}: a group, or chosen machines, not both. */
	@AssertTrue(message = "{parc.validation.deployment.machinesAndGroup}")
	boolean isGroupId() {
		return this.machineIds.isEmpty() || this.groupId == null;
	}

	/** Validated as the field {@code packageId}: one package, or a bundle, not both. */
	@AssertTrue(message = "{parc.validation.deployment.packageOrBundle}")
	boolean isPackageId() {
		return (this.packageId != null) != (this.bundle.size() >= 2);
	}

	public boolean isBundle() {
		return !this.bundle.isEmpty();
	}

}
