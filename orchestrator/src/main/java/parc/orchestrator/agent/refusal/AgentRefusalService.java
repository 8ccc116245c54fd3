package parc.orchestrator.agent.refusal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.system.sql.LikePattern;

/**
 * Keeps the requests the agent endpoint refused, grouped, for the "Refused agents" list
 * and each machine's page. Recording never fails the refusal itself: with the database
 * out of reach, the log line is all there is.
 */
@Service
public class AgentRefusalService {

	/** Rows kept; a flood of distinct junk cannot grow the table past this. */
	static final int KEPT = 2_000;

	private static final Logger log = LoggerFactory.getLogger(AgentRefusalService.class);

	private static final int MAX_TEXT = 300;

	private final AgentRefusalRepository repository;

	private final Clock clock;

	private final int kept;

	@Autowired
	AgentRefusalService(AgentRefusalRepository repository, Optional<Clock> clock) {
		this(repository, clock.orElse(Clock.systemUTC()), KEPT);
	}

	AgentRefusalService(AgentRefusalRepository repository, Clock clock, int kept) {
		this.repository = repository;
		this.clock = clock;
		this.kept = kept;
	}

	/**
	 * Two statements, each on its own: a transaction around them would be opened before
	 * the failure this method swallows could be caught.
	 */
	public void record(RefusedRequest refused) {
		RefusedRequest clean = new RefusedRequest(capped(refused.remoteAddress()), capped(refused.userAgent()),
				refused.status(), capped(refused.reason()), capped(refused.deviceId()));
		try {
			if (this.repository.record(clean, this.clock.instant())) {
				this.repository.keepLatest(this.kept);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Could not keep the refusal of {} ({}) in the list: {}", clean.remoteAddress(), clean.reason(),
					ex.getMessage());
		}
	}

	/**
	 * @param query part of an address, User-Agent, reason or DEVICEID
	 * @param machineId only the refusals of this machine's agents, or null
	 */
	@Transactional(readOnly = true)
	public Page<AgentRefusal> find(String query, Long machineId, PageRequest page) {
		String pattern = (query == null || query.isBlank()) ? null : "%" + LikePattern.literal(query.strip()) + "%";
		List<AgentRefusal> rows = this.repository.page(pattern, machineId, page.offset(), page.size());
		return new Page<>(rows, page.page(), page.size(), this.repository.count(pattern, machineId));
	}

	/**
	 * @return how many rows were removed
	 */
	@Transactional
	public int clear() {
		return this.repository.deleteAll();
	}

	private static String capped(String text) {
		if (text == null) {
			return null;
		}
		String clean = text.replaceAll("\\p{Cntrl}", "").strip();
		return (clean.length() > MAX_TEXT) ? clean.substring(0, MAX_TEXT) + "..." : clean;
	}

}
