package parc.orchestrator.quickaction;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an administrator asks to run. The JSON names are a public contract of
 * {@code POST /api/quick-actions/runs}.
 *
 * @param actionId a predefined action, or null for a free command
 * @param command a free command (sh on Unix, PowerShell on Windows), when no action is
 * named
 * @param arguments values for the action's parameters or the command's {@code "$1"}...,
 * passed as data
 * @param machineIds the machines, at least one
 */
public record QuickActionRequest(@Size(max = 64) String actionId, @Size(max = 8192) String command,
		@Size(max = 16) List<@NotNull @Size(max = 1024) String> arguments,
		@NotEmpty @Size(max = 500) List<@NotNull Long> machineIds) {

	public QuickActionRequest {
		arguments = (arguments != null) ? List.copyOf(arguments) : List.of();
		machineIds = (machineIds != null) ? List.copyOf(machineIds) : List.of();
	}

}
