package parc.orchestrator.system.restart;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, before anything else reacts to Parc being ready (schedules would skip a fire
 * while their last run still said RUNNING), resolves every kind of interrupted work, and
 * logs what it did. Parc runs on one node: what is running at its start was the earlier
 * process's.
 */
@Component
public class InterruptedWorkRecovery {

	private static final Logger log = LoggerFactory.getLogger(InterruptedWorkRecovery.class);

	private final List<InterruptedWork> kinds;

	private final Clock clock;

	InterruptedWorkRecovery(List<InterruptedWork> kinds, Optional<Clock> clock) {
		this.kinds = kinds;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void atStart() {
		resolveAll();
	}

	/**
	 * Resolves every kind; one that fails is logged and does not keep the others from
	 * being resolved.
	 * @return what was done, by kind, for the kinds that had anything left running
	 */
	public Map<String, InterruptedWork.Resolved> resolveAll() {
		Interruption interruption = new Interruption(this.clock.instant());
		Map<String, InterruptedWork.Resolved> done = new LinkedHashMap<>();
		for (InterruptedWork kind : this.kinds) {
			try {
				InterruptedWork.Resolved resolved = kind.resolve(interruption);
				if (resolved.any()) {
					done.put(kind.kind(), resolved);
					log.warn("Left running by the last stop, {}: {} resumed, {} marked failed ({})", kind.kind(),
							resolved.resumed(), resolved.failed(), interruption.reason());
				}
			}
			catch (RuntimeException ex) {
				log.error("Could not resolve the {} left running by the last stop", kind.kind(), ex);
			}
		}
		return done;
	}

}
