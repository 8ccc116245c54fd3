package parc.orchestrator.deployment;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an administrator deploys. The JSON names are a public contract of
 * {@code POST /api/deployments}.
 *
 * @param packageId the package
 * @param machineIds the machines, at least one
 * @param options how; absent options take Pulse 2's defaults
 */
public record DeploymentRequest(@NotNull Long packageId, @NotEmpty @Size(max = 10_000) List<@NotNull Long> machineIds,
		DeploymentOptions options) {

	public DeploymentRequest {
		machineIds = (machineIds != null) ? List.copyOf(machineIds) : List.of();
		options = (options != null) ? options : DeploymentOptions.defaults();
	}

}
