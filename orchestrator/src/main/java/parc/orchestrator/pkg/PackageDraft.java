package parc.orchestrator.pkg;

import jakarta.validation.Valid;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import parc.orchestrator.machine.OsFamily;

/**
 * A package's metadata, to create one or change it. The JSON names are a public contract
 * of {@code POST /api/packages} (the {@code metadata} part).
 *
 * @param label 1 to 255 characters
 * @param version 1 to 64 characters
 * @param description free text, up to 4000 characters
 * @param command the install command, up to 4096 characters
 * @param osFamily the machines it is for
 * @param needsReboot whether the machine restarts after it; false when absent
 * @param depotId the repository, or null for the default one (ignored on change)
 * @param agent how OCS agents receive it, or null for the defaults
 */
public record PackageDraft(@NotBlank @Size(max = 255) String label, @NotBlank @Size(max = 64) String version,
		@Size(max = 4000) String description, @NotBlank @Size(max = 4096) String command, @NotNull OsFamily osFamily,
		Boolean needsReboot, Long depotId, @Valid AgentPackageSettings agent) {

	/** With the default agent settings. */
	public PackageDraft(String label, String version, String description, String command, OsFamily osFamily,
			Boolean needsReboot, Long depotId) {
		this(label, version, description, command, osFamily, needsReboot, depotId, null);
	}

	public boolean reboot() {
		return Boolean.TRUE.equals(this.needsReboot);
	}

}
