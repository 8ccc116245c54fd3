package parc.orchestrator.deployment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an administrator deploys. The JSON names are a public contract of
 * {@code POST /api/deployments}.
 *
 * @param packageId the package, or null for a bundle
 * @param machineIds the machines, at least one
 * @param options how; absent options take Pulse 2's defaults
 * @param bundle the packages of a bundle with their levels, or empty for one package
 */
public record DeploymentRequest(Long packageId, @NotEmpty @Size(max = 10_000) List<@NotNull Long> machineIds,
		DeploymentOptions options, @Size(max = 50) List<@Valid @NotNull BundleItem> bundle) {

	public DeploymentRequest {
		machineIds = (machineIds != null) ? List.copyOf(machineIds) : List.of();
		options = (options != null) ? options : DeploymentOptions.defaults();
		bundle = (bundle != null) ? List.copyOf(bundle) : List.of();
	}

	/** One package. */
	public DeploymentRequest(Long packageId, List<Long> machineIds, DeploymentOptions options) {
		this(packageId, machineIds, options, null);
	}

	/** Validated as the field {@code packageId}: one package, or a bundle, not both. */
	@AssertTrue(message = "give a packageId or a bundle of at least two packages, not both")
	boolean isPackageId() {
		return (this.packageId != null) != (this.bundle.size() >= 2);
	}

	public boolean isBundle() {
		return !this.bundle.isEmpty();
	}

}
