package parc.orchestrator.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import parc.orchestrator.network.Network;
import parc.orchestrator.network.NetworkService;
import parc.orchestrator.network.NetworkSummary;
import parc.orchestrator.schedule.Schedule;
import parc.orchestrator.schedule.ScheduleKind;
import parc.orchestrator.schedule.ScheduleRun;
import parc.orchestrator.schedule.ScheduledWork;
import parc.orchestrator.system.paging.PageRequest;

/**
 * The work of a network sweep schedule: sweeps its networks one after the other (all the
 * networks that are neither ignored nor larger than a confirmed sweep would be, for
 * {@code all}), each counted done or failed.
 */
@Component
class NetworkSweepWork implements ScheduledWork {

	private static final Logger log = LoggerFactory.getLogger(NetworkSweepWork.class);

	private static final Duration POLL = Duration.ofSeconds(1);

	private final SweepService sweeps;

	private final NetworkService networks;

	private final DiscoveryProperties properties;

	NetworkSweepWork(SweepService sweeps, NetworkService networks, DiscoveryProperties properties) {
		this.sweeps = sweeps;
		this.networks = networks;
		this.properties = properties;
	}

	@Override
	public ScheduleKind kind() {
		return ScheduleKind.NETWORK_SWEEP;
	}

	@Override
	public Result run(Schedule schedule, long runId, Progress progress) {
		List<Long> targets = (schedule.target().networkIds() != null) ? schedule.target().networkIds() : allSweepable();
		int done = 0;
		int failed = 0;
		String firstError = null;
		progress.counts(new ScheduleRun.Counts(targets.size(), 0, 0));
		for (long networkId : targets) {
			String error = sweep(networkId, "schedule " + schedule.name());
			if (error == null) {
				done++;
			}
			else {
				failed++;
				firstError = (firstError != null) ? firstError : "network " + networkId + ": " + error;
			}
			progress.counts(new ScheduleRun.Counts(targets.size(), done, failed));
		}
		if (firstError != null && done == 0 && !targets.isEmpty()) {
			throw new IllegalStateException(firstError);
		}
		return Result.finished(new ScheduleRun.Counts(targets.size(), done, failed));
	}

	/**
	 * @return null when the sweep ended DONE, else why not
	 */
	private String sweep(long networkId, String by) {
		try {
			Sweep sweep = this.sweeps.start(networkId, by, false);
			while (sweep.state() == Sweep.State.RUNNING) {
				Thread.sleep(POLL.toMillis());
				sweep = this.sweeps.get(sweep.id());
			}
			return (sweep.state() == Sweep.State.DONE) ? null : sweep.state() + ": " + sweep.error();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "Parc is stopping";
		}
		catch (RuntimeException ex) {
			log.info("Scheduled sweep of network {} not done: {}", networkId, ex.getMessage());
			return ex.getMessage();
		}
	}

	private List<Long> allSweepable() {
		List<Long> ids = new ArrayList<>();
		int page = 0;
		List<NetworkSummary> content;
		do {
			content = this.networks.list("", false, new PageRequest(page++, 200)).content();
			for (NetworkSummary summary : content) {
				Network network = summary.network();
				if (network.range().sweepable() && (network.ipVersion() == 6
						|| network.prefix() >= this.properties.largestUnconfirmedPrefix())) {
					ids.add(network.id());
				}
			}
		}
		while (content.size() == 200);
		return ids;
	}

}
