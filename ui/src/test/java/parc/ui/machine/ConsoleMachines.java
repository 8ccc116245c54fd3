package parc.ui.machine;

import java.time.Instant;
import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;

import org.mockito.Mockito;

import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;

/** Machines and service verdicts the console and API tests share. */
final class ConsoleMachines {

	/** A Debian web server as the service returns it. */
	static final Machine WEB_01 = new Machine(7, "web-01", "192.0.2.10", List.of("AA:BB:CC:DD:EE:01"), OsFamily.LINUX,
			Channel.AGENTLESS_SSH, 22, "deploy", null, List.of("web"), "Rack 3", Instant.parse("2026-01-02T03:04:05Z"),
			Instant.parse("2026-01-02T03:04:05Z"), 3);

	private ConsoleMachines() {
	}

	/**
	 * The exception {@link MachineService#register} throws for this draft, produced by
	 * the real validator on the real rules, so the controllers are tested against the
	 * property paths they will really see.
	 */
	static ConstraintViolationException rejectionOf(MachineDraft draft) {
		try {
			var violations = Validation.buildDefaultValidatorFactory()
				.getValidator()
				.forExecutables()
				.validateParameters(Mockito.mock(MachineService.class),
						MachineService.class.getMethod("register", MachineDraft.class), new Object[] { draft });
			if (violations.isEmpty()) {
				throw new IllegalArgumentException("The service would accept this draft: " + draft);
			}
			return new ConstraintViolationException(violations);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
