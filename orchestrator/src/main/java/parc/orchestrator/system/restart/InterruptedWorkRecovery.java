package parc.orchestrator.system.restart;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Resolves every kind of work a gone node left running, and logs what it did: at this
 * node's start, before anything else reacts to Parc being ready (schedules would skip a
 * fire while their last run still said RUNNING), and when another node stops answering.
 * The cluster's heartbeat says when and whose.
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

	/**
	 * As at the start of a node that runs alone.
	 * @return what was done, by kind, for the kinds that had anything left running
	 */
	public Map<String, InterruptedWork.Resolved> resolveAll() {
		return resolveAll(Interruption.alone(this.clock.instant(), "this node"));
	}

	/**
	 * Resolves every kind; one that fails is logged and does not keep the others from
	 * being resolved.
	 * @return what was done, by kind, for the kinds that had anything left running
	 */
	public Map<String, InterruptedWork.Resolved> resolveAll(Interruption interruption) {
		String whose = interruption.atStart() ? "the last stop"
				: "node " + interruption.lostNode() + ", which stopped answering";
		Map<String, InterruptedWork.Resolved> done = new LinkedHashMap<>();
		for (InterruptedWork kind : this.kinds) {
			try {
				InterruptedWork.Resolved resolved = kind.resolve(interruption);
				if (resolved.any()) {
					done.put(kind.kind(), resolved);
					log.warn("Left running by {}, {}: {} resumed, {} marked failed ({})", whose, kind.kind(),
							resolved.resumed(), resolved.failed(), interruption.reason());
				}
			}
			catch (RuntimeException ex) {
				log.error("Could not resolve the {} left running by {}", kind.kind(), whose, ex);
			}
		}
		return done;
	}

}
