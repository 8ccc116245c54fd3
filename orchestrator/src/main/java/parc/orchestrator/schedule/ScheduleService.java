package parc.orchestrator.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import parc.orchestrator.network.NetworkNotFoundException;
import parc.orchestrator.network.NetworkService;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * The schedules and their runs: checks a schedule before it is saved (its cron, the
 * shortest gap between fires, its window and target), previews its next fire times, and
 * records each run, never two of one schedule at once.
 */
@Service
@EnableConfigurationProperties(ScheduleProperties.class)
public class ScheduleService {

	private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);

	public static final int DEFAULT_CONCURRENCY = 10;

	public static final int MAX_CONCURRENCY = 500;

	private static final int MAX_NAME = 100;

	private final ScheduleRepository repository;

	private final NetworkService networks;

	private final ScheduleProperties properties;

	private final ScheduleTriggers triggers;

	private final Clock clock;

	ScheduleService(ScheduleRepository repository, ScheduleProperties properties, ScheduleTriggers triggers,
			NetworkService networks, Optional<Clock> clock) {
		this.repository = repository;
		this.networks = networks;
		this.properties = properties;
		this.triggers = triggers;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public ZoneId zone() {
		return this.properties.timeZone();
	}

	/**
	 * @throws InvalidScheduleException naming the field at fault
	 */
	@Transactional
	public Schedule create(ScheduleDraft draft, String by) {
		ScheduleValues values = check(draft);
		Instant now = this.clock.instant();
		long id = save(values, () -> this.repository.insert(values, by, now));
		Schedule schedule = get(id);
		// Quartz's JDBC store writes through Spring's transaction: both or neither.
		this.triggers.sync(schedule, zone());
		return schedule;
	}

	/**
	 * @throws ScheduleNotFoundException when there is no such schedule
	 * @throws InvalidScheduleException naming the field at fault
	 */
	@Transactional
	public Schedule update(long id, ScheduleDraft draft) {
		ScheduleValues values = check(draft);
		boolean found = save(values, () -> this.repository.update(id, values, this.clock.instant()));
		if (!found) {
			throw new ScheduleNotFoundException(id);
		}
		Schedule schedule = get(id);
		this.triggers.sync(schedule, zone());
		return schedule;
	}

	/**
	 * At start-up, once runs left RUNNING by a Parc that stopped were failed
	 * ({@code InterruptedWorkRecovery}, which runs first): a trigger for each enabled
	 * schedule that has none, none for the others. Existing triggers are left as they
	 * are, so that the fires they missed while Parc was down still give their one run.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void checkTriggers() {
		List<Schedule> all = this.repository.all();
		int added = 0;
		for (Schedule schedule : all) {
			if (this.triggers.syncIfMissing(schedule, zone())) {
				added++;
			}
		}
		int removed = this.triggers.removeAllBut(all.stream().map(Schedule::id).collect(Collectors.toSet()));
		if (added + removed > 0) {
			log.info("Schedule triggers: {} added, {} removed", added, removed);
		}
	}

	public Schedule get(long id) {
		return this.repository.find(id).orElseThrow(() -> new ScheduleNotFoundException(id));
	}

	public Page<Schedule> list(PageRequest page) {
		return this.repository.list(page);
	}

	public List<Schedule> all() {
		return this.repository.all();
	}

	/**
	 * @throws ScheduleNotFoundException when there is no such schedule
	 */
	@Transactional
	public void delete(long id) {
		if (!this.repository.delete(id)) {
			throw new ScheduleNotFoundException(id);
		}
		this.triggers.remove(id);
	}

	/**
	 * The next fire times of a draft, shown before it is saved.
	 * @throws InvalidScheduleException when its cron or hours are not valid
	 */
	public List<Instant> nextFireTimes(String cron, Integer everyHours, int count) {
		ScheduleRecurrence recurrence = new ScheduleRecurrence(cron, everyHours);
		return recurrence.nextFireTimes(this.clock.instant(), zone(), count);
	}

	/**
	 * Starts a run of a schedule, or records it SKIPPED when one is still running.
	 * @param startedBy {@code schedule}, {@code start-up} or a user name
	 * @return the run: RUNNING when started, SKIPPED with the reason otherwise
	 * @throws ScheduleNotFoundException when there is no such schedule
	 */
	@Transactional
	public ScheduleRun startRun(long scheduleId, String startedBy) {
		get(scheduleId);
		Instant now = this.clock.instant();
		Optional<Long> started = this.repository.startRun(scheduleId, startedBy, now);
		if (started.isPresent()) {
			return this.repository.run(started.get()).orElseThrow();
		}
		String reason = this.repository.running(scheduleId)
			.map((running) -> "run " + running.id() + ", started " + running.startedAt() + ", is still running")
			.orElse("another run was starting at the same moment");
		long skipped = this.repository.insertSkipped(scheduleId, startedBy, reason, now);
		return this.repository.run(skipped).orElseThrow();
	}

	/**
	 * Records a run that did not start, with the reason.
	 * @throws ScheduleNotFoundException when there is no such schedule
	 */
	@Transactional
	public ScheduleRun skip(long scheduleId, String startedBy, String reason) {
		get(scheduleId);
		long skipped = this.repository.insertSkipped(scheduleId, startedBy, reason, this.clock.instant());
		return run(skipped);
	}

	/** The schedule's run that is running, if one is. */
	public Optional<ScheduleRun> runningRun(long scheduleId) {
		return this.repository.running(scheduleId);
	}

	/** One run, as it stands. */
	public ScheduleRun run(long runId) {
		return this.repository.run(runId).orElseThrow(() -> new IllegalArgumentException("No schedule run " + runId));
	}

	/** What a running run has counted so far, shown while it works. */
	@Transactional
	public void progress(long runId, ScheduleRun.Counts counts) {
		this.repository.counts(runId, counts);
	}

	/**
	 * Leaves a run RUNNING in the hands of the engine, which finishes it: it outlives a
	 * restart of Parc, where a run this node worked on is ended FAILED.
	 */
	@Transactional
	public void handOver(long runId) {
		this.repository.handOver(runId);
	}

	/**
	 * Ends a run DONE or FAILED.
	 * @return false when it was not running any more
	 */
	@Transactional
	public boolean finishRun(long runId, ScheduleRun.State state, ScheduleRun.Counts counts, String error) {
		if (state != ScheduleRun.State.DONE && state != ScheduleRun.State.FAILED) {
			throw new IllegalArgumentException("A run ends DONE or FAILED, not " + state);
		}
		return this.repository.finishRun(runId, state, counts, error, this.clock.instant());
	}

	/**
	 * @throws ScheduleNotFoundException when there is no such schedule
	 */
	public Page<ScheduleRun> runs(long scheduleId, PageRequest page) {
		get(scheduleId);
		return this.repository.runs(scheduleId, page);
	}

	private ScheduleValues check(ScheduleDraft draft) {
		String name = (draft.name() == null) ? "" : draft.name().strip();
		if (name.isEmpty() || name.length() > MAX_NAME) {
			throw new InvalidScheduleException("name", "Give a name of 1 to " + MAX_NAME + " characters");
		}
		if (draft.kind() == null) {
			throw new InvalidScheduleException("kind",
					"Give a kind: AGENTLESS_INVENTORY, NETWORK_SWEEP or HOUSEKEEPING");
		}
		if (draft.target() == null) {
			throw new InvalidScheduleException("target", "Give a target: a groupId, networkIds, or all: true");
		}
		draft.target().checkFits(draft.kind());
		if (draft.target().networkIds() != null) {
			for (long networkId : draft.target().networkIds()) {
				try {
					this.networks.get(networkId);
				}
				catch (NetworkNotFoundException ex) {
					throw new InvalidScheduleException("target.networkIds", "No network " + networkId);
				}
			}
		}
		ScheduleRecurrence recurrence = new ScheduleRecurrence(draft.cron(), draft.everyHours());
		recurrence.checkFiresAtMostEvery(this.properties.minInterval(), this.clock.instant(), zone());
		AllowedHours window = (draft.window() == null || draft.window().isBlank()) ? null
				: AllowedHours.parse(draft.window());
		int concurrency = (draft.concurrency() == null) ? DEFAULT_CONCURRENCY : draft.concurrency();
		if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
			throw new InvalidScheduleException("concurrency",
					"Concurrency " + concurrency + ": give 1 to " + MAX_CONCURRENCY);
		}
		return new ScheduleValues(name, draft.kind(), draft.target(), recurrence, window, concurrency,
				draft.enabled() == null || draft.enabled());
	}

	private static <T> T save(ScheduleValues values, java.util.function.Supplier<T> write) {
		try {
			return write.get();
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidScheduleException("name", "A schedule named \"" + values.name() + "\" exists already");
		}
		catch (DataIntegrityViolationException ex) {
			// The group is the schedule's one foreign key; anything else is no user's
			// mistake.
			if (values.target().groupId() == null) {
				throw ex;
			}
			throw new InvalidScheduleException("target.groupId", "No group " + values.target().groupId());
		}
	}

}
