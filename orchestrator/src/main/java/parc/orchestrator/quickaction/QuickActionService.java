package parc.orchestrator.quickaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

import parc.orchestrator.agentless.AgentlessGateway;
import parc.orchestrator.agentless.AgentlessService;
import parc.orchestrator.agentless.CommandOutcome;
import parc.orchestrator.agentless.RemoteCommandRequest;
import parc.orchestrator.agentless.RemoteTarget;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * Runs quick actions now: every machine of a run works in parallel on the agentless pool,
 * its latest lines can be read while it runs, and its exit code and output (head and
 * tail, capped) are kept in the action history. A machine that cannot be reached fails
 * alone; the others go on.
 */
@Service
@Validated
public class QuickActionService {

	/** Output kept per machine: enough for a status page, bounded for a flood. */
	static final long MAX_OUTPUT_BYTES = 256 * 1024;

	/** Free commands get the same limit as a predefined action without one. */
	static final Duration FREE_COMMAND_LIMIT = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(QuickActionService.class);

	private final QuickActionCatalog catalog;

	private final QuickActionRepository repository;

	private final MachineService machines;

	private final AgentlessService agentless;

	private final AgentlessGateway gateway;

	private final Executor executor;

	private final Clock clock;

	/** Output of the commands still running, by run and machine name. */
	private final Map<String, LiveOutput> live = new ConcurrentHashMap<>();

	QuickActionService(QuickActionCatalog catalog, QuickActionRepository repository, MachineService machines,
			AgentlessService agentless, AgentlessGateway gateway, @Qualifier("agentlessExecutor") Executor executor,
			Optional<Clock> clock) {
		this.catalog = catalog;
		this.repository = repository;
		this.machines = machines;
		this.agentless = agentless;
		this.gateway = gateway;
		this.executor = executor;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public List<QuickAction> actions() {
		return this.catalog.actions();
	}

	/** Why the quick actions file was not read, or null. */
	public String catalogProblem() {
		return this.catalog.problem();
	}

	/**
	 * Starts a run and returns it at once, its machines RUNNING.
	 * @throws UnknownQuickActionException for an action id not in the file
	 * @throws IllegalArgumentException when neither or both of action and command are
	 * given, or the arguments do not match the action's parameters
	 */
	public QuickActionRun start(@Valid QuickActionRequest request, String requestedBy) {
		String unix;
		String windows;
		String label;
		Duration limit;
		boolean free = request.actionId() == null || request.actionId().isBlank();
		if (free) {
			if (request.command() == null || request.command().isBlank()) {
				throw new IllegalArgumentException("command: give a predefined actionId or a free command");
			}
			unix = request.command();
			windows = request.command();
			label = request.command().strip();
			limit = FREE_COMMAND_LIMIT;
		}
		else {
			if (request.command() != null && !request.command().isBlank()) {
				throw new IllegalArgumentException("command: give either an actionId or a free command, not both");
			}
			QuickAction action = this.catalog.find(request.actionId())
				.orElseThrow(() -> new UnknownQuickActionException(request.actionId()));
			if (request.arguments().size() != action.parameters().size()) {
				throw new IllegalArgumentException("arguments: " + action.id() + " takes " + action.parameters().size()
						+ " value(s) " + action.parameters() + ", got " + request.arguments().size());
			}
			unix = action.unix();
			windows = action.windows();
			label = action.label(java.util.Locale.ENGLISH);
			limit = Duration.ofSeconds(action.timeLimitSeconds());
		}
		List<Machine> targets = new ArrayList<>();
		for (Long id : request.machineIds().stream().distinct().toList()) {
			targets.add(this.machines.get(id));
		}
		long runId = this.repository.insertRun(free ? null : request.actionId(), label, unix, windows,
				request.arguments(), requestedBy, this.clock.instant());
		for (Machine machine : targets) {
			this.repository.insertResult(runId, machine.id(), machine.name(), this.clock.instant());
		}
		for (Machine machine : targets) {
			String script = (machine.osFamily() == OsFamily.WINDOWS) ? windows : unix;
			this.executor.execute(() -> runOn(runId, machine, script, request.arguments(), limit));
		}
		return run(runId).orElseThrow();
	}

	private void runOn(long runId, Machine machine, String script, List<String> arguments, Duration limit) {
		LiveOutput output = new LiveOutput();
		this.live.put(liveKey(runId, machine.name()), output);
		try {
			if (script == null) {
				throw new IllegalStateException("this action has no script for " + machine.osFamily() + " machines");
			}
			RemoteTarget target = this.agentless.target(machine);
			CommandOutcome outcome = this.gateway.runCommand(target,
					new RemoteCommandRequest(script, arguments, limit, MAX_OUTPUT_BYTES), output::add);
			this.repository.finishResult(runId, machine.name(), QuickActionResult.State.DONE, outcome.exitCode(),
					outcome.timedOut(), outcome.lines(), outcome.droppedLines(), null, this.clock.instant());
		}
		catch (RuntimeException ex) {
			this.repository.finishResult(runId, machine.name(), QuickActionResult.State.FAILED, null, false, List.of(),
					0, (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName(),
					this.clock.instant());
		}
		finally {
			this.live.remove(liveKey(runId, machine.name()));
		}
	}

	/** A run; the machines still working show the lines they printed so far. */
	public Optional<QuickActionRun> run(long id) {
		return this.repository.run(id).map((run) -> {
			if (!run.running()) {
				return run;
			}
			List<QuickActionResult> results = run.results().stream().map((result) -> {
				LiveOutput output = this.live.get(liveKey(id, result.machineName()));
				if (result.state() != QuickActionResult.State.RUNNING || output == null) {
					return result;
				}
				return new QuickActionResult(result.machineId(), result.machineName(), result.state(), null, false,
						output.lines(), output.dropped(), result.startedAt(), null, null);
			}).toList();
			return new QuickActionRun(run.id(), run.actionId(), run.label(), run.unixScript(), run.windowsScript(),
					run.arguments(), run.requestedBy(), run.requestedAt(), results);
		});
	}

	private static String liveKey(long runId, String machineName) {
		return runId + "\n" + machineName;
	}

	/** The action history, newest first, without the machines' outputs. */
	/**
	 * Housekeeping: forgets the runs, with their outputs, requested before {@code before}
	 * and no longer running.
	 * @return how many runs were forgotten
	 */
	public int forgetRunsBefore(Instant before) {
		return this.repository.deleteFinishedRunsBefore(before);
	}

	public Page<QuickActionRun> history(PageRequest page) {
		return this.repository.runs(page);
	}

}
