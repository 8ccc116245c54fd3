package parc.orchestrator.machine;

import java.util.List;

/**
 * Machines an administrator would really register. Addresses are from the documentation
 * ranges (RFC 5737).
 */
public final class MachineFixtures {

	private MachineFixtures() {
	}

	public static MachineDraft debianWebServer(String name) {
		return new MachineDraft(name, "192.0.2.10", List.of("aa-bb-cc-dd-ee-01"), OsFamily.LINUX, Channel.AGENTLESS_SSH,
				null, "deploy", null, List.of("web", "prod"), "Rack 3, slot 12", null);
	}

	public static MachineDraft windowsDesktopWithOcsAgent(String name) {
		return new MachineDraft(name, "pc-accounting-07.example.org", List.of(), OsFamily.WINDOWS, Channel.OCS_AGENT,
				null, null, null, List.of(), null, null);
	}

}
