package parc.orchestrator.pkg;

import java.time.Instant;

/**
 * A package repository (Pulse 2's "package API"). The JSON names are part of
 * {@code /api/package-depots}.
 *
 * @param id identifier
 * @param name unique name
 * @param description what it holds
 * @param isDefault whether new packages go there when none is named
 * @param createdAt when it was made
 */
public record PackageDepot(long id, String name, String description, boolean isDefault, Instant createdAt) {

}
