package parc.orchestrator.deployment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * One package of a bundle and its order level: packages of one level are deployed in
 * parallel, the next level only when all earlier ones succeeded. The JSON names are part
 * of {@code POST /api/deployments} ({@code bundle}).
 *
 * @param packageId the package
 * @param level 1 first
 */
public record BundleItem(@NotNull Long packageId, @Min(1) @Max(100) int level) {

}
